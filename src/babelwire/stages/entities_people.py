"""People in the notable-names table: world leaders and public figures the news names by
surname alone, religious figures, and party members named as a group.

Each line is ``key|English name|forms...`` as in :mod:`babelwire.stages.entities_notable`,
which reads this table with its others; indented lines go on the line before. A ``~`` key
links only in articles about its country: Tories are British, conservatives anywhere.
"""

from __future__ import annotations

# People: religious figures the news names in every language (the Prophet Muhammad,
# Jesus), and party members, named as a group (the Tories, Polish laburzyści): as with
# nationality nouns, the BSNLP guidelines make them mentions of people that link to the party
# (their lines take the party's key)
PEOPLE = """
person:putin|Vladimir Putin|Vladimir Putin|Putin|Vladimír Putin|Władimir Putin|Владимир Путин|
    Володимир Путін|Путин|Путін
person:trump|Donald Trump|Donald Trump|Donald J. Trump|Trump|Доналд Тръмп|Дональд Трамп|
    Дональд Трамп|Тръмп|Трамп
person:biden|Joe Biden|Joe Biden|Biden|Джо Байдън|Джо Байден|Байдън|Байден|Байдена|
    Джозеф Байден
person:merkel|Angela Merkel|Angela Merkel|Merkel|Merkelová|Ангела Меркел|Ангела Меркель|
    Меркел|Меркель|Анґела Меркель
person:macron|Emmanuel Macron|Emmanuel Macron|Macron|Еманюел Макрон|Эммануэль Макрон|
    Еммануель Макрон|Макрон
person:zelensky|Volodymyr Zelensky|Volodymyr Zelensky|Volodymyr Zelenskyy|Zelensky|
    Zelenskyj|Zełenski|Wołodymyr Zełenski|Volodymyr Zelenskyj|Володимир Зеленський|
    Владимир Зеленский|Володимир Зеленски|Зеленський|Зеленский|Зеленски
person:lukashenko|Alexander Lukashenko|Alexander Lukashenko|Lukashenko|Lukašenko|
    Łukaszenka|Aljaksandr Lukašenka|Александр Лукашенко|Олександр Лукашенко|Лукашенко
person:erdogan|Recep Tayyip Erdoğan|Recep Tayyip Erdoğan|Erdoğan|Erdogan|Erdoğana|
    Реджеп Тайип Ердоган|Реджеп Тайип Эрдоган|Ердоган|Эрдоган
person:orban|Viktor Orbán|Viktor Orbán|Viktor Orban|Orbán|Orban|Wiktor Orban|Виктор Орбан|
    Віктор Орбан|Орбан
person:xi-jinping|Xi Jinping|Xi Jinping|Si Ťin-pching|Si Ťin-pchingem|Си Цзиньпин|
    Сі Цзіньпін|Си Дзинпин|Си Цзинпин|习近平
person:stoltenberg|Jens Stoltenberg|Jens Stoltenberg|Stoltenberg|Йенс Столтенберг|
    Єнс Столтенберг|Столтенберг
person:navalny|Alexei Navalny|Alexei Navalny|Navalny|Navalnyj|Nawalny|Aleksiej Nawalny|
    Alexej Navalnyj|Алексей Навальный|Олексій Навальний|Алексей Навални|Навальный|
    Навальний|Навални
person:lavrov|Sergey Lavrov|Sergey Lavrov|Lavrov|Ławrow|Siergiej Ławrow|Sergej Lavrov|
    Сергей Лавров|Сергій Лавров|Лавров
person:tusk|Donald Tusk|Donald Tusk|Tusk|Доналд Туск|Дональд Туск|Туск
person:farage|Nigel Farage|Nigel Farage|Farage|Найджъл Фараж|Найджъл Фарадж|Найджел Фарадж|
    Найджел Фараж|Фараж|Фарадж|Найджел Фаррадж|Фаррадж
person:muhammad|Muhammad|Muhammad|Prophet Muhammad|Mohammed|Mohamed|Muhammed|Mahomet|Mohamet|
    Мухаммед|Мухаммад|Мохаммед|Мохамед|Магомет|Мохамад|Мухамед|Мохаммад
person:jesus|Jesus|Jesus|Jesus Christ|Ježíš|Ježíš Kristus|Jezus|Jezus Chrystus|Jezus Kristus|
    Chrystus|Иисус|Иисус Христос|Исус|Исус Христос|Ісус|Ісус Христос|Христос|Ježíše Krista|
    Ježíšem Kristem|Ježíši Kristu|Jezusa Chrystusa|Chrystusa|Chrystusowi|Христа|Христу|Христом|
    Иисуса Христа|Исуса Христа|Ісуса Христа|Jezusa Kristusa
org:conservatives-uk|Conservative Party|Tory|torysi|torysów|torysami|torysom|torysach|
    toryové|toryů|торите|тори|торі|торїв
~org:conservatives-uk|Conservative Party|консерваторите|консерватори|консерваторы|
    консерваторов|консерваторами|консерваторам|консерваторах|консерваторів|konzervativci|
    konzervativců|konzervativcům|konzervativce|konzervativcích|konservativci|konservativcev|
    konservativcem|konservativce|konservativcih
org:labour-uk|Labour Party|laburzyści|laburzystów|laburzystami|laburzystom|laburzystach|
    Laburzyści|Laburzystów|labouristé|labouristů|labouristy|labouristům|labouristech|laburisti|
    laburistov|laburistom|laburiste|laburistih|лейбъристите|лейбъристи|лейбъристки|
    лейбористы|лейбористов|лейбористами|лейбористам|лейбористах|лейбористи|лейбористів
~org:democrats-us|Democratic Party|Democrats|демократ|демократа|демократу|демократом|демократы|
    демократов|демократам|демократами|демократах|демократка|демократи|демократів|демократът|
    демократите|demokrata|demokraty|demokratów|demokratom|demokratami|demokraci|demokratę|
    demokratą|demokrat|demokraté|demokratů|demokratům|demokrati|demokratov|demokrate|demokratih
~org:republicans-us|Republican Party|Republicans|республиканец|республиканца|республиканцу|
    республиканцем|республиканцы|республиканцев|республиканцам|республиканцами|республиканцах|
    республіканець|республіканця|республіканці|республіканців|республіканцям|республіканцями|
    републиканец|републиканецът|републиканци|републиканците|republikanin|republikanina|
    republikaninowi|republikanie|republikanów|republikanom|republikanami|republikán|
    republikána|republikáni|republikánů|republikánům|republikány|republikanec|republikanca|
    republikancu|republikancem|republikanci|republikancev|republikance|republikancih
"""


__all__ = ["PEOPLE"]

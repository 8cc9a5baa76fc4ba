"""People in the notable-names table: world leaders and public figures of international
news, religious figures, and party members named as a group.

Public figures only, as they appear in the news (the product principle: no private
individuals). A surname alone is listed only where the news means that one person by it
(``Barnier``, ``Obama``); common surnames (Johnson, Davis, Hunt, Clinton, Bush) and a
surname that is also a word (``May``) come only in full names, which the gazetteer finds in
their case forms too (``Theresą May``, ``Joeja Bidna``).

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
    Тръмп|Трамп
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
person:may|Theresa May|Theresa May|Theresa Mayová|Mayová|Тереза Мэй|Тереза Мей|Мэй|Мей
person:johnson|Boris Johnson|Boris Johnson|Борис Джонсон|Борис Джонсън
person:david-davis|David Davis|David Davis|Дэвид Дэвис|Девід Девіс|Дейвид Дейвис
person:barnier|Michel Barnier|Michel Barnier|Barnier|Мишель Барнье|Барнье|Мішель Барньє|
    Барньє|Мишел Барние|Барние
person:hillary-clinton|Hillary Clinton|Hillary Clinton|Хиллари Клинтон|Гілларі Клінтон|
    Хилари Клинтън|Hillary Clintonová
person:bill-clinton|Bill Clinton|Bill Clinton|Билл Клинтон|Білл Клінтон|Бил Клинтън
person:obama|Barack Obama|Barack Obama|Obama|Барак Обама|Обама
person:juncker|Jean-Claude Juncker|Jean-Claude Juncker|Juncker|Жан-Клод Юнкер|Юнкер
person:hammond|Philip Hammond|Philip Hammond|Филип Хаммонд|Філіп Гаммонд|Філіп Хаммонд|
    Филип Хамънд
person:morawiecki|Mateusz Morawiecki|Mateusz Morawiecki|Morawiecki|Матеуш Моравецкий|
    Моравецкий|Матеуш Моравецький|Моравецький|Матеуш Моравецки|Моравецки
person:kamala-harris|Kamala Harris|Kamala Harris|Камала Харрис|Камала Гарріс|Камала Харріс|
    Камала Харис
person:raab|Dominic Raab|Dominic Raab|Raab|Доминик Рааб|Домінік Рааб|Рааб
person:corbyn|Jeremy Corbyn|Jeremy Corbyn|Corbyn|Джереми Корбин|Джеремі Корбін|
    Джеръми Корбин|Корбин|Корбін
person:blair|Tony Blair|Tony Blair|Тони Блэр|Тоні Блер|Тони Блеър
person:poroshenko|Petro Poroshenko|Petro Poroshenko|Poroshenko|Porošenko|Poroszenko|
    Petro Porošenko|Petro Poroszenko|Петр Порошенко|Петро Порошенко|Порошенко
person:pence|Mike Pence|Mike Pence|Pence|Майк Пенс|Пенс
person:maas|Heiko Maas|Heiko Maas|Хайко Маас|Гайко Маас
person:cameron|David Cameron|David Cameron|Дэвид Кэмерон|Девід Кемерон|Дейвид Камерън
person:verhofstadt|Guy Verhofstadt|Guy Verhofstadt|Verhofstadt|Ги Верхофстадт|Верхофстадт|
    Гі Верхофстадт|Ги Верхофстад|Верхофстад
person:imran-khan|Imran Khan|Imran Khan|Imran Chán|Имран Хан|Імран Хан
person:babis|Andrej Babiš|Andrej Babiš|Babiš|Андрей Бабиш|Андрій Бабіш|Бабиш|Бабіш
person:gore|Al Gore|Al Gore|Эл Гор|Ел Гор|Ал Гор
person:duda|Andrzej Duda|Andrzej Duda|Анджей Дуда
person:pelosi|Nancy Pelosi|Nancy Pelosi|Pelosi|Нэнси Пелоси|Ненси Пелоси|Нанси Пелоси|
    Пелоси|Ненсі Пелосі|Пелосі
person:jeremy-hunt|Jeremy Hunt|Jeremy Hunt|Джереми Хант|Джеремі Гант|Джеремі Хант|
    Джереми Хънт
person:von-der-leyen|Ursula von der Leyen|Ursula von der Leyen|Урсула фон дер Ляйен|
    Урсула фон дер Ляєн|Урсула фон дер Лайен
person:pompeo|Mike Pompeo|Mike Pompeo|Pompeo|Майк Помпео|Помпео|Майк Помпейо|Помпейо
person:giuliani|Rudy Giuliani|Rudy Giuliani|Giuliani|Руди Джулиани|Джулиани|Руді Джуліані|
    Джуліані
person:skripal|Sergei Skripal|Sergei Skripal|Skripal|Siergiej Skripal|Sergej Skripal|
    Сергей Скрипаль|Скрипаль|Сергій Скрипаль|Сергей Скрипал|Скрипал
person:melania-trump|Melania Trump|Melania Trump|Мелания Трамп|Меланія Трамп|
    Мелания Тръмп
person:varadkar|Leo Varadkar|Leo Varadkar|Varadkar|Лео Варадкар|Варадкар
person:alexey-miller|Alexey Miller|Alexey Miller|Aleksej Miller|Aleksiej Miller|
    Алексей Миллер|Алексей Милер|Олексій Міллер
person:sefcovic|Maroš Šefčovič|Maroš Šefčovič|Šefčovič|Maroš Szefczovicz|Szefczovicz|
    Szefczowicz|Марош Шефчович|Шефчович|Марош Шевчович
person:hunter-biden|Hunter Biden|Hunter Biden|Хантер Байден|Хънтър Байдън|Гантер Байден
person:benedict-xvi|Benedict XVI|Benedict XVI|Benedykt XVI|Benedikt XVI|Бенедикт XVI
person:rudd|Amber Rudd|Amber Rudd|Amber Ruddová|Амбър Ръд|Эмбер Радд|Ембер Радд
person:soros|George Soros|George Soros|Soros|Джордж Сорос|Дьордь Сорош|Сорос
person:sanders|Bernie Sanders|Bernie Sanders|Берни Сандерс|Берні Сандерс|Бърни Сандърс
person:rees-mogg|Jacob Rees-Mogg|Jacob Rees-Mogg|Rees-Mogg|Джейкъб Рийс-Мог|Рийс-Мог|
    Джейкоб Рис-Могг|Рис-Могг|Джейкоб Ріс-Могг|Ріс-Могг
person:sturgeon|Nicola Sturgeon|Nicola Sturgeon|Sturgeon|Sturgeonová|Никола Стърджън|
    Стърджън|Никола Стерджен|Стерджен|Нікола Стерджен
person:mcconnell|Mitch McConnell|Mitch McConnell|McConnell|Митч Макконнелл|Макконнелл|
    Мич Макконъл|Макконъл|Мітч Макконнелл
person:schroeder|Gerhard Schröder|Gerhard Schröder|Gerhard Schroeder|Герхард Шрёдер|
    Герхард Шредер|Герхард Шрьодер
person:gove|Michael Gove|Michael Gove|Майкл Гоув|Майкъл Гоув|Гоув
person:zakharova|Maria Zakharova|Maria Zakharova|Marija Zaharova|Maria Zacharowa|
    Marija Zacharovová|Мария Захарова|Марія Захарова
person:peskov|Dmitry Peskov|Dmitry Peskov|Dmitrij Peskov|Dmitrij Pieskow|Pieskow|
    Дмитрий Песков|Дмитро Пєсков|Песков|Пєсков
person:reagan|Ronald Reagan|Ronald Reagan|Рональд Рейган|Роналд Рейгън|Рейган|Рейгън
person:blinken|Antony Blinken|Antony Blinken|Blinken|Энтони Блинкен|Ентоні Блінкен|
    Антъни Блинкен|Блинкен|Блінкен
person:sahin|Uğur Şahin|Uğur Şahin|Ugur Sahin|Угур Шахин|Угур Шахін
person:zuckerberg|Mark Zuckerberg|Mark Zuckerberg|Zuckerberg|Марк Цукерберг|Цукерберг|
    Марк Зукърбърг|Зукърбърг
person:mccain|John McCain|John McCain|Джон Маккейн|Маккейн
person:cruz|Ted Cruz|Ted Cruz|Тед Круз
person:kurz|Sebastian Kurz|Sebastian Kurz|Себастьян Курц|Себастиан Курц
person:salvini|Matteo Salvini|Matteo Salvini|Salvini|Маттео Сальвини|Сальвини|
    Матео Салвини|Салвини|Маттео Сальвіні|Сальвіні
person:starmer|Keir Starmer|Keir Starmer|Starmer|Кир Стармер|Кір Стармер|Кир Стармър|
    Стармер|Стармър
person:trudeau|Justin Trudeau|Justin Trudeau|Trudeau|Джастин Трюдо|Джастін Трюдо|
    Джъстин Трюдо|Трюдо
person:oettinger|Günther Oettinger|Günther Oettinger|Guenther Oettinger|Oettinger|
    Гюнтер Эттингер|Гюнтер Йотингер|Гюнтер Еттінгер
person:javid|Sajid Javid|Sajid Javid|Саджид Джавид|Саджид Джавід
person:tillerson|Rex Tillerson|Rex Tillerson|Tillerson|Рекс Тиллерсон|Тиллерсон|
    Рекс Тілерсон|Тілерсон|Рекс Тилърсън|Тилърсън
person:kerry|John Kerry|John Kerry|Джон Керри|Джон Керрі|Джон Кери
person:romney|Mitt Romney|Mitt Romney|Romney|Митт Ромни|Ромни|Мітт Ромні|Мит Ромни
person:lindsey-graham|Lindsey Graham|Lindsey Graham|Линдси Грэм|Ліндсі Грем|Линдзи Греъм
person:fauci|Anthony Fauci|Anthony Fauci|Fauci|Энтони Фаучи|Фаучи|Ентоні Фаучі|Фаучі|
    Антъни Фаучи
person:rutte|Mark Rutte|Mark Rutte|Rutte|Марк Рютте|Рютте|Марк Рюте|Рюте
person:charles-michel|Charles Michel|Charles Michel|Шарль Мишель|Шарль Мішель|Шарл Мишел
person:hitler|Adolf Hitler|Adolf Hitler|Hitler|Адольф Гитлер|Гитлер|Адольф Гітлер|Гітлер|
    Адолф Хитлер|Хитлер
person:thatcher|Margaret Thatcher|Margaret Thatcher|Thatcher|Thatcherová|Маргарет Тэтчер|
    Тэтчер|Маргарет Тетчер|Тетчер|Маргарет Тачър|Тачър
person:medvedev|Dmitry Medvedev|Dmitry Medvedev|Dmitrij Medveděv|Dmitrij Miedwiediew|
    Miedwiediew|Medveděv|Дмитрий Медведев|Дмитро Медведєв|Медведєв
person:jill-biden|Jill Biden|Jill Biden|Jill Bidenová|Джилл Байден|Джил Байдън
person:raffensperger|Brad Raffensperger|Brad Raffensperger|Raffensperger|
    Брэд Раффенспергер|Бред Раффенспергер|Раффенспергер|Брад Рафенспергър
person:zakharieva|Ekaterina Zakharieva|Ekaterina Zakharieva|Ekaterina Zachariewa|
    Екатерина Захариева
person:czaputowicz|Jacek Czaputowicz|Jacek Czaputowicz|Czaputowicz|Яцек Чапутович|
    Чапутович
person:grenell|Richard Grenell|Richard Grenell|Grenell|Ричард Гренелл|Гренелл|
    Річард Гренелл|Ричард Гренъл
person:muhammad|Muhammad|Muhammad|Prophet Muhammad|Mohammed|Mohamed|Muhammed|Mahomet|Mohamet|
    Мухаммед|Мухаммад|Мохаммед|Мохамед|Магомет|Мохамад|Мухамед|Мохаммад
person:jesus|Jesus|Jesus|Jesus Christ|Ježíš|Ježíš Kristus|Jezus|Jezus Chrystus|Jezus Kristus|
    Chrystus|Иисус|Иисус Христос|Исус|Исус Христос|Ісус|Ісус Христос|Христос|Ježíše Krista|
    Ježíšem Kristem|Ježíši Kristu|Jezusa Chrystusa|Chrystusa|Chrystusowi|Христа|Христу|Христом|
    Иисуса Христа|Исуса Христа|Ісуса Христа|Jezusa Kristusa
person:george-w-bush|George W. Bush|George W. Bush|George Bush|George Walker Bush|
    Джордж Буш|Джордж Буш-младший|Джордж Буш-молодший|Джордж Буш-младши|Джордж У. Буш|
    Джордж Бъш|Джордж У. Бъш|Джордж Уокър Буш|Джордж Уокер Буш|Джордж Вокер Буш
person:pope-francis|Pope Francis|Pope Francis|Франциск|Франциска|Франциску|Франциском
person:borisov|Boyko Borisov|Boyko Borisov|Bojko Borisov|Бойко Борисов|Бойко Борисова
person:elizabeth-ii|Elizabeth II|Elizabeth II|Queen Elizabeth II|Elżbieta II|Elżbiety II|
    Elżbiecie II|Elżbietą II|Елизавета II|Елизаветы II|Елизавете II|Елизавету II|
    Єлизавета II|Єлизавети II|Єлизаветі II|Елизабет II|Елизабет Втора|Alžběta II.|
    Alžběty II.|Alžbětě II.|Alžbětou II.|Alžběta II|Alžběty II|Elizabeta II|Elizabete II|
    Elizabeti II|Elizabeto II
person:jansa|Janez Janša|Janez Janša|Janša|Janez Jansa|Янез Янша|Янша
person:pahor|Borut Pahor|Borut Pahor|Pahor|Борут Пахор|Пахор
person:sarec|Marjan Šarec|Marjan Šarec|Šarec|Šarca|Šarcu|Šarcem|Šarcom|Марјан Шарец|
    Марян Шарец|Шарец
person:liam-fox|Liam Fox|Liam Fox|Лиъм Фокс|Лиам Фокс|Лайам Фокс|Ліам Фокс
person:greg-clark|Greg Clark|Greg Clark|Грег Кларк
person:coveney|Simon Coveney|Simon Coveney|Coveney|Саймън Кавъни|Саймън Ковини|
    Саймън Коувъни|Саймън Ковъни|Саймон Ковени|Саймон Ковні|Коувъни|Кавъни|Ковъни|Ковени
person:schinas|Margaritis Schinas|Margaritis Schinas|Schinas|Маргаритис Схинас|
    Маргарітіс Схінас|Схинас|Схінас
person:klimkin|Pavlo Klimkin|Pavlo Klimkin|Pawło Klimkin|Павло Клімкін|Павел Климкин|
    Павло Климкин|Клімкін|Климкин|Klimkin
person:barr|William Barr|William Barr|Bill Barr|Уильям Барр|Уилям Бар|Вільям Барр
person:lokke-rasmussen|Lars Løkke Rasmussen|Lars Løkke Rasmussen|Lars Lokke Rasmussen|
    Ларс Льоке Расмусен|Ларс Локе Расмусен|Ларс Лёкке Расмуссен|Ларс Льокке Расмуссен
person:leszek-miller|Leszek Miller|Leszek Miller|Лешек Миллер|Лешек Міллер
person:prymula|Roman Prymula|Roman Prymula|Prymula|Роман Примула
person:dworczyk|Michał Dworczyk|Michał Dworczyk|Dworczyk|Михал Дворчик|Міхал Дворчик
person:alexander-novak|Alexander Novak|Alexander Novak|Aleksandr Novak|Alexandr Novak|
    Александр Новак|Олександр Новак|Александър Новак
person:tedros|Tedros Adhanom Ghebreyesus|Tedros Adhanom Ghebreyesus|Tedros Adhanom|
    Tedros|Ghebreyesus|Тедрос Аданом Гебрейесус|Тедрос Адханом Гебреисус|
    Тедрос Аданом Гебреисус|Тедрос Адханом Гебрейесус|Тедрос|Гебрейесус|Гебреисус
person:steve-baker|Steve Baker|Steve Baker|Стив Бейкер|Стів Бейкер|Стийв Бейкър
person:grieve|Dominic Grieve|Dominic Grieve|Grieve|Доминик Грийв|Доминик Грив|Домінік Грів|
    Грийв
person:soubry|Anna Soubry|Anna Soubry|Soubry|Анна Соубри|Ана Субри|Ана Собри|Ана Соубри|
    Анна Субри|Соубри|Субри
person:arron-banks|Arron Banks|Arron Banks|Aaron Banks|Аррон Бэнкс|Арон Банкс|Аррон Бенкс|
    Арон Бенкс|Арън Банкс
person:oleary|Michael O'Leary|Michael O'Leary|Michael O’Leary|O'Leary|O’Leary|
    Майкъл О'Лиъри|Майкъл О’Лиъри|Майкл О'Лири|Майкл О’Лири|Майкл О'Лірі|Майкл О’Лірі|
    О'Лири|О’Лири|О'Лірі|О’Лірі|О'Лиъри|О’Лиъри
person:kenny-jacobs|Kenny Jacobs|Kenny Jacobs|Кенни Джейкобс|Кенні Джейкобс|Кени Джейкъбс
person:sidney-powell|Sidney Powell|Sidney Powell|Сидни Пауэлл|Сідні Пауелл|Сидни Пауъл
person:trump-jr|Donald Trump Jr.|Donald Trump Jr.|Donald Trump Jr|Donald Trump mladší|
    Donald Trump mlajši|Дональд Трамп-младший|Доналд Тръмп-младши|Дональд Трамп-молодший
person:taseer|Salmaan Taseer|Salmaan Taseer|Salman Taseer|Salmán Tasír|Салман Тасир|
    Салман Тазир|Салман Тасеер|Тасир|Tasír|Taseer
person:rizvi|Khadim Hussain Rizvi|Khadim Hussain Rizvi|Khadim Rizvi|Chádim Husajn Rizví|
    Хадим Хусейн Ризви|Хадим Хюсеин Ризви|Хадим Ризви|Rizví|Rizvi|Ризви
person:saqib-nisar|Saqib Nisar|Mian Saqib Nisar|Saqib Nisar|Сакиб Нисар|Сакиб Низар|
    Миан Сакиб Нисар
person:fawad-chaudhry|Fawad Chaudhry|Fawad Chaudhry|Fawad Chaudry|Fawad Ahmed Chaudhry|
    Fauád Čaudhrí|Фавад Чаудхри|Фавад Чаудри
person:hafiz-saeed|Hafiz Saeed|Hafiz Saeed|Hafiz Muhammad Saeed|Háfiz Saíd|Хафиз Саид|
    Хафиз Мухаммад Саид
person:shahbaz-bhatti|Shahbaz Bhatti|Shahbaz Bhatti|Šáhbáz Bhattí|Шахбаз Бхатти|
    Шахбаз Бхати
person:ocasio-cortez|Alexandria Ocasio-Cortez|Alexandria Ocasio-Cortez|Ocasio-Cortez|
    Александрия Окасио-Кортес|Окасио-Кортес|Александрія Окасіо-Кортес|Окасіо-Кортес
person:vince-cable|Vince Cable|Vince Cable|Винс Кейбъл|Винс Кейбл|Вінс Кейбл
person:michael-flynn|Michael Flynn|Michael Flynn|Майкл Флинн|Майкъл Флин|Майкл Флінн
person:esper|Mark Esper|Mark Esper|Esper|Марк Эспер|Марк Еспър|Марк Еспер|Эспер|Еспър|Еспер
person:john-major|John Major|John Major|Джон Мейджор|Джон Мейджър|Джон Мейджор
person:jfk|John F. Kennedy|John F. Kennedy|John Kennedy|Джон Кеннеди|Джон Кенеди|
    Джон Ф. Кеннеди|Джон Ф. Кенеди|Джон Кеннеді|Джон Ф. Кеннеді
person:spahn|Jens Spahn|Jens Spahn|Spahn|Йенс Шпан|Єнс Шпан|Шпан
person:kushner|Jared Kushner|Jared Kushner|Kushner|Джаред Кушнер|Джаред Къшнер|Джаред Къшнър|
    Кушнер|Къшнер
person:umunna|Chuka Umunna|Chuka Umunna|Umunna|Чука Умуна|Чъка Умуна|Умуна
person:vojtech|Adam Vojtěch|Adam Vojtěch|Адам Войтех
person:groysman|Volodymyr Groysman|Volodymyr Groysman|Groysman|Hrojsman|Grojsman|
    Володимир Гройсман|Владимир Гройсман|Гройсман
person:altmaier|Peter Altmaier|Peter Altmaier|Altmaier|Петер Алтмайер|Петер Альтмайер|
    Петер Альтмаєр|Алтмайер|Альтмайер|Альтмаєр
person:clegg|Nick Clegg|Nick Clegg|Clegg|Ник Клег|Нік Клеґ|Ник Клегг|Клег|Клегг
person:kim-jong-un|Kim Jong Un|Kim Jong Un|Kim Jong-un|Ким Чен Ын|Ким Чен Ына|Ким Чен Ыном|
    Кім Чен Ин|Ким Чен Ун|Ким Чен-ун|Kim Čong-un|Kim Dzong Un|Kim Džong Un
person:mcenany|Kayleigh McEnany|Kayleigh McEnany|McEnany|Кейли Макинэни|Кайли Макинани|
    Кейли Макенани|Макинани|Макинэни
person:jake-sullivan|Jake Sullivan|Jake Sullivan|Джейк Салливан|Джейк Салліван|Джейк Съливан
person:schumer|Chuck Schumer|Chuck Schumer|Schumer|Чак Шумер|Чък Шумър|Шумер|Шумър
person:tajani|Antonio Tajani|Antonio Tajani|Tajani|Антонио Таяни|Антоніо Таяні|Таяни|Таяні
person:guterres|António Guterres|António Guterres|Antonio Guterres|Guterres|
    Антониу Гутерриш|Антониу Гутериш|Антоніу Гутерреш|Антонио Гутерреш|Гутерриш|Гутериш|
    Гутерреш
person:golikova|Tatyana Golikova|Tatyana Golikova|Татьяна Голикова|Taťjana Golikovová|
    Tatjana Golikova
person:bannon|Steve Bannon|Steve Bannon|Bannon|Стив Бэннон|Стив Банън|Стів Беннон|Бэннон|
    Банън|Беннон
person:ginsburg|Ruth Bader Ginsburg|Ruth Bader Ginsburg|Рут Бейдер Гинзбург|Рут Гинзбург|
    Рут Бейдер Гінзбург
person:buttigieg|Pete Buttigieg|Pete Buttigieg|Buttigieg|Пит Буттиджич|Пийт Бутиджидж|
    Бутиджидж|Буттиджич|Буттіджедж|Піт Буттіджедж
person:zeman|Miloš Zeman|Miloš Zeman|Zeman|Милош Земан|Мілош Земан
person:meghan-markle|Meghan Markle|Meghan Markle|Markle|Меган Маркъл|Меган Маркл|Маркл|Маркъл
person:manfred-weber|Manfred Weber|Manfred Weber|Манфред Вебер
person:psaki|Jen Psaki|Jen Psaki|Psaki|Джен Псаки|Джен Псакі|Псаки|Псакі
person:kaczynski|Jarosław Kaczyński|Jarosław Kaczyński|Kaczyński|Kaczynski|
    Ярослав Качиньский|Ярослав Качинський|Ярослав Качински|Качиньский|Качинський
person:duncan-smith|Iain Duncan Smith|Iain Duncan Smith|Иън Дънкан Смит|Иэн Дункан Смит|
    Иан Дункан Смит
person:gavin-williamson|Gavin Williamson|Gavin Williamson|Гэвин Уильямсон|Гавин Уилямсън|
    Гевин Уилямсън|Гевін Вільямсон
person:mogherini|Federica Mogherini|Federica Mogherini|Mogherini|Федерика Могерини|
    Федеріка Могеріні|Могерини|Могеріні
person:wylie|Christopher Wylie|Christopher Wylie|Кристофър Уайли|Кристофер Уайли
person:krebs|Christopher Krebs|Christopher Krebs|Кристофер Кребс
person:assad|Bashar al-Assad|Bashar al-Assad|Assad|Asad|Башар Асад|Башар аль-Асад|
    Bašár Asad|Baszar al-Asad|Асад|Асада|Асаду
person:cuomo|Andrew Cuomo|Andrew Cuomo|Cuomo|Эндрю Куомо|Ендрю Куомо|Андрю Куомо|Куомо
person:bourla|Albert Bourla|Albert Bourla|Bourla|Альберт Бурла|Бурла
person:mueller|Robert Mueller|Robert Mueller|Роберт Мюллер|Робърт Мълър
person:jefferson|Thomas Jefferson|Thomas Jefferson|Томас Джефферсон|Томас Джеферсън
person:sadiq-khan|Sadiq Khan|Sadiq Khan|Садик Хан|Садик Кан|Садік Хан|Садік Кан
person:nixon|Richard Nixon|Richard Nixon|Nixon|Ричард Никсон|Ричард Никсън|Річард Ніксон|
    Никсон|Никсън|Ніксон
person:murashko|Mikhail Murashko|Mikhail Murashko|Михаил Мурашко|Muraško|Мурашко
person:hancock|Matt Hancock|Matt Hancock|Мэтт Хэнкок|Мэттью Хэнкок|Мат Ханкок|Метт Генкок
person:simonyan|Margarita Simonyan|Margarita Simonyan|Simonyan|Simonjan|Маргарита Симоньян|
    Симоньян
person:borrell|Josep Borrell|Josep Borrell|Borrell|Жозеп Боррель|Хосеп Борель|Боррель
person:jimmy-carter|Jimmy Carter|Jimmy Carter|Джимми Картер|Джими Картър|Джиммі Картер
person:steinmeier|Frank-Walter Steinmeier|Frank-Walter Steinmeier|Steinmeier|
    Франк-Вальтер Штайнмайер|Франк-Валтер Щайнмайер|Франк-Вальтер Штайнмаєр|Штайнмайер|
    Щайнмайер|Штайнмаєр
person:brian-kemp|Brian Kemp|Brian Kemp|Брайан Кемп
person:klobuchar|Amy Klobuchar|Amy Klobuchar|Klobuchar|Эми Клобучар|Емі Клобучар|
    Емі Клобушар|Клобучар
person:mayorkas|Alejandro Mayorkas|Alejandro Mayorkas|Mayorkas|Алехандро Майоркас|Майоркас
person:lincoln|Abraham Lincoln|Abraham Lincoln|Авраам Линкольн|Ейбрахам Линкълн|
    Авраам Лінкольн
person:shokin|Viktor Shokin|Viktor Shokin|Виктор Шокин|Віктор Шокін|Шокин|Шокін
person:susan-collins|Susan Collins|Susan Collins|Сюзан Колинс|Сьюзен Коллинз
person:braverman|Suella Braverman|Suella Braverman|Braverman|Суэлла Браверман|
    Сюелла Браверман|Браверман
person:mnuchin|Steven Mnuchin|Steven Mnuchin|Mnuchin|Стивен Мнучин|Стивън Мнучин|Мнучин
person:martin-schulz|Martin Schulz|Martin Schulz|Мартин Шулц|Мартин Шульц
person:kosachev|Konstantin Kosachev|Konstantin Kosachev|Константин Косачев|Kosaczew|
    Косачев
person:le-drian|Jean-Yves Le Drian|Jean-Yves Le Drian|Le Drian|Жан-Ив Льо Дриан|
    Жан-Ив Ле Дриан|Жан-Ів Ле Дріан|Льо Дриан|Ле Дриан
person:chavez|Hugo Chávez|Hugo Chávez|Hugo Chavez|Уго Чавес
person:solberg|Erna Solberg|Erna Solberg|Solberg|Ерна Солберг|Эрна Сольберг|Ерна Сольберг|
    Солберг|Сольберг
person:timmermans|Frans Timmermans|Frans Timmermans|Timmermans|Франс Тимерманс|
    Франс Тиммерманс|Тимерманс|Тиммерманс
person:fdr|Franklin D. Roosevelt|Franklin D. Roosevelt|Franklin Roosevelt|Франклин Рузвельт|
    Франклин Рузвелт|Франклін Рузвельт|Рузвельт
person:churchill|Winston Churchill|Winston Churchill|Churchill|Уинстън Чърчил|
    Уинстон Черчилль|Вінстон Черчилль|Чърчил|Черчилль|Черчилль|Черчиль
person:shinzo-abe|Shinzo Abe|Shinzo Abe|Šinzo Abe|Šinzó Abe|Синдзо Абэ|Шиндзо Абе|Сіндзо Абе
person:modi|Narendra Modi|Narendra Modi|Naréndra Módí|Нарендра Моди|Нарендра Моді|Моди
person:sarkozy|Nicolas Sarkozy|Nicolas Sarkozy|Sarkozy|Николя Саркози|Никола Саркози|
    Ніколя Саркозі|Саркози|Саркозі
person:frederiksen|Mette Frederiksen|Mette Frederiksen|Мете Фредериксен|Метте Фредериксен|
    Метте Фредеріксен
person:vestager|Margrethe Vestager|Margrethe Vestager|Vestager|Маргрете Вестагер|
    Маргрете Вестагер|Вестагер
person:conte|Giuseppe Conte|Giuseppe Conte|Джузеппе Конте|Джузепе Конте|Джозепе Конте
person:pedro-sanchez|Pedro Sánchez|Pedro Sánchez|Pedro Sanchez|Педро Санчес
person:shoigu|Sergei Shoigu|Sergei Shoigu|Shoigu|Szojgu|Šojgu|Сергей Шойгу|Сергій Шойгу|
    Шойгу
person:mishustin|Mikhail Mishustin|Mikhail Mishustin|Михаил Мишустин|Михайло Мішустін|
    Мишустин|Мішустін|Mišustin|Miszustin
person:dombrovskis|Valdis Dombrovskis|Valdis Dombrovskis|Dombrovskis|Валдис Домбровскис|
    Валдіс Домбровскіс|Домбровскис|Домбровскіс
person:zarif|Mohammad Javad Zarif|Mohammad Javad Zarif|Javad Zarif|Мохаммад Джавад Зариф|
    Мохамад Джавад Зариф|Мохаммад Джавад Заріф|Джавад Зариф
person:cavusoglu|Mevlüt Çavuşoğlu|Mevlüt Çavuşoğlu|Mevlut Cavusoglu|Çavuşoğlu|Cavusoglu|
    Мевлют Чавушоглу|Мевлют Чавушоглу|Чавушоглу
person:scott-morrison|Scott Morrison|Scott Morrison|Скотт Моррисон|Скот Морисън|
    Скотт Моррісон
person:duterte|Rodrigo Duterte|Rodrigo Duterte|Duterte|Родриго Дутерте|Дутерте
person:nikki-haley|Nikki Haley|Nikki Haley|Ники Хейли|Никки Хейли|Ніккі Гейлі
person:michelle-obama|Michelle Obama|Michelle Obama|Мишел Обама|Мишель Обама|Мішель Обама
person:manafort|Paul Manafort|Paul Manafort|Manafort|Пол Манафорт|Манафорт
person:booker|Cory Booker|Cory Booker|Кори Букър|Кори Букер|Корі Букер
person:hawley|Josh Hawley|Josh Hawley|Джош Хоули|Джош Гоулі
person:murkowski|Lisa Murkowski|Lisa Murkowski|Murkowski|Лиза Мърковски|Лиза Мурковски|
    Ліза Мурковскі
person:palin|Sarah Palin|Sarah Palin|Сара Пейлин|Сара Пейлін|Сара Пейлен
person:yeltsin|Boris Yeltsin|Boris Yeltsin|Борис Ельцин|Борис Єльцин|Борис Елцин|Ельцин|
    Єльцин|Jelcyn|Jelcin|Jeľcin
person:khrushchev|Nikita Khrushchev|Nikita Khrushchev|Никита Хрущёв|Никита Хрущев|
    Микита Хрущов|Никита Хрушчов|Хрущёв|Хрущев|Хрущов|Hruščov|Chruščov|Chruszczow
person:chamberlain|Neville Chamberlain|Neville Chamberlain|Невилл Чемберлен|Невил Чембърлейн
person:hidalgo|Anne Hidalgo|Anne Hidalgo|Анн Идальго|Ан Идалго|Анн Ідальго
person:seibert|Steffen Seibert|Steffen Seibert|Штеффен Зайберт|Щефен Зайберт|Зайберт
person:drosten|Christian Drosten|Christian Drosten|Drosten|Кристиан Дростен|
    Крістіан Дростен|Дростен
person:tureci|Özlem Türeci|Özlem Türeci|Ozlem Tureci|Türeci|Озлем Тюречи|Озлем Тюреджі|
    Тюречи|Тюреджі
person:zardari|Asif Ali Zardari|Asif Ali Zardari|Zardari|Асиф Али Зардари|Зардари
person:bajwa|Qamar Javed Bajwa|Qamar Javed Bajwa|Камар Джавед Баджва|Камар Джавед Байва
person:stacey-abrams|Stacey Abrams|Stacey Abrams|Стейси Абрамс|Стейсі Абрамс
person:wendy-sherman|Wendy Sherman|Wendy Sherman|Венди Шерман|Венді Шерман
person:steyer|Tom Steyer|Tom Steyer|Том Стайер|Том Стаєр
person:ross-perot|Ross Perot|Ross Perot|Росс Перо
person:bloomberg|Michael Bloomberg|Michael Bloomberg|Майкл Блумберг|Майкъл Блумбърг
person:niki-lauda|Niki Lauda|Niki Lauda|Ники Лауда|Нікі Лауда
person:willie-walsh|Willie Walsh|Willie Walsh|Уилли Уолш|Уилли Уэлш
person:batten|Gerard Batten|Gerard Batten|Batten|Джерард Батън|Джерард Баттен
person:alexander-nix|Alexander Nix|Alexander Nix|Александр Никс|Александър Никс
person:kogan|Aleksandr Kogan|Aleksandr Kogan|Alexandr Kogan|Александр Коган
person:andrew-jackson|Andrew Jackson|Andrew Jackson|Эндрю Джексон|Ендрю Джексон
person:taft|William Howard Taft|William Howard Taft|Уильям Говард Тафт|Уильям Тафт
person:brokenshire|James Brokenshire|James Brokenshire|Brokenshire|Джеймс Броукъншайър|
    Джеймс Брокеншир|Броукъншайър
person:mary-lou-mcdonald|Mary Lou McDonald|Mary Lou McDonald|Мери Лу Макдоналд|
    Мэри Лу Макдональд
person:naimski|Piotr Naimski|Piotr Naimski|Naimski|Пётр Наимский|Петр Наимский
person:zerkal|Olena Zerkal|Olena Zerkal|Олена Зеркаль|Елена Зеркаль|Zerkal|Zerkalová
person:mkhize|Zweli Mkhize|Zweli Mkhize|Mkhize|Цвели Мхизе
person:dukakis|Michael Dukakis|Michael Dukakis|Майкл Дукакис|Dukakis|Дукакис
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

"""Companies, broadcasters, universities and agencies the international news names, in the
corpus languages: part of the table of notable names (:mod:`babelwire.stages.entities_notable`),
in its format (``key|English name|forms...``, going on over indented lines; ``xx:`` before a
form limits it to one language). Written by hand, as that table was.

Companies, universities and agencies are organisations; a channel, a newspaper, an app or a
model of aircraft is a product, as the BSNLP guidelines have them. Names that are also
common words or given names are left out or given only in full (``General`` alone is a
title, ``Ema`` a given name, Czech ``Ano`` "yes"). Treaties described in lower-case words
are listed in Slovene, whose annotators label them (``iranskega jedrskega sporazuma``), and
not in Russian, Polish or Bulgarian, whose annotators do not (``иранской ядерной сделки``).
"""

from __future__ import annotations

ORGANISATIONS = """
org:bg-covid-hq|National Operational Headquarters (Bulgaria)|Националния оперативен щаб|
    Националният оперативен щаб|Национален оперативен щаб|Национални оперативен щаб
org:bma|British Medical Association|British Medical Association|BMA|
    Британската медицинска асоциация|Британска медицинска асоциация|
    Британская медицинская ассоциация|Британська медична асоціація|
    Brytyjskie Stowarzyszenie Medyczne|Britská lékařská asociace
org:acn|Aid to the Church in Need|Aid to the Church in Need|Kirche in Not|
    Pomoc Kościołowi w Potrzebie|Papieskie Stowarzyszenie Pomoc Kościołowi w Potrzebie|
    Papieskiego Stowarzyszenia Pomoc Kościołowi w Potrzebie|Помощ за страдащата Църква|
    Помощь Церкви в беде|Církev v nouzi|Pomoc trpící církvi
org:bg-air-squadron-28|28th Air Detachment|Авиоотряд 28|Авиоотряд-28
org:nijz|National Institute of Public Health (Slovenia)|Nacionalni inštitut za javno zdravje|
    Nacionalnega inštituta za javno zdravje|Nacionalnemu inštitutu za javno zdravje|
    Nacionalnem inštitutu za javno zdravje|Nacionalnim inštitutom za javno zdravje|NIJZ
org:roskomnadzor|Roskomnadzor|Роскомнадзор|Roskomnadzor
org:rospotrebnadzor|Rospotrebnadzor|Роспотребнадзор|Rospotrebnadzor
org:wada|World Anti-Doping Agency|WADA|ВАДА|Svetovna antidopinška agencija|
    Svetovne antidopinške agencije|Světová antidopingová agentura|
    Światowa Agencja Antydopingowa|Всемирное антидопинговое агентство
org:general-motors|General Motors|General Motors|Дженерал Моторс|Дженерал Моторз|
    Джънерал Мотърс
org:general-electric|General Electric|General Electric|Дженерал Электрик|Дженерал Електрик
org:jaguar-land-rover|Jaguar Land Rover|Jaguar Land Rover|Jaguara Land Rovera|
    Jaguarju Land Roverju|Ягуар Ленд Ровер|Ягуар Ланд Ровър
org:nissan|Nissan|Nissan|Nissana|Nissanu|Nissanem|Ниссан|Нисан
org:volkswagen|Volkswagen|Volkswagen|Volkswagena|Volkswagenu|Volkswagenem|Фольксваген|
    Фолксваген
org:siemens|Siemens|Siemens|Siemensa|Siemensu|Siemensem|Сименс|Сіменс
org:deutsche-bank|Deutsche Bank|Deutsche Bank|Дойче Банк|Дойче банк|Deutsche Banku
org:jpmorgan|JPMorgan Chase|JPMorgan|JPMorgan Chase|J.P. Morgan|Джей Пи Морган
org:hsbc|HSBC|HSBC
org:netflix|Netflix|Netflix|Netflixu|Netfliksa|Нетфликс|Нетфлікс
org:sinopharm|Sinopharm|Sinopharm|Sinopharmu|Синофарм
org:embraer|Embraer|Embraer|Embraeru|Эмбраер|Ембраер
org:alibaba|Alibaba Group|Alibaba|Alibaba Group|Алибаба|Алібаба
org:airbnb|Airbnb|Airbnb|Airbnb-u|Эйрбиэнби
org:uber|Uber|Uber|Ubera|Uberu|Убер
org:oxford-university|University of Oxford|University of Oxford|Oxford University|
    Oxfordská univerzita|Oxfordské univerzity|Oxfordské univerzitě|Oxfordskou univerzitu|
    oxfordská univerzita|oxfordské univerzity|oxfordské univerzitě|oxfordskou univerzitu|
    oxfordskou univerzitou|Uniwersytet Oksfordzki|Uniwersytetu Oksfordzkiego|
    Uniwersytecie Oksfordzkim|Uniwersytetem Oksfordzkim|uniwersytet oksfordzki|
    uniwersytetu oksfordzkiego|uniwersytecie oksfordzkim|uniwersytetem oksfordzkim|
    Oxfordska univerza|Oxfordske univerze|Oxfordski univerzi|Oxfordsko univerzo|
    oxfordska univerza|oxfordske univerze|oxfordski univerzi|oxfordsko univerzo|
    Оксфордский университет|Оксфордского университета|Оксфордском университете|
    Оксфордским университетом|оксфордский университет|оксфордского университета|
    оксфордском университете|оксфордским университетом|оксфордскому университету|
    Оксфордський університет|Оксфордського університету|оксфордський університет|
    оксфордського університету|оксфордському університеті|Оксфордският университет|
    Оксфордския университет|оксфордският университет|оксфордския университет
org:cambridge-university|University of Cambridge|University of Cambridge|Cambridge University|
    Uniwersytet Cambridge|Uniwersytetu Cambridge|Univerzita v Cambridge|
    Кембриджский университет|Кембриджского университета|Кембриджський університет|
    Кеймбриджкият университет|Кеймбриджкия университет
org:lse|London School of Economics|London School of Economics|
    London School of Economics and Political Science|LSE|Лондонская школа экономики|
    Лондонской школы экономики|Лондонска школа по икономика|Лондонската школа по икономика
org:imperial-college|Imperial College London|Imperial College London|Imperial College|
    Имперский колледж Лондона|Имперского колледжа Лондона|Імперський коледж Лондона
org:charles-university|Charles University|Univerzita Karlova|Univerzity Karlovy|
    Univerzitě Karlově|Univerzitu Karlovu|Karlova univerzita|Karlovy univerzity|
    Uniwersytet Karola|Карлов университет|Карлова университета
org:stanford|Stanford University|Stanford University|Stanfordská univerzita|
    Stanfordské univerzity|Uniwersytet Stanforda|Uniwersytetu Stanforda|
    Стэнфордский университет|Стэнфордского университета|Стенфордський університет|
    Станфордския университет|Станфордският университет
org:yale|Yale University|Yale University|Yale|Yaleu|Йельский университет|
    Йельского университета|Єльський університет|Йейлския университет
org:columbia-university|Columbia University|Columbia University|Колумбийский университет|
    Колумбийского университета|Колумбійський університет|Колумбийския университет|
    Uniwersytet Columbia|Uniwersytetu Columbia
org:tlp|Tehreek-e-Labbaik Pakistan|Tehreek-e-Labbaik Pakistan|Tehreek-e-Labbaik|
    Tehreek-e-Labaik|Tehrik-i-Labaik|Tehrik-e-Labaik|Tehrik-e-Labaik Pakistan|Tehríke Labajk|
    Tehreek-e-Labaik Yah Rasool Allah Pakistan|TLP|ТЛП|Техрик-э-Лабаик Пакистан|
    Техрик-э-Лабаик|Техрик-э-Лабайк|Техрик-э-Лабайк Пакистан|Техрик-э-Лабайак Пакистан|
    Техрик-э-Лабайик Пакистан|Техрик-и-Лабаик|Техрик-и Лабаик|Техрик-и-Лабаик Пакистан|
    Техрік-є-Лабаік Пакистан
org:unn|Ukrainian National News|УНН|UNN|Українські національні новини
org:bgnes|BGNES|БГНЕС|BGNES
org:boko-haram|Boko Haram|Boko Haram|Боко Харам
org:burisma|Burisma Holdings|Burisma|Burisma Holdings|Бурисма|Бурисми
org:atlantic-council|Atlantic Council|Atlantic Council|The Atlantic Council|
    Атлантический совет|Атлантического совета|Атлантическия съвет|Атлантичний рада
org:sberbank|Sberbank|Sberbank|Sberbanku|Sbierbank|Sbierbanku|Сбербанк|Сбербанка|
    Сбербанку|Сбербанком|Сбербанк России
org:unilever|Unilever|Unilever|Unilevera|Unileveru|Юнилевер|Юнілевер
org:wwf|World Wide Fund for Nature|WWF|Световния фонд за дивата природа|
    Световният фонд за дивата природа|Всемирный фонд дикой природы|
    Всемирного фонда дикой природы|Світовий фонд природи
org:fpo|Freedom Party of Austria|FPÖ|FPO|Австрийская партия свободы|
    Австрийской партии свободы|Svobodná strana Rakouska|Wolnościowa Partia Austrii
org:s-and-d|Progressive Alliance of Socialists and Democrats|S&D|С&Д|
    Socjaliści i Demokraci|Socjalistów i Demokratów
org:proud-boys|Proud Boys|Proud Boys|Ponosni fantje|Ponosnih fantov|Гордые парни|
    Горді хлопці
org:pew|Pew Research Center|Pew Research Center|Pew Research|
    Исследовательский центр Пью|Исследовательским центром Пью|Исследовательского центра Пью
org:saipem|Saipem|Saipem|Saipemu|Сайпем
org:xinhua|Xinhua News Agency|Xinhua|Синьхуа|Сіньхуа|Синхуа|Синхуа
org:sbu|Security Service of Ukraine|SBU|СБУ|Служба безопасности Украины|
    Служба безпеки України|Служби безпеки України|Службы безопасности Украины
org:iata|International Air Transport Association|IATA|ИАТА|ІАТА|
    Международная ассоциация воздушного транспорта|Mednarodno združenje letalskih prevoznikov
org:iea|International Energy Agency|International Energy Agency|IEA|МЭА|МЕА|
    Международное энергетическое агентство|Международного энергетического агентства|
    Международном энергетическом агентстве|Міжнародне енергетичне агентство|
    Міжнародного енергетичного агентства|Mednarodna agencija za energijo|
    Mednarodne agencije za energijo|Międzynarodowa Agencja Energetyczna|
    Międzynarodowej Agencji Energetycznej|Mezinárodní energetická agentura|
    Mezinárodní energetické agentury|Международната агенция по енергетика
org:visegrad|Visegrád Group|Visegrád Group|Visegrad Group|V4|Grupa Wyszehradzka|
    Grupy Wyszehradzkiej|Visegrádská skupina|Visegrádské skupiny|Višegrajska skupina|
    Вышеградская группа|Вышеградской группы|Вишеградська група|Вишеградської групи|
    Вишеградската четворка|Вишеградската група|Вышеградская четвёрка|Вышеградской четверки
org:unicef|UNICEF|UNICEF|ЮНИСЕФ|ЮНІСЕФ|Unicef
org:unhcr|UNHCR|UNHCR|УВКБ ООН|Управление ООН по делам беженцев
org:mossad|Mossad|Mossad|Mossadu|Моссад|Мосад
org:mi6|MI6|MI6|МИ-6|МІ-6|MI-6
org:scotland-yard|Scotland Yard|Scotland Yard|Skotland Yard|Скотланд-Ярд|Скотленд-Ярд|
    Скотланд Ярд|Скотланд-Ярда|Скотленд Ярд
org:bundeswehr|Bundeswehr|Bundeswehr|Bundeswehry|Bundeswehru|Бундесвер|Бундесвера|
    Бундесверу
org:eib|European Investment Bank|European Investment Bank|EIB|ЕИБ|
    Европейский инвестиционный банк|Европейского инвестиционного банка|
    Європейський інвестиційний банк|Європейського інвестиційного банку|
    Европейската инвестиционна банка|Европейска инвестиционна банка|
    Europejski Bank Inwestycyjny|Europejskiego Banku Inwestycyjnego|
    Evropská investiční banka|Evropské investiční banky|Evropska investicijska banka|
    Evropske investicijske banke
org:barclays|Barclays|Barclays|Барклис|Барклайс
org:bank-of-america|Bank of America|Bank of America|Банк оф Америка|Bank of Americe
org:bmw|BMW|BMW|БМВ
org:westinghouse|Westinghouse Electric|Westinghouse|Westinghouse Electric|Вестингауз|
    Уестингхаус|Westinghousu
org:ipsos|Ipsos|Ipsos|Ipsosa|Ipsosu|Ипсос|Іпсос
org:eurocontrol|Eurocontrol|Eurocontrol|Eurocontrolu|Евроконтроль|Євроконтроль|Евроконтрол
org:pti|Pakistan Tehreek-e-Insaf|Pakistan Tehreek-e-Insaf|Tehreek-e-Insaf|PTI|
    Техрик-э-Инсаф|Пакистан Техрик-э-Инсаф|Техрик-е-Инсаф
org:lenta-ru|Lenta.ru|Lenta.ru|Лента.ру|Лента.Ру|Lenta.Ru
org:russian-orthodox-church|Russian Orthodox Church|Russian Orthodox Church|РПЦ|
    Русская православная церковь|Русской православной церкви|Русскую православную церковь|
    Російська православна церква|Російської православної церкви|Руската православна църква|
    Руска православна църква|Ruská pravoslavná církev|Ruské pravoslavné církve|
    Rosyjski Kościół Prawosławny|Rosyjskiego Kościoła Prawosławnego|
    Ruska pravoslavna cerkev|Ruske pravoslavne cerkve
org:harvard|Harvard University|Harvard University|Harvard|Harvardu|Harvarda|Harvardzie|
    Гарвард|Гарварда|Гарварде|Гарвардский университет|Гарвардского университета|
    Гарвардський університет|Харвард|Харвардския университет
org:easa|European Union Aviation Safety Agency|EASA|
    Европейската агенция за авиационна безопасност|Europejska Agencja Bezpieczeństwa Lotniczego|
    Europejskiej Agencji Bezpieczeństwa Lotniczego|Evropská agentura pro bezpečnost letectví|
    Evropske agencije za varnost v letalstvu|Европейское агентство по авиационной безопасности
org:cisa|Cybersecurity and Infrastructure Security Agency|CISA|
    Агентство кибербезопасности и инфраструктурной безопасности|
    Агенцията за киберсигурност и инфраструктурна сигурност
org:catholic-church|Catholic Church|Catholic Church|Katolická církev|Katolické církve|
    Kościół katolicki|Kościoła katolickiego|Kościele katolickim|Katoliška cerkev|
    Katoliške cerkve|Katoliški cerkvi|Католическая церковь|Католической церкви|
    Католическую церковь|Католицька церква|Католицької церкви|Католическата църква|
    Католическа църква|Римокатолическата църква
org:nhs|National Health Service|NHS|National Health Service
"""

PRODUCTS = """
product:itv|ITV|ITV|Ай Ти Ви
product:sunday-telegraph|The Sunday Telegraph|The Sunday Telegraph|Sunday Telegraph|
    Сънди телеграф|Санди телеграф|Сандей телеграф
product:shutterstock|Shutterstock|Shutterstock|ShutterStock
product:cnbc|CNBC|CNBC|Си Ен Би Си|Си-эн-би-си
product:business-insider|Business Insider|Business Insider|Бизнес Инсайдър|
    Бизнес Инсайдер
product:cbs-news|CBS News|CBS News|Си Би Ес Нюз|Си-би-эс ньюс
product:huffington-post|HuffPost|Huffington Post|The Huffington Post|HuffPost|
    Хъфингтън пост|Хаффингтон пост
product:getty-images|Getty Images|Getty Images|GettyImages|Гети Имиджис
product:obamacare|Obamacare|Obamacare|Обамакеър|Обамакэр|Obamacare'u
product:bnt162b2|BNT162b2|BNT162b2|BNT162B2
product:azd1222|AZD1222|AZD1222|ChAdOx1 nCoV-19|ChAdOx1
product:mrna-1273|mRNA-1273|mRNA-1273|мРНК-1273
product:baltic-pipe|Baltic Pipe|Baltic Pipe|Baltic Pipe'u|Балтик Пайп|Балтийская труба
product:eugal|EUGAL|Eugal|EUGAL|Eugalu|Еугал|ЕВГАЛ
product:nord-stream-3|Nord Stream 3|Nord Stream 3|Северен поток 3|Северен поток-3|
    Северный поток-3|Северный поток 3|Північний потік-3
product:russia-1|Russia-1|Россия 1|Россия-1|России 1|России-1|Росія 1
product:korrespondent|Korrespondent.net|Korrespondent.net|Корреспондент.net|Кореспондент.net
product:nature|Nature|bg:Nature|cs:Nature|pl:Nature|ru:Nature|sl:Nature|uk:Nature
product:airbus-a320|Airbus A320|Airbus A320|A320|Эйрбас A320|Airbus A320neo|А320
product:ard|ARD|ARD|АРД
product:swift|SWIFT|SWIFT|СВИФТ|Swift
product:axios|Axios|Axios|Аксиос|Аксіос
product:breitbart|Breitbart News|Breitbart|Breitbart News|Breitbartu|Брайтбарт
product:npr|NPR|NPR|Эн-пи-ар
product:android|Android|Android|Androidem|Androidu|Андроид|Андроїд
product:ios|iOS|iOS
product:power-of-siberia|Power of Siberia|Power of Siberia|Сила Сибири|Силы Сибири|
    Сила Сибіру|Сили Сибіру|Силата на Сибир|Síla Sibiře|Síly Sibiře|Siła Syberii|
    Siły Syberii|Moč Sibirije|Moči Sibirije
product:meduza|Meduza|Meduza|Meduzy|Meduze|Медуза|Медузы|Медузе|Медузу|Медуза.io
product:medicaid|Medicaid|Medicaid|Медикейд|Медикэйд
product:medicare|Medicare|Medicare|Медикэр|Медикер
product:budapest-memorandum|Budapest Memorandum|Budapest Memorandum|Будапештский меморандум|
    Будапештского меморандума|Будапештском меморандуме|Будапештський меморандум|
    Будапештського меморандуму|Будапещенския меморандум|Budapešťské memorandum|
    Budapešťského memoranda|Memorandum budapeszteńskie|Memorandum Budapeszteńskie|
    Memorandum budapeszteńskiego|Budimpeštanski memorandum
product:radio-liberty|Radio Free Europe/Radio Liberty|Radio Free Europe|Radio Liberty|
    Radio Svoboda|Радио Свобода|Радио «Свобода»|Радіо Свобода|Радіо «Свобода»|
    Радио Свободна Европа|Rádio Svobodná Evropa|Radio Wolna Europa
product:al-jazeera|Al Jazeera|Al Jazeera|Al-Jazeera|Аль-Джазира|Аль-Джазіра|Ал Джазира|
    Al-Džazíra|Al Džazíra
product:channel-one-russia|Channel One Russia|Первый канал|Первого канала|Первому каналу|
    Перший канал (Росія)
product:novaya-gazeta|Novaya Gazeta|Novaya Gazeta|Новая газета|Новой газеты|Новой газете|
    Нова газета|Nowa Gazeta|Novaja gazeta
product:echo-of-moscow|Echo of Moscow|Эхо Москвы|Ехо Москви|Echo Moskwy|Echo Moskvy
product:seznam-zpravy|Seznam Zprávy|Seznam Zprávy|Seznam zprávy
product:jcpoa|Joint Comprehensive Plan of Action|Iran nuclear deal|JCPOA|СВПД|
    iranski jedrski sporazum|iranskega jedrskega sporazuma|iranskemu jedrskemu sporazumu|
    iranski jedrski dogovor|iranskega jedrskega dogovora|Иранското ядрено споразумение
product:minsk-agreements|Minsk agreements|Minsk agreements|sporazuma iz Minska|
    sporazum iz Minska|minski sporazum|minskega sporazuma
product:zoom|Zoom|Zoom|Zoomu|Зум
product:parler|Parler|Parler|Parleru|Парлер
"""

__all__ = ["ORGANISATIONS", "PRODUCTS"]

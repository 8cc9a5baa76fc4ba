"""Seas, oceans, straits and regions the news names that no country list holds (the Baltic
Sea, Crimea, the Balkans, the West), in the corpus languages and their case forms.

Part of the table of notable names (:mod:`babelwire.stages.entities_notable`), in its
format: one entry per line, going on over indented lines, ``key|English name|forms...``.
Written by hand, as that table was.
"""

from __future__ import annotations

PLACES = """
place:region:west|the West|the West|Запад|Запада|Западу|Западом|Западе|Zachód|Zachodu|
    Zachodem|Zachodowi|Zachodzie|Západ|Západu|Západem|Západě|Zahod|Zahoda|Zahodu|Zahodom|
    Захід|Заходу|Заходом|Заході|Западът
place:region:eastern-europe|Eastern Europe|Eastern Europe|Osteuropa|východní Evropa|
    východní Evropy|východní Evropě|východní Evropu|Europa Wschodnia|Europy Wschodniej|
    Europie Wschodniej|vzhodna Evropa|vzhodne Evrope|vzhodni Evropi|vzhodno Evropo|
    Восточная Европа|Восточной Европы|Восточной Европе|Восточную Европу|Східна Європа|
    Східної Європи|Східній Європі|Източна Европа|Източната Европа
place:region:central-europe|Central Europe|Central Europe|Mitteleuropa|střední Evropa|
    střední Evropy|střední Evropě|střední Evropu|Europa Środkowa|Europy Środkowej|
    Europie Środkowej|srednja Evropa|srednje Evrope|srednji Evropi|srednjo Evropo|
    Центральная Европа|Центральной Европы|Центральной Европе|Центральна Європа|
    Центральної Європи|Центральній Європі|Централна Европа
place:region:western-europe|Western Europe|Western Europe|Westeuropa|západní Evropa|
    západní Evropy|západní Evropě|západní Evropu|Europa Zachodnia|Europy Zachodniej|
    Europie Zachodniej|zahodna Evropa|zahodne Evrope|zahodni Evropi|zahodno Evropo|
    Западная Европа|Западной Европы|Западной Европе|Західна Європа|Західної Європи|
    Західній Європі|Западна Европа
place:region:north-america|North America|North America|Nordamerika|Amérique du Nord|
    Severní Amerika|Severní Ameriky|Severní Americe|Ameryka Północna|Ameryki Północnej|
    Ameryce Północnej|Severna Amerika|Severne Amerike|Северная Америка|Северной Америки|
    Северной Америке|Північна Америка|Північної Америки|Північній Америці|Северна Америка
place:region:south-america|South America|South America|Südamerika|Amérique du Sud|
    Jižní Amerika|Jižní Ameriky|Jižní Americe|Ameryka Południowa|Ameryki Południowej|
    Ameryce Południowej|Južna Amerika|Južne Amerike|Южная Америка|Южной Америки|
    Южной Америке|Південна Америка|Південної Америки|Південній Америці|Южна Америка
place:region:latin-america|Latin America|Latin America|Lateinamerika|Amérique latine|
    Latinská Amerika|Latinské Ameriky|Latinské Americe|Ameryka Łacińska|Ameryki Łacińskiej|
    Ameryce Łacińskiej|Latinska Amerika|Latinske Amerike|Латинская Америка|Латинской Америки|
    Латинской Америке|Латинська Америка|Латинської Америки|Латинській Америці|
    Латинска Америка
place:region:central-america|Central America|Central America|Mittelamerika|Střední Amerika|
    Střední Ameriky|Ameryka Środkowa|Ameryki Środkowej|Srednja Amerika|Центральная Америка|
    Центральной Америки|Центральна Америка|Централна Америка
place:region:western-balkans|Western Balkans|Western Balkans|Westbalkan|Balkans occidentaux|
    západní Balkán|západního Balkánu|západním Balkáně|Bałkany Zachodnie|Bałkanów Zachodnich|
    Zachodnie Bałkany|Zachodnich Bałkanów|Zahodni Balkan|Zahodnega Balkana|Западные Балканы|
    Западных Балкан|Західні Балкани|Західних Балкан|Западните Балкани|Западни Балкани
place:IE|Ireland|Republic of Ireland|Irish Republic|Irská republika|Irské republiky|
    Irskou republikou|Irské republice|Republika Irlandii|Republiki Irlandii|Republiką Irlandii|
    Republice Irlandii|Republika Irska|Republike Irske|Republiki Irski|Республика Ирландия|
    Республики Ирландия|Республике Ирландия|Республикой Ирландия|Республіка Ірландія|
    Республіки Ірландія|Република Ирландия|Republika Irsko|Éire|Ейре|Эйре
place:davos|Davos|Davos|Давос|Davosu|Davosie
place:SU|Soviet Union|Soviet Union|USSR|Sowjetunion|UdSSR|URSS|СССР|ССССР|SSSR|ZSRR|
    Sovětský svaz|Sovětského svazu|Sovětském svazu|Sovětským svazem|Związek Radziecki|
    Związku Radzieckiego|Związkiem Radzieckim|Związek Sowiecki|Związku Sowieckiego|
    Советский Союз|Советского Союза|Советском Союзе|Советским Союзом|Советскому Союзу|
    Радянський Союз|Радянського Союзу|Радянському Союзі|Съветският съюз|Съветския съюз|
    Съветски съюз|Sovjetska zveza|Sovjetske zveze|Sovjetsko zvezo|Sovjetski zvezi
place:downing-street|Downing Street|Downing Street|Даунинг стрийт|Даунинг-стрийт|Даунинг-стрит|
    Даунинг стрит|Даунінг-стріт
place:sea:baltic|Baltic Sea|Baltic Sea|Baltic|Ostsee|mer Baltique|Baltské moře|Baltického moře|
    Baltické moře|Baltským mořem|Baltského moře|
    Baltském moři|Baltu|Morze Bałtyckie|Morza Bałtyckiego|Morzu Bałtyckim|Bałtyk|Bałtyku|
    Baltsko morje|Baltskega morja|Baltiku|Балтийское море|Балтийского моря|Балтийском море|
    Балтика|Балтики|Балтійське море|Балтійського моря|Балтійському морі|Балтийско море|
    Балтийското море
place:sea:black|Black Sea|Black Sea|Schwarzes Meer|mer Noire|Černé moře|Černého moře|
    Černém moři|Morze Czarne|Morza Czarnego|Morzu Czarnym|Črno morje|Črnega morja|
    Черное море|Чёрное море|Черного моря|Чёрного моря|Черном море|Чорне море|Чорного моря|
    Чорному морі|Черно море
place:sea:mediterranean|Mediterranean Sea|Mediterranean|Mediterranean Sea|Mittelmeer|
    Méditerranée|Středozemní moře|Středozemního moře|Středomoří|Morze Śródziemne|
    Morza Śródziemnego|Sredozemsko morje|Sredozemlje|Средиземное море|Средиземного моря|
    Средиземноморье|Середземне море|Середземного моря|Середземномор'я|Средиземно море|
    Средиземноморието
place:sea:north|North Sea|North Sea|Nordsee|mer du Nord|Severní moře|Severního moře|
    Morze Północne|Morza Północnego|Severno morje|Северное море|Северного моря|
    Північне море|Північного моря|Северно море
place:sea:caspian|Caspian Sea|Caspian Sea|Kaspisches Meer|Kaspické moře|Morze Kaspijskie|
    Kaspijsko jezero|Каспийское море|Каспийского моря|Каспійське море|Каспийско море
place:sea:azov|Sea of Azov|Sea of Azov|Azovské moře|Morze Azowskie|Azovsko morje|
    Азовское море|Азовского моря|Азовське море|Азовского|Азовско море
place:sea:adriatic|Adriatic Sea|Adriatic|Adriatic Sea|Jaderské moře|Jadran|Morze Adriatyckie|
    Jadransko morje|Jadranu|Адриатическое море|Адріатичне море|Адриатическо море
place:sea:red|Red Sea|Red Sea|Rudé moře|Morze Czerwone|Rdeče morje|Красное море|
    Красного моря|Червоне море|Червено море
place:sea:south-china|South China Sea|South China Sea|Jihočínské moře|Morze Południowochińskie|
    Južnokitajsko morje|Южно-Китайское море|Південнокитайське море|Южнокитайско море
place:ocean:atlantic|Atlantic Ocean|Atlantic Ocean|Atlantic|Atlantik|Atlantiku|Atlantský oceán|
    Ocean Atlantycki|Atlantycki|Atlantyk|Atlantyku|Atlantski ocean|Атлантический океан|
    Атлантика|Атлантики|Атлантичний океан|Атлантичния океан|Атлантическия океан|Атлантическият океан
place:ocean:pacific|Pacific Ocean|Pacific Ocean|Pacific|Tichý oceán|Pacifik|Pacifiku|
    Ocean Spokojny|Pacyfik|Pacyfiku|Tihi ocean|Тихий океан|Тихого океана|Тихий океан|
    Тихому океані|Тихия океан|Тихият океан
place:ocean:arctic|Arctic|Arctic|Arctic Ocean|Arktida|Arktidě|Arktyka|Arktyce|Arktika|
    Арктика|Арктики|Арктике|Арктиці
place:ocean:indian|Indian Ocean|Indian Ocean|Indický oceán|Ocean Indyjski|Indijski ocean|
    Индийский океан|Індійський океан|Индийския океан|Индийският океан
place:gulf:persian|Persian Gulf|Persian Gulf|Perský záliv|Zatoka Perska|Perzijski zaliv|
    Персидский залив|Перська затока|Персийския залив|Персийският залив
place:channel:english|English Channel|English Channel|La Manche|Lamanšský průliv|
    Kanał La Manche|Rokavski preliv|Ла-Манш|Ла Манш|Ламанш|Ла-Манша|Ла Манша|Ламанша|
    Ла-Маншу|Ла-Маншем|kanał La Manche|kanału La Manche|kanale La Manche|
    Lamanšského průlivu|Lamanšském průlivu|Rokavskem prelivu
place:region:baltics|Baltic states|Baltic states|Baltics|Pobaltí|Pobaltské státy|
    Pobaltské republiky|pobaltské státy|pobaltských států|pobaltské republiky|
    Kraje bałtyckie|Baltske države|Прибалтика|Прибалтики|Прибалтике|
    страны Балтии|стран Балтии|странах Балтии|Балтии|Балтийските страни|
    Балтийски страни|Прибалтійські країни|країни Балтії|країн Балтії|Балтії
place:us-capitol|United States Capitol|Capitol|United States Capitol|Капитолий|Капитолия|
    Капитолии|Капитолию|Капитолием|Капітолій|Капітолію|Капітолії|Капітолієм|Капитолия|
    Капитолият|Kapitol|Kapitolu|Kapitolem|Kapitola|Kapitolu
place:greifswald|Greifswald|Greifswald|Greifswaldu|Greifswaldzie|Грайфсвальд|Грайфсвальда|
    Грайфсвальде|Грайфсвалд
place:lubmin|Lubmin|Lubmin|Lubminie|Lubminu|Lubmina|Любмин|Лубмин|Любміна|Любміні
place:vyborg|Vyborg|Vyborg|Wyborg|Wyborga|Wyborgu|Vyborgu|Выборг|Выборга|Выборге|Виборг|
    Виборга
place:region:crimea|Crimea|Crimea|Krim|Crimée|Krym|Krymu|Krymie|Krim|Крым|Крыма|Крыму|
    Крим|Криму|Крима
place:region:donbas|Donbas|Donbas|Donbass|Donbasu|Donbasie|Донбасс|Донбасса|Донбассе|
    Донбас|Донбасу|Донбасі
place:region:balkans|Balkans|Balkans|Balkan|Balkán|Balkánu|Bałkany|Bałkanów|Bałkanach|
    Balkan|Balkanu|Балканы|Балкан|Балканах|Балкани|Балканите|Балканския полуостров
place:region:caucasus|Caucasus|Caucasus|Kaukasus|Kavkaz|Kavkazu|Kaukaz|Kaukazie|Kaukazu|
    Кавказ|Кавказа|Кавказе|Кавказі|Кавказу
place:region:siberia|Siberia|Siberia|Sibirien|Sibiř|Sibiři|Syberia|Syberii|Sibirija|
    Сибирь|Сибири|Сибір|Сибіру|Сибир
place:region:scandinavia|Scandinavia|Scandinavia|Skandinávie|Skandynawia|Skandynawii|
    Skandinavija|Скандинавия|Скандинавии|Скандинавія|Скандинавії
place:region:middle-east|Middle East|Middle East|Naher Osten|Blízký východ|Blízkém východě|
    Blízkého východu|Bliski Wschód|Bliskim Wschodzie|Bliskiego Wschodu|Bližnji vzhod|
    Bližnjem vzhodu|Ближний Восток|Ближнем Востоке|Ближнего Востока|Близький Схід|
    Близькому Сході|Близький Схід|Близкия изток|Близкият изток
place:region:kashmir|Kashmir|Kashmir|Kašmír|Kaszmir|Kašmir|Кашмир|Кашмір
place:region:gaza|Gaza Strip|Gaza Strip|Gaza|Gazy|Gazie|Pásmo Gazy|Strefa Gazy|Strefie Gazy|
    Sektor Gaza|Сектор Газа|Секторе Газа|Сектор Газа|Секторі Газа|Ивицата Газа
place:city-of-london|City of London|City of London|City|Ситито|лондонското Сити|
    Лондонското Сити|лондонското сити|лондонского Сити|Лондонский Сити|londýnská City|
    londýnské City|londonski City|londonskem Cityju
place:oval-office|Oval Office|Oval Office|Овальный кабинет|Овального кабинета|
    Овальном кабинете|Овальному кабинету|Овальным кабинетом|Овальний кабінет|
    Овального кабінету|Овальному кабінеті|Овалния кабинет|Овалният кабинет|Oválná pracovna|
    Oválné pracovny|Oválné pracovně|Oválnou pracovnu|Gabinet Owalny|Gabinetu Owalnego|
    Gabinecie Owalnym|Ovalna pisarna|Ovalne pisarne|Ovalni pisarni|Ovalno pisarno
place:kerch-strait|Kerch Strait|Kerch Strait|Керченский пролив|Керченского пролива|
    Керченском проливе|Керченская протока|Керченська протока|Керченської протоки|
    Керченській протоці|Керченския пролив|Керченският пролив|Kerčský průliv|
    Kerčského průlivu|Kerčském průlivu|Cieśnina Kerczeńska|Cieśniny Kerczeńskiej|
    Cieśninie Kerczeńskiej|Cieśninę Kerczeńską|Kerška ožina|Kerške ožine|Kerški ožini|
    Kerško ožino
place:region:southern-europe|Southern Europe|Southern Europe|Южная Европа|Южной Европы|
    Южной Европе|Южную Европу|Південна Європа|Південної Європи|Південній Європі|Южна Европа|
    jižní Evropa|jižní Evropy|jižní Evropě|Europa Południowa|Europy Południowej|
    Europie Południowej|južna Evropa|južne Evrope|južni Evropi
place:region:southeast-europe|Southeast Europe|Southeast Europe|Юго-Восточная Европа|
    Юго-Восточной Европы|Юго-Восточной Европе|Південно-Східна Європа|
    Південно-Східної Європи|Південно-Східній Європі|Югоизточна Европа|jihovýchodní Evropa|
    jihovýchodní Evropy|jihovýchodní Evropě|Europa Południowo-Wschodnia|
    Europy Południowo-Wschodniej|Europie Południowo-Wschodniej|jugovzhodna Evropa|
    jugovzhodne Evrope|jugovzhodni Evropi
place:region:central-eastern-europe|Central and Eastern Europe|Central and Eastern Europe|
    Europa Środkowo-Wschodnia|Europy Środkowo-Wschodniej|Europie Środkowo-Wschodniej|
    Europę Środkowo-Wschodnią|Europą Środkowo-Wschodnią|Центрально-Восточная Европа|
    Центрально-Восточной Европы|Центрально-Восточной Европе|Центрально-Східна Європа|
    Центрально-Східної Європи|Центрально-Східній Європі
place:region:us-midwest|Midwestern United States|Midwest|Средний Запад|Среднего Запада|
    Среднем Западе|Середній Захід|Середнього Заходу|Середньому Заході|Средния запад|
    Средният запад|Středozápad|Středozápadu|Středozápadě|Środkowy Zachód|
    Środkowego Zachodu|Środkowym Zachodzie|Srednji zahod|Srednjega zahoda|Srednjem zahodu
place:region:schengen|Schengen Area|Schengen Area|Шенгенская зона|Шенгенской зоны|
    Шенгенской зоне|Шенгенська зона|Шенгенської зони|Шенгенській зоні|
    Шенгенското пространство|Шенгенската зона|schengenský prostor|schengenského prostoru|
    schengenském prostoru|strefa Schengen|strefy Schengen|strefie Schengen|
    schengensko območje|schengenskega območja|schengenskem območju
place:zadar|Zadar|Zadar|Zadru|Zadra|Zadrom|Zadaru|Задар|Задара|Задаре
place:dover|Dover|Dover|Dovru|Doverja|Doveru|Doverze|Дувр|Дувра|Дувре|Дувър|Дувъра
place:bucha|Bucha|Bucha|Буча|Бучі|Бучу|Буче|Бучи|Bucza|Buczy|Buczę|Buča|Buči|Buču
place:ust-luga|Ust-Luga|Ust-Luga|Усть-Луга|Усть-Луги|Усть-Лугу|Усть-Луге|Усть-Лузі|
    Ust-Ługa|Ust-Ługi|Ust-Łudze|Usť-Luga|Usť-Lugy|Usť-Luze
place:bornholm|Bornholm|Bornholm|Bornholmu|Bornholmie|Борнхольм|Борнхольма|Борнхольме|
    Борнхольму|Борнхолм
place:scranton|Scranton|Scranton|Scrantonu|Scrantona|Scrantonie|Скрантон|Скрантона|
    Скрантоне|Скрантън|Скрентън
place:mar-a-lago|Mar-a-Lago|Mar-a-Lago|Мар-а-Лаго
place:chequers|Chequers|Chequers|Чекерс|Чекерсе|Чекърс
place:amesbury|Amesbury|Amesbury|Эймсбери|Еймсбері|Еймсбъри
place:zug|Zug|Zug|Zugu|Zugem|Цуг|Цуга|Цуге|Цузі
"""

__all__ = ["PLACES"]

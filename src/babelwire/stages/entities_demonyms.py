"""Nationality nouns (demonyms) that name a country's people: ``Brytyjczycy``, ``Němci``,
``американцы``. As in the BSNLP annotation guidelines they are mentions of people that
link to the country (``place:GB``), so the linker joins them to the country's entity.

Only nouns: adjectives (``британский``, ``německý``) are not mentions. Forms that are
also a country or a common word are left out (Polish ``Niemcy`` is Germany and the
Germans, ``Włoch`` a genitive of ``Włochy``; Russian ``Чехов`` is a writer). Nominative
and genitive plurals and the singular are listed; the gazetteer's stems find the other
case forms. Russian, Ukrainian and Bulgarian write them in lower case: those are looked
up word by word like other lower-case names.
"""

from __future__ import annotations

from babelwire.stages.entities_keys import split_words

# country code -> space-separated forms in en, pl, cs, sk, sl, ru, uk, bg
DEMONYMS: tuple[tuple[str, str], ...] = (
    ("GB", "Britons Brits Brytyjczycy Brytyjczyków Brytyjczyk Britové Britů Britanci "
           "Britancev Britanec британцы британцев британец британці британців британець "
           "британци британците Otočani Otočanov Otočanom Britům Brity Britech"
           " Brytyjka Brytyjki Britka Britky "
           "Anglicy Anglików Anglik Angielka Angličané Angličanů Angličan Angličanka "
           "англичане англичан англичанин англичанка англійці англійців англієць англичани "
           "англичаните"),
    ("US", "Americans Amerykanie Amerykanów Amerykanin Američané Američanů Američan Američania "
           "Američanov Američani американцы американцев американец американці американців "
           "американець американци американците"
           " Amerykanka Amerykanki Američanka американка американки"),
    ("DE", "Germans Niemców Němci Němců Nemci Nemcev Nemec немцы немцев немец німці німців "
           "німець германци германците германец"
           " Niemka Niemki Němka Němky немка"),
    ("FR", "Francuzi Francuzów Francuz Francouzi Francouzů Francouz Francúzi Francúzov "
           "Francozi Francozov Francoz французы французов француз французи французів "
           "французите французин"),
    ("RU", "Russians Rosjanie Rosjan Rosjanin Rusové Rusů Rusi Rusov россияне россиян "
           "россиянин росіяни росіян росіянин руснаци руснаците руснак Rusům Rusy"
           " Rosjanka Rosjanki россиянка"),
    ("UA", "Ukrainians Ukraińcy Ukraińców Ukrainiec Ukrajinci Ukrajinců Ukrajinec Ukrajincev "
           "украинцы украинцев украинец українці українців українець украинци украинците"),
    ("PL", "Polacy Polaków Polak Poláci Poláků Polák Poliaci Poliakov Poljaki Poljakov Poljak "
           "поляки поляков поляків поляци поляците Polakom Polakami Poláky Polákům"
           "Polka Polki Polkę Polką"),
    ("CN", "Chińczycy Chińczyków Chińczyk Číňané Číňanů Číňan Číňania Kitajci Kitajcev "
           "Kitajec китайцы китайцев китаец китайці китайців китаєць китайци китайците"),
    ("IE", "Irlandczycy Irlandczyków Irlandczyk Irci Ircev Irec ирландцы ирландцев ирландец "
           "ірландці ірландців ірландець ирландци ирландците"),
    ("GB-SCT", "Scots Szkoci Szkotów Szkotom Szkotami Szkot Skotové Skotů Skotům Skot Škoti "
               "Škotov Škotom Škote Škotih Škot шотландцы шотландцев шотландец шотландці "
               "шотландців шотландець шотландци шотландците"),
    ("IT", "Italians Włosi Włochów Italové Italů Talijani Italijani Italijanov "
           "итальянцы итальянцев итальянец італійці італійців италианци италианците"),
    ("150", "Europeans Europejczycy Europejczyków Europejczyk Europejka Evropané Evropanů "
            "Evropan Evropanka Európania Evropejci Evropejcev европейцы европейцев европеец "
            "європейці європейців європеєць европейци европейците европеец европейка"),
    ("BG", "Bulgarians Bułgarzy Bułgarów Bułgar Bułgarka Bulhaři Bulharů Bulhar Bulharka "
           "Bulhari Bolgari Bolgarov болгары болгар болгарин болгарка болгари болгарів "
           "българи българите българин българка българката"),
    ("CZ", "Czesi Czechów Czeszka Češi Čechů Češka Česi Čehi Čehov"),
    ("SK", "Słowacy Słowaków Słowak Słowaczka Slováci Slováků Slovák Slovenka Slovaki "
           "Slovakov словаки словаков словак словачка словаків словаците"),
    ("PK", "Pakistanis Pakistańczycy Pakistańczyków Pakistańczyk Pakistanka Pákistánci "
           "Pákistánců Pákistánec Pákistánka Pakistanci Pakistancev Pakistanec Pakistanka "
           "пакистанцы пакистанцев пакистанец пакистанка пакистанці пакистанців пакистанець "
           "пакистанци пакистанците пакистанецът пакистанката"),
    ("ES", "Spaniards Hiszpanie Hiszpanów Hiszpan Hiszpanka Španělé Španělů Španěl Španělka "
           "Španci Špancev испанцы испанцев испанец испанка іспанці іспанців испанци "
           "испанците"),
    ("TR", "Turcy Turków Turek Turkini Turci Turků Turčin Turki Turkov турки турков турок "
           "турчанка турків турците"),
    ("HU", "Hungarians Węgrzy Węgrów Węgier Węgierka Maďaři Maďarů Maďar Maďarka Madžari "
           "Madžarov венгры венгров венгр угорці угорців унгарци унгарците"),
    ("GR", "Greeks Grecy Greków Grek Greczynka Řekové Řeků Grki Grkov греки греков грек "
           "гречанка греків гърци гърците"),
    ("NL", "Holendrzy Holendrów Holender Holenderka Nizozemci Nizozemců Nizozemec Nizozemci "
           "голландцы голландцев голландец нідерландці холандци холандците Holanďané Holanďanů "
           "Holanďan Nizozemcev Nizozemec"),
    ("JP", "Japończycy Japończyków Japończyk Japonka Japonci Japonců Japonec Japonka "
           "японцы японцев японец японка японці японців японци японците"),
    ("IN", "Hindusi Hindusów Indové Indů Indijci Indijcev индийцы индийцев индиец індійці "
           "індійців индийци индийците"),
    ("IR", "Iranians Irańczycy Irańczyków Irańczyk Íránci Íránců Íránec Iranci Irancev "
           "иранцы иранцев иранец іранці іранців иранци иранците"),
    ("IL", "Israelis Izraelczycy Izraelczyków Izraelczyk Izraelci Izraelců Izraelec "
           "израильтяне израильтян израильтянин ізраїльтяни ізраїльтян израелци израелците"),
    ("BY", "Belarusians Białorusini Białorusinów Białorusin Bělorusové Bělorusů Belorusi "
           "белорусы белорусов белорус білоруси білорусів беларуси беларусите"),
    ("AT", "Austriacy Austriaków Austriak Rakušané Rakušanů Rakušan Avstrijci Avstrijcev "
           "Avstrijec Avstrijka "
           "австрийцы австрийцев австриец австрійці австрійців австрийци австрийците"),
    ("RO", "Romanians Rumuni Rumunów Rumun Rumunka Rumuni Rumunů Romuni Romunov румыны "
           "румын румын румуни румунів румънци румънците"),
    ("SI", "Slovenes Słoweńcy Słoweńców Słoweniec Slovinci Slovinců Slovinec Slovenci "
           "Slovencev Slovenec словенцы словенцев словенец словенці словенців словенци "
           "словенците"),
    ("SE", "Swedes Szwedzi Szwedów Szwed Švédové Švédů Šved Švedi Švedov шведы шведов швед "
           "шведи шведів шведите"),
    ("AF", "Afghans Afgańczycy Afgańczyków Afgańczyk Afghánci Afghánců Afghánec Afganistanci "
           "афганцы афганцев афганец афганці афганців афганци афганците"),
    ("PT", "Portuguese Portugalczycy Portugalczyków Portugalczyk Portugalci Portugalců "
           "Portugalec Portugalcev португальцы португальцев португалец португальці "
           "португальців португалци португалците"),
    ("BE", "Belgians Belgowie Belgów Belg Belgičané Belgičanů Belgičan Belgijci Belgijcev "
           "Belgijec бельгийцы бельгийцев бельгиец бельгійці бельгійців белгийци белгийците"),
    ("DK", "Danes Duńczycy Duńczyków Duńczyk Dánové Dánů Dán Danci Dancev датчане датчан "
           "датчанин данці данців датчани датчаните"),
    ("FI", "Finns Finowie Finów Finové Finů Finci Fincev финны финнов финн фіни фінів "
           "финландци финландците"),
    ("NO", "Norwegians Norwegowie Norwegów Norweg Norové Norů Norvežani Norvežanov норвежцы "
           "норвежцев норвежец норвежці норвежців норвежци норвежците"),
    ("CH", "Swiss Szwajcarzy Szwajcarów Szwajcar Švýcaři Švýcarů Švicarji Švicarjev швейцарцы "
           "швейцарцев швейцарец швейцарці швейцарців швейцарци швейцарците"),
    ("CA", "Canadians Kanadyjczycy Kanadyjczyków Kanadyjczyk Kanadyjka Kanaďané Kanaďanů "
           "Kanaďan Kanadčani Kanadčanov канадцы канадцев канадец канадці канадців канадци "
           "канадците"),
    ("NG", "Nigerians Nigeryjczycy Nigeryjczyków Nigeryjczyk Nigeryjka Nigerijci "
           "нигерийцы нигерийцев нигериец"),
    ("SY", "Syrians Syryjczycy Syryjczyków Syryjczyk Syřané Syřanů Syřan Sirci Sircev "
           "сирийцы сирийцев сириец сирійці сирійців сирийци сирийците"),
)


def demonym_forms() -> list[tuple[str, str]]:
    """(form, country code) for every listed nationality noun."""
    return [(form, code) for code, forms in DEMONYMS for form in sorted(split_words(forms))]


__all__ = ["DEMONYMS", "demonym_forms"]

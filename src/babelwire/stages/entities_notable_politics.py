"""Parties, and the palaces and areas that stand for governments, in the corpus languages:
part of the table of notable names (:mod:`babelwire.stages.entities_notable`), in its
format (``key|English name|forms...``, going on over indented lines). Written by hand, as
that table was.

The British and American parties, whose names other countries' parties share, take their
key only in an article about their country (``~``), in capitals and in the lower case their
names are often written in (``konzervativní strany``, ``демократической партии``: SlavicNER's
training documents label such lower-case names in 95% of their uses or more in Czech,
Slovene, Russian and Bulgarian; Ukrainian lower-case ones in none, and they are not listed);
so are the Russian party adjectives (``демократических``), which only the Russian annotators
label (72 of 140 uses). A party whose name is a common word (the Greens: Bulgarian
``Зелените``, Polish ``Zieloni``, Slovene ``zeleni``, which SlavicNER's training documents
label for Germany's party, Britain's or none) and the German Left (Polish ``Lewica`` is a
Polish party) are left out. The eurozone is a name in Bulgarian articles only
(``еврозоната``, labelled in all 9 uses in the training documents; Polish ``strefy euro`` in
none of 22).
"""

from __future__ import annotations

PARTIES = """
org:renew-europe|Renew Europe|Renew Europe|Обнови Европа|bg:Renew|cs:Renew|pl:Renew|ru:Renew|
    sl:Renew|uk:Renew
org:n-va|New Flemish Alliance|New Flemish Alliance|N-VA|Nowy Sojusz Flamandzki|Nová vlámská aliance|
    Нов фламандски алианс|Новый фламандский альянс|Nova flamska zveza
org:levica-si|Levica (Slovenia)|sl:Levica|sl:Levice|sl:Levici|sl:Levico
~org:conservatives-uk|Conservative Party|Conservative Party|Tories|Konzervativní strana|
    Partia Konserwatywna|Konservativna stranka|Консервативная партия|Консервативна партія|
    Консервативната партия|konzervativní strana|konzervativní strany|konzervativní straně|
    konzervativní stranu|konzervativní stranou|konservativna stranka|konservativne stranke|
    konservativni stranki|konservativno stranko|консервативная партия|консервативной партии|
    консервативную партию|консервативной партией|консервативната партия|
    консервативна партия|partia konserwatywna|partii konserwatywnej|partię konserwatywną|
    partią konserwatywną
~org:labour-uk|Labour Party|Labour Party|Labour|Labouristická strana|Partia Pracy|
    Laburistična stranka|Лейбористская партия|Лейбористська партія|Лейбъристката партия|
    labouristická strana|labouristické strany|labouristické straně|labouristickou stranu|
    labouristickou stranou|laburistična stranka|laburistične stranke|laburistični stranki|
    laburistično stranko|лейбористская партия|лейбористской партии|лейбористскую партию|
    лейбористской партией|лейбъристката партия|лейбъристка партия
~org:democrats-us|Democratic Party|Democratic Party|Demokratická strana|
    Partia Demokratyczna|Демократическая партия|Демократична партія|Демократическата партия|
    demokratická strana|demokratické strany|demokratické straně|demokratickou stranu|
    demokratickou stranou|demokratska stranka|demokratske stranke|demokratski stranki|
    demokratsko stranko|демократическая партия|демократической партии|
    демократическую партию|демократической партией|демократическата партия|
    демократическа партия|partia demokratyczna|partii demokratycznej|partię demokratyczną|
    partią demokratyczną|ru:демократический|ru:демократическая|ru:демократическое|
    ru:демократические|ru:демократического|ru:демократической|ru:демократическому|
    ru:демократическую|ru:демократическим|ru:демократическом|ru:демократических|
    ru:демократическими
~org:republicans-us|Republican Party|Republican Party|GOP|Republikánská strana|
    Partia Republikańska|Республиканская партия|Республіканська партія|
    Републиканската партия|republikánská strana|republikánské strany|republikánské straně|
    republikánskou stranu|republikánskou stranou|republikanska stranka|
    republikanske stranke|republikanski stranki|republikansko stranko|
    республиканская партия|республиканской партии|республиканскую партию|
    республиканской партией|републиканската партия|републиканска партия|
    partia republikańska|partii republikańskiej|partię republikańską|partią republikańską|
    ru:республиканский|ru:республиканская|ru:республиканское|ru:республиканские|
    ru:республиканского|ru:республиканской|ru:республиканскому|ru:республиканскую|
    ru:республиканским|ru:республиканском|ru:республиканских|ru:республиканскими
org:cdu|Christian Democratic Union of Germany|CDU|ХДС|ХДС Германии|
    Христианско-демократический союз|Христианско-демократического союза|
    Християнсько-демократичний союз|Християндемократически съюз|
    Християн-демократическия съюз|Християндемократическия съюз|
    Křesťanskodemokratická unie|Křesťanskodemokratické unie|
    Unia Chrześcijańsko-Demokratyczna|Unii Chrześcijańsko-Demokratycznej|
    Krščanskodemokratska unija|Krščanskodemokratske unije
org:csu|Christian Social Union in Bavaria|CSU|ХСС|Христианско-социальный союз|
    Християнсько-соціальний союз|Християнсоциален съюз|Křesťanskosociální unie|
    Unia Chrześcijańsko-Społeczna|Krščanskosocialna unija
org:spd|Social Democratic Party of Germany|SPD|СДПГ|Социал-демократическая партия Германии|
    Социал-демократической партии Германии|Соціал-демократична партія Німеччини|
    Германската социалдемократическа партия|Германската социалдемократическа партия|
    Социалдемократическата партия на Германия|Sociálně demokratická strana Německa|
    Socjaldemokratyczna Partia Niemiec|Socialdemokratska stranka Nemčije
org:afd|Alternative for Germany|AfD|Alternative für Deutschland|Альтернатива для Германии|
    Альтернативы для Германии|Альтернатива для Німеччини|Альтернативи для Німеччини|
    Алтернатива за Германия|Алтернативата за Германия|АзГ|Alternativa pro Německo|
    Alternativy pro Německo|Alternatywa dla Niemiec|Alternatywy dla Niemiec|
    Alternativa za Nemčijo|Alternative za Nemčijo
org:fdp|Free Democratic Party (Germany)|FDP|Свободная демократическая партия|
    Свободной демократической партии|Вільна демократична партія|
    Свободната демократическа партия|Svobodná demokratická strana|
    Wolna Partia Demokratyczna|Svobodna demokratska stranka
"""

PLACES = """
place:elysee|Élysée Palace|Élysée Palace|Élysée|Елисейский дворец|Елисейского дворца|
    Елисейском дворце|Єлисейський палац|Єлисейського палацу|Елисейския дворец|
    Елисейският дворец|Elysejský palác|Elysejského paláce|Elysejském paláci|
    Pałac Elizejski|Pałacu Elizejskiego|Pałacu Elizejskim|Elizejska palača|
    Elizejske palače|Elizejski palači
place:region:eurozone|Eurozone|bg:еврозоната|bg:Еврозоната|bg:еврозона|bg:Еврозона
"""

__all__ = ["PARTIES", "PLACES"]

"""Parties, and the palaces and areas that stand for governments, in the corpus languages:
part of the table of notable names (:mod:`babelwire.stages.entities_notable`), in its
format (``key|English name|forms...``, going on over indented lines). Written by hand, as
that table was.

A party whose name is a common word (the Greens: Bulgarian ``Зелените``, Polish
``Zieloni``, Slovene ``zeleni``, which SlavicNER's training documents label for Germany's
party, Britain's or none) and the German Left (Polish ``Lewica`` is a Polish party) are left
out. The eurozone is a name in Bulgarian articles only (``еврозоната``, labelled in all
9 uses in the training documents; Polish ``strefy euro`` in none of 22).
"""

from __future__ import annotations

PARTIES = """
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

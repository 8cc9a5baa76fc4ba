"""Airlines and airports the news names, in the corpus languages: part of the table of
notable names (:mod:`babelwire.stages.entities_notable`), in its format (``key|English
name|forms...``, going on over indented lines; ``xx:`` before a form limits it to one
language). Written by hand, as that table was.

An airline is an organisation, an airport a place, as the BSNLP guidelines have them. Names
that are also common words are left out or limited: ``Norwegian`` written in Latin letters
in a Slavic article is the airline (SlavicNER's training documents label it so), in an
English one an adjective; ``Swiss`` alone is also the Swiss People's Party, so only the
airline's full names are listed; Russian ``Победа`` is also "victory" (10 of 10
uses in the training documents unlabelled), ``Delta`` and ``Lauda`` are a river mouth and
a person, so only their full names are listed.
"""

from __future__ import annotations

_SLAVIC = ("bg", "cs", "pl", "ru", "sl", "uk")


def _in_slavic(*forms: str) -> str:
    """``form`` limited to the Slavic languages, once for each."""
    return "|".join(f"{lang}:{form}" for form in forms for lang in _SLAVIC)


AIRLINES = f"""
org:emirates|Emirates|Emirates|Emiratesu|Emiratesem|Эмирейтс|Емірейтс|Емирейтс
org:qatar-airways|Qatar Airways|Qatar Airways|Катар Эйрвейз|Катар Ейрвейз|Катар Еъруейз
org:etihad|Etihad Airways|Etihad|Etihad Airways|Этихад|Етіхад|Етихад
org:turkish-airlines|Turkish Airlines|Turkish Airlines|Туркиш Эйрлайнс|Туркиш Ейрлайнс|
    Търкиш Еърлайнс|Турецкие авиалинии|Турецких авиалиний
org:qantas|Qantas|Qantas|Qantasu|Qantasem|Кантас|Qantas Airways
org:klm|KLM|KLM|KLM Royal Dutch Airlines|КЛМ
org:air-france-klm|Air France-KLM|Air France-KLM|Air France KLM|Эйр Франс-КЛМ
org:finnair|Finnair|Finnair|Finnairu|Finnairem|Финнэйр|Фіннейр|Финеър
org:sas|Scandinavian Airlines|SAS|Scandinavian Airlines
org:norwegian|Norwegian Air Shuttle|Norwegian Air Shuttle|Norwegian Air|{_in_slavic("Norwegian")}
org:swiss|Swiss International Air Lines|Swiss International Air Lines|Swiss Air Lines|
    Swiss Airlines
org:alitalia|Alitalia|Alitalia|Alitalii|Alitalię|Alitalią|Alitalie|Alitalijo|Alitaliji|
    Алиталия|Алиталии|Аліталія|Аліталії|Алиталия
org:iberia|Iberia|{_in_slavic("Iberia", "Iberii", "Iberię")}
org:austrian-airlines|Austrian Airlines|Austrian Airlines|Остриън Еърлайнс
org:aer-lingus|Aer Lingus|Aer Lingus|Аэр Лингус
org:vueling|Vueling|Vueling
org:volotea|Volotea|Volotea
org:transavia|Transavia|Transavia
org:eurowings|Eurowings|Eurowings
org:smartwings|Smartwings|Smartwings|SmartWings
org:czech-airlines|Czech Airlines|Czech Airlines|ČSA|České aerolinie|Českých aerolinií|
    Českým aerolinkám|Českými aerolinkami
org:tui-fly|TUI fly|TUI fly|TUIfly|TUI Fly|TUI Airways
org:adria-airways|Adria Airways|Adria Airways|Adrie Airways|sl:Adria|sl:Adrie|sl:Adrii|
    sl:Adrio|sl:Adrijo|sl:Adriji
org:air-serbia|Air Serbia|Air Serbia|Эйр Сербия|Ер Сърбия
org:croatia-airlines|Croatia Airlines|Croatia Airlines
org:bulgaria-air|Bulgaria Air|Bulgaria Air|България Ер
org:airbaltic|airBaltic|airBaltic|AirBaltic|Air Baltic
org:aegean|Aegean Airlines|Aegean Airlines
org:blue-air|Blue Air|Blue Air
org:laudamotion|Laudamotion|Laudamotion|LaudaMotion|Лаудамоушън
org:jet2|Jet2|Jet2|Jet2.com
org:flybe|Flybe|Flybe|Флайби
org:thomas-cook|Thomas Cook Group|Thomas Cook Group
org:uia|Ukraine International Airlines|Ukraine International Airlines|МАУ|
    Міжнародні авіалінії України|Міжнародних авіаліній України|
    Международные авиалинии Украины|Международных авиалиний Украины
org:s7|S7 Airlines|S7 Airlines|S7
org:delta|Delta Air Lines|Delta Air Lines|Delta Airlines|Дельта Эйрлайнс
org:american-airlines|American Airlines|American Airlines|Американ Эйрлайнс
org:united-airlines|United Airlines|United Airlines|Юнайтед Эйрлайнс
org:southwest|Southwest Airlines|Southwest Airlines|Саутуэст|{_in_slavic("Southwest")}
org:cathay-pacific|Cathay Pacific|Cathay Pacific|Cathay Pacific Airways
org:singapore-airlines|Singapore Airlines|Singapore Airlines
org:air-india|Air India|Air India|Эйр Индия
org:air-canada|Air Canada|Air Canada|Эйр Канада
org:pia|Pakistan International Airlines|Pakistan International Airlines|PIA
"""

AIRPORTS = """
place:airport:heathrow|Heathrow Airport|Heathrow|Heathrowu|Heathrowem|Хитроу|Хийтроу|Гітроу|
    Хітроу
place:airport:gatwick|Gatwick Airport|Gatwick|Gatwicku|Gatwickiem|Гатвик|Гатвік
place:airport:stansted|Stansted Airport|Stansted|Stanstedu|Stanstedzie|Станстед|Стенстед
place:airport:schiphol|Amsterdam Airport Schiphol|Schiphol|Schipholu|Схипхол|Схіпхол|
    Скипхол
place:airport:boryspil|Boryspil International Airport|Boryspil|Borispol|Boryspol|Boryspilu|
    Бориспіль|Борисполь|Борисполя|Борисполе|Бориспіля|Бориспільа|Борисполі
place:airport:sheremetyevo|Sheremetyevo International Airport|Sheremetyevo|Шереметьево|
    Шереметьєво|Шереметиево|Šeremetěvo|Šeremetěva|Szeremietiewo|Szeremietiewie|Šeremetjevo
place:airport:domodedovo|Domodedovo International Airport|Domodedovo|Домодедово|Domodědovo|
    Domodiedowo
place:airport:vnukovo|Vnukovo International Airport|Vnukovo|Внуково|Vnukovo|Wnukowo
place:airport:pulkovo|Pulkovo Airport|Pulkovo|Пулково|Pułkowo
place:airport:okecie|Warsaw Chopin Airport|Okęcie|Okęciu|Okęcia
place:airport:tegel|Berlin Tegel Airport|Tegel|Tegelu|Tegelem|Тегель|Тегеле|Тегел
place:airport:schonefeld|Berlin Schönefeld Airport|Schönefeld|Schönefeldu|Schönefeldzie|
    Шёнефельд|Шонефельд|Шьонефелд|Шенефельд|Шьонефелд
place:airport:zaventem|Brussels Airport|Zaventem|Zaventemu|Завентем
place:airport:prague|Václav Havel Airport Prague|Letiště Václava Havla|letiště Václava Havla|
    Letišti Václava Havla|letišti Václava Havla|Ruzyně|Ruzyni
"""

__all__ = ["AIRLINES", "AIRPORTS"]

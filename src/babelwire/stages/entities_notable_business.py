"""Companies, broadcasters, universities and agencies the international news names, in the
corpus languages: part of the table of notable names (:mod:`babelwire.stages.entities_notable`),
in its format (``key|English name|forms...``, going on over indented lines; ``xx:`` before a
form limits it to one language). Written by hand, as that table was.

Companies, universities and agencies are organisations; a channel, a newspaper, an app or a
model of aircraft is a product, as the BSNLP guidelines have them. Names that are also
common words or given names are left out or given only in full (``General`` alone is a
title, ``Ema`` a given name, Czech ``Ano`` "yes").
"""

from __future__ import annotations

ORGANISATIONS = """
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
product:zoom|Zoom|Zoom|Zoomu|Зум
product:parler|Parler|Parler|Parleru|Парлер
"""

__all__ = ["ORGANISATIONS", "PRODUCTS"]

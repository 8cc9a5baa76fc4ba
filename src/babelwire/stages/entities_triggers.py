"""Trigger words, written here, per language: titles before names, heads and suffixes of
organisation and place names, and the closed-class words that start sentences.

Words of inflected languages are compared by stem (``stem_word``), so ``министра``
and ``министр``, ``prezydenta`` and ``prezydent`` meet. Scripts without spaces
list titles that follow a name (``森本健二総裁``, ``高橋誠市長``) and suffixes.
"""

from __future__ import annotations

from functools import lru_cache

from babelwire.stages.entities_keys import fold, split_words, stem_word

# Titles and roles that precede a person's name (any of the corpus languages).
_PERSON_TITLES = """
president vice-president prime minister premier chancellor minister secretary governor
chairman chairwoman chair mayor spokesperson spokesman spokeswoman ambassador senator
congressman congresswoman representative judge general admiral commander director
ceo chief executive founder king queen prince princess pope patriarch cardinal bishop
lawyer attorney prosecutor economist analyst professor dr mr mrs ms sir lord lady coach
striker captain leader head envoy commissioner mep deputy candidate actor actress singer
player journalist activist author president-elect
präsident präsidentin bundeskanzler bundeskanzlerin kanzler kanzlerin ministerin minister
ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin sprecher sprecherin
vorsitzende vorsitzender chef chefin gouverneur botschafter abgeordnete abgeordneter
richter staatssekretär generalsekretär herr frau direktor direktorin
président présidente ministre premier ministre chancelier chancelière secrétaire maire
porte-parole gouverneur ambassadeur sénateur député juge directeur directrice m mme
patron patronne dirigeant
presidente presidenta ministro ministra canciller secretario secretaria alcalde alcaldesa
portavoz gobernador gobernadora embajador senador diputado diputada juez jueza director
directora señor señora don doña
sindaco sindaca portavoce governatore ambasciatore senatore deputato premier segretario
prefeito prefeita porta-voz governador embaixador deputada
prezydent prezydentka premier premierka minister ministra kanclerz sekretarz burmistrz
prezydent rzecznik rzeczniczka gubernator ambasador senator poseł posłanka sędzia
prezes dyrektor szef szefowa wicepremier marszałek pan pani
г-н г-жа господин госпожа gospod gospa пан пані
prezident prezidentka premiér premiérka ministr ministryně kancléř tajemník starosta
starostka primátor primátorka mluvčí guvernér velvyslanec senátor poslanec poslankyně
soudce ředitel ředitelka šéf šéfka místopředseda předseda předsedkyně hejtman hejtmanka
viceprezident vicepremiér pan paní kancléřka ministryně prezidentka guvernérka
президент премьер премьер-министр канцлер министр министерка секретарь госсекретарь
мэр губернатор спикер посол сенатор депутат судья директор глава председатель
пресс-секретарь официальный представитель генсек генеральный секретарь командующий
прем'єр прем'єр-міністр міністр міністерка речник речниця мер голова посол депутат
суддя директор очільник віцепрем'єр віцепрем'єр-міністр віцепрем'єр-міністерка
президентка губернаторка вице-президент віце-президент вицепрезидент вице-премьер
віце-прем'єр экс-президент екс-президент адвокат адвокатът адвокатка adwokat advokát
advokátka odvetnik odvetnica wiceprezydent
председател председателят министър министърът премиерът говорител кмет посланик депутат
predsednik predsednica minister ministrica župan premier veleposlanik poslanec vodja
başkan başkanı cumhurbaşkanı bakan bakanı başbakan sözcü sözcüsü vali büyükelçi
voorzitter premier minister burgemeester woordvoerder president koning gouverneur
chủ tịch thủ tướng bộ trưởng thống đốc tổng thống phó ông bà thứ trưởng người phát ngôn
tổng bí thư giám đốc đại sứ
papież papa papež папа папата król królowa książę księżna král královna kníže kněžna
kralj kraljica король королева князь княгиня крал кралица кралят принц принцеса принцесса
патриарх патріарх патриархът patriarcha
ksiądz księdza księdzu kardynał kardynała arcybiskup biskup otec kněz kněze kardinál
arcibiskup отец отца кардинал кардинала архиепископ епископ єпископ митрополит
руководитель керівник ръководител
profesor profesorka prof prof. doktor doktorka akademik
профессор профессора профессору професор проф. доктор академик академік д-р
"""

# Arabic titles, matched on words with the clitics و, ب, ل, ف cut.
_ARABIC_TITLES = split_words("""
الرئيس رئيس رئيسة وزير وزيرة الوزير المتحدث المتحدثة الناطق الناطقة السفير سفير الملك الأمير
الشيخ محافظ المحافظ عمدة النائب نائب مدير المدير الأمين العام زعيم قائد المستشار مستشار
السيد السيدة الدكتور المدعي القاضي الجنرال الفريق اللواء العقيد
""")

# Titles written right after a name in Chinese, Japanese and Korean.
_CJK_TITLES_AFTER = (
    "大統領", "首相", "副首相", "外相", "財務相", "防衛相", "長官", "総裁", "議長", "知事", "市長",
    "社長", "会長", "代表", "委員長", "幹事長", "官房長官", "大臣", "氏", "さん", "容疑者", "被告",
    "教授", "監督", "選手", "報道官", "大使",
    "대통령", "총리", "장관", "대변인", "위원장", "시장", "의장", "총재", "대표", "회장", "대사",
    "씨", "교수", "감독", "지사",
)
# Titles written right before a name in Chinese (and Vietnamese-style Sino titles).
_CJK_TITLES_BEFORE = (
    "国家主席", "主席", "总统", "總統", "总理", "總理", "副总理", "副總理", "首相", "部长", "部長",
    "外长", "外長", "发言人", "發言人", "市长", "市長", "省长", "州长", "行长", "总裁", "董事长",
    "主任", "副主任", "大使", "秘书长", "祕書長", "议长", "院长", "船长", "教授", "总书记",
    "国务卿", "负责人", "局长", "司令", "领导人",
)

# Words that open an organisation's name (compared by stem) and suffixes that close one.
_ORG_HEADS = """
ministry department bank union unie unia unija party council commission committee agency authority
center centre
office court university institute association federation company corporation group
foundation fund service organisation organization parliament assembly senate congress
government army police navy airlines airways church league club team board bureau
ministerium bundesministerium bank partei rat kommission ausschuss behörde amt gericht
universität institut verband stiftung gesellschaft konzern regierung bundestag bundesrat
ministère banque parti conseil commission comité agence autorité tribunal cour université
institut association fédération société groupe fondation gouvernement assemblée
ministerio banco partido consejo comisión comité agencia autoridad tribunal universidad
instituto asociación federación sociedad fundación gobierno congreso
ministero banca partito consiglio commissione comitato agenzia autorità tribunale università
istituto associazione federazione società fondazione governo
ministério banco partido conselho comissão comitê agência tribunal universidade instituto
associação fundação governo
ministerstwo bank partia rada komisja komitet agencja urząd sąd uniwersytet instytut
stowarzyszenie federacja spółka fundacja rząd sejm senat organizacja izba trybunał parlament
armia wojsko związek konfederacja
ministerstvo banka strana rada komise výbor agentura úřad soud univerzita ústav institut
sdružení svaz federace společnost nadace vláda sněmovna senát komora organizace parlament
armáda
министерство минобороны мид банк партия совет комиссия комитет агентство служба управление
суд университет институт ассоциация федерация компания корпорация фонд правительство
госдума дума парламент собрание организация палата армия союз конфедерация
міністерство банк партія рада комісія комітет агентство служба управління суд
університет інститут асоціація федерація компанія корпорація фонд уряд парламент
організація палата армія
министерство съюз партия комисия банка агенция съвет парламент правителство съд
събрание организация комитет щаб институт университет фонд служба сдружение асоциация
ministrstvo unija stranka komisija banka agencija svet vlada parlament družba zveza
sodišče zbor organizacija urad univerza inštitut sklad vojska
bakanlığı bakanlık bankası partisi konseyi komisyonu kurumu üniversitesi meclisi
ministerie bank partij raad commissie comité agentschap rechtbank universiteit
bộ ngân hàng đảng hội đồng ủy cơ quan tòa án trường đại học viện hiệp hội công
tập đoàn quỹ chính phủ quốc hội
"""
# Vietnamese heads are listed by syllable. "ban" (of ủy ban) and "ty" (of công ty) are left
# out: as stems they are Slavic words and names (Polish "ty", the surname Banach, taken for an
# organisation head), and ủy and công already mark those names.

LEGAL_FORMS = frozenset(fold(w) for w in split_words("""
Inc Inc. Corp Corp. Ltd Ltd. LLC PLC plc GmbH AG SE SA S.A. SpA S.p.A. NV N.V. BV B.V. KG
ООО ОАО ПАО АО ЗАО ТОВ ПрАТ ПАТ АТ a.s. s.r.o. A.Ş. АД ЕАД ООД ЕООД d.o.o. d.d.
"""))
"""Company legal forms: after a name they make it an organisation (``Nord Stream 2 AG``)."""

ORG_SUFFIXES = frozenset(fold(w) for w in split_words("""
Inc Inc. Corp Corp. Ltd Ltd. LLC PLC plc GmbH AG SE SA S.A. SpA S.p.A. NV N.V. BV B.V. KG
Co. Group Holding Holdings Bank Airlines Airways Motors Energy Systems Technologies
ООО ОАО ПАО АО ЗАО ТОВ ПрАТ ПАТ АТ a.s. s.r.o. sp. z o.o. A.Ş. АД ЕАД ООД ЕООД d.o.o. d.d.
Груп Групп Група
"""))

# Words that make the following capitalised name a place.
_PLACE_HEADS = """
city town village province region state county district island river lake mount
stadt provinz region bundesland insel fluss
ville province région département île fleuve
ciudad provincia región isla río
città provincia regione isola fiume
cidade província região ilha rio
miasto województwo prowincja wyspa rzeka
město kraj provincie ostrov řeka obec
город область край провинция остров река село регион
місто область край провінція острів річка село регіон
tỉnh thành phố huyện xã quận sông đảo
"""

CJK_ORG_SUFFIXES = (
    "委员会", "委員会", "銀行", "银行", "公司", "集团", "集團", "大学", "大學", "研究所", "协会",
    "協会", "组织", "組織", "政府", "法院", "议会", "議会", "党", "部", "省", "庁", "局", "署",
    "军", "軍", "会社", "協議会", "기구", "위원회", "은행", "정부", "부", "청", "당", "대학교",
)
CJK_PLACE_SUFFIXES = (
    "省", "市", "县", "縣", "州", "岛", "島", "河", "湾", "灣", "镇", "鎮", "村", "区", "區", "県",
    "町", "港", "山", "湖", "성", "시", "도", "군", "구",
)

# Sentence-initial words that are not names (closed classes, frequent adverbs).
_SENTENCE_STARTERS = """
the a an this that these those it he she they we i you his her their our its in on at for
from with by after before during while when where what who why how if but and or so as
there here also however meanwhile yet still now then today yesterday tomorrow last next
according some many most all both each one two three four five mr mrs ms
der die das ein eine dieser diese dieses es er sie wir ich ihr im am vom zum zur auf aus
bei mit nach seit von vor für über unter und oder aber doch auch noch nun dann heute
gestern morgen laut wie wenn als ob weil dass bis
le la les un une des ce cette ces il elle ils elles nous je on dans en sur sous pour par
avec après avant pendant selon mais et ou donc aussi encore puis aujourd'hui hier demain
el la los las un una unos unas este esta estos estas ese esa él ella ellos nosotros en
con por para desde según tras pero y o también ya hoy ayer mañana
il lo la gli le un uno una questo questa quello quella lui lei loro noi nel nella per con
secondo dopo prima ma e o anche già oggi ieri domani
o a os as um uma este esta esse essa ele ela eles nós em no na nos nas com por para
segundo após mas e ou também já hoje ontem amanhã
w we na z ze do od po przed przez dla o i a ale lub też już dziś wczoraj jutro to ten ta
te jak gdy według jego jej ich
v ve na z ze do od po před přes pro o a i ale nebo také už dnes včera zítra to ten ta ty
jak když podle jeho její jejich se si
в во на с со к ко от по за из у о об и а но или тоже уже сегодня вчера завтра это этот
эта эти он она они мы я как когда по словам его её их при
в у на з із зі до від по за про і й а але або також вже сьогодні вчора завтра це цей ця
ці він вона вони ми я як коли за словами його її їх при
след преди според като когато но и или също днес вчера утре това този тази тези той тя те
ние аз при на за от по с със във в
po pred za iz iz s z in ali tudi že danes včeraj jutri to ta te ko ker kot je so
bu şu o bir ve ile için gibi ama da de ise bugün dün yarın
de het een dit dat deze die hij zij wij ik in op bij met voor na uit van en of maar ook
al vandaag gisteren morgen volgens
trong khi theo tại các những một và của là với cho từ sau trước hôm nay
сега там тук после вече още обаче затова така сейчас теперь затем однако также поэтому
там здесь зараз тепер однак потім тому тут teraz jednak potem dlatego tam tutaj także
nyní teď však pak proto tam zde zdaj sedaj vendar nato zato tam tukaj
ранее раньше позже сам сама само sám sama samo
колко какво защо кой коя кое кои къде кога сколько что почему зачем где кто куда откуда
скільки що чому навіщо де хто куди звідки ile co dlaczego gdzie kto kiedy kolik co proč kde
kdo kdy koliko kaj zakaj kje kdo kdaj
"""

# Verbs of saying, as written next to the one who speaks (``съобщи Барние``, ``Дейвис
# заяви``, ``je dejal Janša``): a lone unknown capitalised word beside one is a person.
_REPORTING_VERBS = """
said says added told stated sagte sagt erklärte betonte fügte
заяви заявява каза казва добави добавя подчерта подчертава съобщи съобщава посочи посочва
отбеляза отбелязва коментира обяви обявява написа пише смята призова допълни уточни
заявил заявила заявляет сказал сказала говорит добавил добавила отметил отметила
подчеркнул подчеркнула сообщил сообщила написал написала пояснил пояснила считает уточнил
уточнила признал признала
заявив заявила заявляє сказав сказала каже додав додала зазначив зазначила наголосив
наголосила повідомив повідомила написав написала вважає пояснив пояснила
powiedział powiedziała mówi stwierdził stwierdziła dodał dodała podkreślił podkreśliła
zaznaczył zaznaczyła napisał napisała oświadczył oświadczyła uważa ocenił oceniła
řekl řekla uvedl uvedla dodal dodala prohlásil prohlásila zdůraznil zdůraznila napsal
napsala uvádí tvrdí míní sdělil sdělila podotkl podotkla
dejal dejala povedal povedala poudaril poudarila dodal dodala izjavil izjavila zapisal
zapisala pravi meni opozoril opozorila
varoval varovala upozornil upozornila poznamenal poznamenala vysvětlil vysvětlila
odpověděl odpověděla doplnil doplnila potvrdil potvrdila oznámil oznámila konstatoval
konstatovala
przekonywał przekonywała zauważył zauważyła wyjaśnił wyjaśniła ostrzegł ostrzegła
przyznał przyznała zapowiedział zapowiedziała poinformował poinformowała mówił mówiła
odpowiedział odpowiedziała
рассказал рассказала объяснил объяснила ответил ответила предупредил предупредила указал
указала заметил заметила констатировал констатировала говорил говорила
розповів розповіла відповів відповіла зауважив зауважила підкреслив підкреслила
відзначив відзначила попередив попередила
отговори обясни предупреди изтъкна
pojasnil pojasnila menil menila ocenil ocenila odgovoril odgovorila zatrdil zatrdila
"""

# Auxiliaries between a speaker and a past-tense verb of saying (Slovene ``Janša je dejal``).
_AUXILIARIES = frozenset({"je", "е", "sta", "so", "jest", "byl", "była", "был", "была"})

# Acronyms of common nouns, written in capitals but no names: GDP, VAT, LNG, units and
# time zones, medical terms, legal forms standing alone (currency codes come from pycountry);
# a Russian media licence (ЭЛ № ФС77-...), TV, SMS; and common words a page shouts in capitals
# (ТАКЖЕ, ВАЖНО, WYWIAD), none labelled in SlavicNER's training documents
_COMMON_ACRONYMS = """
gdp bdp pkb hdp ввп vat ddv dph pdv ддс ндс пдв lng спг зпг cng sms mms ipo ceo cfo pr it
pcr пцр rna dna рнк днк hiv вич віл aids спид orvi орви хобл copd icu ivf
cest cet gmt utc selč seč mesz msk мск kwh mwh gwh km kg ppm
ад еад оод еоод пао оао зао ооо тов пат ат ag sa plc gmbh ltd inc llc spa nv bv иа
бвп внп gnp qe fx фио сизо омс акдс хобб ace2 асе2 jip osvč gmo гмо co2 video foto фото ао нии
фс эл сми смс гтс фгбу фба тв tv хх жкт кпп цнс трц чс qr rbd dnk vip ps fm eet btw web online
также важно только сюжет голова тыц wywiad dziwne
"""


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    """Folded acronyms that are common nouns, not names: ``BDP``, ``USD``, ``ПЦР``."""
    try:
        import pycountry

        currencies = {c.alpha_3.casefold() for c in pycountry.currencies}
    except ImportError:  # pragma: no cover - pycountry is a dependency
        currencies = set()
    return frozenset(fold(_COMMON_ACRONYMS).split()) | currencies


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """Stems of titles and roles that precede a person's name."""
    return frozenset(stem_word(w) for w in fold(_PERSON_TITLES).split())


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Stems of words that open (or, in Turkish, close) an organisation's name."""
    return frozenset(stem_word(w) for w in fold(_ORG_HEADS).split())


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    """Stems of words that announce a place name (``city``, ``область``, ``tỉnh``)."""
    return frozenset(stem_word(w) for w in fold(_PLACE_HEADS).split())


@lru_cache(maxsize=1)
def sentence_starters() -> frozenset[str]:
    """Folded closed-class words that open sentences and are never names on their own."""
    return frozenset(fold(_SENTENCE_STARTERS).split())


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Folded verbs of saying, as written (not stemmed: ``said`` but not ``saying``)."""
    return frozenset(fold(_REPORTING_VERBS).split())


def auxiliaries() -> frozenset[str]:
    """Folded auxiliaries that may stand between a speaker and a verb of saying."""
    return _AUXILIARIES


def arabic_titles() -> frozenset[str]:
    return _ARABIC_TITLES


def cjk_titles_after() -> tuple[str, ...]:
    return _CJK_TITLES_AFTER


def cjk_titles_before() -> tuple[str, ...]:
    return _CJK_TITLES_BEFORE


__all__ = [
    "CJK_ORG_SUFFIXES", "CJK_PLACE_SUFFIXES", "ORG_SUFFIXES", "arabic_titles", "auxiliaries",
    "cjk_titles_after", "cjk_titles_before", "common_acronyms", "org_heads", "person_titles",
    "place_heads", "reporting_verbs",
    "sentence_starters",
]

"""Cited documents: laws, resolutions, directives, regulations, decrees and decisions by number.

``Resolution No. 24-NQ/TW``, ``Постанова № 1234``, ``القرار رقم 2334``,
``Regulation (EU) 2024/1689``, ``UN Security Council resolution 2231``,
``Nghị định số 45/2024/NĐ-CP``, ``安理会第2231号决议``, ``《数字服务法》``.

Each becomes a ``document`` mention with a canonical key
``doc:<family>|<issuer>|<number>``: the family (resolution, law, decree,
directive, regulation) and issuer (``unsc``, ``unga``, ``eu``, or ``?`` when
the text does not say) are language-independent, so the same act cited in
different languages gets the same key. The linker joins a key with an unknown
issuer to the one known key with the same family and number.
"""

from __future__ import annotations

import re

from babelwire.stages.entities_keys import fold
from babelwire.stages.entities_records import Mention

# word (folded, any case form's start) -> family
_FAMILIES: dict[str, str] = {}
for _fam, _names in {
    "resolution": "resolution resolutions résolution resolución risoluzione resolução rezolucja "
                  "rezoluci rezoluce резолюци резолюці постанова постанови постановление "
                  "постановлени решение рішення decision décision decisión decisione decisão "
                  "decyzja rozhodnutí usnesení beschluss resolutie karar kararı nghị quyết "
                  "quyết định постанов резолюц rezoluc rezoluci usnesen rozhodnut decyzj "
                  "рішенн решени",
    "law": "law act gesetz gesetzes loi ley legge lei ustawa ustawy zákon zákona закон закона "
           "закону wet kanun luật ustaw zákon закон",
    "decree": "decree décret decreto dekret rozporządzenie nařízení vlády указ указа "
              "наказ розпорядження распоряжение executive order verordnung nghị định thông tư "
              "розпоряд распоряж",
    "directive": "directive richtlinie directiva direttiva diretiva dyrektywa směrnice "
                 "директива richtlijn yönerge",
    "regulation": "regulation règlement reglamento regolamento regulamento rozporządzenie "
                  "nařízení регламент verordening",
}.items():
    for _word in _names.split(" "):
        _FAMILIES.setdefault(_word, _fam)
_FAMILIES.update({"nghị quyết": "resolution", "quyết định": "resolution", "nghị định": "decree",
                  "thông tư": "decree", "executive order": "decree"})

_ISSUERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("unsc", re.compile(r"security council|sicherheitsrat|conseil de sécurité|consejo de "
                        r"seguridad|consiglio di sicurezza|conselho de segurança|rad[ay] "
                        r"bezpiecze|rad[ay] bezpečnosti|совет[а]? безопасности|ради безпеки|"
                        r"рада безпеки|совбез|مجلس الأمن|安理会|安理會|安保理|hội đồng bảo an|"
                        r"güvenlik konseyi|안보리|안전보장이사회|veiligheidsraad", re.I)),
    ("unga", re.compile(r"general assembly|generalversammlung|assemblée générale|asamblea "
                        r"general|генеральн\w+ ассамбле|الجمعية العامة|联合国大会|大会决议", re.I)),
    ("eu", re.compile(r"\((?:eu|ue|eg|ec|ес|єс|ek|ab|eeg|cee|ewg)\)|\b(?:eu|ue|ес)\b", re.I)),
)

_NUMBER = r"(\d[\dA-Za-zА-Яа-яĐđ]*(?:[/.\-][\dA-Za-zА-Яа-яĐđ]+)*)"
_NO = r"(?:No\.?|Nr\.?|n[°º]\.?|N[°º]\.?|nº|č\.|№|num\.|número|numero|nummer|số|رقم|sayılı)"
_WORDS = "|".join(sorted((re.escape(w) for w in _FAMILIES), key=len, reverse=True))

# keyword [issuer words] [No] number  -- "Resolution No. 24-NQ/TW", "Постанова № 1234"
_KEYWORD_FIRST = re.compile(
    rf"(?<![\w])((?:{_WORDS})\w{{0,4}})"
    rf"((?:\s+\((?:EU|UE|EG|EC|ЕС|ЄС|EK|EU)\))?(?:\s+(?:of the\s+)?[^\W\d]{{2,}}){{0,3}}?)"
    rf"\s*({_NO}\s*)?{_NUMBER}", re.I)
# number ... keyword -- "2231 sayılı karar", "Directive 2019/790", handled above; Arabic:
_ARABIC = re.compile(r"(?:ال)?(قرار|قانون|مرسوم)(?:\s+(مجلس الأمن(?: الدولي)?))?\s+(?:رقم\s*)?"
                     r"([\d\u0660-\u0669]+(?:/[\d\u0660-\u0669]+)?)")
_HAN_NUMBERED = re.compile(r"((?:联合国)?(?:安理会|安理會|安保理|大会)?)第?(\d+[\d/]*)号?"
                           r"(决议|決議|决定|法令)")
_HAN_TITLED = re.compile(r"《([^》]{2,20}?(?:法|条例|條例|决议|決議|指令|规定|規定|协定|協定))》")
_KO = re.compile(r"(결의|법률|법)\s*제?\s*(\d+)\s*호")
_TURKISH = re.compile(r"(\d+)\s+sayılı\s+(\w+)", re.I)


def _ascii_digits(text: str) -> str:
    return "".join(str(int(ch)) if ch.isdigit() else ch for ch in text)


def _issuer(text: str) -> str:
    for name, pattern in _ISSUERS:
        if pattern.search(text):
            return name
    return "?"


def _family(word: str) -> str | None:
    w = fold(word)
    if w in _FAMILIES:
        return _FAMILIES[w]
    for size in range(len(w) - 1, 3, -1):  # inflected: постановою, закону, rezolucji
        if w[:size] in _FAMILIES:
            return _FAMILIES[w[:size]]
    return None


def _normalise_number(number: str) -> str:
    return re.sub(r"\s+", "", _ascii_digits(number)).upper().replace("Đ", "D").rstrip(".-/")


def canonical_key(family: str, issuer: str, number: str) -> str:
    return f"doc:{family}|{issuer}|{_normalise_number(number)}"


_NOT_A_CITATION = re.compile(r"(?:законч|закінч|указан|указыв|указат|вказан|вказув)")
"""Words that start like a document's name but are verbs or participles: ``закончит``
("will finish"), ``указано`` ("stated")."""
_CUES = tuple(sorted({w[:5] for w in _FAMILIES}))
_OTHER_CUES = ("قرار", "قانون", "مرسوم", "号", "號", "《", "호", "sayılı")


def find_documents(doc: str, lang: str) -> list[Mention]:
    """Cited documents in ``doc``, each with its canonical ``doc:...`` key."""
    out: list[Mention] = []
    low = doc.casefold()
    if not any(cue in low for cue in _CUES) and not any(cue in doc for cue in _OTHER_CUES):
        return out
    for m in _KEYWORD_FIRST.finditer(doc):
        family = _family(m.group(1))
        if family is None:
            continue
        number = m.group(4)
        if (not any(ch.isdigit() for ch in number) or len(number) > 24
                or _NOT_A_CITATION.match(fold(m.group(1)))):
            continue
        context = doc[max(0, m.start() - 40) : m.end() + 40]
        issuer = _issuer(context)
        if (m.group(1)[:1].islower() and not m.group(3) and issuer == "?"
                and number.isdigit()):
            continue  # a bare number after a common noun: законы 33 стран, решение 28 стран
        if m.group(2).strip() and not m.group(3) and _issuer(m.group(2)) == "?":
            continue  # words between keyword and number that name no issuer: "law was passed by"
        if issuer == "eu" and family == "decree":
            family = "regulation"  # Verordnung (EU), nařízení (EU)
        start = m.start()
        pre = re.search(r"((?:UN |U\.N\. |United Nations )?(?:Security Council|General Assembly)"
                        r"\s+)$", doc[max(0, start - 40) : start], re.I)
        if pre:
            start -= len(pre.group(1))
        if issuer == "?" and re.match(r"\d{4}/\d+/(?:EU|EC|EEC|UE|CE|EG|EWG)\b", number, re.I):
            issuer = "eu"
        if issuer == "eu" and "/" in number:
            number = re.sub(r"/(?:EU|EC|EEC|UE|CE|EG|EWG)$", "", number, flags=re.I)
        out.append(Mention(text=doc[start : m.end()], kind="document", start=start, end=m.end(),
                           lang=lang, rule="pattern",
                           canonical=canonical_key(family, issuer, number)))
    for m in _ARABIC.finditer(doc):
        family = {"قرار": "resolution", "قانون": "law", "مرسوم": "decree"}[m.group(1)]
        issuer = "unsc" if m.group(2) else _issuer(doc[max(0, m.start() - 40) : m.end() + 40])
        out.append(Mention(text=m.group(0), kind="document", start=m.start(), end=m.end(),
                           lang=lang, rule="pattern",
                           canonical=canonical_key(family, issuer, m.group(3))))
    for m in _HAN_NUMBERED.finditer(doc):
        family = "law" if m.group(3) == "法令" else "resolution"
        issuer = _issuer(m.group(1) or doc[max(0, m.start() - 10) : m.start()])
        out.append(Mention(text=m.group(0), kind="document", start=m.start(), end=m.end(),
                           lang=lang, rule="pattern",
                           canonical=canonical_key(family, issuer, m.group(2))))
    for m in _HAN_TITLED.finditer(doc):
        out.append(Mention(text=m.group(1), kind="document", start=m.start(1), end=m.end(1),
                           lang=lang, rule="pattern", canonical=None))
    for m in _KO.finditer(doc):
        family = "resolution" if m.group(1) == "결의" else "law"
        out.append(Mention(text=m.group(0), kind="document", start=m.start(), end=m.end(),
                           lang=lang, rule="pattern",
                           canonical=canonical_key(family, _issuer(doc[max(0, m.start() - 12):
                                                                       m.start()]), m.group(2))))
    for m in _TURKISH.finditer(doc):
        family = _family(m.group(2))
        if family is not None:
            out.append(Mention(text=m.group(0), kind="document", start=m.start(), end=m.end(),
                               lang=lang, rule="pattern",
                               canonical=canonical_key(family, "?", m.group(1))))
    out.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for mention in out:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


__all__ = ["canonical_key", "find_documents"]

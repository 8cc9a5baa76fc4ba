"""Finds mentions in scripts without capital letters: Arabic, Chinese, Japanese, Korean.

Capitals say nothing here, so every rule needs a cue:

* the gazetteer, scanned for the longest name at each position (Chinese, Japanese)
  or over words with their clitics cut (Arabic ``وألمانيا``, Korean ``독일의``);
* titles: before the name in Chinese and Arabic (``副总理陈明德``,
  ``وزير الداخلية محمد أرسلان``), after it in Japanese and Korean (``高橋誠市長``);
* foreign names written with a middle dot (``艾哈迈德·法鲁克``, ``チャン・ミン・ドゥック``);
* suffixes of organisations and places (``日本銀行``, ``建设部``, ``广义省``, ``秋田県``)
  and heads of Arabic organisation names (``وزارة``, ``شركة``, ``هيئة``).
"""

from __future__ import annotations

import re

from babelwire.stages.entities_gazetteer import Gazetteer
from babelwire.stages.entities_keys import split_words
from babelwire.stages.entities_records import Mention
from babelwire.stages.entities_triggers import (
    CJK_ORG_SUFFIXES,
    CJK_PLACE_SUFFIXES,
    arabic_titles,
    cjk_titles_after,
    cjk_titles_before,
)

_HAN = r"\u3400-\u9fff"
_KANA = r"\u30a0-\u30ff"
_HANGUL = r"\uac00-\ud7af"
_DOT_NAME = re.compile(rf"[{_HAN}{_KANA}]{{1,8}}(?:[·・•‧][{_HAN}{_KANA}]{{1,8}})+")
# Characters that end a Chinese or Japanese name: function words, particles, verbs of saying.
_NAME_STOP = set("表示说說在于於和与與的已称稱指出介绍將将也会會就同曾对對向从從等是了"
                 "为為与及並并据據正分时時日月年赴往到抵至经經由离離"
                 "のはがをにでともへやか、。，．（）「」『』《》“”\"' ")
_NOT_START = set("本该該全同各城都此这這他我两兩多小某其每前后後新旧舊上下内內外首")
_TWO_CHAR_VERBS = split_words("表示 指出 介绍 強調 强调 说道 宣布 认为 称赞")
_PLACE_CHARS = set("県省市州国國区區郡町村部")
_NOT_SUFFIXED = split_words("""
中部 东部 西部 南部 北部 東部 全部 内部 內部 外部 局部 干部 签署 簽署 部署 本部 当局 當局 结局 布局
大局 政党 各省 城市 都市 本市 该市 同市 全市 各国 本国 该国 两国 兩國 股市 夜市 市场 市場 地区 地區
社区 社區 市区 市區 城区 湖区 山区 景区 灾区 災區
""")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
_ARABIC_CLITICS = ("وب", "ول", "فب", "و", "ف", "ب", "ل", "ك")
_ARABIC_ORG_HEADS = split_words(
    "وزارة شركة الشركة بنك البنك هيئة الهيئة مجلس المجلس حزب الحزب منظمة المنظمة جامعة الجامعة "
    "وكالة الوكالة محكمة المحكمة اتحاد الاتحاد حركة الحركة مؤسسة المؤسسة جمعية الجمعية")
_ARABIC_NOT_NAME = split_words(
    "إن أن في على من إلى عن مع قال قالت أعلن أعلنت أكد أكدت ذلك هذا هذه التي الذي كما خلال بعد "
    "قبل اليوم أمس حيث وقد قد لم لن ما لا هو هي عبر بين")
_HANGUL_PARTICLES = ("에서", "으로", "께서", "에게", "은", "는", "이", "가", "을", "를", "의", "에",
                     "와", "과", "로", "도", "만")


def _strip_clitic(word: str) -> list[str]:
    out = [word]
    for clitic in _ARABIC_CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            out.append(word[len(clitic):])
    return out


class NoCaseMentionFinder:
    """Rules for Arabic, Chinese, Japanese and Korean text."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def find(self, doc: str, lang: str) -> list[Mention]:
        if lang == "ar":
            found = self._arabic(doc, lang)
        elif lang == "ko":
            found = self._korean(doc, lang)
        else:
            found = self._han(doc, lang)
        return _non_overlapping(found)

    # -- Chinese and Japanese ---------------------------------------------
    def _han(self, doc: str, lang: str) -> list[Mention]:
        found: list[Mention] = []
        pos, n = 0, len(doc)
        while pos < n:
            ch = doc[pos]
            if not ("\u3040" <= ch <= "\u9fff"):
                pos += 1
                continue
            hit = self.gaz.longest_at(doc, pos)
            if hit is not None:
                length, entry = hit
                found.append(Mention(text=doc[pos : pos + length], kind=entry.kind, start=pos,
                                     end=pos + length, lang=lang, rule="gazetteer",
                                     canonical=entry.canonical or None))
                pos += length
                continue
            pos += 1
        ends = {m.end: m.start for m in found}
        found.extend(self._dotted_names(doc, lang))
        found.extend(self._titled_han(doc, lang))
        found.extend(self._suffixed_han(doc, lang, ends))
        return found

    def _dotted_names(self, doc: str, lang: str) -> list[Mention]:
        """Foreign names written with a middle dot: 艾哈迈德·法鲁克, チャン・ミン・ドゥック."""
        out = []
        for m in _DOT_NAME.finditer(doc):
            parts = re.split(r"[·・•‧]", m.group(0))
            if lang == "ja" and not all(re.fullmatch(f"[{_KANA}]+", p) for p in parts):
                continue
            first = parts[0]
            for title in cjk_titles_before():
                cut = first.rfind(title)
                if cut >= 0:
                    first = first[cut + len(title):]
            k = len(first)
            limit = 10 if re.fullmatch(f"[{_KANA}]+", first) else 5
            while k > 0 and len(first) - k < limit and first[k - 1] not in _NAME_STOP:
                k -= 1
            first = first[k:]
            last = parts[-1]
            for i, ch in enumerate(last):
                if ch in _NAME_STOP and i >= 1:
                    last = last[:i]
                    break
            if not first or not last:
                continue
            text = "·".join([first, *parts[1:-1], last]) if len(parts) > 1 else first
            start = m.start() + (len(parts[0]) - len(first))
            text = doc[start : start + len(text)]
            entry = self.gaz.lookup(text, lang)
            out.append(Mention(text=text, kind=entry.kind if entry else "person", start=start,
                               end=start + len(text), lang=lang,
                               rule="gazetteer" if entry else "pattern",
                               canonical=(entry.canonical or None) if entry else None))
        return out

    def _titled_han(self, doc: str, lang: str) -> list[Mention]:
        out = []
        if lang != "ja":
            for title in cjk_titles_before():
                for m in re.finditer(re.escape(title), doc):
                    start = m.end()
                    name = ""
                    for ch in doc[start : start + 4]:
                        if ch in _NAME_STOP or not ("\u3400" <= ch <= "\u9fff"):
                            break
                        name += ch
                    name = _han_name(doc, start, name)
                    if 2 <= len(name) <= 4:
                        out.append(Mention(text=name, kind="person", start=start,
                                           end=start + len(name), lang=lang, rule="trigger"))
            return out
        for title in cjk_titles_after():
            for m in re.finditer(re.escape(title), doc):
                end = m.start()
                k = end
                kana = "\u30a0" <= doc[end - 1 : end] <= "\u30ff" if end else False
                limit = 12 if kana else 4
                while k > 0 and end - k < limit:
                    ch = doc[k - 1]
                    ok = ("\u30a0" <= ch <= "\u30ff") if kana else ("\u3400" <= ch <= "\u9fff")
                    if not ok or ch in _NAME_STOP or ch in _PLACE_CHARS:
                        break
                    k -= 1
                if end - k >= 2 and not self.gaz.lookup(doc[k:end], lang):
                    out.append(Mention(text=doc[k:end], kind="person", start=k, end=end,
                                       lang=lang, rule="trigger"))
        return out

    def _suffixed_han(self, doc: str, lang: str,
                      gazetteer_ends: dict[int, int]) -> list[Mention]:
        out = []
        for kind, suffixes in (("organisation", CJK_ORG_SUFFIXES), ("place", CJK_PLACE_SUFFIXES)):
            for suffix in suffixes:
                if suffix == "省" and kind == "organisation" and lang != "ja":
                    continue
                for m in re.finditer(re.escape(suffix), doc):
                    end = m.end()
                    if (doc[end : end + 1] in {"长", "長"}
                            or doc[m.start() - 1 : end] in _NOT_SUFFIXED):
                        continue
                    kana = "\u30a0" <= doc[m.start() - 1 : m.start()] <= "\u30ff"
                    k = m.start()
                    limit = 10 if kana else (8 if kind == "organisation" else 4)
                    while k > 0 and m.start() - k < limit and k not in gazetteer_ends:
                        ch = doc[k - 1]
                        ok = ("\u30a0" <= ch <= "\u30ff") if kana else ("\u3400" <= ch <= "\u9fff")
                        if not ok or ch in _NAME_STOP or (kind == "place" and ch in _PLACE_CHARS):
                            break
                        k -= 1
                    while k < m.start() and doc[k] in _NOT_START:
                        k += 1
                    if kind == "organisation" and k in gazetteer_ends:
                        k = gazetteer_ends[k]  # 日本銀行, 西班牙国家气象局: the place is part of it
                    if end - k < (3 if len(suffix) == 1 else len(suffix) + 2) or k == m.start():
                        continue
                    this_kind = kind
                    if suffix == "省" and lang == "ja" and kana:
                        this_kind = "place"
                    out.append(Mention(text=doc[k:end], kind=this_kind, start=k, end=end,
                                       lang=lang, rule="pattern"))
        return out

    # -- Korean --------------------------------------------------------------
    def _korean(self, doc: str, lang: str) -> list[Mention]:
        out = []
        words = list(re.finditer(rf"[{_HANGUL}A-Za-z0-9]+", doc))
        titles_after = set(cjk_titles_after())
        for idx, m in enumerate(words):
            word = m.group(0)
            stem = word
            for particle in _HANGUL_PARTICLES:
                if word.endswith(particle) and len(word) - len(particle) >= 2:
                    stem = word[: -len(particle)]
                    break
            entry = self.gaz.lookup(stem, lang)
            if entry is not None:
                out.append(Mention(text=stem, kind=entry.kind, start=m.start(),
                                   end=m.start() + len(stem), lang=lang, rule="gazetteer",
                                   canonical=entry.canonical or None))
                continue
            nxt = words[idx + 1].group(0) if idx + 1 < len(words) else ""
            if any(nxt.startswith(t) for t in titles_after) and 2 <= len(stem) <= 4:
                out.append(Mention(text=stem, kind="person", start=m.start(),
                                   end=m.start() + len(stem), lang=lang, rule="trigger"))
            elif len(stem) >= 3 and stem.endswith(CJK_PLACE_SUFFIXES[-5:]):
                out.append(Mention(text=stem, kind="place", start=m.start(),
                                   end=m.start() + len(stem), lang=lang, rule="pattern"))
        return out

    # -- Arabic ------------------------------------------------------------------
    def _arabic(self, doc: str, lang: str) -> list[Mention]:
        words = list(_ARABIC_WORD.finditer(doc))
        out: list[Mention] = []
        titles = arabic_titles()
        i = 0
        while i < len(words):
            hit = self._arabic_gazetteer(doc, words, i, lang)
            if hit is not None:
                out.append(hit[0])
                i = hit[1]
                continue
            word = words[i].group(0)
            bare = _strip_clitic(word)
            if any(b in titles for b in bare):
                name = self._arabic_name_after(doc, words, i + 1, lang)
                if name is not None:
                    out.append(name[0])
                    i = name[1]
                    continue
            if any(b in _ARABIC_ORG_HEADS for b in bare):
                j = i + 1
                while j < len(words) and j - i <= 3 and words[j].group(0).startswith(("ال", "لل")) \
                        and _same_clause(doc, words[j - 1], words[j]):
                    j += 1
                if j > i + 1:
                    start = words[i].start() + (len(word) - len(bare[-1]))
                    out.append(Mention(text=doc[start : words[j - 1].end()], kind="organisation",
                                       start=start, end=words[j - 1].end(), lang=lang,
                                       rule="pattern"))
                    i = j
                    continue
            i += 1
        return out

    def _arabic_gazetteer(self, doc: str, words: list[re.Match[str]], i: int,
                          lang: str) -> tuple[Mention, int] | None:
        for size in (4, 3, 2, 1):
            if i + size > len(words):
                continue
            if any(not _same_clause(doc, words[k], words[k + 1]) for k in range(i, i + size - 1)):
                continue
            first = words[i].group(0)
            tail = doc[words[i].end() : words[i + size - 1].end()]
            for bare in _strip_clitic(first):
                entry = self.gaz.lookup(bare + tail, lang)
                if entry is not None:
                    start = words[i].end() - len(bare)
                    end = words[i + size - 1].end()
                    return Mention(text=doc[start:end], kind=entry.kind, start=start, end=end,
                                   lang=lang, rule="gazetteer",
                                   canonical=entry.canonical or None), i + size
        return None

    def _arabic_name_after(self, doc: str, words: list[re.Match[str]], j: int,
                           lang: str) -> tuple[Mention, int] | None:
        """The name after a title: skip the title's complement (``الداخلية``), take 2-3 words."""
        skipped = 0
        while (j < len(words) and skipped < 4 and words[j].group(0).startswith(("ال", "لل"))
               and _same_clause(doc, words[j - 1], words[j])):
            j += 1
            skipped += 1
        start = j
        while j < len(words) and j - start < 3:
            w = words[j].group(0)
            if j - start == 2 and not (w.startswith("ال") and w.endswith("ي")) \
                    and words[j - 1].group(0) not in {"بن", "بنت", "أبو", "عبد"}:
                break
            if w in _ARABIC_NOT_NAME or (
                    j > start and not _same_clause(doc, words[j - 1], words[j])):
                break
            if j > start and w.startswith("ال") and not w.endswith("ي"):
                break
            if j == start and w.startswith(("ال", "لل")):
                break
            j += 1
        if j - start < 2 or start >= len(words):
            return None
        s, e = words[start].start(), words[j - 1].end()
        return Mention(text=doc[s:e], kind="person", start=s, end=e, lang=lang,
                       rule="trigger"), j


def _han_name(doc: str, start: int, name: str) -> str:
    """Two to four characters after a title: cut before a verb of saying (表示, 指出...)."""
    for size in (2, 3):
        if len(name) > size and doc[start + size : start + size + 2] in _TWO_CHAR_VERBS:
            return name[:size]
    if len(name) == 4 and doc[start + 4 : start + 6] not in _TWO_CHAR_VERBS \
            and doc[start + 4 : start + 5] not in _NAME_STOP:
        return name[:3]
    return name


def _same_clause(doc: str, a: re.Match[str], b: re.Match[str]) -> bool:
    return doc[a.end() : b.start()] == " "


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, earliest first."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out


__all__ = ["NoCaseMentionFinder"]

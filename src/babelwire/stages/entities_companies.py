"""Companies named in quotes with their legal form: ``"Уеб Медия Груп" АД``, ``ООО «Ромашка»``;
agencies named in quotes after their head: ``Информационна агенция "Фокус"``.

A capitalised name in quotes with a company's legal form just after the closing quote
(Bulgarian, Czech, Polish, Slovene and Western forms follow the name) or just before the
opening quote (Russian and Ukrainian forms lead it) is one organisation, whatever the
shape rules made of its words: three capitalised words looked like a person, and a word
that is also a place cut ``«Северная Звезда Плюс»`` in two. A mention the gazetteer keyed
that covers the whole name keeps its key and kind.
"""

from __future__ import annotations

import re
from dataclasses import replace

from babelwire.stages.entities_keys import fold
from babelwire.stages.entities_records import Mention
from babelwire.stages.entities_triggers import LEGAL_FORMS

OPENING_QUOTES = "«\"„“'"
CLOSING_QUOTES = "»\"“”'"
_OPEN, _CLOSE = (re.escape(q.replace("'", "")) for q in (OPENING_QUOTES, CLOSING_QUOTES))
_QUOTED = re.compile(rf"[{_OPEN}]([^\W\d_][^{_OPEN}{_CLOSE}\n]{{0,58}}?)[{_CLOSE}]")
"""A capitalised name in quotes (not apostrophes, which open and close too much else)."""
_AFTER = re.compile(r"[ \u00a0]{1,2}(?:(sp\.\s?z\s?o\.\s?o\.)|([^\s,;:()]+))")
_BEFORE = re.compile(r"(?:^|\s)(\S+)[ \u00a0]{1,2}$")


def companies_in_quotes(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """``mentions`` (sorted by start) with each quoted company name as one organisation."""
    names = [m for m in _QUOTED.finditer(doc) if m.group(1)[0].isupper() and _legal_form(doc, m)]
    if not names:
        return mentions
    out = list(mentions)
    for q in names:
        start, end = q.start(1), q.end(1)
        inside = [m for m in out if m.start < q.end() and q.start() < m.end]
        whole = [m for m in inside if m.canonical and m.start <= start and m.end >= end]
        if whole:
            continue
        if len(inside) == 1 and inside[0].start == start and inside[0].end == end:
            out[out.index(inside[0])] = replace(inside[0], kind="organisation")
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(text=doc[start:end], kind="organisation", start=start, end=end,
                           lang=lang, rule="pattern"))
    return sorted(out, key=lambda m: m.start)


_AGENCY_HEADS = frozenset(fold(w) for w in (
    "агенция", "агенцията", "агентство", "агентства", "агенція", "агенції", "agencja",
    "agencji", "agentura", "agentury", "agencija", "agencije", "agency"))
_SOURCE_BEFORE = re.compile(
    r"(?:^|\s)(?:предаде|предава|информира|цитиран[аои]?\s+от|передает|передаёт|сообщает|"
    r"передає|повідомляє|podaje|informuje)[ \u00a0]$", re.IGNORECASE)
"""Verbs that credit a news agency named next in quotes (``предаде "Фокус"``)."""
_HEAD_BEFORE = re.compile(r"(?:(?<=\s)|^)(?:([^\W\d_]+)[ \u00a0])?([^\W\d_]+)[ \u00a0]$")


def agencies_in_quotes(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """``mentions`` (sorted by start) with each news or state agency named in quotes after
    its head as one organisation: with the head when the phrase opens in capitals
    (``Информационна агенция "Фокус"``, ``Агенция "Фокус"``), the quoted name alone after
    a lower-case head (``агенция "Фокус"``) or a verb that credits it (``предаде "Фокус"``),
    as SlavicNER's annotators mark them. All of them share one key, so they link."""
    out = list(mentions)
    changed = False
    for q in _QUOTED.finditer(doc):
        if not q.group(1)[0].isupper():
            continue
        before = _HEAD_BEFORE.search(doc, max(0, q.start() - 40), q.start())
        if before is None or fold(before.group(2)) not in _AGENCY_HEADS:
            if (len(q.group(1).split()) > 3
                    or not _SOURCE_BEFORE.search(doc, max(0, q.start() - 24), q.start())):
                continue
            before = None  # credited by a verb: the name alone
        adjective, head = (None, "x") if before is None else (before.group(1), before.group(2))
        if before is not None and head[0].isupper():
            start, end = before.start(2), q.end()
        elif before is not None and adjective is not None and adjective[0].isupper():
            start, end = before.start(1), q.end()
        else:
            start, end = q.start(1), q.end(1)
        inside = [m for m in out if m.start < end and start < m.end]
        if any(m.canonical and m.start <= q.start(1) and m.end >= q.end(1) for m in inside):
            continue  # a name the gazetteer knows keeps its key
        out = [m for m in out if m not in inside]
        out.append(Mention(text=doc[start:end], kind="organisation", start=start, end=end,
                           lang=lang, rule="pattern",
                           canonical=f"org:agency:{fold(q.group(1))}"))
        changed = True
    for cited in _CITED_BY.finditer(doc):  # цитирана от Фокус: credited, with no quotes
        start, end = cited.span(1)
        if any(m.start < end and start < m.end for m in out):
            continue
        out.append(Mention(text=cited.group(1), kind="organisation", start=start, end=end,
                           lang=lang, rule="pattern",
                           canonical=f"org:agency:{fold(cited.group(1))}"))
        changed = True
    return sorted(out, key=lambda m: m.start) if changed else mentions


_CITED_BY = re.compile(r"(?<![\w-])цитиран[аои]?[ \u00a0]+от[ \u00a0]+([А-ЯA-Z][\w-]{2,})(?![\w-])")
"""Bulgarian ``цитиран от`` ("quoted by") and the agency named next, unquoted (``цитирана
от Фокус``): over the training documents the rule adds 11 units, all of them gold."""


def _legal_form(doc: str, quoted: re.Match[str]) -> bool:
    after = _AFTER.match(doc, quoted.end())
    if after is not None and (after.group(1) or _legal(after.group(2))):
        return True
    before = _BEFORE.search(doc, max(0, quoted.start() - 12), quoted.start())
    return before is not None and _legal(before.group(1))


def _legal(word: str) -> bool:
    return fold(word) in LEGAL_FORMS or fold(word.rstrip(".,;:")) in LEGAL_FORMS


__all__ = ["CLOSING_QUOTES", "OPENING_QUOTES", "agencies_in_quotes", "companies_in_quotes"]

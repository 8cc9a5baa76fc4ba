"""Dates written in article text, found with per-language patterns and normalised.

Month and weekday names come from CLDR (Babel) in every locale, in their format
(genitive: ``října``, ``октября``) and stand-alone forms, wide and abbreviated.
The article's publication date is the reference: a date without a year
(``vendredi 2 octobre``, ``30日``, ``6/11``) takes the year (and month) that puts
it nearest to publication; ``yesterday``, ``вчера``, ``昨日`` and a bare weekday
(the latest one on or before publication) are resolved against it. Without a
publication date only dates that carry their year are kept.

No dateparser here: finding the phrases is the hard part, and parsing a phrase
whose parts are already known is a few lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from babelwire.stages.entities_keys import fold
from babelwire.stages.entities_records import TextDate

_RELATIVE: dict[str, dict[str, int]] = {
    "en": {"today": 0, "yesterday": -1, "tomorrow": 1},
    "de": {"heute": 0, "gestern": -1, "vorgestern": -2, "übermorgen": 2},
    "fr": {"aujourd'hui": 0, "hier": -1, "demain": 1, "avant-hier": -2},
    "es": {"hoy": 0, "ayer": -1, "anteayer": -2},
    "it": {"oggi": 0, "ieri": -1, "domani": 1},
    "pt": {"hoje": 0, "ontem": -1, "amanhã": 1},
    "pl": {"dziś": 0, "dzisiaj": 0, "wczoraj": -1, "jutro": 1, "przedwczoraj": -2},
    "cs": {"dnes": 0, "včera": -1, "zítra": 1, "předevčírem": -2},
    "sk": {"dnes": 0, "včera": -1, "zajtra": 1},
    "ru": {"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2},
    "uk": {"сьогодні": 0, "вчора": -1, "учора": -1, "завтра": 1, "позавчора": -2},
    "bg": {"днес": 0, "вчера": -1, "утре": 1},
    "sl": {"danes": 0, "včeraj": -1, "jutri": 1},
    "tr": {"bugün": 0, "dün": -1, "yarın": 1},
    "nl": {"vandaag": 0, "gisteren": -1},
    "vi": {"hôm nay": 0, "hôm qua": -1, "ngày mai": 1},
    "ar": {"اليوم": 0, "أمس": -1, "الأمس": -1, "غدا": 1, "غداً": 1},
    "zh": {"今天": 0, "昨天": -1, "明天": 1, "前天": -2},
    "ja": {"今日": 0, "本日": 0, "昨日": -1, "明日": 1, "一昨日": -2},
    "ko": {"오늘": 0, "어제": -1, "내일": 1},
}
_LEVANTINE_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}
_DAY_FIRST_NUMERIC = r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d])"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_CJK_FULL = re.compile(r"(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_CJK_MONTH = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?!\s*\d)")
_CJK_DAY = re.compile(r"(?<![\d月월年년])(\d{1,2})\s*[日일](?![\d本曜])")
_VI_FULL = re.compile(r"\bngày\s+(\d{1,2})(?:\s+tháng\s+|/)(\d{1,2})(?:(?:\s+năm\s+|/)(\d{4}))?",
                      re.I)
_VI_SHORT = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?![\d/%])")
_LANGS_WITH_CLDR = ("en", "de", "fr", "es", "it", "pt", "pl", "cs", "sk", "ru", "uk", "bg", "sl",
                    "tr", "nl", "ar")


@lru_cache(maxsize=32)
def _names(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """Folded month names -> month number, weekday names -> weekday (Monday 0), from CLDR."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    try:
        from babel import Locale
        locale = Locale.parse(lang)
    except Exception:
        return months, weekdays
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months.get(context, {}).get(width, {}).items():
                key = fold(str(name)).rstrip(".")
                if len(key) >= 3 and not key.isdigit():
                    months.setdefault(key, int(number))
            for number, name in locale.days.get(context, {}).get(width, {}).items():
                key = fold(str(name)).rstrip(".")
                if len(key) >= 3 and width == "wide":
                    weekdays.setdefault(key, int(number))
    if lang == "ar":
        months.update(_LEVANTINE_MONTHS)
        weekdays.setdefault("الإثنين", 0)
    return months, weekdays


def month_and_day_names(lang: str) -> frozenset[str]:
    """Folded month and weekday names of ``lang`` (the mention finder skips them)."""
    months, weekdays = _names(lang)
    return frozenset(months) | frozenset(weekdays)


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_YEAR_WORDS = r"(?:\s*(?:года|г\.|roku|r\.|року|р\.|год\.|yılı))?"


@lru_cache(maxsize=32)
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Month names (anchors), weekday names, and the day/year shapes around a month name."""
    months, weekdays = _names(lang)
    if not months:
        return ()
    month = re.compile(rf"(?<!\w)({_alternation(months)})(\.?)(?!\w)", re.I)
    weekday = re.compile(rf"(?<!\w)({_alternation(weekdays)})(?!\w)" if weekdays else "(?!x)x",
                         re.I)
    # "vendredi 2 octobre", "7. února", "12 de mayo": the day before the month
    day_before = re.compile(r"(\d{1,2})(?:\.|º|°|er)?(?:\s+de|\s+del)?\s+$")
    # ", 2024", " de 2024", " 2024 года": the year after the month
    year_after = re.compile(rf"^(?:\s+de|\s+del)?,?\s+(\d{{4}}){_YEAR_WORDS}(?![\w])")
    # "October 2", "October 2nd, 2024": the day after the month
    day_after = re.compile(r"^\s+(\d{1,2})(?:st|nd|rd|th)?(?![\w:])(?:,?\s+(\d{4})(?!\w))?")
    weekday_before = re.compile(rf"(?<!\w)(?:{_alternation(weekdays)}),?\s+$" if weekdays
                                else "(?!x)x", re.I)
    return month, weekday, day_before, year_after, day_after, weekday_before


def _month_phrases(doc: str, lang: str, months: dict[str, int],
                   add: Callable[[int, int, tuple[int | None, int | None, int | None]], None],
                   ) -> None:
    """Dates built around each month name: day before or after it, year after it."""
    month_re, _weekday, day_before, year_after, day_after, weekday_before = _patterns(lang)
    for m in month_re.finditer(doc):
        number = months.get(fold(m.group(1)))
        if number is None:
            continue
        start, end = m.start(), m.end(1)
        before = doc[max(0, start - 40) : start]
        after = doc[end : end + 30]
        d = day_before.search(before)
        if d:
            start -= len(before) - d.start()
            w = weekday_before.search(doc[max(0, start - 20) : start])
            if w:
                start -= len(w.group(0))
            y = year_after.match(after)
            add(start, end + (y.end() if y else 0),
                (int(d.group(1)), number, int(y.group(1)) if y else None))
            continue
        d2 = day_after.match(after)
        if d2:
            w = weekday_before.search(before[-20:])
            add(start - (len(w.group(0)) if w else 0), end + d2.end(),
                (int(d2.group(1)), number, int(d2.group(2)) if d2.group(2) else None))
            continue
        y = year_after.match(after)
        if y:
            add(start, end + y.end(), (None, number, int(y.group(1))))


def _nearest(candidates: list[date], reference: date) -> date:
    return min(candidates, key=lambda d: abs((d - reference).days))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(day: int | None, month: int | None, year: int | None,
             reference: date | None) -> tuple[date, str, bool] | None:
    """A date from parts, filling missing ones from ``reference``; None when impossible."""
    if month is not None and not 1 <= month <= 12:
        return None
    if year is not None and not 1800 <= year <= 2200:
        return None
    if day is None:
        if month is None or year is None:
            return None
        return date(year, month, 1), "month", False
    if year is not None and month is not None:
        found = _safe(year, month, day)
        return None if found is None else (found, "day", False)
    if reference is None:
        return None
    options: list[date] = []
    if month is not None:
        for y in (reference.year - 1, reference.year, reference.year + 1):
            d = _safe(y, month, day)
            if d is not None:
                options.append(d)
    else:
        for delta in (-1, 0, 1):
            m = reference.month + delta
            y = reference.year + (m - 1) // 12
            d = _safe(y, (m - 1) % 12 + 1, day)
            if d is not None:
                options.append(d)
    return (_nearest(options, reference), "day", True) if options else None


def find_dates(doc: str, lang: str, published: datetime | None) -> list[TextDate]:
    """Date phrases in ``doc`` with their normalised values, in text order, not overlapping."""
    reference = published.date() if published is not None else None
    found: list[TextDate] = []

    def add(m: re.Match[str], parts: tuple[int | None, int | None, int | None],
            relative: bool = False) -> None:
        resolved = _resolve(*parts, reference)
        if resolved is not None:
            value, precision, implied = resolved
            found.append(TextDate(text=m.group(0).strip(), start=m.start(),
                                  end=m.start() + len(m.group(0).rstrip()), value=value,
                                  precision=precision, relative=relative or implied))

    def num(text: str | None) -> int | None:
        return None if text is None else int("".join(str(int(c)) for c in text))

    for m in _ISO.finditer(doc):
        add(m, (num(m.group(3)), num(m.group(2)), num(m.group(1))))
    for m in re.finditer(_DAY_FIRST_NUMERIC, doc):
        a, b, y = num(m.group(1)), num(m.group(2)), num(m.group(3))
        add(m, (b, a, y) if lang == "en" and "/" in m.group(0) else (a, b, y))
    if lang in {"zh", "ja", "ko"}:
        for m in _CJK_FULL.finditer(doc):
            add(m, (num(m.group(3)), num(m.group(2)), num(m.group(1))))
        for m in _CJK_MONTH.finditer(doc):
            add(m, (None, num(m.group(2)), num(m.group(1))))
        for m in _CJK_DAY.finditer(doc):
            add(m, (num(m.group(1)), None, None))
    if lang == "vi":
        for m in _VI_FULL.finditer(doc):
            add(m, (num(m.group(1)), num(m.group(2)), num(m.group(3))))
        for m in _VI_SHORT.finditer(doc):
            add(m, (num(m.group(1)), num(m.group(2)), None))
    patterns = _patterns(lang) if lang in _LANGS_WITH_CLDR else ()
    months, weekdays = _names(lang) if patterns else ({}, {})
    if patterns:
        def add_span(start: int, end: int,
                     parts: tuple[int | None, int | None, int | None]) -> None:
            resolved = _resolve(*parts, reference)
            if resolved is not None:
                value, precision, implied = resolved
                found.append(TextDate(text=doc[start:end], start=start, end=end, value=value,
                                      precision=precision, relative=implied))

        _month_phrases(doc, lang, months, add_span)
    if reference is not None:
        for word, offset in _RELATIVE.get(lang, {}).items():
            boundary = lang not in {"zh", "ja", "ko"}
            pattern = rf"(?<!\w){re.escape(word)}(?!\w)" if boundary else re.escape(word)
            for m in re.finditer(pattern, doc, re.I):
                found.append(TextDate(text=m.group(0), start=m.start(), end=m.end(),
                                      value=reference + timedelta(days=offset), precision="day",
                                      relative=True))
        if patterns:
            for m in patterns[1].finditer(doc):
                wd = weekdays.get(fold(m.group(1)))
                if wd is None:
                    continue
                back = (reference.weekday() - wd) % 7
                found.append(TextDate(text=m.group(0), start=m.start(), end=m.end(),
                                      value=reference - timedelta(days=back), precision="day",
                                      relative=True))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[TextDate] = []
    for d in found:
        if kept and d.start < kept[-1].end:
            continue
        kept.append(d)
    return kept


__all__ = ["find_dates", "month_and_day_names"]

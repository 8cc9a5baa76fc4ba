"""Which country an outlet publishes from, guessed from its web address. No I/O.

The rule, in order:

1. a host in :data:`KNOWN_OUTLETS` (well-known outlets on ``.com``, ``.org``,
   ``.net``, ``.io`` addresses) gets the country listed there;
2. a host ending in a two-letter country-code top-level domain gets that
   country (``.uk`` is GB; ``.eu`` is the European Union);
3. anything else (``.com``, ``.org``, ``.net``, ``.info``, ``.news``, and
   ccTLDs widely sold as generic names: ``.io``, ``.co``, ``.tv``, ``.me``,
   ``.fm``, ``.ai``) is ``unknown``.

It is a guess about where an outlet is based, not where an article was
written: a ``.de`` site may report from Kyiv.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

UNKNOWN = "unknown"

KNOWN_OUTLETS: dict[str, str] = {
    "aljazeera.com": "QA", "aljazeera.net": "QA", "apnews.com": "US", "bbc.com": "GB",
    "bloomberg.com": "US", "cnn.com": "US", "dw.com": "DE", "economist.com": "GB",
    "euronews.com": "FR", "france24.com": "FR", "ft.com": "GB", "kyivindependent.com": "UA",
    "meduza.io": "LV", "nytimes.com": "US", "reuters.com": "GB", "rferl.org": "CZ",
    "rt.com": "RU", "scmp.com": "HK", "theguardian.com": "GB", "washingtonpost.com": "US",
    "wsj.com": "US", "xinhuanet.com": "CN",
}
"""Outlets on generic addresses whose home country is well known (where they are based)."""

GENERIC_CCTLDS = frozenset({"io", "co", "tv", "me", "fm", "ai", "ly", "cc", "ws", "to"})
"""Country-code domains sold as generic names: they say nothing about the outlet."""

_NAMES: dict[str, str] = {
    "AE": "United Arab Emirates", "AR": "Argentina", "AT": "Austria", "AU": "Australia",
    "BE": "Belgium", "BG": "Bulgaria", "BR": "Brazil", "BY": "Belarus", "CA": "Canada",
    "CH": "Switzerland", "CL": "Chile", "CN": "China", "CZ": "Czechia", "DE": "Germany",
    "DK": "Denmark", "EE": "Estonia", "EG": "Egypt", "ES": "Spain", "EU": "European Union",
    "FI": "Finland", "FR": "France", "GB": "United Kingdom", "GR": "Greece", "HK": "Hong Kong",
    "HR": "Croatia", "HU": "Hungary", "ID": "Indonesia", "IE": "Ireland", "IL": "Israel",
    "IN": "India", "IQ": "Iraq", "IR": "Iran", "IT": "Italy", "JO": "Jordan", "JP": "Japan",
    "KR": "South Korea", "KZ": "Kazakhstan", "LB": "Lebanon", "LT": "Lithuania",
    "LV": "Latvia", "MA": "Morocco", "MX": "Mexico", "MY": "Malaysia", "NG": "Nigeria",
    "NL": "Netherlands", "NO": "Norway", "NZ": "New Zealand", "PE": "Peru",
    "PH": "Philippines", "PK": "Pakistan", "PL": "Poland", "PT": "Portugal", "QA": "Qatar",
    "RO": "Romania", "RS": "Serbia", "RU": "Russia", "SA": "Saudi Arabia", "SE": "Sweden",
    "SG": "Singapore", "SI": "Slovenia", "SK": "Slovakia", "SY": "Syria", "TH": "Thailand",
    "TN": "Tunisia", "TR": "Turkey", "TW": "Taiwan", "UA": "Ukraine", "US": "United States",
    "VN": "Vietnam", "ZA": "South Africa",
}


def host_of(url: str) -> str:
    """The lower-case host of ``url`` without ``www.`` ("" when there is none)."""
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def url_origin(url: str) -> str:
    """``url`` up to the first ``/`` after its first ``//`` (scheme and host, with any port),
    or the whole of it when there is none. The stores compute the same in SQL (the entity
    page counts articles per origin), so that a host is mapped to a country once."""
    start = url.find("//")
    end = url.find("/", start + 2) if start >= 0 else -1
    return url if end < 0 else url[:end]


def country_of(url: str) -> str:
    """An ISO 3166-1 alpha-2 code (``FR``), ``EU``, or :data:`UNKNOWN` for an article URL."""
    return country_of_origin(url_origin(url))


@lru_cache(maxsize=8192)
def country_of_origin(origin: str) -> str:
    """:func:`country_of` for a :func:`url_origin`: cached, since an outlet's articles share
    an origin."""
    host = host_of(origin)
    if not host or host.replace(".", "").isdigit():
        return UNKNOWN
    labels = host.split(".")
    for i in range(len(labels) - 1):
        known = KNOWN_OUTLETS.get(".".join(labels[i:]))
        if known:
            return known
    tld = labels[-1]
    if len(labels) < 2 or len(tld) != 2 or not tld.isalpha() or tld in GENERIC_CCTLDS:
        return UNKNOWN
    return "GB" if tld == "uk" else tld.upper()


def country_name(code: str) -> str:
    """``France`` for ``FR``; ``unknown country`` for :data:`UNKNOWN`; else the code."""
    if code == UNKNOWN:
        return "unknown country"
    return _NAMES.get(code, code)

"""News websites named by their address, and outlets named with their English article.

* A web address written as a name (``bnr.bg``, ``iROZHLAS.cz``, ``www.AtlasShrugs.com``) is
  a product, the site, keyed by its lower-case host without ``www.``: ``site:bnr.bg`` is one
  entity whatever the language around it, as an address is written the same everywhere.
  An address inside a link (``https://...``) or an e-mail address is no mention.
* An outlet found as a product just after a capitalised ``The`` takes it into its name
  (``The Guardian``, ``The New York Times``): the sentence-start rule trims ``The`` as a
  common word, and the outlet's own name includes it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from babelwire.stages.entities_records import Mention

_TLDS = ("com|org|net|info|news|media|online|tv|fm|io|eu|bg|cz|sk|pl|ru|ua|si|hr|rs|ba|me|"
         "mk|by|kz|md|de|at|ch|fr|it|es|pt|nl|be|uk|us|ie|hu|ro|lt|lv|ee|fi|se|no|dk|gr|tr|"
         "il|cn|jp|kr|vn|br|mx|ca|au|nz|za")
_SITE = re.compile(
    rf"(?<![\w@./:-])((?:www\.)?[^\W_][\w-]+(?:\.[\w-]+)*\.(?:{_TLDS}))(?![\w/@-]|\.\w)",
    re.IGNORECASE)
"""A host name: labels of two characters or more before a known top-level domain (``m.in``,
Polish for "among others", and ``U.S`` are no hosts)."""


def site_key(host: str) -> str:
    """``site:<host>``, lower case, without ``www.``."""
    host = host.lower()
    return f"site:{host.removeprefix('www.')}"


def mark_sites(doc: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """``mentions`` (sorted by start) with web addresses as site products, any mention
    overlapping one dropped, and ``The`` joined to the outlets it opens."""
    sites = [Mention(text=m.group(1), kind="product", start=m.start(1), end=m.end(1),
                     lang=lang, rule="pattern", canonical=site_key(m.group(1)))
             for m in _SITE.finditer(doc)]
    out = [m for m in mentions
           if not any(s.start < m.end and m.start < s.end for s in sites)]
    out = [_with_article(doc, m) for m in out]
    if sites:
        out = sorted(out + sites, key=lambda m: m.start)
    return out


def _with_article(doc: str, m: Mention) -> Mention:
    start = m.start - 4
    if (m.kind == "product" and start >= 0 and doc[start : m.start] == "The "
            and (start == 0 or not doc[start - 1].isalnum())):
        return replace(m, text=doc[start : m.end], start=start)
    return m


__all__ = ["mark_sites", "site_key"]

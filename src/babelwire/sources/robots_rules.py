"""robots.txt read as RFC 9309 says: groups, wildcards, and the longest rule wins.

:mod:`urllib.robotparser` applies the first rule that matches and knows no
wildcards, so ``Disallow: /*.pdf$`` or ``Allow: /news/`` after
``Disallow: /`` are read wrongly by it. Here:

* a group is one or more ``User-agent`` lines and the rules after them; every
  group naming our product token applies (merged), else every ``*`` group, else
  nothing is disallowed;
* a rule's path may hold ``*`` (any run of characters) and end in ``$`` (end of
  the URL's path and query); the matching rule with the longest path wins, and
  ``Allow`` wins a tie; an empty ``Disallow`` is no rule;
* paths are compared after the same percent-encoding normalisation on both
  sides (non-ASCII as UTF-8 escapes, unreserved characters unescaped, hex in
  upper case), so ``/caf%C3%A9`` and ``/café`` are one path;
* ``/robots.txt`` itself is always allowed;
* ``Crawl-delay`` and ``Request-rate`` (extensions RFC 9309 leaves to crawlers)
  are read from the chosen groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["RobotsGroup", "RobotsText", "normalise_path"]

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_TOKEN = re.compile(r"[A-Za-z_-]+")


def normalise_path(path: str) -> str:
    """Percent-encoding in one canonical form (RFC 3986 section 6.2.2), ``*`` and ``$`` kept."""
    def unescape(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else f"%{match.group(1).upper()}"

    encoded = "".join(c if ord(c) < 128 and c not in " \"<>`{}|\\^" else
                      "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in path)
    return _ESCAPE.sub(unescape, encoded)


@dataclass(frozen=True, slots=True)
class _Rule:
    allow: bool
    path: str
    pattern: re.Pattern[str]


def _rule(allow: bool, raw: str) -> _Rule:
    path = normalise_path(raw)
    anchored = path.endswith("$")
    body = path[:-1] if anchored else path
    regex = ".*".join(re.escape(part) for part in body.split("*")) + (r"\Z" if anchored else "")
    return _Rule(allow, path, re.compile(regex, re.DOTALL))


@dataclass(slots=True)
class RobotsGroup:
    """The ``User-agent`` tokens of one group and its rules."""

    agents: list[str] = field(default_factory=list)
    rules: list[_Rule] = field(default_factory=list)
    crawl_delay: float | None = None
    request_rate: tuple[int, float] | None = None


@dataclass(frozen=True, slots=True)
class RobotsText:
    """A parsed robots.txt."""

    groups: tuple[RobotsGroup, ...]

    @classmethod
    def parse(cls, text: str) -> RobotsText:
        groups: list[RobotsGroup] = []
        current: RobotsGroup | None = None
        in_agents = False
        for line in text.splitlines():
            key, sep, value = line.split("#", 1)[0].partition(":")
            if not sep:
                continue
            key, value = key.strip().lower().replace("_", "-"), value.strip()
            if key in {"user-agent", "useragent"}:
                if current is None or not in_agents:
                    current = RobotsGroup()
                    groups.append(current)
                match = _TOKEN.match(value)
                current.agents.append(match.group(0).lower() if match else value.lower())
                in_agents = True
                continue
            in_agents = False
            if current is None:  # rules before any User-agent line belong to no group
                continue
            if key in {"allow", "disallow"}:
                if value:
                    current.rules.append(_rule(key == "allow", value))
            elif key == "crawl-delay":
                current.crawl_delay = _number(value)
            elif key == "request-rate":
                requests, _, seconds = value.partition("/")
                count, span = _number(requests), _number(seconds.rstrip("sS"))
                if count and span is not None and count > 0:
                    current.request_rate = (int(count), span)
        return cls(tuple(groups))

    def groups_for(self, token: str) -> list[RobotsGroup]:
        """The groups that apply to a crawler whose product token is ``token``."""
        token = token.lower()
        named = [g for g in self.groups if token in g.agents]
        return named or [g for g in self.groups if "*" in g.agents]

    def allows(self, token: str, url: str) -> bool:
        parts = urlsplit(url)
        path = normalise_path((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        if path == "/robots.txt":
            return True
        best: _Rule | None = None
        for group in self.groups_for(token):
            for rule in group.rules:
                if rule.pattern.match(path) and (
                        best is None or len(rule.path) > len(best.path)
                        or (len(rule.path) == len(best.path) and rule.allow)):
                    best = rule
        return best is None or best.allow

    def crawl_delay(self, token: str) -> float | None:
        """Seconds between requests asked for by Crawl-delay or Request-rate (the larger)."""
        seconds: list[float] = []
        for group in self.groups_for(token):
            if group.crawl_delay is not None:
                seconds.append(group.crawl_delay)
            if group.request_rate is not None:
                count, span = group.request_rate
                seconds.append(span / count)
        return max(seconds) if seconds else None


def _number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if value >= 0 else None

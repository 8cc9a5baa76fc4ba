"""Why an article is in its story: the clusterer's stored evidence put into words.

The clusterer keeps, per article, a dictionary (``articles.story_evidence``):
its ``decision`` (``new story``, ``joined``, ``copy``), the ``score`` against
the ``threshold``, the ``nearest_article`` and its cosine
``nearest_similarity``, the ``shared_numbers`` and ``shared_names`` (name
*keys*: transliterated consonant skeletons such as ``snsf`` for SNCF), the
``lexical_similarity`` of its wording to the nearest article's (4-gram TF-IDF
cosine; recorded since the clusterer weighs it), and the ``time_gap_days``. This
module turns that into what the Story page shows, with each name key spelled as the
article itself writes it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from babelwire.records import StoredArticle
from babelwire.stages.anchors import name_key

_WORD = re.compile(r"\b[^\W\d_][^\W\d_'’-]{2,}(?:[-'’][^\W\d_]+)?\b")


@dataclass(frozen=True, kw_only=True, slots=True)
class SharedName:
    key: str
    spelling: str | None
    """How this article writes the name, when it can be found in its text."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Explanation:
    """The grouping evidence of one article, ready to display."""

    decision: str
    """``started`` (opened the story), ``joined``, ``copy``, or ``unknown``."""
    summary: str
    score: float | None = None
    threshold: float | None = None
    nearest_id: int | None = None
    nearest_similarity: float | None = None
    centroid_similarity: float | None = None
    same_language: bool | None = None
    shared_numbers: tuple[str, ...] = ()
    shared_names: tuple[SharedName, ...] = ()
    time_gap_days: float | None = None
    time_penalty: float | None = None
    anchor_bonus: float | None = None
    lexical_similarity: float | None = None
    """Wording shared with the nearest article (4-gram TF-IDF cosine), when recorded."""
    copy_of: int | None = None
    copy_similarity: float | None = None
    merged_from: int | None = None


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def name_spellings(text: str, keys: set[str]) -> dict[str, str]:
    """For each of ``keys``, the first capitalised word of ``text`` with that name key."""
    found: dict[str, str] = {}
    if not keys:
        return found
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].isupper() or not word[0].islower():
            key = name_key(word)
            if key in keys and key not in found:
                found[key] = word
                if len(found) == len(keys):
                    break
    return found


def explain(article: StoredArticle, evidence: Mapping[str, Any], *,
            duplicate_reason: str | None = None, duplicate_similarity: float | None = None,
            spell_names: bool = True) -> Explanation:
    """What to show about why ``article`` is in its story.

    ``spell_names=False`` skips looking up how the article writes each shared
    name (the API returns the keys only, and the lookup is the costly part).
    """
    decision = str(evidence.get("decision", ""))
    merge = evidence.get("merge")
    merged_from = _int(merge.get("merged_from")) if isinstance(merge, Mapping) else None
    if article.duplicate_of is not None or decision == "copy":
        similarity = _float(evidence.get("similarity")) or duplicate_similarity
        kind = str(evidence.get("copy_kind") or duplicate_reason or "near")
        what = "an exact copy" if kind == "exact" else "a syndicated copy"
        pct = f" ({similarity:.0%} of word shingles shared)" if similarity is not None else ""
        return Explanation(decision="copy", summary=f"{what.capitalize()}{pct}: it counts once.",
                           copy_of=article.duplicate_of or _int(evidence.get("copy_of")),
                           copy_similarity=similarity, merged_from=merged_from)
    names = [str(k) for k in evidence.get("shared_names") or [] if isinstance(k, str)]
    spelled = name_spellings(f"{article.title}\n{article.text[:1500]}",
                             set(names)) if spell_names else {}
    common = Explanation(
        decision="unknown", summary="", score=_float(evidence.get("score")),
        threshold=_float(evidence.get("threshold")),
        nearest_id=_int(evidence.get("nearest_article")),
        nearest_similarity=_float(evidence.get("nearest_similarity")),
        centroid_similarity=_float(evidence.get("centroid_similarity")),
        same_language=evidence.get("same_language") if isinstance(
            evidence.get("same_language"), bool) else None,
        shared_numbers=tuple(str(n) for n in evidence.get("shared_numbers") or []),
        shared_names=tuple(SharedName(key=k, spelling=spelled.get(k)) for k in names),
        time_gap_days=_float(evidence.get("time_gap_days")),
        time_penalty=_float(evidence.get("time_penalty")),
        anchor_bonus=_float(evidence.get("anchor_bonus")),
        lexical_similarity=_float(evidence.get("lexical_similarity")), merged_from=merged_from,
    )
    merged = (f" Its first story, #{merged_from}, was later merged into this one."
              if merged_from is not None else "")
    if decision == "joined":
        return _replace(common, decision="joined", summary=_joined_summary(common) + merged)
    if decision == "new story":
        summary = "Started a story: no earlier story was close enough"
        if common.score is not None and common.threshold is not None:
            summary += f" (best score {common.score:.2f}, needed {common.threshold:.2f})"
        return _replace(common, decision="started", summary=summary + "." + merged)
    return _replace(common, decision="unknown",
                    summary="No grouping evidence was recorded." + merged)


def _joined_summary(e: Explanation) -> str:
    parts = []
    if e.score is not None and e.threshold is not None:
        parts.append(f"Score {e.score:.2f} ≥ threshold {e.threshold:.2f}")
    if e.nearest_similarity is not None:
        lang = "" if e.same_language is None else (
            " (same language)" if e.same_language else " (another language)")
        parts.append(f"closest article {e.nearest_similarity:.2f} similar{lang}")
    if e.lexical_similarity:
        parts.append(f"wording overlap {e.lexical_similarity:.2f} with it")
    shared = [f"{n} {what}{'s' if n != 1 else ''}" for n, what in
              ((len(e.shared_numbers), "number"), (len(e.shared_names), "name")) if n]
    if shared:
        parts.append("shares " + " and ".join(shared) + " with the story")
    if e.time_gap_days is not None:
        parts.append(f"{e.time_gap_days:g} days from the story")
    return ("; ".join(parts) or "Joined this story") + "."


def _replace(e: Explanation, **changes: Any) -> Explanation:
    return replace(e, **changes)

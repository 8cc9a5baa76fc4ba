"""Online, time-aware story clustering across languages.

Each new original article is compared with the stories of its nearest
neighbours among the articles published within the story window (title + lead
embeddings, found through the day-bucketed index of ``cluster_index``), never with
every article. A candidate story's score combines:

* the cosine to its nearest member and to its centroid, minus a calibration
  offset for the kind of language pair (same-language pairs of unrelated news
  score higher than cross-language pairs, and pairs in two scripts lower still,
  so each kind clears its own bar);
* language-independent anchors shared with the story: distinctive numbers and
  transliterated name keys;
* lexical overlap with the nearest member: the IDF-weighted cosine of the two
  texts' character 4-grams (:mod:`.lexical`), with document frequencies learned
  from the stream;
* a time penalty: a story lives days, not months.

These add up to a raw score, which ranks the candidates; the reported score
squashes it smoothly (``threshold + s * tanh((raw - threshold) / s)``), which
keeps every decision and the ranking but bounds the score, so that a very close
pair does not count as "more the same story" without limit. The offsets, bonuses
and squash were fitted on SemEval-2022 Task 8 pairs, with the bundled sample
corpus's hard negatives as a check (docs/quality.md has the figures).

The article joins the best story at or above the threshold, or starts a new
one. Copies (from deduplication) join their original's story directly. Every
decision keeps its evidence. Given the same inputs in the same order the
result is the same: ties break on the lowest id.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import numpy as np

from babelwire.records import Vector
from babelwire.stages.anchors import Anchors, anchors
from babelwire.stages.cluster_index import MemberIndex
from babelwire.stages.cluster_scripts import same_script
from babelwire.stages.lexical import EMPTY, DocumentFrequencies, Query, Sketch, article_sketch

SECONDS_PER_DAY = 86400.0


@dataclass(frozen=True, slots=True)
class ClusterParams:
    threshold: float = 0.8
    window_days: float = 4.0
    same_lang_offset: float = 0.822
    """Typical cosine of unrelated same-language news (title + lead, multilingual-e5-small),
    raised by what such pairs share lexically (the lexical term adds more to them)."""
    cross_lang_offset: float = 0.778
    """Typical cosine of unrelated news in two languages written in the same script."""
    cross_script_offset: float = 0.73
    """Typical cosine of unrelated news in two languages written in different scripts."""
    scale: float = 0.10
    """Cosine units that count as one unit of score above the offset."""
    number_bonus: float = 0.1
    """Score added per distinctive number shared with the story."""
    name_bonus: float = 0.05
    """Score added per name key shared with the story."""
    max_anchor_bonus: float = 0.5
    lexical_weight: float = 1.0
    """Score added per unit of lexical cosine (4-gram TF-IDF) with the nearest member."""
    anchor_share: float = 0.25
    """An anchor counts as the story's when its nearest member has it or at least this
    share of its members do: a large story's members together name almost everything,
    and matching their union let a story grow by the anchors it had gathered."""
    squash: float = 0.5
    """Half-width of the reported score's range around the threshold (0 or less: no squash)."""
    day_penalty: float = 0.3
    neighbours: int = 48
    merge_max_size: int = 3
    """Stories this small are re-examined for a merge after each batch."""
    keep_days: float = 14.0
    """With a member source, stories whose last member is older than this many days before
    a batch's oldest article leave memory after the batch (and are read again if an
    article needs them); 0 or less: keep every story read."""


@dataclass(slots=True)
class _StoryInfo:
    id: int
    total: Vector
    count: int = 0
    members: list[int] = field(default_factory=list)
    first: float = math.inf
    last: float = -math.inf
    languages: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ClusterInput:
    """What the clusterer needs of one article."""

    lang: str
    time: datetime
    embedding: Vector
    anchors: Anchors
    title: str
    sketch: Sketch = EMPTY
    """Character 4-grams of title and text (:func:`babelwire.stages.lexical.sketch`)."""


def article_input(lang: str, time: datetime, embedding: Vector, title: str,
                  text: str) -> ClusterInput:
    """What the clusterer needs of an article, its anchors and 4-gram sketch made from its
    title and text: one recipe for new articles, stored members and the evaluation."""
    return ClusterInput(lang=lang, time=time, embedding=embedding,
                        anchors=anchors(title, text), title=title,
                        sketch=article_sketch(title, text))


@dataclass(frozen=True, slots=True, kw_only=True)
class _Parts:
    """A candidate story's score for one article, all but the lexical term."""

    story_id: int
    member_id: int
    member_sim: float
    centroid_sim: float
    same_language: bool
    offset: float
    semantic: float
    shared_numbers: list[str]
    shared_names: list[str]
    anchor: float
    gap_days: float
    penalty: float
    near: ClusterInput | None

    @property
    def base(self) -> float:
        return self.semantic + self.anchor - self.penalty


Member = tuple[int, int, ClusterInput]
"""(article id, story id, what the clusterer needs of the article)."""


class MemberSource(Protocol):
    """Where the clusterer reads stored members from when it loads them as needed."""

    def between(self, since: datetime, until: datetime) -> Iterable[Member]:
        """The members whose time is at or after ``since`` and before ``until``."""
        ...

    def of_stories(self, story_ids: Collection[int], skip: Container[int]) -> Iterable[Member]:
        """Every member of these stories, except the articles in ``skip``."""
        ...


class StoryClusterer:
    """Holds the members of the stories it has seen and assigns new articles to stories.

    Without a ``source`` it knows what it is given (:meth:`add_member`). With one, it
    loads stored members as a search needs them: the days of the story window around an
    article, and every member of each story found there, so that a candidate story is
    always scored whole. Reopening a large database then reads only the days being
    written, and a backfill of old dates reads its own days when it gets to them.
    """

    name = "cluster"

    def __init__(self, dim: int, params: ClusterParams | None = None, *,
                 source: MemberSource | None = None,
                 frequencies: DocumentFrequencies | None = None) -> None:
        self.params = params or ClusterParams()
        self.frequencies = frequencies or DocumentFrequencies()
        """Document frequencies of 4-grams for the lexical cosine; whoever feeds the
        clusterer new articles counts them (an empty table makes every cosine 0)."""
        self.dim = dim
        self._members = MemberIndex(dim)
        self._member_story: dict[int, int] = {}
        self._items: dict[int, ClusterInput] = {}
        self._stories: dict[int, _StoryInfo] = {}
        self._source = source
        self._loaded_days: set[int] = set()
        self._loaded_stories: set[int] = set()
        self.loaded = 0
        """Members read from the source so far."""

    def __len__(self) -> int:
        return len(self._members)

    # -- loading -------------------------------------------------------------
    def _ensure_window(self, lo: float, hi: float) -> None:
        """Read the stored members of every day of ``[lo, hi]`` not read yet, and the
        whole of each story they belong to."""
        if self._source is None:
            return
        first, last = int(lo // SECONDS_PER_DAY), int(hi // SECONDS_PER_DAY)
        missing = [d for d in range(first, last + 1) if d not in self._loaded_days]
        if not missing:
            return
        runs: list[list[int]] = []
        for day in missing:  # contiguous runs of days: one query each
            if runs and runs[-1][1] == day - 1:
                runs[-1][1] = day
            else:
                runs.append([day, day])
        stories: set[int] = set()
        for start, end in runs:
            since = datetime.fromtimestamp(start * SECONDS_PER_DAY, UTC)
            until = datetime.fromtimestamp((end + 1) * SECONDS_PER_DAY, UTC)
            for article_id, story_id, item in self._source.between(since, until):
                if article_id not in self._member_story:
                    self._add(article_id, story_id, item)
                    self.loaded += 1
                stories.add(story_id)
        self._loaded_days.update(missing)
        self._ensure_stories(stories)

    def _ensure_stories(self, story_ids: Collection[int]) -> None:
        """Read every stored member of the stories not read whole yet."""
        wanted = [s for s in story_ids if s not in self._loaded_stories]
        if self._source is None or not wanted:
            return
        self._loaded_stories.update(wanted)
        for article_id, story_id, item in self._source.of_stories(wanted, self._member_story):
            if article_id not in self._member_story:
                self._add(article_id, story_id, item)
                self.loaded += 1

    def evict(self, before: datetime) -> int:
        """Drop from memory every story whose last member is older than the start of
        ``before``'s day, and mark those days unread, so that a later window reads them
        again; returns the members dropped. Only with a source: without one the members
        could not come back."""
        if self._source is None:
            return 0
        cutoff_day = int(before.timestamp() // SECONDS_PER_DAY)
        cutoff = cutoff_day * SECONDS_PER_DAY
        # every member of such a story lies on a day before the cutoff's, so the days
        # marked unread below hold all of it
        old = [sid for sid, info in self._stories.items() if info.last < cutoff]
        dropped = 0
        for sid in old:
            info = self._stories.pop(sid)
            self._loaded_stories.discard(sid)
            for member in info.members:
                self._members.remove(member)
                del self._member_story[member]
                del self._items[member]
                dropped += 1
        self._loaded_days = {d for d in self._loaded_days if d >= cutoff_day}
        return dropped

    # -- state ---------------------------------------------------------------
    def add_member(self, article_id: int, story_id: int, item: ClusterInput) -> None:
        """Record that ``article_id`` belongs to ``story_id`` (also used to rebuild state).

        With a source, a story not read yet is read whole first (the new article may be
        stored already, and is then read with it)."""
        if self._source is not None and story_id not in self._loaded_stories:
            self._ensure_stories((story_id,))
            if self._member_story.get(article_id) == story_id:
                return
        self._add(article_id, story_id, item)

    def _add(self, article_id: int, story_id: int, item: ClusterInput) -> None:
        vec = np.asarray(item.embedding, dtype=np.float32)
        ts = item.time.timestamp()
        self._members.add(article_id, vec, ts)
        self._member_story[article_id] = story_id
        self._items[article_id] = item
        info = self._stories.get(story_id)
        if info is None:
            info = self._stories[story_id] = _StoryInfo(
                id=story_id, total=np.zeros(self.dim, dtype=np.float32))
        info.total = info.total + vec
        info.count += 1
        info.members.append(article_id)
        info.first = min(info.first, ts)
        info.last = max(info.last, ts)
        info.languages[item.lang] = info.languages.get(item.lang, 0) + 1
        for n in item.anchors.numbers:
            info.numbers[n] = info.numbers.get(n, 0) + 1
        for k in item.anchors.names:
            info.names[k] = info.names.get(k, 0) + 1

    def add_members(self, members: Iterable[tuple[int, int, ClusterInput]]) -> None:
        for article_id, story_id, item in members:
            self.add_member(article_id, story_id, item)

    # -- decisions -----------------------------------------------------------
    def _neighbours(self, vec: Vector, ts: float) -> list[tuple[int, float]]:
        """The nearest members published within the story window of ``ts``."""
        span = self.params.window_days * SECONDS_PER_DAY
        self._ensure_window(ts - span, ts + span)
        return self._members.nearest(vec, self.params.neighbours, window=(ts - span, ts + span))

    def squash(self, raw: float) -> float:
        """The reported score of a raw score: monotone, equal at the threshold, bounded."""
        p = self.params
        if p.squash <= 0:
            return raw
        return p.threshold + p.squash * math.tanh((raw - p.threshold) / p.squash)

    def offset(self, lang1: str, lang2: str) -> float:
        """The calibration offset for an article pair in these two languages."""
        p = self.params
        if lang1 == lang2:
            return p.same_lang_offset
        return p.cross_lang_offset if same_script(lang1, lang2) else p.cross_script_offset

    def score_story(self, item: ClusterInput, story_id: int,
                    nearest: tuple[int, float]) -> tuple[float, dict[str, Any]]:
        """Score ``item`` against one story; return the score and its evidence."""
        _raw, score, evidence = self._score(item, story_id, nearest)
        return score, evidence

    def _query(self, item: ClusterInput) -> Query | None:
        """``item``'s sketch weighted once for every candidate (None: no lexical term)."""
        return Query(item.sketch, self.frequencies) if self.params.lexical_weight else None

    def _score(self, item: ClusterInput, story_id: int,
               nearest: tuple[int, float]) -> tuple[float, float, dict[str, Any]]:
        """(raw score, reported score, evidence); the raw score ranks candidate stories."""
        return self._finish(self._parts(item, story_id, nearest), self._query(item))

    def _parts(self, item: ClusterInput, story_id: int,
               nearest: tuple[int, float]) -> _Parts:
        """Everything of a candidate's score but the lexical term."""
        p = self.params
        info = self._stories[story_id]
        vec = np.asarray(item.embedding, dtype=np.float32)
        centroid = info.total / max(float(np.linalg.norm(info.total)), 1e-9)
        centroid_sim = float(centroid @ vec)
        member_id, member_sim = nearest
        near = self._items.get(member_id)
        member_lang = near.lang if near else "und"
        offset = self.offset(member_lang, item.lang)
        semantic = (0.6 * member_sim + 0.4 * centroid_sim - offset) / p.scale
        need = max(1, math.ceil(p.anchor_share * info.count))
        near_numbers = near.anchors.numbers if near else frozenset()
        near_names = near.anchors.names if near else frozenset()
        shared_numbers = sorted(n for n in item.anchors.numbers
                                if n in near_numbers or info.numbers.get(n, 0) >= need)
        shared_names = sorted(k for k in item.anchors.names
                              if k in near_names or info.names.get(k, 0) >= need)
        anchor = min(p.max_anchor_bonus,
                     p.number_bonus * len(shared_numbers) + p.name_bonus * len(shared_names))
        ts = item.time.timestamp()
        gap_days = max(0.0, info.first - ts, ts - info.last) / SECONDS_PER_DAY
        penalty = p.day_penalty * max(0.0, gap_days - 1.0)
        return _Parts(story_id=story_id, member_id=member_id, member_sim=member_sim,
                      centroid_sim=centroid_sim, same_language=member_lang == item.lang,
                      offset=offset, semantic=semantic, shared_numbers=shared_numbers,
                      shared_names=shared_names, anchor=anchor, gap_days=gap_days,
                      penalty=penalty, near=near)

    def _finish(self, parts: _Parts,
                query: Query | None) -> tuple[float, float, dict[str, Any]]:
        """Add the lexical term to ``parts``: (raw score, reported score, evidence)."""
        p = self.params
        lexical = (query.cosine(parts.near.sketch)
                   if query is not None and parts.near is not None else 0.0)
        raw = parts.base + p.lexical_weight * lexical
        score = self.squash(raw)
        evidence: dict[str, Any] = {
            "nearest_article": parts.member_id,
            "nearest_similarity": round(parts.member_sim, 4),
            "centroid_similarity": round(parts.centroid_sim, 4),
            "same_language": parts.same_language,
            "language_offset": parts.offset,
            "semantic": round(parts.semantic, 4),
            "shared_numbers": parts.shared_numbers,
            "shared_names": parts.shared_names,
            "anchor_bonus": round(parts.anchor, 4),
            "lexical_similarity": round(lexical, 4),
            "lexical_bonus": round(p.lexical_weight * lexical, 4),
            "time_gap_days": round(parts.gap_days, 2),
            "time_penalty": round(parts.penalty, 4),
            "raw_score": round(raw, 4),
            "score": round(score, 4),
        }
        return raw, score, evidence

    def assign(self, item: ClusterInput,
               exclude_story: int | None = None) -> tuple[int | None, float, dict[str, Any]]:
        """The best existing story for ``item`` (or None) with its score and evidence.

        Candidates are scored without the lexical term first, then completed best first;
        once a candidate could not reach the best raw score so far even with a perfect
        lexical match, neither can the rest, and their lexical cosines are skipped. The
        choice is the one scoring every candidate whole would make (ties: lowest id).
        """
        p = self.params
        vec = np.asarray(item.embedding, dtype=np.float32)
        ts = item.time.timestamp()
        best_member: dict[int, tuple[int, float]] = {}
        for member_id, sim in self._neighbours(vec, ts):
            story_id = self._member_story[member_id]
            if story_id == exclude_story:
                continue
            if story_id not in best_member:
                best_member[story_id] = (member_id, sim)
        candidates = sorted((self._parts(item, sid, near) for sid, near in best_member.items()),
                            key=lambda c: (-c.base, c.story_id))
        query = self._query(item)
        reach = max(0.0, p.lexical_weight) if query is not None else 0.0
        best: tuple[int | None, float, float, dict[str, Any]] = (None, -math.inf, -math.inf, {})
        for parts in candidates:
            if parts.base + reach < best[2]:
                break
            raw, score, evidence = self._finish(parts, query)
            if raw > best[2] or (raw == best[2] and best[0] is not None
                                 and parts.story_id < best[0]):
                best = (parts.story_id, score, raw, evidence)
        chosen, score, raw, evidence = best
        evidence = {**evidence, "threshold": p.threshold, "candidates": len(best_member)}
        if chosen is None or raw < p.threshold:
            return None, (0.0 if chosen is None else score), evidence
        return chosen, score, evidence

    # -- merges --------------------------------------------------------------
    def merge_candidates(self, story_ids: Iterable[int]) -> list[tuple[int, int, float]]:
        """Small stories that turn out to belong to another story.

        A story with at most ``merge_max_size`` members is merged into story T when
        every one of its members, scored now against the current state, would join
        T, and T is at least as large. Returns ``(source, target, weakest score)``
        triples; ids of larger stories never change, so story ids stay stable.
        """
        merges: list[tuple[int, int, float]] = []
        gone: set[int] = set()
        for sid in sorted(set(story_ids)):
            info = self._stories.get(sid)
            if info is None or info.count > self.params.merge_max_size:
                continue
            targets: set[int | None] = set()
            weakest = math.inf
            for member in info.members:
                target, score, _ = self.assign(self._items[member], exclude_story=sid)
                targets.add(target)
                weakest = min(weakest, score)
            if len(targets) != 1:
                continue
            (target,) = targets
            if target is None or target in gone or self._stories[target].count < info.count:
                continue
            merges.append((sid, target, round(weakest, 4)))
            gone.add(sid)
        return merges

    def merge(self, source: int, target: int) -> None:
        """Move every member of story ``source`` into story ``target``."""
        self._ensure_stories((source, target))
        info = self._stories.pop(source)
        for member in info.members:
            self._add(member, target, self._items[member])

    def story_languages(self, story_id: int) -> Mapping[str, int]:
        info = self._stories.get(story_id)
        return dict(info.languages) if info else {}

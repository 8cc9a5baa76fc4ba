"""The ingest pipeline: named stages in order, batched, with a per-stage error policy.

    FetchedDocument -> extract -> language -> dedup -> embed -> cluster -> store

A document that fails a stage becomes an :class:`IngestProblem` naming the
stage, the location and the reason; the run goes on. Store errors stop the run
(a batch is one transaction, so nothing half-written is left behind).
"""

from __future__ import annotations

import logging
import math
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from babelwire.errors import BabelwireError
from babelwire.records import (
    Article,
    DuplicateCheck,
    EnrichedArticle,
    FetchedDocument,
    IngestProblem,
    IngestReport,
    Language,
    Vector,
    lead_text,
)
from babelwire.settings import Settings
from babelwire.stages.canonical_url import canonical_url
from babelwire.stages.cluster import (
    ClusterInput,
    ClusterParams,
    Member,
    StoryClusterer,
    article_input,
)
from babelwire.stages.dedup import DedupStage, NearDuplicateIndex
from babelwire.stages.embed import Embedder, settings_embedder
from babelwire.stages.embed_queue import (
    EmbedQueue,
    EmbedWorkers,
    available_cores,
    embed_plan,
)
from babelwire.stages.entities import EntityStage
from babelwire.stages.extract import ExtractStage
from babelwire.stages.language import LanguageStage
from babelwire.stages.lexical import DocumentFrequencies, article_sketch
from babelwire.store.base import ArticleWrite, ClusterMember, Store

log = logging.getLogger(__name__)

LEXICAL_FLUSH_DOCUMENTS = 2000
"""Articles counted after which a batch's end writes the lexical document frequencies
out, besides the end of every run (a write costs by the distinct 4-gram buckets counted,
which grow more slowly than the articles)."""

LEXICAL_SEED_ARTICLES = 5000
"""Newest stored articles counted when a database has articles but no lexical document
frequencies (written before they were kept)."""

Item = FetchedDocument | IngestProblem


@dataclass(frozen=True, slots=True)
class _Prepared:
    article: Article
    language: Language
    content_hash: str
    minhash: tuple[int, ...]
    copy: DuplicateCheck | None
    """The dedup verdict when it is a copy of an article stored before this batch."""
    embed: bool
    """Whether the lead goes to the embedder: copies, found while preparing, need no vector."""


class Pipeline:
    """Runs documents through every stage into ``store``.

    State that spans runs (the near-duplicate index, the clusterer's members) is
    rebuilt from the store on first use, so a pipeline over an existing database
    continues where the last run stopped.
    """

    def __init__(self, store: Store, settings: Settings, *,
                 embedder: Embedder | None = None,
                 cluster_params: ClusterParams | None = None) -> None:
        self.store = store
        self.settings = settings
        self._embedder = embedder
        self._cluster_params = cluster_params
        """The clusterer's parameters; None: the defaults with the settings' threshold,
        window and keep days (an evaluation passes its own to compare variants)."""
        self.extract = ExtractStage()
        self.language = LanguageStage()
        self.entities = EntityStage(store, resident_limit=settings.entity_resident_limit)
        self._dedup: DedupStage | None = None
        self._clusterer: StoryClusterer | None = None
        self.stage_seconds: dict[str, float] = defaultdict(float)
        """Wall-clock seconds spent in each stage."""
        self.stage_cpu_seconds: dict[str, float] = defaultdict(float)
        """CPU seconds spent in each stage: the main thread's for the Python stages, and every
        other thread's (the embedding workers and ONNX Runtime's) for ``embed``. On a machine
        shared with other work this is the steadier measure of a stage's cost."""
        self._cpu_mark = 0.0
        self.embedded = 0
        """Texts embedded so far; copies found before embedding are not."""
        self.embedding_plan = embed_plan(settings.embed_workers, available_cores())
        """Embedding worker threads, and ONNX Runtime threads per worker."""

    # -- lazily built state ----------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = settings_embedder(self.settings,
                                               threads=self.embedding_plan.threads)
            log.info("embedder: %s (%d dimensions)", self._embedder.name, self._embedder.dim)
        return self._embedder

    @property
    def dedup(self) -> DedupStage:
        if self._dedup is None:
            keep = self.settings.dedup_keep_days
            if keep > 0:  # the window's days are read as articles need them
                store = self.store
                index = NearDuplicateIndex(
                    self.settings.dedup_threshold, keep_days=keep,
                    source=lambda since, until: store.iter_minhashes(since=since, until=until))
            else:
                index = NearDuplicateIndex(self.settings.dedup_threshold)
                index.add_many(self.store.iter_minhashes())
            self._dedup = DedupStage(index)
        return self._dedup

    @property
    def clusterer(self) -> StoryClusterer:
        if self._clusterer is None:
            params = self._cluster_params or ClusterParams(
                threshold=self.settings.story_threshold,
                window_days=self.settings.story_window_days,
                keep_days=self.settings.story_keep_days)
            # stored members are read as the story windows being written need them;
            # the lexical document frequencies are what every writer has counted so far
            frequencies = DocumentFrequencies()
            frequencies.load(*self.store.lexical_frequencies())
            if frequencies.documents == 0:
                _seed_frequencies(self.store, frequencies)
            self._clusterer = StoryClusterer(self.embedder.dim, params,
                                             source=StoredMembers(self.store),
                                             frequencies=frequencies)
        return self._clusterer

    # -- running ---------------------------------------------------------------
    def run(self, items: Iterable[Item], *,
            progress: Callable[[int], None] | None = None) -> IngestReport:
        """Ingest every item; ``progress(n)`` is called as documents are done."""
        new = duplicates = unchanged = 0
        problems: list[IngestProblem] = []
        main_cpu, all_cpu = time.thread_time(), time.process_time()
        pool = EmbedWorkers(self._embed_workers)
        try:
            for batch in _batches(items, self.settings.batch_size):
                docs: list[FetchedDocument] = []
                for item in batch:
                    if isinstance(item, IngestProblem):
                        problems.append(item)
                    else:
                        docs.append(item)
                b_new, b_dup, b_unchanged, b_problems = self._run_batch(docs, pool)
                new, duplicates = new + b_new, duplicates + b_dup
                unchanged += b_unchanged
                problems.extend(b_problems)
                if progress is not None:
                    progress(len(batch))
            if self._clusterer is not None:
                self._keep_frequencies()
        finally:
            pool.close()
            other_threads = (time.process_time() - all_cpu) - (time.thread_time() - main_cpu)
            self.stage_cpu_seconds["embed"] += max(other_threads, 0.0)
        return IngestReport(new=new, duplicates=duplicates, unchanged=unchanged,
                            problems=tuple(problems))

    def _keep_frequencies(self) -> None:
        """Add the 4-gram document frequencies counted since the last call to the store,
        for the next process (and for other writers when they start)."""
        started = self._start()
        documents, buckets, counts = self.clusterer.frequencies.take_added()
        if documents:
            self.store.add_lexical_frequencies(documents, buckets.tolist(), counts.tolist())
        self._timed("store", started)

    def _embed_workers(self) -> int:
        """The planned workers for an embedder that says it may be called from several
        threads at once (``thread_safe``); one for any other."""
        return (self.embedding_plan.workers if getattr(self.embedder, "thread_safe", False)
                else 1)

    def _timed(self, stage: str, started: float) -> None:
        self.stage_seconds[stage] += time.perf_counter() - started
        cpu = time.thread_time()
        self.stage_cpu_seconds[stage] += cpu - self._cpu_mark
        self._cpu_mark = cpu

    def _start(self) -> float:
        """Mark the start of a timed stage: wall clock returned, CPU clock kept."""
        self._cpu_mark = time.thread_time()
        return time.perf_counter()

    def _run_batch(
        self, docs: list[FetchedDocument], pool: EmbedWorkers
    ) -> tuple[int, int, int, list[IngestProblem]]:
        problems: list[IngestProblem] = []
        known = self.store.known_urls([canonical_url(d.url) for d in docs])
        unchanged = 0
        prepared: list[_Prepared] = []
        seen_in_batch: set[str] = set()
        batch_copies = _BatchCopies(self.settings.dedup_threshold)
        queue: EmbedQueue | None = None
        for doc in docs:
            key = canonical_url(doc.url)
            if key in known or key in seen_in_batch:
                unchanged += 1
                continue
            try:
                started = self._start()
                article = self.extract(doc)
                self._timed("extract", started)
                if article.canonical_url in known or article.canonical_url in seen_in_batch:
                    unchanged += 1
                    continue
                started = self._start()
                language = self.language(article.title, article.text, article.lang_hint)
                self._timed("language", started)
                started = self._start()
                chash, sig = self.dedup.fingerprint(article.title, article.text)
                copy = self._stored_copy(chash, sig, _article_time(article))
                embed = copy is None and batch_copies.is_original(len(prepared), chash, sig)
                self._timed("dedup", started)
            except BabelwireError as exc:
                problems.append(IngestProblem(location=doc.location, stage="extract",
                                              reason=str(exc)))
                continue
            except Exception as exc:  # one bad page must never stop a run
                log.exception("unexpected error on %s", doc.location)
                problems.append(IngestProblem(location=doc.location, stage="extract",
                                              reason=f"{type(exc).__name__}: {exc}"))
                continue
            seen_in_batch.update({key, article.canonical_url})
            if embed:
                if queue is None:
                    queue = EmbedQueue(self.embedder, pool,
                                       chunk=self.settings.embed_batch_size)
                queue.add(len(prepared), article.lead)
            prepared.append(_Prepared(article=article, language=language, content_hash=chash,
                                      minhash=sig, copy=copy, embed=embed))
        if not prepared:
            return 0, 0, unchanged, problems

        if queue is not None:
            queue.flush()

        new = duplicates = 0
        hashes: dict[str, int] = {}
        touched: set[int] = set()
        oldest = math.inf  # POSIX time of the batch's oldest clustered article
        clusterer = self.clusterer
        writes_started = time.perf_counter()
        writes_cpu = time.thread_time()
        for index, prep in enumerate(prepared):
            started = self._start()
            if prep.copy is not None:
                check = prep.copy
            elif prep.embed:
                # Neither a copy of a stored article nor of an earlier one in this batch:
                # only another writer's exact copy, stored meanwhile, can be found now.
                exact = self.store.find_by_hash(prep.content_hash)
                check = (self.dedup.check(prep.content_hash, prep.minhash, exact) if exact
                         else DuplicateCheck(content_hash=prep.content_hash,
                                             minhash=prep.minhash))
            else:
                exact = hashes.get(prep.content_hash) or self.store.find_by_hash(
                    prep.content_hash)
                check = self.dedup.check(prep.content_hash, prep.minhash, exact,
                                         _article_time(prep.article))
            self._timed("dedup", started)
            vec: Vector | None = None
            if queue is not None and prep.embed:
                vec = queue.vector(index)
            elif check.duplicate_of is None:
                vec = self._embed_late(prep, pool)
            enriched = EnrichedArticle(article=prep.article, language=prep.language,
                                       dedup=check, embedding=vec)
            started = self._start()
            item: ClusterInput | None = None
            if check.duplicate_of is not None:
                story_id = self._copy_story(check)
                score, evidence = float(check.similarity or 1.0), {
                    "decision": "copy", "copy_of": check.duplicate_of,
                    "copy_kind": check.reason, "similarity": check.similarity}
                created = False
            else:
                assert vec is not None
                item = article_input(prep.language.code,
                                     prep.article.published or prep.article.fetched_at,
                                     vec, prep.article.title, prep.article.text)
                clusterer.frequencies.add(item.sketch)  # the stream's 4-gram counts
                found, score, evidence = clusterer.assign(item)
                created = found is None
                if found is None:
                    story_id = self.store.new_story(prep.article.title, item.time)
                    evidence = {**evidence, "decision": "new story"}
                    score = 1.0
                else:
                    story_id = found
                    evidence = {**evidence, "decision": "joined"}
            self._timed("cluster", started)
            started = self._start()
            (article_id,) = self.store.write_batch([ArticleWrite(
                enriched=enriched, story_id=story_id, story_score=round(float(score), 4),
                story_evidence=evidence)])
            self._timed("store", started)
            started = self._start()
            self.entities.process(article_id, prep.article.title, prep.article.text,
                                  prep.language.code, prep.article.published)
            self._timed("entities", started)
            hashes.setdefault(prep.content_hash, article_id)
            self.dedup.remember(article_id, check, _article_time(prep.article))
            if item is not None:
                clusterer.add_member(article_id, story_id, item)
                touched.add(story_id)
                oldest = min(oldest, item.time.timestamp())
                new += 1
            else:
                duplicates += 1
            log.debug("article %s -> story %s (%s)", article_id, story_id,
                      "new" if created else "joined")
        self.stage_seconds["write_loop"] += time.perf_counter() - writes_started
        self.stage_cpu_seconds["write_loop"] += time.thread_time() - writes_cpu
        if queue is not None:
            self.embedded += queue.embedded
            self.stage_seconds["embed"] += queue.busy_seconds
            self.stage_seconds["embed_wait"] += queue.wait_seconds
        if new or duplicates:  # entity merges the batch made possible, stored now
            started = self._start()
            self.entities.flush_merges()
            self._timed("entities", started)
        started = self._start()
        for source, target, score in clusterer.merge_candidates(touched):
            self.store.merge_stories(source, target, {"score": score,
                                                      "threshold": clusterer.params.threshold})
            clusterer.merge(source, target)
            log.info("merged story %s into %s (weakest member score %.3f)", source, target, score)
        if clusterer.frequencies.pending >= LEXICAL_FLUSH_DOCUMENTS:
            self._keep_frequencies()
        if oldest < math.inf and clusterer.params.keep_days > 0:
            # stories long finished leave memory; a later window reads them again if needed
            clusterer.evict(datetime.fromtimestamp(
                oldest - clusterer.params.keep_days * 86400, UTC))
        self._timed("cluster", started)
        keep = self.settings.dedup_keep_days
        if keep > 0:  # originals too old for the batch's copies leave memory
            started = self._start()
            first = min(_article_time(prep.article) for prep in prepared)
            self.dedup.index.evict(first - timedelta(days=keep))
            self._timed("dedup", started)
        return new, duplicates, unchanged, problems

    def _stored_copy(self, chash: str, sig: tuple[int, ...],
                     at: datetime) -> DuplicateCheck | None:
        """The dedup verdict against the articles stored before this batch, if it is a copy.

        It stays true through the batch: stored articles stay stored and the
        near-duplicate index only grows until the batch is written.
        """
        check = self.dedup.check(chash, sig, self.store.find_by_hash(chash), at)
        return check if check.duplicate_of is not None else None

    def _embed_late(self, prep: _Prepared, pool: EmbedWorkers) -> Vector:
        """The vector of an article taken for a copy of an earlier one in its batch that
        turned out to be an original (not expected: kept so that it is still clustered).

        It is embedded on ``pool`` too: an embedder is only ever called from its workers.
        """
        started = self._start()
        vec: Vector = pool.submit(self.embedder.embed, [prep.article.lead],
                                  kind="passage").result()[0]
        self.embedded += 1
        self._timed("embed", started)
        return vec

    def _copy_story(self, check: DuplicateCheck) -> int:
        assert check.duplicate_of is not None
        story_id = self.store.story_of(check.duplicate_of)
        if story_id is None:  # the original has no story yet (should not happen)
            story_id = self.store.new_story("", datetime.now(UTC))
        return story_id


def _seed_frequencies(store: Store, frequencies: DocumentFrequencies,
                      limit: int = LEXICAL_SEED_ARTICLES) -> None:
    """Count the newest stored originals (up to ``limit``) into ``frequencies``: a database
    written before the counts were kept would otherwise start its lexical cosines from
    nothing. They are written to the store with the run's own counts."""
    newest = store.max_article_id()
    if newest == 0:
        return
    for article in store.articles_after(max(0, newest - limit), limit=limit):
        if article.duplicate_of is None:
            frequencies.add(article_sketch(article.title, article.text))
    log.info("lexical document frequencies seeded from %d stored articles",
             frequencies.documents)


class StoredMembers:
    """The store as the clusterer's :class:`~babelwire.stages.cluster.MemberSource`.

    Copies follow their original and are no members; anchors and 4-gram sketches are
    computed as the pipeline computes them for a new article."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def between(self, since: datetime, until: datetime) -> Iterator[Member]:
        return self._members(self.store.iter_cluster_members(since=since, until=until), ())

    def of_stories(self, story_ids: Collection[int], skip: Container[int]) -> Iterator[Member]:
        return self._members(self.store.iter_cluster_members(story_ids=story_ids), skip)

    @staticmethod
    def _members(rows: Iterable[ClusterMember], skip: Container[int]) -> Iterator[Member]:
        for m in rows:
            if m.published is None or m.duplicate_of is not None or m.id in skip:
                continue
            yield m.id, m.story_id, article_input(m.lang, m.published, m.embedding, m.title,
                                                  m.text)


class _BatchCopies:
    """Copies of earlier articles of the same batch, found before anything is embedded.

    The pipeline embeds a batch at once, before its articles are stored and enter the
    near-duplicate index, so a copy of an article in its own batch would otherwise be
    embedded for nothing. Syndicated copies often arrive together (one feed carrying
    the same wire story twice, or an outlet and its regional editions).
    """

    def __init__(self, threshold: float) -> None:
        self._threshold = threshold
        self._index: NearDuplicateIndex | None = None
        self._hashes: set[str] = set()

    def is_original(self, position: int, chash: str, sig: tuple[int, ...]) -> bool:
        """False for a copy of an earlier original of the batch; remembers an original."""
        if chash in self._hashes:
            return False
        if self._index is None:
            self._index = NearDuplicateIndex(self._threshold)
        elif self._index.best_match(sig) is not None:
            return False
        self._hashes.add(chash)
        self._index.add(position, sig)
        return True


def _article_time(article: Article) -> datetime:
    """An article's time, as the store's ``articles_time`` index has it."""
    return article.published or article.fetched_at


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


__all__ = ["Pipeline", "lead_text"]

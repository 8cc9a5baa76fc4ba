"""The entity stage: people, organisations, places, cited documents and dates in an article.

Runs after the article is stored (it needs the article id)::

    mentions = entity_stage.process(article_id, title, text, lang, published)

Finding (rules, gazetteers, triggers; an optional backend when installed),
then linking (:mod:`entities_linking`), then writing mentions, variants and
dates through the store when the stage has one. Offsets point into
``document_text(title, text)``.

Modules: ``entities_mentions`` (cased scripts), ``entities_mentions_nocase``
(Arabic, CJK), ``entities_gazetteer``, ``entities_triggers``,
``entities_documents``, ``entities_dates``, ``entities_keys``,
``entities_linking``, ``entities_backend``, ``entities_records``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from babelwire.errors import EntityConflict
from babelwire.stages.entities_adjectives import adjectives_in_us_articles
from babelwire.stages.entities_backend import NerBackend, load_backend
from babelwire.stages.entities_dates import find_dates, month_and_day_names
from babelwire.stages.entities_documents import find_documents
from babelwire.stages.entities_elections import us_elections
from babelwire.stages.entities_gazetteer import Gazetteer, default_gazetteer
from babelwire.stages.entities_homoglyphs import unmix
from babelwire.stages.entities_linking import EntityLinker, LinkParams
from babelwire.stages.entities_mentions import CasedMentionFinder
from babelwire.stages.entities_mentions_nocase import NoCaseMentionFinder
from babelwire.stages.entities_records import (
    ArticleEntities,
    EntityRecord,
    Mention,
    TextDate,
    document_text,
)
from babelwire.stages.entities_resident import encode_key, ensure_keys
from babelwire.stages.entities_stream import StreamNames, StreamWords

if TYPE_CHECKING:
    from babelwire.store.base import Store

log = logging.getLogger(__name__)

_NO_CASE = frozenset({"ar", "fa", "ur", "he", "zh", "ja", "ko", "th"})


class MentionFinder:
    """Every finder for one language: names (cased or not), cited documents, a backend."""

    def __init__(self, gazetteer: Gazetteer, *, stream: StreamNames | None = None,
                 backend: NerBackend | None = None) -> None:
        self.gazetteer = gazetteer
        self.stream = stream
        self.backend = backend
        self._nocase = NoCaseMentionFinder(gazetteer)
        self._cased: dict[str, CasedMentionFinder] = {}

    def _cased_for(self, lang: str) -> CasedMentionFinder:
        finder = self._cased.get(lang)
        if finder is None:
            # each language counts its own lower-case words (``most`` is Polish "bridge")
            words = StreamWords() if self.stream is not None else None
            finder = CasedMentionFinder(self.gazetteer, self.stream,
                                        months=month_and_day_names(lang), words=words)
            self._cased[lang] = finder
        return finder

    def find(self, doc: str, lang: str, published: datetime | None = None) -> list[Mention]:
        if lang in _NO_CASE:
            names = self._nocase.find(doc, lang)
        else:  # then the phrases found by the article's most named country
            names = us_elections(doc, self._cased_for(lang).find(doc, lang), lang, published)
            names = adjectives_in_us_articles(doc, names, lang, self.gazetteer)
        documents = find_documents(doc, lang)
        found = _merge(documents, names)
        if self.backend is not None:
            found = _merge(found, self.backend.find(doc, lang))
        return found


def _merge(first: Iterable[Mention], second: Iterable[Mention]) -> list[Mention]:
    """``first`` plus those of ``second`` that overlap none of them, in text order."""
    kept = sorted(first, key=lambda m: m.start)
    taken = [(m.start, m.end) for m in kept]
    for m in second:
        if all(m.end <= s or m.start >= e for s, e in taken):
            kept.append(m)
            taken.append((m.start, m.end))
    return sorted(kept, key=lambda m: (m.start, m.end))


class EntityStage:
    """Finds, links and (given a store) stores an article's entities and dates."""

    name = "entities"

    def __init__(self, store: Store | None = None, *, gazetteer: Gazetteer | None = None,
                 backend: NerBackend | str | None = "auto",
                 params: LinkParams | None = None, merge_every: int = 20,
                 resident_limit: int = 100_000) -> None:
        self.store = store
        self.merge_every = merge_every
        """Articles between two merge passes (0: never); see :meth:`EntityLinker.merge_pass`."""
        self.resident_limit = resident_limit
        """With a store: the most entities the linker holds (see ``entities_resident``)."""
        self._since_merge = 0
        self._last_written: ArticleEntities | None = None
        self._gazetteer = gazetteer
        self._backend = backend
        self.stream = StreamNames()
        self._finder: MentionFinder | None = None
        self._params = params
        self._linker: EntityLinker | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer (built on first use, about a second, then shared by the process)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @property
    def finder(self) -> MentionFinder:
        if self._finder is None:
            backend = self._backend
            resolved = load_backend(backend) if isinstance(backend, str) else backend
            self._finder = MentionFinder(self.gazetteer, stream=self.stream, backend=resolved)
        return self._finder

    @property
    def linker(self) -> EntityLinker:
        """The entity index. With a store it reads entities back as articles name them
        (its keys are recomputed first if the code that computes them changed)."""
        if self._linker is None:
            if self.store is None:
                self._linker = EntityLinker(params=self._params, names=self.gazetteer.names.get)
            else:
                ensure_keys(self.store)
                self._linker = EntityLinker(
                    params=self._params, names=self.gazetteer.names.get,
                    first_id=self.store.next_entity_id(), source=self.store,
                    resident_limit=self.resident_limit)
        return self._linker

    def analyse(self, article_id: int, title: str, text: str, lang: str,
                published: datetime | None, story_id: int | None = None) -> ArticleEntities:
        """Mentions (linked to entities), dates, and the entities created or renamed."""
        mentions, dates = self._find(title, text, lang, published)
        return self._link(article_id, mentions, dates, story_id)

    def _find(self, title: str, text: str, lang: str,
              published: datetime | None) -> tuple[list[Mention], list[TextDate]]:
        doc = document_text(title, text)
        plain = unmix(doc)  # Бaйдън with a Latin a is read as Байдън; offsets stay
        mentions = self.finder.find(plain, lang, published)
        if plain is not doc:  # each mention keeps the spelling the article has
            mentions = [replace(m, text=doc[m.start:m.end]) if plain[m.start:m.end] == m.text
                        else m for m in mentions]
        return mentions, find_dates(doc, lang, published)

    def _link(self, article_id: int, mentions: list[Mention], dates: list[TextDate],
              story_id: int | None, *, again: bool = False) -> ArticleEntities:
        if story_id is None and self.store is not None:
            story_id = self.store.story_of(article_id)
        linker = self.linker
        if linker.resident is not None:  # past its limit: let go (the last article is stored)
            linker.resident.trim()
        linked, changed = linker.link(mentions, story_id)
        merges: tuple[tuple[EntityRecord, int], ...] = ()
        self._since_merge += 0 if again else 1
        if (self.merge_every and self._since_merge >= self.merge_every) or (
                linker.resident is not None and linker.resident.over_limit()):
            merges = self.merge_now()  # over the limit: merge now, so the next can trim
        return ArticleEntities(article_id=article_id, mentions=tuple(linked),
                               dates=tuple(dates), entities=tuple(changed), merges=merges,
                               keys=self._new_keys())

    def _new_keys(self) -> tuple[tuple[str, int], ...]:
        return tuple((encode_key(name, key), eid)
                     for name, key, eid in self.linker.take_new_keys())

    def merge_now(self) -> tuple[tuple[EntityRecord, int], ...]:
        """Run the linker's merge pass now: (kept entity, merged id) pairs for the store."""
        self._since_merge = 0
        linker = self.linker
        pairs = linker.merge_pass()
        return tuple((linker.entities[linker.resolve(keep)].record, gone) for keep, gone in pairs)

    def process(self, article_id: int, title: str, text: str, lang: str,
                published: datetime | None) -> list[Mention]:
        """Find, link and store one article's entities; return its mentions.

        When another process stored a conflicting entity first (both met a new country at
        the same moment), the article is linked once more against what the store holds
        now, and written again."""
        mentions, dates = self._find(title, text, lang, published)
        found = self._link(article_id, mentions, dates, None)
        try:
            self.write(found)
        except EntityConflict:
            log.info("another writer stored an entity of article %s first; linking it "
                     "again", article_id)
            found = self._link(article_id, mentions, dates, None, again=True)
            self.write(found)
        return list(found.mentions)

    def write(self, found: ArticleEntities) -> None:
        """Store what :meth:`analyse` found (merges included), when the stage has a store.

        When the store refuses it, the error goes on to the caller, and the linker lets
        go of all it holds and reads the store again as later articles need: entities
        made for this article were never stored, and a later article must not name them.
        """
        if self.store is None:
            return
        try:
            self.store.write_entities(found)
        except Exception:
            if self._linker is not None and self._linker.resident is not None:
                self._linker.resident.forget_unstored()
                log.warning("storing the entities of article %s failed; the entity linker "
                            "reads them back from the database", found.article_id)
            raise
        self._last_written = found

    def flush_merges(self) -> tuple[tuple[EntityRecord, int], ...]:
        """Run a merge pass now (after a batch, say) and store its merges. The store takes
        merges with an article's rows, so the last article written is written again, its
        mentions pointing at the entities they live on as now.

        When another process changed the same entities first (merged one of them away),
        the merges are dropped, not raised: the batch that asked goes on, and the entities
        are looked at again when an article names them."""
        merges = self.merge_now()
        last = self._last_written
        if merges and self.store is not None and last is not None:
            resolve = self.linker.resolve
            mentions = tuple(m if m.entity_id is None
                             else replace(m, entity_id=resolve(m.entity_id))
                             for m in last.mentions)
            again = replace(last, mentions=mentions, entities=(), merges=merges,
                            keys=self._new_keys())
            try:
                self.write(again)
            except EntityConflict:  # the linker has let go of what it held (see write)
                log.warning("another writer changed entities that %d merges touched; they "
                            "wait until their entities are named again", len(merges))
                self._last_written = None
                return ()
            self._last_written = replace(again, merges=())
        return merges


__all__ = ["EntityStage", "MentionFinder"]

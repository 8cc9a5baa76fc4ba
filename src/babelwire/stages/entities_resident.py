"""A linker backed by the store holds only the entities it needs.

Reading every stored spelling back when a process starts costs about 55 µs and 1.1 KiB a
spelling (``python bench/entity_linker.py``): a minute and a gigabyte for an archive with
a million. Instead the store keeps every key the linker files a spelling under
(``entity_keys``: the form, stems, skeletons and surname keys of
:func:`~babelwire.stages.entities_index.index_keys`), and :class:`Resident` loads an
entity (its spellings, and its co-mentioned entities and stories from its latest
articles) the first time one of its keys is looked up. Before an article is linked, the
keys its names may be looked up by are asked in one query (:meth:`Resident.prefetch`);
a key missed there is asked on its own when the linker looks it up.

What the process starts with: every entity's kind (a byte each, for the context scores)
and the ids of entities with a canonical key (countries, cities, documents). Past
``limit`` held entities the linker keeps the half most recently named, lets the others go
between two articles (:meth:`Resident.trim`) and loads again what the next articles
reach.

New entities take their ids from blocks reserved in the store (:meth:`Resident.new_id`),
and a canonical key not met yet is looked up there (:meth:`Resident.canonical`), so
processes sharing a database neither give one id to two entities nor make one country
twice.

Keys are computed by code that changes between releases. The store records a
fingerprint of the key functions (:func:`key_fingerprint`: a version and the keys of a
set of probe spellings); when it differs, every stored spelling's keys are computed again
(:func:`rebuild_keys`, once, at the speed of a full load).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from babelwire.stages.entities_groups import Group, surname_key, words_of
from babelwire.stages.entities_index import KeyIndex, index_keys
from babelwire.stages.entities_keys import skeleton, stem_word
from babelwire.stages.entities_records import (
    ENTITY_KINDS,
    EntityContext,
    EntityRecord,
    StoredVariant,
)

if TYPE_CHECKING:
    from babelwire.stages.entities_linking import EntityLinker

log = logging.getLogger(__name__)

KEYS_VERSION = 1
"""Raise when a key function changes in a way the probes below may not show."""

CONTEXT_ARTICLES = 1000
"""A loaded entity's co-mentions and stories come from its latest this many articles."""

ID_BLOCK = 64
"""Entity ids reserved at a time (a process that stops leaves the rest of its block unused)."""

CONTEXT_CAP = 400
"""At most this many co-mentioned entities are kept per entity (the most frequent)."""

_PROBES = (
    ("person", "Olaf Scholz"), ("person", "Олафа Шольца"), ("person", "أولاف شولتس"),
    ("person", "Karla Nováka"), ("person", "Havlíčka"), ("person", "Джо Байдън"),
    ("person", "Mike Pompeo"), ("person", "Bibiová"), ("person", "Тереза Мэй"),
    ("organisation", "Evropská komise"), ("organisation", "Европейската комисия"),
    ("organisation", "Gazpromu"), ("organisation", "«Газпрома»"), ("organisation", "WHO"),
    ("place", "Praze"), ("place", "Londynie"), ("place", "Київ"), ("place", "北京"),
    ("event", "brexitu"), ("product", "Nord Stream 2"), ("document", "Resolution 2231"),
)

_KIND_CODES = {kind: n for n, kind in enumerate(ENTITY_KINDS, 1)}


@lru_cache(maxsize=1)
def key_fingerprint() -> str:
    """What the stored keys were computed with: a version and the keys of the probes."""
    digest = hashlib.sha256(str(KEYS_VERSION).encode())
    for kind, text in _PROBES:
        for name, key in index_keys(kind, text):
            digest.update(encode_key(name, key).encode("utf-8", "surrogatepass"))
    return f"{KEYS_VERSION}:{digest.hexdigest()[:16]}"


def encode_key(name: str, key: Hashable) -> str:
    """One index key as the text the store keeps: the index's name, then its parts."""
    parts = key if isinstance(key, tuple) else (key,)
    return "\x1f".join((name, *(str(p) for p in parts)))


def spelling_keys(kind: str, text: str, eid: int) -> Iterator[tuple[str, int]]:
    for name, key in index_keys(kind, text):
        yield encode_key(name, key), eid


class EntitySource(Protocol):
    """What the store offers a resident linker (see :class:`~babelwire.store.base.Store`)."""

    def entity_directory(self) -> Iterator[tuple[int, str, str | None]]: ...

    def entity_ids_for_keys(self, keys: Sequence[str]) -> dict[str, list[int]]: ...

    def entity_rows(self, ids: Sequence[int]) -> tuple[list[EntityRecord],
                                                        list[StoredVariant]]: ...

    def entity_contexts(self, ids: Sequence[int], *,
                        articles: int) -> dict[int, EntityContext]: ...

    def reserve_entity_ids(self, count: int) -> int: ...

    def entity_for_canonical(self, canonical: str) -> int | None: ...


class Resident:
    """Loads a store-backed linker's entities by key, and lets them go past ``limit``."""

    def __init__(self, linker: EntityLinker, source: EntitySource, *, limit: int = 0) -> None:
        self.linker = linker
        self.source = source
        self.limit = limit
        """Held entities past which :meth:`trim` lets the least recently named half go
        (0: never)."""
        self.loading = False
        """True while spellings read from the store are filed (they are not new keys)."""
        self.loads = 0
        """Entities loaded so far (for the benchmark and the tests)."""
        self.trims = 0
        self._kinds = bytearray()
        self._ids = range(0)
        """Entity ids reserved in the store and not handed out yet."""
        self._used: dict[int, None] = {}
        """Held entities, least recently named first."""
        for index in linker.indexes.values():
            index.miss = self.miss
        self._read_directory()

    def _read_directory(self) -> None:
        linker = self.linker
        for eid, kind, canonical in self.source.entity_directory():
            self.note_kind(eid, kind)
            if canonical:
                linker.by_canonical.setdefault(canonical, eid)
            linker.next_id = max(linker.next_id, eid + 1)

    def canonical(self, canonical: str) -> int | None:
        """The stored entity with this key that the process does not know of yet (another
        process may have made it since this one started)."""
        eid = self.source.entity_for_canonical(canonical)
        if eid is not None:
            self.linker.by_canonical[canonical] = eid
            self.load({eid})
        return eid

    def new_id(self) -> int:
        """An id for a new entity, from a block reserved in the store: processes writing
        to one database never give one id to two entities."""
        if not self._ids:
            first = self.source.reserve_entity_ids(ID_BLOCK)
            self._ids = range(first, first + ID_BLOCK)
        eid, self._ids = self._ids[0], self._ids[1:]
        return eid

    # -- kinds of entities not held ----------------------------------------
    def note_kind(self, eid: int, kind: str | None) -> None:
        if eid >= len(self._kinds):
            self._kinds.extend(bytes(eid + 1 - len(self._kinds) + 1024))
        self._kinds[eid] = _KIND_CODES.get(kind, 0) if kind else 0

    def kind_of(self, eid: int) -> str | None:
        code = self._kinds[eid] if 0 <= eid < len(self._kinds) else 0
        return ENTITY_KINDS[code - 1] if code else None

    # -- loading -----------------------------------------------------------
    def miss(self, index: KeyIndex, key: Hashable) -> None:
        """A key looked up for the first time that :meth:`prefetch` did not ask."""
        self._fetch([(index.name, key)])

    def prefetch(self, groups: Sequence[Group]) -> None:
        """Ask, in one query, every key the linker files these names under and a lone
        surname's keys: what it looks them up by, but for a few derived keys (a
        possessive's base), which :meth:`miss` asks when they come."""
        wanted: dict[tuple[str, Hashable], None] = {}
        for group in groups:
            if group.canonical:
                continue
            for text in group.forms:
                pairs = index_keys(group.kind, text)
                words = words_of(text)
                if group.kind == "person" and len(words) == 1:  # a lone surname's keys
                    pairs += [("surname", ("person", surname_key(words[0]))),
                              ("surname", ("person", "~" + skeleton(stem_word(words[0]))))]
                for pair in pairs:
                    wanted[pair] = None
        self.ask(wanted)

    def ask(self, pairs: Iterable[tuple[str, Hashable]]) -> None:
        """Load, in one query, what the store files under those (index, key) pairs not
        asked yet."""
        indexes = self.linker.indexes
        wanted = [(name, key) for name, key in pairs if not indexes[name].asked(key)]
        if wanted:
            self._fetch(wanted)

    def _fetch(self, wanted: list[tuple[str, Hashable]]) -> None:
        indexes = self.linker.indexes
        codes = {encode_key(name, key): (name, key) for name, key in wanted}
        for name, key in wanted:
            indexes[name].mark_asked(key)
        # an entity merged here whose merge is not stored yet lives on as the one it joined
        resolve = self.linker.resolve
        found = {code: {resolve(eid) for eid in ids}
                 for code, ids in self.source.entity_ids_for_keys(list(codes)).items()}
        self.load({eid for ids in found.values() for eid in ids})
        entities = self.linker.entities
        for code, ids in found.items():
            name, key = codes[code]
            for eid in ids:
                if eid in entities:  # also a key the store has that this code no longer files
                    indexes[name].add(key, eid)

    def load(self, ids: Iterable[int]) -> None:
        """Hold the entities ``ids`` not held yet: their records and spellings (filed as
        :meth:`EntityLinker.load_variants` files them), and their co-mentions and stories
        from their latest :data:`CONTEXT_ARTICLES` articles."""
        linker = self.linker
        missing = sorted({eid for eid in ids
                          if eid not in linker.entities and eid not in linker.merged_into})
        if not missing:
            return
        records, variants = self.source.entity_rows(missing)
        self.loading = True
        try:
            for record in records:
                linker._new(record)
            linker.load_variants(variants)
        finally:
            self.loading = False
        self.loads += len(records)
        for record in records:
            self.touch(record.id)
        for eid, found in self.source.entity_contexts(missing, articles=CONTEXT_ARTICLES).items():
            entity = linker.entities.get(eid)
            if entity is None:
                continue
            if found.co_mentions:
                top = sorted(found.co_mentions, key=lambda pair: (-pair[1], pair[0]))
                entity.context = Counter(dict(top[:CONTEXT_CAP]))
            if found.stories:
                entity.stories = set(found.stories)

    # -- letting go --------------------------------------------------------
    def over_limit(self) -> bool:
        return bool(self.limit) and len(self.linker.entities) > self.limit

    def touch(self, eid: int) -> None:
        """Note that an article named ``eid`` (the most recently named are kept by
        :meth:`trim`)."""
        self._used.pop(eid, None)
        self._used[eid] = None

    def trim(self) -> bool:
        """When more than ``limit`` entities are held and none waits for a merge pass, keep
        the ``limit // 2`` most recently named and let the others go; call between
        articles, once the last one is stored. True if it did."""
        linker = self.linker
        if not self.over_limit() or linker.dirty:
            return False
        held = len(linker.entities)
        recent = [eid for eid in reversed(self._used) if eid in linker.entities]
        kept = {eid: linker.entities[eid] for eid in recent[: self.limit // 2]}
        self.forget()
        self.loading = True
        try:  # the kept ones filed again; what the others were filed under is asked anew
            for eid, entity in reversed(kept.items()):
                linker.entities[eid] = entity
                linker.refile(entity)
                self._used[eid] = None
        finally:
            self.loading = False
        self.trims += 1
        log.info("entity linker: let %d of %d entities go (limit %d); they load again as "
                 "needed", held - len(kept), held, self.limit)
        return True

    def forget(self) -> None:
        """Let go of everything held, merges not yet stored and keys not yet written
        included: what the store holds is then all the linker knows (after a write that
        failed, so that no later article names an entity the store never got)."""
        linker = self.linker
        linker.entities.clear()
        for index in linker.indexes.values():
            index.clear()
        linker.forget_pending()
        self._used.clear()

    def forget_unstored(self) -> None:
        """:meth:`forget`, and the canonical keys read again from the store: those of
        entities made for an article whose write failed were never stored."""
        self.forget()
        self.linker.by_canonical.clear()
        self._read_directory()


_QUIET_REBUILD = 20_000
"""Spellings whose keys are computed again without a warning (about a second's work)."""


class KeyStore(Protocol):
    """What :func:`ensure_keys` needs of the store."""

    def entity_keys_state(self) -> str | None: ...

    def iter_entity_variants(self) -> Iterator[StoredVariant]: ...

    def replace_entity_keys(self, rows: Iterable[tuple[str, int]], state: str) -> None: ...


def ensure_keys(store: KeyStore) -> bool:
    """Recompute every stored spelling's keys when they were computed by other code (or
    not at all: a database from before ``0010_entity_keys``); True if it did."""
    want = key_fingerprint()
    if store.entity_keys_state() == want:
        return False
    started = time.perf_counter()
    variants = list(store.iter_entity_variants())
    # a large archive takes a while (about 50 µs a spelling): say so where it shows
    log.log(logging.WARNING if len(variants) > _QUIET_REBUILD else logging.INFO,
            "computing the entity keys of %d stored spellings (once, after an upgrade; "
            "about %.0f s) ...", len(variants), len(variants) * 5e-5)
    rows = list(rebuild_keys(variants))
    store.replace_entity_keys(rows, want)
    log.info("entity keys computed again (%s): %d keys in %.1f s", want, len(rows),
             time.perf_counter() - started)
    return True


def rebuild_keys(variants: Iterable[StoredVariant]) -> Iterator[tuple[str, int]]:
    """Every key of every stored spelling, for a store whose keys are missing or stale."""
    seen: set[tuple[str, int]] = set()
    for row in variants:
        for pair in spelling_keys(row.entity.kind, row.text, row.entity.id):
            if pair not in seen:
                seen.add(pair)
                yield pair


__all__ = [
    "CONTEXT_ARTICLES", "CONTEXT_CAP", "KEYS_VERSION", "EntitySource", "KeyStore", "Resident",
    "encode_key", "ensure_keys", "key_fingerprint", "rebuild_keys", "spelling_keys",
]

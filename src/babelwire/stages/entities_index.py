"""The linker's key indexes: what a spelling is filed under, and a compact key -> ids map.

The linker files every spelling under five to nine keys (:func:`index_keys`: form, stems,
skeletons, surname, Latin form). On SlavicNER's 21,600 spellings 96 keys in 100 name a
single entity, and a Python ``set`` costs 216 bytes before its first member, so
:class:`KeyIndex` keeps the id itself until a key gains a second one. With the entities'
shared empty sets (see ``entities_linking._Entity``) this halved the linker's heap, 45 to
23 MiB (``python bench/entity_linker.py``).

A linker backed by the store (see :mod:`entities_resident`) holds only some entities: an
index then asks its ``miss`` hook the first time a key is looked up, and the hook loads
the entities the store files under it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator

from babelwire.stages.entities_groups import surname_key, words_of
from babelwire.stages.entities_keys import (
    fold,
    latin,
    short_stem_key,
    skeleton,
    stem_key,
    stem_word,
)

INDEX_NAMES = ("form", "stem", "any", "skeleton", "surname")
"""The linker's indexes: ``form`` (kind, folded spelling), ``stem`` (kind, stem or short
stem), ``any`` (stem or Latin form, any kind), ``skeleton`` (kind, consonant skeleton),
``surname`` (person, surname key or ``~`` + its skeleton)."""


def index_keys(kind: str, text: str) -> list[tuple[str, Hashable]]:
    """The (index name, key) pairs a spelling ``text`` of an entity of ``kind`` is filed
    under."""
    stem = stem_key(text)
    keys: list[tuple[str, Hashable]] = [
        ("form", (kind, fold(text))), ("stem", (kind, stem)),
        ("stem", (kind, short_stem_key(text)))]
    if kind == "document":
        return keys
    keys += [("any", stem), ("any", latin(text))]
    keys += [("skeleton", (kind, k)) for k in {skeleton(stem), skeleton(text)} if k]
    words = words_of(text)
    if kind == "person" and len(words) > 1:
        last = stem_word(words[-1])
        keys += [("surname", (kind, surname_key(words[-1]))), ("any", last)]
        if skeleton(last):
            keys.append(("surname", (kind, "~" + skeleton(last))))
    return keys


class KeyIndex:
    """Key -> entity ids; :meth:`get` answers a set, as a ``dict`` of sets would.

    ``miss``: called as ``miss(index, key)`` before the first lookup of each key (until
    :meth:`forget_asked`), to file what is not held yet."""

    __slots__ = ("_asked", "_ids", "miss", "name")

    def __init__(self, name: str = "",
                 miss: Callable[[KeyIndex, Hashable], None] | None = None) -> None:
        self._ids: dict[Hashable, int | set[int]] = {}
        self.name = name
        self.miss = miss
        self._asked: set[Hashable] = set()

    def add(self, key: Hashable, eid: int) -> None:
        held = self._ids.get(key)
        if held is None:
            self._ids[key] = eid
        elif isinstance(held, int):
            if held != eid:
                self._ids[key] = {held, eid}
        else:
            held.add(eid)

    def _ask(self, key: Hashable) -> None:
        if self.miss is not None and key not in self._asked:
            self._asked.add(key)
            self.miss(self, key)

    def asked(self, key: Hashable) -> bool:
        """Whether ``key`` needs no more asking (no hook, or asked already)."""
        return self.miss is None or key in self._asked

    def mark_asked(self, key: Hashable) -> None:
        self._asked.add(key)

    def forget_asked(self) -> None:
        self._asked.clear()

    def get(self, key: Hashable) -> set[int]:
        """The ids filed under ``key``; read it, do not change it (for two ids or more it is
        the index's own set, as ``dict.get`` on a dict of sets gives)."""
        self._ask(key)
        held = self._ids.get(key)
        if held is None:
            return set()
        return {held} if isinstance(held, int) else held

    def discard(self, key: Hashable, eid: int) -> None:
        held = self._ids.get(key)
        if held is None:
            return
        if isinstance(held, int):
            if held == eid:
                del self._ids[key]
            return
        held.discard(eid)
        if len(held) == 1:
            self._ids[key] = next(iter(held))
        elif not held:
            del self._ids[key]

    def count(self, key: Hashable) -> int:
        """How many ids ``key`` names, without building a set."""
        self._ask(key)
        held = self._ids.get(key)
        if held is None:
            return 0
        return 1 if isinstance(held, int) else len(held)

    def clear(self) -> None:
        self._ids.clear()
        self._asked.clear()

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


__all__ = ["INDEX_NAMES", "KeyIndex", "index_keys"]

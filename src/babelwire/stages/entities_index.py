"""A key -> entity ids index that costs little when most keys name one entity.

The linker files every spelling under five to nine keys (form, stems, skeletons, surname,
Latin form). On SlavicNER's 21,600 spellings 96 keys in 100 name a single entity, and a
Python ``set`` costs 216 bytes before its first member, so :class:`KeyIndex` keeps the id
itself until a key gains a second one. With the entities' shared empty sets (see
``entities_linking._Entity``) this halved the linker's heap, 45 to 23 MiB
(``python bench/entity_linker.py``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator


class KeyIndex:
    """Key -> entity ids; :meth:`get` answers a set, as a ``dict`` of sets would."""

    __slots__ = ("_ids",)

    def __init__(self) -> None:
        self._ids: dict[Hashable, int | set[int]] = {}

    def add(self, key: Hashable, eid: int) -> None:
        held = self._ids.get(key)
        if held is None:
            self._ids[key] = eid
        elif isinstance(held, int):
            if held != eid:
                self._ids[key] = {held, eid}
        else:
            held.add(eid)

    def get(self, key: Hashable) -> set[int]:
        """The ids filed under ``key``; read it, do not change it (for two ids or more it is
        the index's own set, as ``dict.get`` on a dict of sets gives)."""
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
        held = self._ids.get(key)
        if held is None:
            return 0
        return 1 if isinstance(held, int) else len(held)

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


__all__ = ["KeyIndex"]

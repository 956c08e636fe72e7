"""`assistant bench` end to end: a small real run (real Chroma, the real embedder, stock LlamaIndex)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.bench import check_targets, text_report
from assistant.bench.measure import TTFT_QUESTIONS, measure_ttft, peak_rss_mb

ROOT = Path(__file__).resolve().parents[2]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _bench(out: Path, *extra: str) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    env = {**os.environ, "ASSISTANT_LLM": "extractive"}  # the flags, not the environment, choose the model
    proc = subprocess.run([sys.executable, "-m", "assistant", "bench", "--json", "--out", str(out), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), proc


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path, str]:
    out = tmp_path_factory.mktemp("bench") / "run"
    result, proc = _bench(out, "--sizes", "200", "--queries", "5", "--no-llm")
    return result, out, proc.stderr


def test_every_figure_is_measured(small_run) -> None:
    result, _, _ = small_run
    assert result["machine"]["cpus"] >= 1 and result["machine"]["ram_gb"] > 0
    [size] = result["sizes"]
    assert size["chunks_target"] == 200 and size["queries"] == 5 and size["articles"] > 10 and size["words"] > 8000
    for who in ("ours", "stock"):
        part = size[who]
        for key in ("chunks", "ingest_s", "chunks_per_s", "words_per_s", "retrieval_p50_ms", "retrieval_p95_ms",
                    "retrieval_first_ms", "index_bytes"):
            assert isinstance(part[key], int | float) and part[key] > 0, (who, key)
        assert part["retrieval_p95_ms"] >= part["retrieval_p50_ms"]
        assert 0.0 <= part["hit_at_k"] <= 1.0 and part["k"] == 5
        assert part["chunks_per_s"] == pytest.approx(part["chunks"] / part["ingest_s"], rel=0.01)
        assert part["words_per_s"] == pytest.approx(size["words"] / part["ingest_s"], rel=0.01)
    ours = size["ours"]
    assert 200 <= ours["chunks"] < 220 and size["chunks"] == ours["chunks"]
    parts = ours["ingest_breakdown"]
    assert parts["embed_s"] > 0 and parts["vector_upsert_s"] > 0 and parts["read_clean_chunk_s"] > 0
    assert parts["catalog_commit_and_sweep_s"] > 0
    assert sum(parts.values()) == pytest.approx(ours["ingest_s"], abs=0.01)
    assert ours["end_to_end_p50_ms"] > 0 and ours["end_to_end_p95_ms"] >= ours["end_to_end_p50_ms"]
    # Every question has its answer planted in the corpus; hybrid retrieval finds most of them.
    assert ours["hit_at_k"] >= 0.6
    assert result["cli_help"]["median_s"] > 0 and len(result["cli_help"]["runs_s"]) == 3
    assert result["memory"]["peak_rss_mb"] > 100
    assert result["ttft"] is None and result["memory"]["peak_rss_default_model_mb"] is None


def test_ratios_are_computed_from_the_figures(small_run) -> None:
    result, _, _ = small_run
    [size] = result["sizes"]
    ours, stock, r = size["ours"], size["stock"], size["ratios"]
    assert r["ingest_chunks_per_s"] == pytest.approx(ours["chunks_per_s"] / stock["chunks_per_s"], abs=0.002)
    assert r["ingest_words_per_s"] == pytest.approx(ours["words_per_s"] / stock["words_per_s"], abs=0.002)
    assert r["retrieval_p50"] == pytest.approx(stock["retrieval_p50_ms"] / ours["retrieval_p50_ms"], abs=0.002)
    assert r["retrieval_p95"] == pytest.approx(stock["retrieval_p95_ms"] / ours["retrieval_p95_ms"], abs=0.002)
    assert r["index_bytes"] == pytest.approx(stock["index_bytes"] / ours["index_bytes"], abs=0.002)
    assert r["hit_at_k_difference"] == pytest.approx(ours["hit_at_k"] - stock["hit_at_k"], abs=1e-4)


def test_targets_are_judged_from_the_figures(small_run) -> None:
    result, _, _ = small_run
    targets = {t["target"]: t for t in result["targets"]}
    speedup = targets["ingest chunks/s ≥ 2× stock at 200 chunks"]
    assert speedup["value"] == result["sizes"][0]["ratios"]["ingest_chunks_per_s"]
    assert speedup["pass"] is (speedup["value"] >= 2.0)
    p50 = targets["retrieval p50 ≤ 50 ms at 200 chunks"]
    assert p50["pass"] is (result["sizes"][0]["ours"]["retrieval_p50_ms"] <= 50)
    assert targets["`assistant --help` ≤ 1 s (median of 3)"]["pass"] is (result["cli_help"]["median_s"] <= 1.0)
    # Not measured with --no-llm: neither pass nor miss.
    assert targets["first token ≤ 3 s (median, warm, default local model, bundled articles)"]["pass"] is None
    assert targets["peak RSS with the default model ≤ 3 GB"]["pass"] is None


def test_writes_the_json_and_a_png_chart(small_run) -> None:
    result, out, stderr = small_run
    assert json.loads((out / "bench.json").read_text(encoding="utf-8")) == result
    width, height = _png_size(out / "latency.png")
    assert width > 300 and height > 200
    assert "Traceback" not in stderr
    # No progress bar when stderr is not a terminal, and LlamaIndex's per-file warnings are silenced.
    assert "\r" not in stderr and "readers-file" not in stderr


def test_readable_table(small_run) -> None:
    result, out, _ = small_run
    table = text_report(result)
    assert "retrieval p50 (ms)" in table and "targets:" in table and str(out / "latency.png") in table
    ours = result["sizes"][0]["ours"]
    assert f"{ours['retrieval_p50_ms']:,.1f}" in table
    # Without the stock comparison there is no stock column to fill and no ratio.
    alone = json.loads(json.dumps(result))
    alone["sizes"][0]["stock"] = alone["sizes"][0]["ratios"] = None
    alone["targets"] = check_targets(alone)
    assert not any(t["target"].startswith("ingest") for t in alone["targets"])
    assert "×" not in text_report(alone).split("targets:")[0]


def test_bad_sizes_are_one_line_errors(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "assistant", "bench", "--sizes", "lots", "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: --sizes 'lots'") and proc.stderr.count("\n") == 1


def test_first_token_measuring_on_the_extractive_path(minilm, tmp_path: Path) -> None:
    # The same measuring as with the model, on the path without one (there the first token is the
    # extractive answer): the model run below is the one that measures the real figure.
    ttft = measure_ttft(minilm, tmp_path, lambda *_: None, llm="extractive")
    assert ttft["mode"] == "extractive" and ttft["model"] is None
    assert ttft["questions"] == len(TTFT_QUESTIONS)
    assert len(ttft["first_token_s"]) + ttft["refused_before_generation"] == len(TTFT_QUESTIONS)
    assert len(ttft["first_token_s"]) >= 3 and all(v > 0 for v in ttft["first_token_s"])
    assert min(ttft["first_token_s"]) <= ttft["median_s"] <= max(ttft["first_token_s"])
    assert peak_rss_mb() > 100


@pytest.mark.model
def test_first_token_and_memory_with_the_local_model(tmp_path: Path) -> None:
    result, _ = _bench(tmp_path, "--sizes", "60", "--queries", "2", "--no-stock")
    ttft = result["ttft"]
    assert ttft["mode"] == "local" and ttft["model"].endswith(".gguf")
    assert ttft["refused_before_generation"] == 0 and len(ttft["first_token_s"]) == len(TTFT_QUESTIONS)
    assert all(v > 0 for v in ttft["first_token_s"]) and ttft["median_s"] > 0
    # The model's weights are in memory: well over the embedder's few hundred MB.
    assert result["memory"]["peak_rss_default_model_mb"] > 1000
    target = next(t for t in result["targets"] if t["target"].startswith("first token"))
    assert target["value"] == ttft["median_s"] and target["pass"] is (ttft["median_s"] <= 3.0)

"""``assistant bench``: the performance benchmark.

One process run: for each corpus size, a generated news-like corpus is ingested into a fresh index and
asked questions whose answers were planted in it, by the assistant and by LlamaIndex's stock path
(``VectorStoreIndex.from_documents`` on Chroma) with the same embedding model object; then time to first
token with the default local model, ``assistant --help``, and peak memory. Results go to
``OUT/bench.json`` and ``OUT/latency.png`` and are checked against the project's targets.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError

log = logging.getLogger(__name__)

LARGE_SIZE = 100_000
SEED = 0
# The project's targets (issue 7).
INGEST_SPEEDUP_MIN = 2.0
RETRIEVAL_P50_MS = ((10_000, 50.0), (100_000, 150.0))  # (up to this many chunks, p50 limit)
P95_OVER_P50_MAX = 2.0
TTFT_MEDIAN_MAX_S = 3.0
HELP_MAX_S = 1.0
RSS_MAX_MB = 3 * 1024.0


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._width = 0
        self._last = 0.0
        self._label = ""

    def __call__(self, label: str, done: int, total: int) -> None:
        if not self.enabled:
            if label != self._label:
                log.info("bench: %s", label)
                self._label = label
            return
        now = time.monotonic()
        if label == self._label and now - self._last < 0.1 and done != total:
            return  # redrawing on every chunk would cost more than it shows
        self._label, self._last = label, now
        if total > 0:
            filled = int(24 * min(done, total) / total)
            line = f"{label:<34} [{'#' * filled}{'.' * (24 - filled)}] {done:,}/{total:,}"
        else:
            line = f"{label:<34} {f'{done:,}' if done else '…'}"
        sys.stderr.write("\r" + line.ljust(self._width))
        sys.stderr.flush()
        self._width = len(line)

    def clear(self) -> None:
        if self.enabled and self._width:
            sys.stderr.write("\r" + " " * self._width + "\r")
            sys.stderr.flush()
            self._width = 0


def parse_sizes(text: str, large: bool) -> list[int]:
    """``"1000,10000"`` -> ``[1000, 10000]`` (plus 100,000 with ``large``), sorted and unique."""
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise AssistantError(f"--sizes {text!r} is not a list of chunk counts; write it like 1000,10000.") from None
    if large:
        sizes.append(LARGE_SIZE)
    if not sizes or any(n < 50 or n > 2_000_000 for n in sizes):
        raise AssistantError(f"--sizes {text!r}: give corpus sizes between 50 and 2,000,000 chunks, like 1000,10000.")
    return sorted(set(sizes))


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def ratios(ours: dict[str, Any], stock: dict[str, Any]) -> dict[str, Any]:
    """Ours against stock; every ratio is oriented so that above 1 means ours is better."""
    return {
        "ingest_chunks_per_s": _ratio(ours["chunks_per_s"], stock["chunks_per_s"]),
        "ingest_words_per_s": _ratio(ours["words_per_s"], stock["words_per_s"]),
        "retrieval_p50": _ratio(stock["retrieval_p50_ms"], ours["retrieval_p50_ms"]),
        "retrieval_p95": _ratio(stock["retrieval_p95_ms"], ours["retrieval_p95_ms"]),
        "index_bytes": _ratio(stock["index_bytes"], ours["index_bytes"]),
        "hit_at_k_difference": round(ours["hit_at_k"] - stock["hit_at_k"], 4),
    }


def _target(name: str, value: float | None, op: str, limit: float, unit: str = "") -> dict[str, Any]:
    passed = None if value is None else (value >= limit if op == ">=" else value <= limit)
    return {"target": name, "value": value, "op": op, "limit": limit, "unit": unit, "pass": passed}


def check_targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its measured value and pass (True), miss (False) or not measured (None)."""
    out: list[dict[str, Any]] = []
    for size in result["sizes"]:
        n = size["chunks_target"]
        r = size.get("ratios")
        if r is not None:
            out.append(_target(f"ingest chunks/s ≥ 2× stock at {n:,} chunks", r["ingest_chunks_per_s"], ">=",
                               INGEST_SPEEDUP_MIN, "×"))
            out.append(_target(f"ingest corpus words/s ≥ 2× stock at {n:,} chunks", r["ingest_words_per_s"], ">=",
                               INGEST_SPEEDUP_MIN, "×"))
        limit = next((ms for upto, ms in RETRIEVAL_P50_MS if n <= upto), None)
        ours = size["ours"]
        if limit is not None:
            out.append(_target(f"retrieval p50 ≤ {limit:g} ms at {n:,} chunks", ours["retrieval_p50_ms"], "<=", limit,
                               "ms"))
        out.append(_target(f"retrieval p95 ≤ 2× p50 at {n:,} chunks",
                           _ratio(ours["retrieval_p95_ms"], ours["retrieval_p50_ms"]), "<=", P95_OVER_P50_MAX, "×"))
    ttft = result.get("ttft")
    out.append(_target("first token ≤ 3 s (median, warm, default local model, bundled articles)",
                       ttft["median_s"] if ttft else None, "<=", TTFT_MEDIAN_MAX_S, "s"))
    out.append(_target("`assistant --help` ≤ 1 s (median of 3)", result["cli_help"]["median_s"], "<=", HELP_MAX_S, "s"))
    out.append(_target("peak RSS with the default model ≤ 3 GB", result["memory"]["peak_rss_default_model_mb"], "<=",
                       RSS_MAX_MB, "MB"))
    return out


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def text_report(result: dict[str, Any]) -> str:
    """The figures as a readable table."""
    m = result["machine"]
    lines = [
        f"machine: {m['cpus']} CPUs ({m.get('cpu_model') or '?'}), {_fmt(m.get('ram_gb'))} GB RAM, "
        f"load {_fmt(m.get('load_average_1m'), 2)} at start; torch threads {m.get('torch_threads')}",
        "",
    ]
    rows = [
        ("chunks", "chunks", 0), ("ingest (s)", "ingest_s", 1), ("ingest chunks/s", "chunks_per_s", 1),
        ("ingest corpus words/s", "words_per_s", 0), ("retrieval p50 (ms)", "retrieval_p50_ms", 1),
        ("retrieval p95 (ms)", "retrieval_p95_ms", 1), ("end to end p50 (ms)", "end_to_end_p50_ms", 1),
        ("end to end p95 (ms)", "end_to_end_p95_ms", 1), ("hit@k", "hit_at_k", 3), ("index on disk (MB)", "index_mb", 1),
    ]
    ratio_for = {"chunks_per_s": "ingest_chunks_per_s", "words_per_s": "ingest_words_per_s",
                 "retrieval_p50_ms": "retrieval_p50", "retrieval_p95_ms": "retrieval_p95", "index_mb": "index_bytes"}
    for size in result["sizes"]:
        lines.append(f"{size['chunks_target']:,} chunks: {size['articles']:,} articles, {size['words']:,} words, "
                     f"{size['queries']} questions")
        lines.append(f"  {'':24}{'ours':>12}{'stock':>12}{'ours better by':>16}")
        for name, key, digits in rows:
            values = []
            for who in ("ours", "stock"):
                part = size.get(who) or {}
                v = part.get(key) if key != "index_mb" else (part["index_bytes"] / 1e6 if part else None)
                values.append(_fmt(v, digits))
            r = (size.get("ratios") or {}).get(ratio_for.get(key, ""))
            lines.append(f"  {name:24}{values[0]:>12}{values[1]:>12}{(_fmt(r, 2) + '×') if r is not None else '':>16}")
        lines.append("")
    ttft = result.get("ttft")
    if ttft:
        lines.append(f"first token (local {ttft['model']}): median {_fmt(ttft['median_s'], 2)} s over "
                     f"{len(ttft['first_token_s'])} warm questions; model load {_fmt(ttft['model_load_s'], 1)} s")
    lines.append(f"`assistant --help`: median {_fmt(result['cli_help']['median_s'], 3)} s")
    mem = result["memory"]
    lines.append(f"peak RSS: {_fmt(mem['peak_rss_default_model_mb'])} MB with the default model; "
                 f"{_fmt(mem['peak_rss_mb'])} MB for the whole run")
    lines.append("")
    lines.append("targets:")
    for t in result["targets"]:
        mark = {True: "pass", False: "MISS", None: "n/a "}[t["pass"]]
        lines.append(f"  {mark}  {t['target']}: {_fmt(t['value'], 3)}{t['unit'] if t['value'] is not None else ''}")
    lines.append("")
    lines.append(f"written: {result['files']['json']}, {result['files']['chart']}")
    return "\n".join(lines)


def run_bench(args: argparse.Namespace) -> int:
    """Run the benchmark as ``assistant bench`` asks; print JSON or a table; 0 unless it could not run."""
    from assistant.bench.chart import latency_chart
    from assistant.bench.corpus import write_corpus
    from assistant.bench.measure import (
        help_latency,
        ingest_ours,
        ingest_stock,
        machine,
        measure_ttft,
        peak_rss_mb,
        remove_tree,
        time_queries,
    )
    from assistant.offline import ensure_offline
    from assistant.settings import PROJECT_ROOT, load_settings

    ensure_offline()
    sizes = parse_sizes(args.sizes, args.large)
    if args.queries < 1:
        raise AssistantError("--queries must be at least 1.")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    out = Path(args.out) if args.out else PROJECT_ROOT / "bench" / "runs" / stamp
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AssistantError(f"Cannot create the output folder {out} ({exc.strerror}); pick another with --out.") from None
    settings = load_settings()
    bar = ProgressBar(sys.stderr.isatty())
    began = time.perf_counter()
    result: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {"chunk_words": settings.chunk_words, "chunk_overlap_sentences": settings.chunk_overlap_sentences,
                     "embed_batch": settings.embed_batch, "top_k": settings.top_k, "queries": args.queries,
                     "seed": SEED, "sizes": sizes, "stock": not args.no_stock, "llm": not args.no_llm},
        "sizes": [],
    }
    work = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    try:
        bar("assistant --help", 0, 0)
        result["cli_help"] = help_latency()

        from assistant.embeddings import MiniLMEmbedder, build_embedder

        bar("loading the embedding models", 0, 0)
        started = time.perf_counter()
        embedder = build_embedder(settings)  # ours: the configured backend (ONNX Runtime by default)
        result["embedder"] = {"name": embedder.name, "backend": settings.embedder,
                              "load_s": round(time.perf_counter() - started, 3)}
        # The stock path gets LlamaIndex's own HuggingFaceEmbedding of the same bundled weights (PyTorch),
        # as a LlamaIndex user would set it up; its vectors agree with ours to a cosine above 0.9999.
        embed_model = (embedder if isinstance(embedder, MiniLMEmbedder) else MiniLMEmbedder()).model

        # First token first: the peak RSS right after it is the default model's, before the big corpora.
        result["ttft"] = None if args.no_llm else measure_ttft(embedder, work / "ttft", bar)
        rss_default = None if args.no_llm else peak_rss_mb()

        for n in sizes:
            label = f"{n:,}:"
            size_dir = work / f"size-{n}"
            started = time.perf_counter()
            corpus = write_corpus(size_dir / "corpus", n, seed=SEED, chunk_words=settings.chunk_words,
                                  overlap_sentences=settings.chunk_overlap_sentences,
                                  progress=functools.partial(bar, f"{label} generate"))
            generate_s = time.perf_counter() - started
            queries = corpus.sample_queries(args.queries)
            entry: dict[str, Any] = {
                "chunks_target": n, "articles": len(corpus.files), "words": corpus.words,
                "corpus_bytes": sum(p.stat().st_size for p in corpus.files), "queries": len(queries),
                "generate_s": round(generate_s, 3),
            }
            assistant, ours = ingest_ours(corpus, embedder, size_dir, bar, label)
            retriever, stock = (None, None) if args.no_stock else ingest_stock(corpus, embed_model, size_dir, bar,
                                                                                label, k=ours["k"])
            ours_q, stock_q = time_queries(queries, assistant, retriever, bar, label)
            entry["ours"] = {**ours, **ours_q}
            entry["chunks"] = ours["chunks"]
            entry["stock"] = {**stock, **stock_q} if stock is not None and stock_q is not None else None
            entry["ratios"] = ratios(entry["ours"], entry["stock"]) if entry["stock"] else None
            result["sizes"].append(entry)
            del assistant, retriever
            remove_tree(size_dir)  # 100k chunks take gigabytes; only the figures are kept
        result["memory"] = {
            "peak_rss_default_model_mb": rss_default,
            "peak_rss_mb": peak_rss_mb(),
            "note": "ru_maxrss of the benchmark process: it includes everything loaded in it (embedding model, "
                    "local model, Chroma, LlamaIndex, the corpora being indexed). peak_rss_default_model_mb is "
                    "read right after the first-token phase (bundled articles, default local model), before "
                    "the generated corpora.",
        }
    finally:
        bar.clear()
        remove_tree(work)
    result["elapsed_s"] = round(time.perf_counter() - began, 1)
    result["files"] = {"json": str(out / "bench.json"), "chart": str(out / "latency.png")}
    result["targets"] = check_targets(result)
    latency_chart(result["sizes"], out / "latency.png")
    (out / "bench.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else text_report(result))
    return 0

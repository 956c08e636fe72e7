"""The benchmark's measurements: ours and LlamaIndex's stock path on the same corpus, first token, memory.

Every function here returns plain JSON-ready dicts; times are in seconds unless the key says ``_ms``.
"""

from __future__ import annotations

import logging
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.bench.corpus import Corpus, Query

log = logging.getLogger(__name__)

Tick = Callable[[str, int, int], None]

# Untimed questions that load caches and indexes before the clock runs; unlike the timed ones.
WARMUP_QUESTIONS = [
    "What did the central bank say about inflation this quarter?",
    "Which ports are congested this year?",
]
# Answerable questions about the bundled articles, for time to first token with the local model.
TTFT_WARMUP = "What is the Japan-US summit about?"
TTFT_QUESTIONS = [
    "When will Kishida meet Biden?",
    "Which companies could join the AI research framework?",
    "What are Japan and the EU going to discuss?",
    "Why is the US restricting exports of advanced AI chips to China?",
    "How does the joint statement describe the relationship between Japan and the US?",
]


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0–100) with linear interpolation between ranks (numpy's default)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def latency_summary(seconds: list[float], prefix: str) -> dict[str, float]:
    """``{prefix}_p50_ms``, ``_p95_ms``, ``_mean_ms`` of a list of durations in seconds."""
    ms = [s * 1000 for s in seconds]
    return {
        f"{prefix}_p50_ms": round(percentile(ms, 50), 3),
        f"{prefix}_p95_ms": round(percentile(ms, 95), 3),
        f"{prefix}_mean_ms": round(statistics.fmean(ms), 3),
    }


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (``ru_maxrss``; kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def current_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def dir_bytes(path: Path) -> int:
    """Disk space used under ``path``, as ``du`` counts it (allocated blocks, not apparent sizes)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                st = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            total += st.st_blocks * 512 if hasattr(st, "st_blocks") else st.st_size
    return total


def machine() -> dict[str, Any]:
    """What the figures were measured on: they mean little without it."""
    info: dict[str, Any] = {"cpus": os.cpu_count(), "platform": platform.platform(),
                            "python": platform.python_version()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        info["cpu_model"] = platform.processor() or None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        info["ram_gb"] = None
    try:
        info["load_average_1m"] = round(os.getloadavg()[0], 2)
    except OSError:
        info["load_average_1m"] = None
    try:
        import torch

        info["torch_threads"] = torch.get_num_threads()
    except Exception:  # torch is a dependency of the embedder; its absence only loses this note
        info["torch_threads"] = None
    return info


def help_latency(runs: int = 3) -> dict[str, Any]:
    """Wall time of ``assistant --help`` as a fresh process (the console script beside this Python)."""
    script = Path(sys.executable).with_name("assistant")
    command = [str(script), "--help"] if script.is_file() else [sys.executable, "-m", "assistant", "--help"]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return {"command": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(command)),
            "runs_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3)}


def _clear_query_cache(embedder: Any) -> None:
    # The assistant caches query vectors; a second pass over the same questions must pay for them again.
    clear = getattr(embedder, "clear_cache", None)  # the hashing fake has no cache
    if clear is not None:
        clear()


class _Timed:
    """Wraps the embedder or the vector store to add up the time spent in one method (the rest passes
    through), so the benchmark can say where ingest time goes without a profiler's overhead."""

    def __init__(self, inner: Any, method: str) -> None:
        self._inner = inner
        self._method = method
        self.seconds = 0.0

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if name != self._method:
            return attr

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        return timed


def ingest_ours(corpus: Corpus, embedder: Any, workdir: Path, tick: Tick, label: str) -> tuple[Any, dict[str, Any]]:
    """Ingest ``corpus`` into a fresh index through the assistant's pipeline; return it and the figures,
    with where the time went: reading, cleaning and chunking; embedding; writing vectors to Chroma; the
    catalog's commit (articles, chunks, FTS5) and the final sweep."""
    from assistant.assistant import Assistant
    from assistant.settings import load_settings
    from assistant.vectors import ChromaVectors

    index_dir = workdir / "ours"
    settings = load_settings(index_dir=index_dir, articles_dir=corpus.folder, llm="extractive", chroma_url="")
    timed_embedder = _Timed(embedder, "embed_documents")
    # The same store the assistant builds for itself (embedded Chroma under the index dir), timed.
    timed_vectors = _Timed(ChromaVectors(settings.collection, path=index_dir / "chroma"), "upsert")
    assistant = Assistant(settings, embedder=timed_embedder, vectors=timed_vectors,  # type: ignore[arg-type]
                          auto_ingest=False)
    marks: dict[str, float] = {}

    def progress(stage: str, i: int, n: int) -> None:
        marks[stage] = time.perf_counter()
        tick(f"{label} ours {stage}", i, n)

    started = time.perf_counter()
    report = assistant.ingestor.run([corpus.folder], progress=progress)
    ended = time.perf_counter()
    ingest_s = ended - started
    read_s = marks.get("read", started) - started
    embed_end = marks.get("embed", marks.get("read", started))
    breakdown = {
        "read_clean_chunk_s": round(read_s, 3),
        "embed_s": round(timed_embedder.seconds, 3),
        "vector_upsert_s": round(timed_vectors.seconds, 3),
        "catalog_commit_and_sweep_s": round(ended - embed_end, 3),
    }
    breakdown["other_s"] = round(ingest_s - sum(breakdown.values()), 3)
    return assistant, {
        "chunks": report.chunks,
        "ingest_s": round(ingest_s, 3),
        "chunks_per_s": round(report.chunks / ingest_s, 2),
        "words_per_s": round(corpus.words / ingest_s, 1),
        "ingest_breakdown": breakdown,
        "k": settings.top_k,
        "index_bytes": dir_bytes(index_dir),
    }


def ingest_stock(corpus: Corpus, embed_model: Any, workdir: Path, tick: Tick, label: str,
                 k: int = 5) -> tuple[Any, dict[str, Any]]:
    """LlamaIndex's stock path on the same files: SimpleDirectoryReader, the default SentenceSplitter,
    ``VectorStoreIndex.from_documents`` on Chroma, with the same embedding model object as ours and no
    LLM. Returns ``as_retriever(similarity_top_k=k)`` and the figures."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Settings as LlamaSettings
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.core.instrumentation import get_dispatcher
    from llama_index.core.instrumentation.event_handlers import BaseEventHandler
    from llama_index.core.instrumentation.events import BaseEvent
    from llama_index.core.instrumentation.events.embedding import EmbeddingEndEvent
    from llama_index.core.llms import MockLLM
    from llama_index.vector_stores.chroma import ChromaVectorStore

    LlamaSettings.llm = MockLLM()  # nothing may reach for a default (networked) LLM
    LlamaSettings.embed_model = embed_model

    class _Counter(BaseEventHandler):
        """Counts embedded chunks, only to draw progress: the stock path has no progress callback."""

        embedded: int = 0

        @classmethod
        def class_name(cls) -> str:
            return "BenchEmbeddingCounter"

        def handle(self, event: BaseEvent, **kwargs: Any) -> None:
            if isinstance(event, EmbeddingEndEvent):
                self.embedded += len(event.chunks)
                tick(f"{label} stock embed", self.embedded, 0)

    path = workdir / "stock"
    dispatcher = get_dispatcher()
    counter = _Counter()
    dispatcher.add_event_handler(counter)
    # Without the optional llama-index-readers-file, the reader warns once per file; .md is read as text.
    reader_log = logging.getLogger("llama_index.core.readers.file.base")
    level = reader_log.level
    reader_log.setLevel(logging.ERROR)
    try:
        started = time.perf_counter()
        client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        collection = client.get_or_create_collection("bench")
        storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
        tick(f"{label} stock read", 0, 0)
        documents = SimpleDirectoryReader(input_dir=str(corpus.folder)).load_data()
        index = VectorStoreIndex.from_documents(documents, storage_context=storage, embed_model=embed_model)
        ingest_s = time.perf_counter() - started
    finally:
        dispatcher.event_handlers.remove(counter)
        reader_log.setLevel(level)
    chunks = collection.count()
    return index.as_retriever(similarity_top_k=k), {
        "chunks": chunks,
        "ingest_s": round(ingest_s, 3),
        "chunks_per_s": round(chunks / ingest_s, 2),
        "words_per_s": round(corpus.words / ingest_s, 1),
        "k": k,
        "index_bytes": dir_bytes(path),
        "chunk_size_tokens": LlamaSettings.chunk_size,
        "chunk_overlap_tokens": LlamaSettings.chunk_overlap,
    }


def time_queries(queries: list[Query], assistant: Any, stock: Any | None, tick: Tick,
                 label: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Retrieval latency and hit@k for ours and stock, then whole extractive answers for ours.

    Ours and stock alternate question by question, so both see the same load on a shared machine.
    """
    k = assistant.settings.top_k
    first: dict[str, float] = {}
    for who, search in (("ours", lambda q: assistant.retriever.search(q, k)),
                        ("stock", (lambda q: stock.retrieve(q)) if stock is not None else None)):
        if search is None:
            continue
        started = time.perf_counter()
        search(WARMUP_QUESTIONS[0])  # the first question pays for loading what the index needs
        first[who] = (time.perf_counter() - started) * 1000
        for q in WARMUP_QUESTIONS[1:]:
            search(q)
    times: dict[str, list[float]] = {"ours": [], "stock": []}
    hits = {"ours": 0, "stock": 0}
    for i, query in enumerate(queries, 1):
        tick(f"{label} retrieve", i, len(queries))
        started = time.perf_counter()
        found = assistant.retriever.search(query.question, k)
        times["ours"].append(time.perf_counter() - started)
        hits["ours"] += any(query.found_in(h.chunk.text) for h in found)
        if stock is not None:
            started = time.perf_counter()
            nodes = stock.retrieve(query.question)
            times["stock"].append(time.perf_counter() - started)
            hits["stock"] += any(query.found_in(n.node.get_content()) for n in nodes)

    _clear_query_cache(assistant.embedder)
    end_to_end: list[float] = []
    answered = 0
    for i, query in enumerate(queries, 1):
        tick(f"{label} answer", i, len(queries))
        started = time.perf_counter()
        answer = assistant.ask(query.question)
        end_to_end.append(time.perf_counter() - started)
        answered += query.answer in answer.text
    ours = {
        "retrieval_first_ms": round(first["ours"], 3),
        **latency_summary(times["ours"], "retrieval"),
        **latency_summary(end_to_end, "end_to_end"),
        "hit_at_k": round(hits["ours"] / len(queries), 4),
        "answer_has_fact": round(answered / len(queries), 4),
    }
    theirs = None
    if stock is not None:
        theirs = {
            "retrieval_first_ms": round(first["stock"], 3),
            **latency_summary(times["stock"], "retrieval"),
            "hit_at_k": round(hits["stock"] / len(queries), 4),
        }
    return ours, theirs


def measure_ttft(embedder: Any, workdir: Path, tick: Tick, llm: str = "local") -> dict[str, Any]:
    """Time to first token with the default local model on the bundled articles, warm: one untimed
    question first, then the median over `TTFT_QUESTIONS` of ``Answer.timings["first_token"]``.
    (``llm`` lets tests run the same measuring on the fast extractive path.)"""
    from assistant.assistant import Assistant
    from assistant.settings import PROJECT_ROOT, load_settings

    settings = load_settings(index_dir=workdir / "bundled", articles_dir=PROJECT_ROOT / "articles", llm=llm,
                             chroma_url="")
    tick("first token: ingest bundled articles", 0, 0)
    assistant = Assistant(settings, embedder=embedder)  # ingests the bundled articles into the fresh index
    tick("first token: load model", 0, 0)
    started = time.perf_counter()
    generator = assistant.generator
    load_s = time.perf_counter() - started
    tick("first token: warm-up", 0, 0)
    assistant.ask(TTFT_WARMUP)
    values: list[float] = []
    totals: list[float] = []
    refused = 0
    for i, question in enumerate(TTFT_QUESTIONS, 1):
        tick("first token", i, len(TTFT_QUESTIONS))
        answer = assistant.ask(question)
        first = answer.timings.get("first_token")
        if first is None:  # refused before generation: no token to time
            refused += 1
            continue
        values.append(first)
        totals.append(answer.timings["total"])
    result: dict[str, Any] = {
        "mode": llm,
        "model": getattr(generator, "name", None),
        "model_load_s": round(load_s, 3),
        "evidence_words": settings.evidence_words,
        "threads": settings.threads or os.cpu_count(),
        "questions": len(TTFT_QUESTIONS),
        "refused_before_generation": refused,
        "first_token_s": [round(v, 3) for v in values],
        "median_s": round(statistics.median(values), 3) if values else None,
        "answer_total_median_s": round(statistics.median(totals), 3) if totals else None,
        "rss_now_mb": current_rss_mb(),
    }
    del assistant, generator  # the model's memory goes back before the large corpora
    return result


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)

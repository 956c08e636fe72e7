"""Bounded load on loopback: many API clients against a real `assistant serve` process, then a report.

The driver is scripts/load_report.py (`run_load`, `burst`): client threads loop for a fixed time, asking
real questions about the bundled articles (and one off-topic question), plain and streamed, and classify
every request as ok (a complete, cited answer or a refusal answer), refused by design (429/503 with
``Retry-After``: the queue of `assistant.server.gate` is full) or failed (anything else). The server's
RSS is sampled once a second from /proc.

- Extractive mode (answers in milliseconds), 50 clients: a short run here (CI, 2 cores), 60 s with
  ``-m slow``; and a run with ``ASSISTANT_MAX_QUEUE=4`` so the refusal path is exercised for sure.
- The bundled local model (``-m "slow and model"``): 4 clients for 60 s with ``ASSISTANT_MAX_QUEUE=3``,
  then a burst of more requests than the queue holds.

Every run must lose nothing (ok + refused == sent, no client left hanging), fail nothing, free every queue
slot afterwards, and keep memory flat. Each test prints its report (``pytest -s``) and writes it as JSON
to ``tests/artifacts/load-<name>.json``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from scripts.load_report import burst, format_report, run_load, warm_up
from tests.integration.test_api import server_env, serving

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"

# "Memory flat": the median RSS of the last quarter of a run may exceed the first quarter's by at most
# max(75 MB, 10 %) (about 100 MB for the ~1 GB extractive server). Why these figures:
# - A fresh server's RSS climbs by 300-450 MB under its first concurrent load (a worker thread per admitted
#   question, each with its own malloc arena and its own torch/OpenMP pool for the query embedding), then
#   stays put: that climb is taken out by the driver's warm-up, which runs the same load until the RSS is
#   steady, and is not a leak.
# - After it, measured runs moved by -10..+5 MB; an idle worker thread being replaced by a new one can add
#   ~10-15 MB. A 75 MB floor keeps allocator noise from failing the test.
# - A real leak still shows: 10 % is ~100 MB, i.e. ~25 KB kept per answered request over the ~4000 answers
#   of the 60 s run, ~100 KB per request over the short run's ~1000 (a retained Answer with its cited
#   chunks, a stream never closed, a thread per request that never exits ...), and any runaway growth.
GROWTH_FLOOR_MB = 75.0
GROWTH_FRACTION = 0.10
# A sane minimum of answers per second of load for the extractive server: it does 50-100/s on 2 busy cores,
# so 2/s only catches a server that stalls or serialises badly, not a slow CI machine.
MIN_OK_PER_SECOND = 2.0


@contextmanager
def extractive_server(tmp: Path, **env: str) -> Iterator[tuple[str, int]]:
    """`assistant serve` (extractive unless ``env`` says otherwise) on a free port, warmed by one request."""
    with serving(tmp, server_env(tmp, **env)) as (url, proc, _log):
        first = warm_up(url)
        assert first.kind == "ok", first.reason
        yield url, proc.pid


def record(name: str, report: dict[str, Any], started: float) -> None:
    """Print the report and write it to tests/artifacts/load-<name>.json."""
    report["test_wall_s"] = round(time.monotonic() - started, 1)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"load-{name}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\n[{name}] wall {report['test_wall_s']} s\n{format_report(report)}\n(written to {path})")


def check_nothing_lost(report: dict[str, Any]) -> None:
    """No failure, every request accounted for, refusals only by design, every queue slot given back."""
    assert report["failed"] == 0, report["failure_reasons"]
    assert report["ok"] + report["refused"] == report["sent"]
    assert report["clients_stuck"] == 0, "a client was still waiting for its answer long after the end"
    # The server's only refusal is the full queue: 503 (never 429), always with Retry-After (the driver
    # counts a 503 without one as failed).
    assert set(report["refused_by_status"]) <= {"503"}, report["refused_by_status"]
    if report["refused"]:
        assert report["retry_after_s"]["min"] >= 1
    health = report["health_after"]
    assert health is not None and health["ok"], "the server still answers /healthz"
    assert health["queue"]["active"] == 0, "every queue slot was given back"
    if "server_alive" in report:
        assert report["server_alive"], "the server process died"


def check_memory_flat(report: dict[str, Any]) -> None:
    memory = report["memory"]
    first, last = memory["rss_first_quarter_median_mb"], memory["rss_last_quarter_median_mb"]
    allowed = max(GROWTH_FLOOR_MB, GROWTH_FRACTION * first)
    assert last <= first + allowed, f"RSS grew {last - first:.0f} MB (allowed {allowed:.0f}): {memory}"


def check_extractive_answers(report: dict[str, Any], seconds: float) -> None:
    assert report["ok"] >= MIN_OK_PER_SECOND * seconds, report["ok"]
    assert report["ok_plain"] > 0 and report["ok_stream"] > 0
    # The extractive answers are deterministic: under load, still the same cited answers and refusal.
    assert report["off_topic_answered"] == 0 and report["on_topic_refused"] == 0
    assert report["answers_refused"] > 0, "the off-topic question was refused"


def extractive_load(name: str, tmp: Path, clients: int, seconds: float, warmup_seconds: float) -> None:
    started = time.monotonic()
    with extractive_server(tmp) as (url, pid):
        report = run_load(url, clients, seconds, pid, timeout=120, warmup_seconds=warmup_seconds)
    record(name, report, started)
    check_nothing_lost(report["warmup"])
    check_nothing_lost(report)
    check_extractive_answers(report, seconds)
    check_memory_flat(report)


def test_fifty_clients_extractive_short(tmp_path):
    extractive_load("extractive-short", tmp_path, clients=50, seconds=15, warmup_seconds=5)


@pytest.mark.slow
def test_fifty_clients_extractive_for_a_minute(tmp_path):
    extractive_load("extractive-60s", tmp_path, clients=50, seconds=60, warmup_seconds=10)


def test_a_small_queue_turns_the_excess_away_with_503_and_retry_after(tmp_path):
    """ASSISTANT_MAX_QUEUE=4 under 50 clients: many refusals, each a 503 with Retry-After; none fails."""
    started = time.monotonic()
    with extractive_server(tmp_path, ASSISTANT_MAX_QUEUE="4") as (url, pid):
        report = run_load(url, 50, 8, pid, timeout=120, max_backoff=0.5)
    record("extractive-queue-4", report, started)
    check_nothing_lost(report)
    assert report["refused_by_status"].get("503", 0) >= 50, "the queue of 4 turned many requests away"
    assert report["ok"] >= 10
    assert report["health_after"]["queue"]["limit"] == 4


@pytest.mark.slow
@pytest.mark.model
def test_local_model_four_clients_then_a_burst_beyond_the_queue(tmp_path):
    """The bundled model answers one question at a time: 4 clients for 60 s, queue 3, then a burst of 10."""
    started = time.monotonic()
    max_queue, burst_size = 3, 10
    with extractive_server(tmp_path, ASSISTANT_LLM="local", ASSISTANT_MAX_QUEUE=str(max_queue)) as (url, pid):
        # A slow model's Retry-After is a whole answer's time; the capped back-off keeps the fourth client
        # knocking, so refusals by design happen all along (and must all be 503 + Retry-After).
        report = run_load(url, 4, 60, pid, timeout=600, max_backoff=2.0)
        spike = burst(url, burst_size, timeout=600)
        report["burst"] = spike
    record("local-model", report, started)
    print(format_report(spike))
    check_nothing_lost(report)
    check_memory_flat(report)
    assert report["ok"] >= 2, "the model answered during the minute"
    assert report["refused"] > 0, "4 clients against a queue of 3: the fourth is turned away"
    check_nothing_lost(spike)
    # All ten arrive while the first answers are still being generated: at most 3 are admitted.
    assert spike["refused"] >= burst_size - max_queue, spike["refused_by_status"]
    assert 1 <= spike["ok"] <= max_queue

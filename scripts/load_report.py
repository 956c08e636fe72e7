"""A bounded load test of `assistant serve`'s OpenAI-compatible API: N clients for S seconds, then a report.

Each client is a thread with its own ``httpx.Client`` (one keep-alive connection) that loops until the time
is up: ``POST /v1/chat/completions`` with a question taken round-robin from `QUESTIONS` (real questions about
the bundled articles, and one off-topic question the assistant should refuse), alternating plain and
``"stream": true`` requests. Every request ends in exactly one class:

- **ok**: HTTP 200 with a complete answer: non-empty content and, unless the answer is a refusal, a
  non-empty ``citations`` list; a stream must end with ``data: [DONE]`` after a final chunk
  (``finish_reason: "stop"``) that carries ``citations``.
- **refused** (by design): 429 or 503 *with* a ``Retry-After`` header (the queue of `assistant.server.gate`
  is full). The client then waits ``min(Retry-After, max_backoff)`` seconds (plus jitter) before its next
  request.
- **failed**: anything else: another status, a 429/503 without ``Retry-After``, a connection error, a
  timeout, a truncated stream, an error event in a stream, or a 200 without a complete answer.

With ``--pid`` the server process's resident memory (VmRSS in /proc/PID/status) is sampled once a second;
the report gives it at the start (after one warm-up request), at the end, its maximum, and the growth
between the medians of the first and last quarter of the run (is memory flat?).

    python scripts/load_report.py --clients 50 --seconds 60 --url http://127.0.0.1:7860 --pid 1234 --json

`run_load` and `burst` are importable (tests/reliability/test_load.py drives them).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

QUESTIONS = (
    "Which companies could join the AI research framework?",
    "When will Kishida meet Biden?",
    "What materials did Japan and the EU discuss?",
    "What is the capital of France?",
)
# Not about the articles: the assistant should refuse it (an answer to it is reported, not failed).
OFF_TOPIC = frozenset({"What is the capital of France?"})
REFUSAL_STATUSES = frozenset({429, 503})
MAX_REASONS = 10  # failure reasons kept verbatim in the report (all are counted)
FAILURE_PAUSE = 0.2  # seconds a client waits after a failed request


@dataclass
class Outcome:
    """What happened to one request."""

    kind: str  # "ok" | "refused" | "failed"
    status: int | None
    seconds: float
    stream: bool
    question: str
    reason: str = ""
    refused_answer: bool = False  # ok, and the assistant declined ("the articles do not say")
    retry_after: float | None = None


class Incomplete(Exception):
    """A 200 whose body is not a complete answer."""


def _check_message(content: str, refused: Any, citations: Any) -> bool:
    """Raise `Incomplete` unless this is a complete answer; return whether it is a refusal."""
    if not isinstance(content, str) or not content.strip():
        raise Incomplete("empty content")
    if not isinstance(refused, bool):
        raise Incomplete(f"'refused' is {refused!r}, not a boolean")
    if not isinstance(citations, list):
        raise Incomplete(f"'citations' is {type(citations).__name__}, not a list")
    if not refused:
        if not citations:
            raise Incomplete("an answer that is not a refusal has no citations")
        for c in citations:
            if not isinstance(c, dict) or not c.get("quote") or f"[{c.get('n')}]" not in content:
                raise Incomplete(f"malformed citation or unused marker: {str(c)[:120]}")
    return refused


def _plain(response: httpx.Response) -> bool:
    try:
        body = response.json()
        message = body["choices"][0]["message"]
        finish = body["choices"][0]["finish_reason"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise Incomplete(f"not a chat.completion: {type(exc).__name__}: {response.text[:160]!r}") from None
    if finish != "stop":
        raise Incomplete(f"finish_reason {finish!r}")
    return _check_message(message.get("content"), message.get("refused"), message.get("citations"))


def _streamed(response: httpx.Response) -> bool:
    """Read a server-sent event stream to ``[DONE]``; return whether the answer is a refusal."""
    content: list[str] = []
    final: dict[str, Any] | None = None
    done = False
    for line in response.iter_lines():
        if not line.startswith("data: "):
            continue
        payload = line[len("data: "):]
        if done:
            raise Incomplete("data after [DONE]")
        if payload == "[DONE]":
            done = True
            continue
        try:
            event = json.loads(payload)
        except ValueError:
            raise Incomplete(f"event is not JSON: {payload[:160]!r}") from None
        if "error" in event:
            raise Incomplete(f"error event: {str(event['error'])[:200]}")
        try:
            choice = event["choices"][0]
            delta = choice["delta"]
        except (KeyError, IndexError, TypeError):
            raise Incomplete(f"not a chat.completion.chunk: {payload[:160]!r}") from None
        if final is not None:
            raise Incomplete("a chunk after the final one")
        content.append(delta.get("content") or "")
        if choice.get("finish_reason") == "stop":
            final = delta
    if not done:
        raise Incomplete("truncated stream: no data: [DONE]")
    if final is None:
        raise Incomplete("no final chunk (finish_reason 'stop')")
    if "citations" not in final:
        raise Incomplete("the final chunk carries no citations")
    return _check_message("".join(content), final.get("refused"), final.get("citations"))


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    return seconds if seconds is not None and seconds >= 0 else None


def ask_once(client: httpx.Client, url: str, question: str, stream: bool) -> Outcome:
    """One request, classified; never raises for anything the server or the network does."""
    body = {"model": "assistant", "messages": [{"role": "user", "content": question}], "stream": stream}
    started = time.perf_counter()
    status: int | None = None

    def outcome(kind: str, reason: str = "", **extra: Any) -> Outcome:
        return Outcome(kind, status, time.perf_counter() - started, stream, question, reason, **extra)

    try:
        with client.stream("POST", f"{url}/v1/chat/completions", json=body) as response:
            status = response.status_code
            if status != 200:
                response.read()
                retry = _retry_after(response)
                if status in REFUSAL_STATUSES and retry is not None:
                    return outcome("refused", retry_after=retry)
                why = "without a valid Retry-After" if status in REFUSAL_STATUSES else ""
                return outcome("failed", f"HTTP {status} {why}: {response.text[:200]!r}".replace("  ", " "))
            is_stream = response.headers.get("content-type", "").startswith("text/event-stream")
            if is_stream != stream:
                return outcome("failed", f"content-type {response.headers.get('content-type')!r}")
            if stream:
                refused = _streamed(response)
            else:
                response.read()
                refused = _plain(response)
            return outcome("ok", refused_answer=refused)
    except Incomplete as exc:
        return outcome("failed", f"incomplete answer ({'stream' if stream else 'plain'}): {exc}")
    except httpx.TimeoutException as exc:
        return outcome("failed", f"timeout: {type(exc).__name__}")
    except httpx.HTTPError as exc:
        return outcome("failed", f"connection: {type(exc).__name__}: {exc}")


# --- memory --------------------------------------------------------------------------------------------


def _status_fields(pid: int) -> dict[str, int] | None:
    """VmRSS (kB) and Threads of a process, or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    fields: dict[str, int] = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "Threads"):
            fields[key] = int(value.split()[0])
    return fields


class RssSampler(threading.Thread):
    """Samples the server's RSS once a second: ``samples`` is [(seconds since start, MB, threads)]."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        super().__init__(name="rss-sampler", daemon=True)
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float, int]] = []
        self.gone = False
        self._stop_event = threading.Event()
        self._t0 = time.monotonic()

    def sample(self) -> None:
        fields = _status_fields(self.pid)
        if fields is None or "VmRSS" not in fields:
            self.gone = True
            return
        self.samples.append((time.monotonic() - self._t0, fields["VmRSS"] / 1024, fields.get("Threads", 0)))

    def run(self) -> None:
        self._t0 = time.monotonic()
        while True:
            self.sample()
            if self.gone or self._stop_event.wait(self.interval):
                break

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)
        if not self.gone:
            self.sample()  # the end: after the last request


def steady(samples: list[tuple[float, float, int]], last: int = 4) -> bool:
    """The last ``last`` RSS samples lie within max(8 MB, 1 %) of each other."""
    if len(samples) < last:
        return False
    rss = [mb for _, mb, _ in samples[-last:]]
    return max(rss) - min(rss) <= max(8.0, 0.01 * min(rss))


def memory_report(samples: list[tuple[float, float, int]]) -> dict[str, Any]:
    """RSS at start/end/max and the growth from the first quarter's median to the last quarter's (MB)."""
    if not samples:
        return {}
    rss = [mb for _, mb, _ in samples]
    span = samples[-1][0] - samples[0][0]
    t0 = samples[0][0]
    first = [mb for t, mb, _ in samples if t - t0 <= span / 4] or rss[:1]
    last = [mb for t, mb, _ in samples if t - t0 >= span * 3 / 4] or rss[-1:]
    first_median, last_median = statistics.median(first), statistics.median(last)
    return {
        "samples": len(samples),
        "rss_start_mb": round(rss[0], 1),
        "rss_end_mb": round(rss[-1], 1),
        "rss_max_mb": round(max(rss), 1),
        "rss_first_quarter_median_mb": round(first_median, 1),
        "rss_last_quarter_median_mb": round(last_median, 1),
        "rss_growth_mb": round(last_median - first_median, 1),
        "rss_growth_pct": round(100 * (last_median - first_median) / first_median, 2),
        "threads_start": samples[0][2],
        "threads_end": samples[-1][2],
        "threads_max": max(t for _, _, t in samples),
        "rss_series_mb": [round(mb) for mb in rss],  # one a second, from the start of the load
    }


# --- the report ------------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summarize(outcomes: list[Outcome], elapsed: float, **extra: Any) -> dict[str, Any]:
    ok = [o for o in outcomes if o.kind == "ok"]
    refused = [o for o in outcomes if o.kind == "refused"]
    failed = [o for o in outcomes if o.kind == "failed"]
    latencies = [o.seconds for o in ok]
    reasons = Counter(o.reason for o in failed)
    retry_afters = [o.retry_after for o in refused if o.retry_after is not None]
    report: dict[str, Any] = {
        **extra,
        "elapsed_s": round(elapsed, 2),
        "sent": len(outcomes),
        "ok": len(ok),
        "ok_plain": sum(1 for o in ok if not o.stream),
        "ok_stream": sum(1 for o in ok if o.stream),
        "refused": len(refused),
        "refused_by_status": {str(k): v for k, v in sorted(Counter(o.status for o in refused).items())},
        "retry_after_s": {"min": min(retry_afters), "max": max(retry_afters)} if retry_afters else None,
        "failed": len(failed),
        "failure_reasons": dict(reasons.most_common(MAX_REASONS)),
        "failed_by_status": {str(k): v for k, v in sorted(Counter(o.status for o in failed).items(),
                                                         key=lambda kv: str(kv[0]))},
        # Answers' content, judged but not failed: an off-topic question answered, or a real one refused.
        "answers_refused": sum(1 for o in ok if o.refused_answer),
        "off_topic_answered": sum(1 for o in ok if o.question in OFF_TOPIC and not o.refused_answer),
        "on_topic_refused": sum(1 for o in ok if o.question not in OFF_TOPIC and o.refused_answer),
        "latency_s": {
            "p50": round(percentile(latencies, 50), 4),
            "p95": round(percentile(latencies, 95), 4),
            "max": round(max(latencies), 4),
            "mean": round(statistics.fmean(latencies), 4),
        } if latencies else None,
        "ok_per_s": round(len(ok) / elapsed, 2) if elapsed > 0 else 0.0,
        "sent_per_s": round(len(outcomes) / elapsed, 2) if elapsed > 0 else 0.0,
    }
    return report


def health(url: str) -> dict[str, Any] | None:
    """``GET /healthz`` (the queue's active count should be back to 0 after the load)."""
    try:
        response = httpx.get(f"{url}/healthz", timeout=30, trust_env=False)
        result: dict[str, Any] = response.json()
        return result
    except (httpx.HTTPError, ValueError):
        return None


def load_average() -> list[float] | None:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except (OSError, ValueError):
        return None


def warm_up(url: str, timeout: float = 600) -> Outcome:
    """One request (not counted), so the first measured ones don't pay for lazy loading."""
    with httpx.Client(timeout=timeout, trust_env=False) as client:
        return ask_once(client, url, QUESTIONS[0], stream=False)


def run_load(url: str, clients: int = 50, seconds: float = 60, pid: int | None = None, *,
             questions: tuple[str, ...] = QUESTIONS, timeout: float = 120, max_backoff: float = 2.0,
             warmup_seconds: float = 0.0, settle_max_seconds: float | None = None, seed: int = 0) -> dict[str, Any]:
    """``clients`` threads asking in a loop for ``seconds``; a request started before the end is awaited.

    ``max_backoff`` caps the wait after a refusal (``Retry-After`` can be many seconds with a slow model).
    With ``warmup_seconds``, the same load runs that long first, reported apart under ``"warmup"`` (its
    requests are classified too): a fresh server's memory climbs to its working set under concurrency
    (a worker thread per admitted question, each with its own allocator arena and, for the embedding
    model, its own torch/OpenMP thread pool), and that climb is not what "memory flat" is about. The
    warm-up goes on past ``warmup_seconds`` while the server's RSS is still climbing (``pid`` given), up
    to four times as long.

    ``settle_max_seconds`` (with ``pid``): keep the load on after ``seconds`` until the RSS is steady
    (`steady`), but no longer than this in all; the report says whether it ``settled``.
    """
    url = url.rstrip("/")
    warmup = None
    if warmup_seconds > 0:
        warmup = run_load(url, clients, warmup_seconds, pid, questions=questions, timeout=timeout,
                          max_backoff=max_backoff, settle_max_seconds=4 * warmup_seconds, seed=seed + 1)
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    start_line = threading.Barrier(clients + 1)
    end = [0.0]  # when the clients stop starting requests (the warm-up may move it later)

    def client_loop(n: int) -> None:
        rng = random.Random(seed * 1_000_003 + n)
        i = n  # each client starts at a different question, then goes round-robin
        with httpx.Client(timeout=timeout, trust_env=False) as client:
            start_line.wait()
            while time.monotonic() < end[0]:
                question = questions[i % len(questions)]
                stream = (i // len(questions) + n) % 2 == 1  # every question both ways
                i += 1
                result = ask_once(client, url, question, stream)
                with lock:
                    outcomes.append(result)
                if result.kind == "refused":
                    wait = min(result.retry_after or 0.0, max_backoff) * (0.5 + rng.random() / 2)
                elif result.kind == "failed":
                    wait = FAILURE_PAUSE  # e.g. the server is gone: don't spin on connection errors
                else:
                    continue
                time.sleep(max(0.0, min(wait, end[0] - time.monotonic())))

    sampler = RssSampler(pid) if pid is not None else None
    threads = [threading.Thread(target=client_loop, args=(n,), name=f"load-client-{n}", daemon=True)
               for n in range(clients)]
    for thread in threads:
        thread.start()
    load_before = load_average()
    if sampler is not None:
        sampler.start()
    started = time.monotonic()
    end[0] = started + seconds
    start_line.wait()
    settled = None
    if settle_max_seconds is not None and sampler is not None:
        while True:
            now = time.monotonic()
            if now >= end[0] - 0.5:
                settled = steady(sampler.samples)
                if settled or now >= started + settle_max_seconds or sampler.gone:
                    break
                end[0] = now + 2.0  # still climbing: keep the load on
            time.sleep(0.5)
    for thread in threads:
        thread.join(timeout=seconds + timeout + 60)
    elapsed = time.monotonic() - started
    stuck = sum(1 for thread in threads if thread.is_alive())
    if sampler is not None:
        sampler.stop()
    with lock:
        done = list(outcomes)
    report = summarize(done, elapsed, kind="load", url=url, clients=clients, seconds=seconds,
                       max_backoff_s=max_backoff, timeout_s=timeout)
    report["clients_stuck"] = stuck  # threads still in a request long after the end: requests lost
    if settled is not None:
        report["settled"] = settled
    report["load_average_before"] = load_before
    report["load_average_after"] = load_average()
    if sampler is not None:
        report["memory"] = memory_report(sampler.samples)
        report["server_alive"] = not sampler.gone
    report["health_after"] = health(url)
    if warmup is not None:
        report["warmup"] = warmup
    return report


def burst(url: str, requests: int, *, questions: tuple[str, ...] = QUESTIONS, timeout: float = 600) -> dict[str, Any]:
    """``requests`` requests released at the same instant, once each, no retries."""
    url = url.rstrip("/")
    outcomes: list[Outcome | None] = [None] * requests
    start_line = threading.Barrier(requests)

    def one(n: int) -> None:
        with httpx.Client(timeout=timeout, trust_env=False) as client:
            start_line.wait()
            outcomes[n] = ask_once(client, url, questions[n % len(questions)], stream=n % 2 == 1)

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(requests)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout + 60)
    elapsed = time.monotonic() - started
    done = [o for o in outcomes if o is not None]
    report = summarize(done, elapsed, kind="burst", url=url, requests=requests)
    report["clients_stuck"] = requests - len(done)
    report["health_after"] = health(url)
    return report


def format_report(report: dict[str, Any]) -> str:
    """A few human-readable lines."""
    lines = []
    if report.get("warmup"):
        lines += ["warm-up (not in the figures below):", format_report(report["warmup"]), "measured:"]
    if report.get("kind") == "burst":
        lines.append(f"burst of {report['requests']} requests against {report['url']}, {report['elapsed_s']} s")
    else:
        lines.append(f"{report['clients']} clients x {report['seconds']} s against {report['url']}"
                     f" (ran {report['elapsed_s']} s; load average before {report.get('load_average_before')},"
                     f" after {report.get('load_average_after')})")
    lines.append(f"  sent {report['sent']}: ok {report['ok']} (plain {report['ok_plain']}, stream {report['ok_stream']};"
                 f" refusal answers {report['answers_refused']}), refused {report['refused']}"
                 f" {report['refused_by_status']} (Retry-After {report['retry_after_s']}), failed {report['failed']}")
    for reason, count in report["failure_reasons"].items():
        lines.append(f"    failed x{count}: {reason}")
    latency = report["latency_s"]
    if latency:
        lines.append(f"  latency of ok requests: p50 {latency['p50'] * 1000:.0f} ms, p95 {latency['p95'] * 1000:.0f} ms,"
                     f" max {latency['max'] * 1000:.0f} ms; {report['ok_per_s']} ok/s ({report['sent_per_s']} sent/s)")
    memory = report.get("memory")
    if memory:
        lines.append(f"  server RSS: start {memory['rss_start_mb']} MB, end {memory['rss_end_mb']} MB,"
                     f" max {memory['rss_max_mb']} MB; growth first->last quarter median {memory['rss_growth_mb']:+} MB"
                     f" ({memory['rss_growth_pct']:+}%) over {memory['samples']} samples;"
                     f" threads {memory['threads_start']}->{memory['threads_end']} (max {memory['threads_max']})")
    if report.get("off_topic_answered") or report.get("on_topic_refused"):
        lines.append(f"  content: off-topic answered {report['off_topic_answered']},"
                     f" on-topic refused {report['on_topic_refused']}")
    lines.append(f"  health after: {report.get('health_after')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--url", required=True, help="the server, e.g. http://127.0.0.1:7860")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pid", type=int, help="the server's process id, to sample its RSS once a second")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per request (default 120)")
    parser.add_argument("--max-backoff", type=float, default=2.0, help="cap of the wait after a 429/503 (s)")
    parser.add_argument("--warmup-seconds", type=float, default=5.0,
                        help="seconds of the same load before the measured run, reported apart (default 5)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the one uncounted warm-up request")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if not args.no_warmup:
        first = warm_up(args.url, timeout=args.timeout)
        if first.kind != "ok":
            print(f"warm-up request {first.kind}: {first.reason}", file=sys.stderr)
    report = run_load(args.url, args.clients, args.seconds, args.pid, timeout=args.timeout,
                      max_backoff=args.max_backoff, warmup_seconds=args.warmup_seconds)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    phases = [report, *([report["warmup"]] if report.get("warmup") else [])]
    bad = any(p["failed"] or p["sent"] != p["ok"] + p["refused"] or p["clients_stuck"] for p in phases)
    return 1 if bad or report.get("server_alive") is False else 0


if __name__ == "__main__":
    sys.exit(main())

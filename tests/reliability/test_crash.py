"""Crash safety: `assistant ingest` killed with SIGKILL at random moments, again and again.

The design (assistant/ingest/pipeline.py): vectors are written first, the SQLite catalog commits in one
transaction (the commit point), and `_reconcile` sweeps vectors the catalog does not know. So after any
kill the catalog is exactly the old state or exactly the new one, and the next ingest repairs the vectors.

Each round asks for the state the index is *not* in (the folder's files are rewritten to the other
generation), starts `assistant ingest DIR --json` as a subprocess on a temporary index, and kills it
after a seeded random delay, without repairing in between. At the end one ingest runs to completion and
must leave catalog == vectors == the wanted state, with `assistant ask` answering from it.

Short version (unmarked, CI): 3 kills. Long version (`-m slow`): 50 kills, repaired every 10.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[2]
ASSISTANT = str(Path(sys.executable).parent / "assistant")
ARTICLES = 16  # about 130 chunks: an ingest takes a few seconds after a few seconds of start-up


def env_for(index: Path, articles: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_INDEX_DIR=str(index), ASSISTANT_ARTICLES_DIR=str(articles), ASSISTANT_LLM="extractive",
               ASSISTANT_EMBED_BATCH="16")  # many small batches: more moments where only some vectors exist
    return env


def inspect(env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-m", "tests.reliability.inspect_index"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    state: dict[str, Any] = json.loads(out.stdout)
    return state


def ingest(env: dict[str, str], folder: Path) -> tuple[float, dict[str, int]]:
    started = time.monotonic()
    out = subprocess.run([ASSISTANT, "ingest", str(folder), "--json"], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    return time.monotonic() - started, json.loads(out.stdout)


def set_generation(folder: Path, generation: int) -> None:
    """Generation 0: reports 0..N-1. Generation 1: every text changed, the first two gone, two new ones."""
    for path in folder.glob("*.txt"):
        path.unlink()
    if generation == 0:
        write_corpus(folder, ARTICLES, seed=7, generation=0)
    else:
        write_corpus(folder, ARTICLES + 2, seed=7, generation=1)
        for n in (0, 1):
            (folder / f"report-{n:04d}.txt").unlink()


def catalog_state(state: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    return state["articles"], state["chunks"]


def classify(state: dict[str, Any], old: dict[str, Any], new: dict[str, Any]) -> str:
    """Where the kill landed, judged from what it left behind."""
    vectors, chunks = set(state["vectors"]), set(state["chunks"])
    if catalog_state(state) == catalog_state(new):
        return "after commit, orphans left" if vectors - chunks else "after commit, swept"
    return "before commit, some new vectors written" if vectors - chunks else "before any new vector"


def run_kills(tmp_path: Path, kills: int, seed: int, repair_every: int) -> dict[str, Any]:
    folder, index = tmp_path / "corpus", tmp_path / "index"
    folder.mkdir()
    env = env_for(index, folder)
    # The two states, each reached by an ingest that runs to completion (also timing a whole run).
    set_generation(folder, 0)
    _, first = ingest(env, folder)
    state0 = inspect(env)
    set_generation(folder, 1)
    duration, second = ingest(env, folder)
    state1 = inspect(env)
    assert first["added"] == ARTICLES and second["added"] == 2 and second["removed"] == 2
    assert second["updated"] == ARTICLES - 2 and set(state0["chunks"]).isdisjoint(state1["chunks"])
    states = [state0, state1]
    current = 1
    rng = random.Random(seed)
    phases: Counter[str] = Counter()
    delays = []
    repairs = 0
    for round_no in range(1, kills + 1):
        target = 1 - current
        set_generation(folder, target)
        delay = rng.uniform(0.5, duration * 1.05)
        delays.append(delay)
        proc = subprocess.Popen([ASSISTANT, "ingest", str(folder), "--json"], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            proc.wait(timeout=delay)
            phases["finished before the kill"] += 1
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        assert proc.stderr is not None
        stderr = proc.stderr.read().decode()
        proc.stderr.close()
        assert "Traceback" not in stderr, stderr[-2000:]
        after = inspect(env)
        assert after["integrity"] == "ok"
        assert after["fts_rows"] == len(after["chunks"]), "keyword index out of step with the chunks"
        got = catalog_state(after)
        assert got in (catalog_state(state0), catalog_state(state1)), (
            f"round {round_no} (kill after {delay:.2f} s): the catalog is a mix of old and new")
        # Whatever vectors the kill left, none the catalog knows is lost... unless it was never written:
        # the catalog only commits after every vector of the run is in Chroma.
        assert set(after["chunks"]) <= set(after["vectors"]), "a committed chunk has no vector"
        if proc.returncode != 0:
            phases[classify(after, states[current], states[target])] += 1
        current = 0 if got == catalog_state(state0) else 1
        if repair_every and round_no % repair_every == 0:
            ingest(env, folder)
            repaired = inspect(env)
            assert catalog_state(repaired) == catalog_state(states[target])
            assert repaired["vectors"] == repaired["chunks"]
            current, repairs = target, repairs + 1
    # The next ingest repairs: the wanted state exactly, one vector per chunk and nothing else.
    ingest(env, folder)
    final = inspect(env)
    wanted = 0 if (folder / "report-0000.txt").exists() else 1
    assert catalog_state(final) == catalog_state(states[wanted])
    assert final["vectors"] == final["chunks"] and final["vector_count"] == len(final["chunks"])
    # ... and answers come from it.
    out = subprocess.run([ASSISTANT, "ask", "What did the officials in Town0005 say?", "--json"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    answer = json.loads(out.stdout)
    assert not answer["refused"] and answer["citations"]
    assert {c["chunk_id"] for c in answer["citations"]} <= set(final["chunks"])
    result = {"kills": kills, "completed_before_kill": phases["finished before the kill"], "phases": dict(phases),
              "full_ingest_s": round(duration, 1), "chunks": [len(state0["chunks"]), len(state1["chunks"])],
              "delays": [round(d, 2) for d in delays], "repairs": repairs + 1}
    print("crash-run:", json.dumps(result))
    return result


def test_sigkill_during_ingest_leaves_old_or_new_state_short(tmp_path: Path) -> None:
    run_kills(tmp_path, kills=3, seed=1, repair_every=0)


@pytest.mark.slow
def test_sigkill_during_ingest_leaves_old_or_new_state_long(tmp_path: Path) -> None:
    run_kills(tmp_path, kills=50, seed=2, repair_every=10)


def test_two_concurrent_ingests_are_serialised_or_refused_never_mixed(tmp_path: Path) -> None:
    """Two processes ingest two different folders into one index at once: the lock lets one write at a
    time; the other is refused with a one-line message (or runs after it). Nothing is mixed or lost."""
    index = tmp_path / "index"
    one, two = tmp_path / "one", tmp_path / "two"
    write_corpus(one, ARTICLES, seed=3)
    write_corpus(two, ARTICLES, seed=4)
    for n in range(ARTICLES):  # distinct names, so the two folders' articles are different articles
        (two / f"report-{n:04d}.txt").rename(two / f"other-{n:04d}.txt")
    env = env_for(index, one)
    procs = [subprocess.Popen([ASSISTANT, "ingest", str(folder), "--json"], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in (one, two)]
    results = [(p.wait(timeout=900), p.stdout.read() if p.stdout else "", p.stderr.read() if p.stderr else "")
               for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    codes = [code for code, _, _ in results]
    print("concurrent-ingest exit codes:", codes)
    assert set(codes) <= {0, 2} and 0 in codes
    for code, out, err in results:
        if code == 2:
            assert err.strip().startswith("error: Another ingest is running") and err.strip().count("\n") == 0
        else:
            assert json.loads(out)["added"] == ARTICLES
    state = inspect(env)
    assert state["integrity"] == "ok" and state["fts_rows"] == len(state["chunks"])
    assert len(state["articles"]) == ARTICLES * codes.count(0)
    assert set(state["chunks"]) <= set(state["vectors"])
    # The refused one, run again, completes; then every chunk has exactly one vector.
    for (code, _, _), folder in zip(results, (one, two)):
        if code == 2:
            ingest(env, folder)
    ingest(env, one)
    state = inspect(env)
    assert len(state["articles"]) == 2 * ARTICLES
    assert state["vectors"] == state["chunks"]


def test_stale_lock_file_from_a_killed_ingest_does_not_block(tmp_path: Path) -> None:
    """The lock is an flock, released by the kernel when its holder dies: a SIGKILLed ingest leaves the
    lock file behind, and the next ingest must still run."""
    folder, index = tmp_path / "corpus", tmp_path / "index"
    write_corpus(folder, 4, seed=5)
    env = env_for(index, folder)
    proc = subprocess.Popen([ASSISTANT, "ingest", str(folder)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    lock = index / "ingest.lock"
    deadline = time.monotonic() + 120
    while not lock.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert lock.exists()
    _, report = ingest(env, folder)
    assert report["chunks"] > 0
    shutil.rmtree(index)

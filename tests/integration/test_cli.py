"""The `assistant` command as a user runs it: a real process, real Chroma, real models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(args: list[str], env_extra: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          env=env, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture
def env(tmp_path: Path, articles_copy: Path) -> dict[str, str]:
    return {"ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_ARTICLES_DIR": str(articles_copy)}


def test_help_is_instant_and_lists_commands():
    out = run(["--help"], {})
    assert out.returncode == 0
    for command in ("ingest", "ask", "chat", "serve", "prepare"):
        assert command in out.stdout


def test_ingest_json_twice(env):
    first = run(["ingest", "--json"], env)
    assert first.returncode == 0, first.stderr
    counts = json.loads(first.stdout)
    assert set(counts) == {"added", "updated", "unchanged", "removed", "chunks"}
    assert counts["added"] == 2 and counts["chunks"] > 0
    second = json.loads(run(["ingest", "--json"], env).stdout)
    assert second == {**counts, "added": 0, "unchanged": 2}


@pytest.mark.model
def test_ask_kishida_biden_local_model(env):
    out = run(["ask", "When will Kishida meet Biden?", "--json"], env)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert not answer["refused"]
    assert "April 10" in answer["answer"]
    assert any("April 10" in c["text"] for c in answer["citations"])
    assert "[1]" in answer["answer"]
    assert set(answer) >= {"question", "answer", "refused", "citations", "timings"}


def test_yoga_teaser_question_is_refused(env):
    out = run(["ask", "What does Pauline Jacobs say about yoga?", "--json"], env)
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["refused"] is True and answer["citations"] == []
    assert answer["answer"] == "The articles do not mention Pauline Jacobs."


@pytest.mark.parametrize(
    ("args", "extra", "message"),
    [
        (["ingest", "/no/such/folder"], {}, "does not exist"),
        (["ask", "   "], {"ASSISTANT_LLM": "extractive"}, "question is empty"),
        (["ask", "hello"], {"ASSISTANT_TOP_K": "many"}, "ASSISTANT_TOP_K"),
        (["ask", "hello"], {"ASSISTANT_LLM": "gpt"}, "ASSISTANT_LLM"),
        (["ask", "hello"], {"ASSISTANT_LLM": "local", "ASSISTANT_LLM_MODEL": "/no/model.gguf"}, "not a file"),
    ],
)
def test_errors_are_one_line_with_nonzero_exit(env, args, extra, message):
    out = run(args, {**env, **extra})
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("error: ") and message in lines[0]

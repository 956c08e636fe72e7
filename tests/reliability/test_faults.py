"""Faults of the parts the assistant talks to, met for real on loopback, in the middle of a session.

- An OpenAI-compatible server (a small misbehaving stub; tests/integration/test_llm_failures.py covers the
  HTTP error codes): slow (a timeout message naming ASSISTANT_REQUEST_TIMEOUT), failing once then fine
  (the client's retries absorb it), cutting a stream in the middle, down and then back on the same port
  (the same `Assistant` recovers, no restart).
- A real `chroma run` server (ASSISTANT_CHROMA_URL): stopped mid-session (one clear error, no traceback,
  the catalog untouched by a failed ingest), then restarted on the same port and path (the same
  `Assistant` answers again), and a server that hangs (a timeout, not a hang).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.assistant import Assistant
from assistant.errors import AssistantError
from assistant.settings import load_settings
from tests.reliability.stubs import Stub
from tests.servers import PortTaken, free_port, owns_port, running

QUESTION = "When will Kishida meet Biden?"


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stub]:
    server = Stub(free_port())
    server.start()
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{server.port}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-faults-test")
    yield server
    if server.server is not None:
        server.stop()


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory, minilm: Any) -> Path:
    """One ingested index of the bundled articles, shared (read-only) by the LLM fault tests."""
    path = tmp_path_factory.mktemp("faults") / "index"
    Assistant(load_settings(index_dir=path, llm="extractive"), embedder=minilm)
    return path


def openai_assistant(index_dir: Path, minilm: Any, timeout: float = 10) -> Assistant:
    settings = load_settings(llm="openai", llm_model="stub", index_dir=index_dir, request_timeout=timeout)
    return Assistant(settings, embedder=minilm, auto_ingest=False)


def test_slow_llm_server_is_a_timeout_message(stub: Stub, index_dir: Path, minilm: Any) -> None:
    stub.delay = 4.0
    a = openai_assistant(index_dir, minilm, timeout=1)
    with pytest.raises(AssistantError, match=r"did not answer within 1 s; raise ASSISTANT_REQUEST_TIMEOUT") as err:
        a.ask(QUESTION)
    assert "\n" not in str(err.value)
    print(f"slow server: {stub.requests} attempts before the timeout message")
    assert stub.requests >= 1
    stub.delay = 0.0  # the server catches up: the same Assistant answers
    answer = a.ask(QUESTION)
    assert not answer.refused and "April 10" in answer.text


@pytest.mark.parametrize("statuses", [[500], [503], [429], [502, 503]])
def test_transient_llm_errors_are_retried(stub: Stub, index_dir: Path, minilm: Any, statuses: list[int]) -> None:
    stub.fail_first = list(statuses)
    answer = openai_assistant(index_dir, minilm).ask(QUESTION)
    assert not answer.refused and "April 10" in answer.text
    assert stub.requests == len(statuses) + 1


def test_stream_cut_mid_answer_is_a_clear_error(stub: Stub, index_dir: Path, minilm: Any) -> None:
    stub.cut_stream = True
    a = openai_assistant(index_dir, minilm)
    started = time.monotonic()
    try:
        answer = a.ask(QUESTION)
    except AssistantError as err:
        assert "LLM server" in str(err) and "\n" not in str(err)
    else:  # a cut stream may also read as a short reply: then it must still be verified, never raw
        assert answer.refused or all(c.chunk_id for c in answer.citations)
    print(f"cut stream handled in {time.monotonic() - started:.1f} s")
    stub.cut_stream = False
    assert not a.ask(QUESTION).refused


def test_llm_server_down_then_back_on_the_same_port(stub: Stub, index_dir: Path, minilm: Any) -> None:
    a = openai_assistant(index_dir, minilm)
    assert not a.ask(QUESTION).refused
    stub.stop()
    with pytest.raises(AssistantError, match="Cannot reach the LLM server"):
        a.ask(QUESTION)
    stub.start()  # the same port: no restart of the Assistant
    answer = a.ask(QUESTION)
    assert not answer.refused and "April 10" in answer.text


# --- the Chroma server ------------------------------------------------------------------------------

class Chroma:
    """A real `chroma run` that a test can stop, restart (same port, same data) or freeze."""

    def __init__(self, data: Path) -> None:
        self.data, self.port = data, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._ctx: Any = None
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        chroma = Path(sys.executable).parent / "chroma"
        command = [str(chroma), "run", "--path", str(self.data / "db"), "--host", "127.0.0.1", "--port", str(self.port)]
        self._ctx = running(command, f"{self.url}/api/v2/heartbeat", self.data / "server.log",
                            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"}, timeout=90)
        self.proc = self._ctx.__enter__()

    def stop(self) -> None:
        if self._ctx is not None:
            self._ctx.__exit__(None, None, None)
            self._ctx = self.proc = None


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[Chroma]:
    server = Chroma(tmp_path / "chroma-server")
    server.data.mkdir()
    for attempt in range(3):  # a port taken by a parallel job between choosing and binding: choose again
        try:
            server.start()
            break
        except PortTaken:
            if attempt == 2:
                raise
            server.port = free_port()
            server.url = f"http://127.0.0.1:{server.port}"
    yield server
    if server.proc is not None and server.proc.poll() is None:
        os.kill(server.proc.pid, signal.SIGCONT)
    server.stop()


def server_assistant(chroma: Chroma, tmp_path: Path, articles: Path, minilm: Any) -> Assistant:
    settings = load_settings(chroma_url=chroma.url, index_dir=tmp_path / "index", articles_dir=articles,
                             llm="extractive", collection="fault-test")
    return Assistant(settings, embedder=minilm, auto_ingest=False)


def test_chroma_server_stopped_then_restarted_mid_session(chroma: Chroma, tmp_path: Path, articles_copy: Path,
                                                         minilm: Any) -> None:
    a = server_assistant(chroma, tmp_path, articles_copy, minilm)
    first = a.ingest()
    assert first.added == 2
    assert "April 10" in a.ask(QUESTION).text
    catalog_before = [(x.article_id, x.content_hash) for x in a.articles()]
    chroma.stop()
    started = time.monotonic()
    with pytest.raises(AssistantError, match=f"Chroma server at {chroma.url}") as err:
        a.ask(QUESTION)
    print(f"chroma down: clear error after {time.monotonic() - started:.1f} s of retries: {err.value}")
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)
    # An ingest while the server is down fails as clearly and commits nothing.
    (articles_copy / "extra.txt").write_text("Osaka fair opens\n\nThousands of visitors came to Osaka on Tuesday to"
                                             " see new industrial robots from forty companies, organisers said.\n")
    with pytest.raises(AssistantError, match="Chroma server"):
        a.ingest()
    assert [(x.article_id, x.content_hash) for x in a.articles()] == catalog_before
    chroma.start()  # same port, same data folder; the Assistant object is the one from before
    answer = a.ask(QUESTION)
    assert not answer.refused and "April 10" in answer.text
    again = a.ingest()
    assert (again.added, again.unchanged) == (1, 2)
    assert a.vectors.ids() == a.catalog.chunk_ids()


def test_chroma_server_restarted_between_questions_needs_no_restart(chroma: Chroma, tmp_path: Path,
                                                                    articles_copy: Path, minilm: Any) -> None:
    a = server_assistant(chroma, tmp_path, articles_copy, minilm)
    a.ingest()
    for _ in range(2):
        chroma.stop()
        chroma.start()
        answer = a.ask(QUESTION)
        assert not answer.refused and "April 10" in answer.text and answer.citations


def test_chroma_server_that_hangs_is_a_timeout_not_a_hang(chroma: Chroma, tmp_path: Path, articles_copy: Path,
                                                          minilm: Any) -> None:
    settings = load_settings(chroma_url=chroma.url, index_dir=tmp_path / "index", articles_dir=articles_copy,
                             llm="extractive", collection="hang-test")
    from assistant.vectors import ChromaVectors

    vectors = ChromaVectors(settings.collection, url=chroma.url, timeout=3)
    a = Assistant(settings, embedder=minilm, vectors=vectors, auto_ingest=False)
    a.ingest()
    assert chroma.proc is not None
    # The server frozen must be the one on the port: a stranger answering there would make this pass
    # for the wrong reason or (as once seen in CI) fail for it.
    assert owns_port(chroma.proc.pid, chroma.port), f"port {chroma.port} is not served by the chroma started here"
    os.kill(chroma.proc.pid, signal.SIGSTOP)  # alive, port open, never answers
    try:
        started = time.monotonic()
        with pytest.raises(AssistantError, match="Chroma server") as err:
            a.ask("Who is the EU Commissioner for Innovation and Research?")
        print(f"hung chroma: error after {time.monotonic() - started:.1f} s: {err.value}")
    finally:
        os.kill(chroma.proc.pid, signal.SIGCONT)
    assert "Iliana Ivanova" in a.ask("Who is the EU Commissioner for Innovation and Research?").text

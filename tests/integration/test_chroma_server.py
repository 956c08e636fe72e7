"""Chroma server mode: a real `chroma run` on a free loopback port, the same ingest and answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.errors import AssistantError
from assistant.settings import load_settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    log = (data / "server.log").open("w")
    proc = subprocess.Popen([str(chroma), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("chroma server did not start: " + (data / "server.log").read_text()[-2000:])
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_server_mode_ingests_answers_and_stays_in_step(chroma_url, tmp_path, articles_copy, minilm):
    settings = load_settings(chroma_url=chroma_url, index_dir=tmp_path / "index", articles_dir=articles_copy,
                             llm="extractive", collection="server-test")
    a = Assistant(settings, embedder=minilm, auto_ingest=False)
    first = a.ingest()
    assert first.added == 2 and a.vectors.count() == first.chunks
    for _ in range(3):
        again = a.ingest()
        assert (again.added, again.unchanged, again.chunks) == (0, 2, first.chunks)
    answer = a.ask("Who is the EU Commissioner for Innovation and Research?")
    assert "Iliana Ivanova" in answer.text and answer.citations
    # A restart: a new Assistant on the same server and index sees the same data.
    b = Assistant(settings, embedder=minilm, auto_ingest=False)
    assert b.vectors.ids() == b.catalog.chunk_ids() and len(b.articles()) == 2
    (articles_copy / "japan-us-deeper-ai-semiconductor-collaboration.txt").unlink()
    removed = b.ingest()
    assert removed.removed == 1 and b.vectors.ids() == b.catalog.chunk_ids()
    assert all(h.article.source != "MENAFN" for h in b.retriever.search("MENAFN NVIDIA ARM Amazon", 5))


def test_server_down_is_a_clear_error(tmp_path, minilm):
    settings = load_settings(chroma_url=f"http://127.0.0.1:{free_port()}", index_dir=tmp_path / "index")
    with pytest.raises(AssistantError, match="Cannot reach the Chroma server"):
        Assistant(settings, embedder=minilm, auto_ingest=False)

"""Chroma server mode: a real `chroma run` on a free loopback port, the same ingest and answers."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.errors import AssistantError
from assistant.settings import load_settings
from tests.servers import free_port, running


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    command = [str(chroma), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    with running(command, f"{url}/api/v2/heartbeat", data / "server.log",
                 env={**os.environ, "ANONYMIZED_TELEMETRY": "False"}, timeout=60):
        yield url


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

"""`assistant serve` as a real process on a free loopback port, asked through gradio_client."""

from __future__ import annotations

import os
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import free_port, running


@pytest.fixture
def server(tmp_path: Path, articles_copy: Path) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update({"ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_ARTICLES_DIR": str(articles_copy),
                "ASSISTANT_LLM": "extractive"})
    url = f"http://127.0.0.1:{port}"
    with running([sys.executable, "-m", "assistant", "serve", "--port", str(port)], f"{url}/healthz",
                 tmp_path / "serve.log", env=env):
        yield url


def test_serves_the_chat_page_and_answers_through_the_ui_endpoint(server):
    with urllib.request.urlopen(server + "/", timeout=10) as r:
        assert r.status == 200 and "gradio" in r.read().decode().lower()
    from gradio_client import Client

    client = Client(server + "/", verbose=False)
    history, sources, *_ = client.predict("Who is the EU Commissioner for Innovation and Research?", [],
                                          api_name="/ask")
    content = history[-1]["content"]  # Gradio 6 returns message content as a list of parts
    text = content if isinstance(content, str) else " ".join(part.get("text", "") for part in content)
    assert "Iliana Ivanova" in text and "[1]" in text
    assert "<mark>" in sources and "Iliana Ivanova" in sources

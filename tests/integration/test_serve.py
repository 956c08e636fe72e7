"""`assistant serve` as a real process on a free loopback port, asked through gradio_client."""

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, articles_copy: Path) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update({"ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_ARTICLES_DIR": str(articles_copy),
                "ASSISTANT_LLM": "extractive"})
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("server did not start: " + (tmp_path / "serve.log").read_text())
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


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

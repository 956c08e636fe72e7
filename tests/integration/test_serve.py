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
    chat_html, answer, box = client.predict("Who is the EU Commissioner for Innovation and Research?", api_name="/ask")
    assert box == ""  # the question box is cleared
    assert not answer["refused"] and "Iliana Ivanova" in answer["answer"] and "[1]" in answer["answer"]
    first = answer["citations"][0]
    assert first["n"] == 1 and first["quote"] in first["text"]
    assert "path" not in first  # the server's file paths stay on the server
    # The page shows the answer with clickable markers and the cited passage with the quote marked.
    assert "Iliana Ivanova" in chat_html and "data-cite='cite-0-1'" in chat_html
    assert "<mark>" in chat_html and "id='cite-0-1'" in chat_html

    # The same client is the same browser session: a follow-up is resolved with the conversation.
    chat_html, answer, _ = client.predict("Which newspaper did she speak to?", api_name="/ask")
    assert answer["standalone_question"] and answer["standalone_question"] != answer["question"]
    assert "Business Daily" in answer["answer"]
    assert chat_html.count("class='turn'") == 2

    # A refusal is marked as one; an error is one line in the page.
    _, refused, _ = Client(server + "/", verbose=False).predict("What is the capital of France?", api_name="/ask")
    assert refused["refused"] and refused["citations"] == []
    error_html, nothing, _ = client.predict("   ", api_name="/ask")
    assert nothing is None and "question is empty" in error_html and "Traceback" not in error_html


# --- the page's HTML, built without a server (fast) ------------------------------------------------


def _citation(**kw):
    from assistant.types import Citation

    base = dict(n=1, chunk_id="a:0:x", article_id="a", title="<b>T</b>", text="Intro. The <i>key</i> fact. End.",
                quote="The <i>key</i> fact.", start=100, end=132, score=0.9, source="S&P", date="2024-01-02",
                quote_start=107, quote_end=127)
    base.update(kw)
    return Citation(**base)


def test_answer_markers_become_chips_and_everything_else_is_escaped():
    from assistant.server.ui import answer_html

    out = answer_html('It says <img src=x onerror="alert(1)"> [1][2].', [_citation()], turn=3)
    assert "<img" not in out and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out
    assert "data-cite='cite-3-1'" in out and ">[1]</a>" in out
    assert out.endswith("[2].")  # a marker without a citation stays plain text
    assert "title='&lt;b&gt;T&lt;/b&gt;: The &lt;i&gt;key&lt;/i&gt; fact.'" in out


def test_the_passage_marks_the_quote_even_when_offsets_do_not_line_up():
    from assistant.server.ui import passage_html

    aligned = passage_html(_citation())
    assert "<mark>The &lt;i&gt;key&lt;/i&gt; fact.</mark>" in aligned and aligned.count("<mark>") == 1
    assert "… Intro. " in aligned  # the chunk starts inside the article
    shifted = passage_html(_citation(quote_start=0, quote_end=0))  # e.g. an older index: found by text
    assert "<mark>The &lt;i&gt;key&lt;/i&gt; fact.</mark>" in shifted
    missing = passage_html(_citation(quote="Not in the chunk <x>", quote_start=0, quote_end=0))
    assert "<mark>Not in the chunk &lt;x&gt;</mark>" in missing and "The &lt;i&gt;key&lt;/i&gt; fact." in missing

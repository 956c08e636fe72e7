"""The OpenAI-compatible API of `assistant serve`, as a real process on a free loopback port.

Asked through the official ``openai`` client and plain HTTP (httpx). Most tests use ``ASSISTANT_LLM=extractive``
(answers in milliseconds); one server runs the bundled local model (marker ``model``); the queue and
shutdown tests put a real OpenAI-compatible stub on loopback in front of ``ASSISTANT_LLM=openai`` that
holds its answer until the test releases it, so "a question is in flight" is deterministic.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from subprocess import Popen
from typing import Any

import httpx
import pytest

from tests.conftest import ARTICLES
from tests.servers import free_port, running

QUESTION = "Which companies could join the AI research framework?"
ASSISTANT_BIN = str(Path(sys.executable).with_name("assistant"))


def server_env(tmp: Path, **extra: str) -> dict[str, str]:
    articles = tmp / "articles"
    if not articles.exists():
        shutil.copytree(ARTICLES, articles)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update({"ASSISTANT_INDEX_DIR": str(tmp / "index"), "ASSISTANT_ARTICLES_DIR": str(articles),
                "ASSISTANT_LLM": "extractive"})
    env.update(extra)
    return env


@contextmanager
def serving(tmp: Path, env: dict[str, str], *args: str) -> Iterator[tuple[str, Popen[bytes], Path]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp / f"serve-{port}.log"
    with running([ASSISTANT_BIN, *args, "serve", "--port", str(port)], f"{url}/healthz", log, env=env,
                 timeout=300) as proc:
        yield url, proc, log


def openai_client(url: str, key: str = "x") -> Any:
    from openai import OpenAI

    return OpenAI(base_url=f"{url}/v1", api_key=key, max_retries=0, timeout=600)


def ask(url: str, messages: list[dict[str, Any]], **body: Any) -> httpx.Response:
    return httpx.post(f"{url}/v1/chat/completions", json={"model": "assistant", "messages": messages, **body},
                      timeout=600)


def user(text: str) -> list[dict[str, Any]]:
    return [{"role": "user", "content": text}]


def sse_events(raw: str) -> list[str]:
    """The ``data:`` payloads of a server-sent event stream, in order."""
    return [line[len("data: "):] for line in raw.splitlines() if line.startswith("data: ")]


def check_citations(citations: list[dict[str, Any]], content: str) -> None:
    assert citations, "a cited answer has citations"
    for c in citations:
        assert c["quote"] and c["quote"] in c["text"], "each quote is a sentence of its cited chunk"
        assert f"[{c['n']}]" in content, "each citation's marker is used"
        assert f"[{c['n']}] {c['title']}" in content and f"“{c['quote']}”" in content, "footnotes in the content"


def check_plain_answer(message: Any) -> None:
    """An openai ``ChatCompletionMessage`` for QUESTION: names the companies, cites, has footnotes."""
    extra = message.model_extra or {}
    answer = extra["answer"]
    assert message.content.startswith(answer) and message.content != answer
    for company in ("nvidia", "arm", "amazon"):
        assert company in answer.lower()
    assert extra["refused"] is False
    check_citations(extra["citations"], message.content)


def check_stream(chunks: list[Any]) -> dict[str, Any]:
    """openai ``ChatCompletionChunk``s of QUESTION: text deltas, then a final chunk with the citations."""
    assert len(chunks) >= 2
    assert all(c.object == "chat.completion.chunk" and c.id == chunks[0].id for c in chunks)
    assert chunks[0].choices[0].delta.role == "assistant"
    assert all(c.choices[0].finish_reason is None for c in chunks[:-1])
    final = chunks[-1].choices[0]
    assert final.finish_reason == "stop"
    extra = final.delta.model_extra or {}
    content = "".join(c.choices[0].delta.content or "" for c in chunks)
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks[:-1])
    # What a plain client shows: the streamed text, the verified text when it differs, then the footnotes.
    if extra["corrected"]:
        assert content.startswith(streamed + "\n\nVerified answer: " + extra["answer"])
    else:
        assert " ".join(streamed.split()) == " ".join(extra["answer"].split())
    for company in ("nvidia", "arm", "amazon"):
        assert company in extra["answer"].lower()
    check_citations(extra["citations"], content)
    return {**extra, "content": content}


# --- the extractive server (fast): shared by the tests that do not need their own ----------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("api")
    with serving(tmp, server_env(tmp)) as (url, _proc, _log):
        yield url


def test_models_lists_the_assistant(server):
    models = openai_client(server).models.list().data
    assert [m.id for m in models] == ["assistant"]
    assert models[0].model_extra["generator"] == "extractive"
    assert openai_client(server).models.retrieve("assistant").id == "assistant"


def test_openai_client_gets_a_cited_answer_with_footnotes(server):
    reply = openai_client(server).chat.completions.create(model="assistant", messages=user(QUESTION))
    assert reply.object == "chat.completion" and reply.model == "assistant"
    assert reply.choices[0].finish_reason == "stop"
    check_plain_answer(reply.choices[0].message)


def test_openai_client_streams_deltas_then_the_verified_answer_and_citations(server):
    chunks = list(openai_client(server).chat.completions.create(model="assistant", messages=user(QUESTION),
                                                                stream=True))
    check_stream(chunks)


def test_stream_is_server_sent_events_ending_with_done(server):
    with httpx.stream("POST", f"{server}/v1/chat/completions", timeout=60,
                      json={"messages": user(QUESTION), "stream": True}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = sse_events(r.read().decode())
    assert events[-1] == "[DONE]"
    assert json.loads(events[-2])["choices"][0]["finish_reason"] == "stop"


def test_unknown_openai_parameters_are_accepted_and_ignored(server):
    r = ask(server, user(QUESTION), temperature=0.7, top_p=0.5, max_tokens=5, user="someone", n=1,
            seed=3, response_format={"type": "text"}, some_future_option={"x": 1})
    assert r.status_code == 200
    assert r.json()["choices"][0]["message"]["citations"]


def test_system_messages_and_content_parts_are_understood(server):
    messages = [{"role": "system", "content": "You are helpful."},
                {"role": "user", "content": [{"type": "text", "text": "Who is the EU Commissioner"},
                                             {"type": "text", "text": "for Innovation and Research?"}]}]
    message = ask(server, messages).json()["choices"][0]["message"]
    assert "Iliana Ivanova" in message["answer"] and message["citations"]


def test_a_follow_up_is_resolved_with_the_history_in_the_messages(server):
    first_q = "Who is the EU Commissioner for Innovation and Research?"
    first = ask(server, user(first_q)).json()
    first_content = first["choices"][0]["message"]["content"]
    follow_up = "Which newspaper did she speak to?"
    messages = [*user(first_q), {"role": "assistant", "content": first_content}, *user(follow_up)]
    reply = ask(server, messages).json()
    message = reply["choices"][0]["message"]
    # The follow-up was searched for with the earlier question's subject carried over.
    assert reply["standalone_question"] not in (None, follow_up)
    assert "Commissioner" in reply["standalone_question"] or "Innovation" in reply["standalone_question"]
    assert "business daily" in message["answer"].lower() and message["citations"]
    alone = ask(server, user(follow_up)).json()
    assert alone["standalone_question"] is None  # without history, nothing is carried over


def test_filters_restrict_the_articles(server):
    r = ask(server, user(QUESTION), filters={"sources": ["MENAFN"]})
    citations = r.json()["choices"][0]["message"]["citations"]
    assert r.status_code == 200 and citations
    assert {c["source"] for c in citations} == {"MENAFN"}
    bad = ask(server, user(QUESTION), filters={"since": "last week"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["error"]["message"]
    unknown_filter = ask(server, user(QUESTION), filters={"authors": ["x"]})
    assert unknown_filter.status_code == 400


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"messages": user("   ")}, "question is empty"),
        ({"messages": [*user("Hi"), {"role": "assistant", "content": "Hello"}]}, 'role "user"'),
        ({"messages": []}, "messages"),
        ({}, "messages"),
        ({"messages": [{"role": "wizard", "content": "x"}]}, "messages.0.role"),
        ({"messages": user("x" * 3000)}, "characters long"),
    ],
)
def test_bad_requests_are_400_with_one_line_openai_errors(server, body, says):
    r = httpx.post(f"{server}/v1/chat/completions", json=body, timeout=60)
    assert r.status_code == 400
    error = r.json()["error"]
    assert says in error["message"] and "\n" not in error["message"]
    assert error["type"] == "invalid_request_error"


def test_malformed_json_and_unknown_routes(server):
    r = httpx.post(f"{server}/v1/chat/completions", content=b'{"messages": [', timeout=30,
                   headers={"content-type": "application/json"})
    assert r.status_code == 400 and "not valid JSON" in r.json()["error"]["message"]
    r = httpx.get(f"{server}/v1/nothing-here", timeout=30)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_the_openai_client_raises_on_errors(server):
    import openai

    with pytest.raises(openai.BadRequestError, match="question is empty"):
        openai_client(server).chat.completions.create(model="assistant", messages=user(""))


def test_eight_concurrent_requests_all_get_cited_answers(server):
    questions = [QUESTION, "When will Kishida meet Biden?", "What materials do Japan and the EU want to cooperate on?",
                 "Who is the EU Commissioner for Innovation and Research?"] * 2

    def one(i: int) -> httpx.Response:
        return ask(server, user(questions[i]), stream=i % 2 == 1)

    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(one, range(8)))
    assert [r.status_code for r in replies] == [200] * 8
    for i, r in enumerate(replies):
        if i % 2:
            final = json.loads(sse_events(r.text)[-2])["choices"][0]["delta"]
        else:
            final = r.json()["choices"][0]["message"]
        assert final["citations"] and not final["refused"], questions[i]
    assert httpx.get(f"{server}/healthz", timeout=30).json()["queue"]["active"] == 0


def test_openapi_schema_lists_the_routes_and_request_models(server):
    schema = httpx.get(f"{server}/v1/openapi.json", timeout=30).json()
    for path in ("/v1/chat/completions", "/v1/models", "/v1/articles", "/v1/ingest", "/v1/articles/{article_id}"):
        assert path in schema["paths"], path
    request = schema["components"]["schemas"]["ChatCompletionRequest"]
    assert {"messages", "stream", "filters"} <= set(request["properties"])
    assert "CitationOut" in schema["components"]["schemas"]
    assert httpx.get(f"{server}/v1/docs", timeout=30).status_code == 200


# --- articles: list, upload, delete (own server: they change the index) ------------------------------

MOON = """---
title: Moon cheese exports hit a record
source: Lunar Daily
date: 2024-05-01
---

The Lunar Trade Office said on Tuesday that moon cheese exports reached 42 tonnes in April, a record driven by
demand from the Mars colonies. Officials expect the figure to double once the new spaceport opens.
"""


def test_articles_upload_ask_delete_then_ctrl_c(tmp_path):
    with serving(tmp_path, server_env(tmp_path)) as (url, proc, log):
        def articles() -> list[dict[str, Any]]:
            return list(httpx.get(f"{url}/v1/articles", timeout=30).json()["data"])

        before = articles()
        assert len(before) == 2 and all(a["chunks"] > 0 and a["title"] and a["path"] for a in before)
        assert {a["source"] for a in before} >= {"MENAFN"}
        uploads = tmp_path / "index" / "uploads"

        # Bad uploads: 400 with one line, nothing written, nothing ingested.
        for name, data in [("../../etc/passwd", b"root:x:0:0"), ("setup.exe", b"MZ\x90\x00binary"),
                           ("empty.md", b"  \n")]:
            r = httpx.post(f"{url}/v1/ingest", files={"files": (name, data)}, timeout=60)
            assert r.status_code == 400, name
            assert "\n" not in r.json()["error"]["message"]
        # A batch with one bad file (binary content under a .txt name) changes nothing either.
        r = httpx.post(f"{url}/v1/ingest", timeout=60, files=[("files", ("moon.md", MOON.encode())),
                                                              ("files", ("noise.txt", bytes(range(256)) * 20))])
        assert r.status_code == 400 and "noise.txt" in r.json()["error"]["message"]
        assert str(uploads) not in r.json()["error"]["message"]  # the server's folders stay private
        assert articles() == before
        assert not uploads.exists() or not any(uploads.iterdir())
        assert not (tmp_path / "etc").exists()

        # A good upload is ingested and answerable, with a citation into it.
        r = httpx.post(f"{url}/v1/ingest", files={"files": ("../moon.md", MOON.encode())}, timeout=120)
        assert r.status_code == 200, r.text
        report = r.json()
        assert report["added"] == 1 and len(report["articles"]) == 1
        moon_id = report["articles"][0]
        assert (uploads / "moon.md").is_file()  # the name's path was dropped
        listed = {a["id"]: a for a in articles()}
        assert listed[moon_id]["title"] == "Moon cheese exports hit a record"
        assert listed[moon_id]["source"] == "Lunar Daily" and listed[moon_id]["chunks"] >= 1
        message = ask(url, user("How many tonnes of moon cheese were exported in April?")).json()["choices"][0]["message"]
        assert "42 tonnes" in message["answer"]
        assert any(c["article_id"] == moon_id and "42 tonnes" in c["quote"] for c in message["citations"])

        # Uploading the same name again with new text updates that article.
        r = httpx.post(f"{url}/v1/ingest", files={"files": ("moon.md", (MOON + "\nA second paragraph.\n").encode())},
                       timeout=120)
        assert r.json()["updated"] == 1 and r.json()["articles"] == [moon_id]

        # Delete: gone from the list, from answers, and its uploaded file with it; twice is a 404.
        r = httpx.delete(f"{url}/v1/articles/{moon_id}", timeout=60)
        assert r.status_code == 200 and r.json()["removed"] == 1
        assert [a["id"] for a in articles()] == [a["id"] for a in before]
        assert not (uploads / "moon.md").exists()
        message = ask(url, user("How many tonnes of moon cheese were exported in April?")).json()["choices"][0]["message"]
        assert "42 tonnes" not in message["content"]
        r = httpx.delete(f"{url}/v1/articles/{moon_id}", timeout=60)
        assert r.status_code == 404 and r.json()["error"]["code"] == "article_not_found"

        # Ctrl-C (one server start fewer than a test of its own): a clean stop, status 0.
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 0, log.read_text()[-2000:]
    text = log.read_text()
    assert "Stopped." in text and "Traceback" not in text and "interrupted" not in text


# --- a held answer: the queue, the event loop, disconnects, graceful shutdown -------------------------

# The second sentence is supported by no article: verification removes it, so the stream must correct itself.
STUB_ANSWER = ["Iliana Ivanova is the EU Commissioner", " for Innovation and Research [1].",
               " She also owns three racehorses in Kyoto [1]."]


class HeldModel:
    """An OpenAI-compatible chat server on loopback: sends the first delta, then holds the rest until released."""

    def __init__(self) -> None:
        self.arrivals = 0
        self.arrived = threading.Condition()
        self.released = threading.Event()  # once set, every answer (held or new) completes
        model = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with model.arrived:
                    model.arrivals += 1
                    model.arrived.notify_all()
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                self.wfile.write(_stub_chunk(STUB_ANSWER[0]))
                self.wfile.flush()
                model.released.wait(120)
                for text in STUB_ANSWER[1:]:
                    self.wfile.write(_stub_chunk(text))
                self.wfile.write(b"data: [DONE]\n\n")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def hold(self) -> int:
        """Hold answers from now on; returns the number of requests so far (for `wait_for_request`)."""
        self.released.clear()
        return self.arrivals

    def wait_for_request(self, n: int, timeout: float = 120) -> None:
        """Block until the n-th (1-based) request has arrived."""
        with self.arrived:
            assert self.arrived.wait_for(lambda: self.arrivals >= n, timeout), "the model was never asked"

    def release_all(self) -> None:
        self.released.set()

    def close(self) -> None:
        self.release_all()
        self.server.shutdown()
        self.server.server_close()


def _stub_chunk(text: str) -> bytes:
    chunk = {"id": "1", "object": "chat.completion.chunk", "created": 0, "model": "stub",
             "choices": [{"index": 0, "delta": {"role": "assistant", "content": text}, "finish_reason": None}]}
    return f"data: {json.dumps(chunk)}\n\n".encode()


@pytest.fixture
def held() -> Iterator[HeldModel]:
    model = HeldModel()
    yield model
    model.close()


@pytest.fixture(scope="module")
def held_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, HeldModel]]:
    """A server answering through a held model, with room for one question at a time (ASSISTANT_MAX_QUEUE=1)."""
    tmp = tmp_path_factory.mktemp("held")
    model = HeldModel()
    try:
        with serving(tmp, held_env(tmp, model, ASSISTANT_MAX_QUEUE="1")) as (url, _proc, _log):
            yield url, model
    finally:
        model.close()


def held_env(tmp: Path, held: HeldModel, **extra: str) -> dict[str, str]:
    return server_env(tmp, ASSISTANT_LLM="openai", ASSISTANT_LLM_MODEL="stub", ASSISTANT_REQUEST_TIMEOUT="120",
                      OPENAI_BASE_URL=held.url, OPENAI_API_KEY="stub-key", **extra)


HELD_Q = "Who is the EU Commissioner for Innovation and Research?"


def stream_in_background(url: str, out: dict[str, Any]) -> threading.Thread:
    def run() -> None:
        try:
            with httpx.stream("POST", f"{url}/v1/chat/completions", timeout=300,
                              json={"messages": user(HELD_Q), "stream": True}) as r:
                out["status"] = r.status_code
                out["events"] = sse_events(r.read().decode())
        except Exception as exc:  # reported by the test's assertions
            out["error"] = repr(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_full_queue_answers_503_with_retry_after_and_the_loop_stays_responsive(held_server):
    url, held = held_server
    asked = held.hold()
    try:
        first: dict[str, Any] = {}
        thread = stream_in_background(url, first)
        held.wait_for_request(asked + 1)  # the one slot is now taken by a streaming answer

        busy = ask(url, user("When will Kishida meet Biden?"))
        assert busy.status_code == 503
        assert int(busy.headers["Retry-After"]) >= 1
        error = busy.json()["error"]
        assert error["code"] == "queue_full" and "ASSISTANT_MAX_QUEUE" in error["message"]
        # A generation in flight does not block the server: health, listings and the UI still answer.
        health = httpx.get(f"{url}/healthz", timeout=10).json()
        assert health["queue"] == {"active": 1, "limit": 1}
        assert httpx.get(f"{url}/v1/articles", timeout=10).status_code == 200
        assert httpx.get(f"{url}/", timeout=10).status_code == 200

        held.release_all()
        thread.join(120)
        assert first.get("status") == 200, first
        assert first["events"][-1] == "[DONE]"
        final = json.loads(first["events"][-2])["choices"][0]["delta"]
        assert "Iliana Ivanova" in final["answer"] and final["citations"]
        # What a plain client shows: the draft as streamed, then the verified answer, then the footnotes.
        deltas = [json.loads(e)["choices"][0]["delta"].get("content", "") for e in first["events"][:-1]]
        assert "".join(deltas[:-1]) == "".join(STUB_ANSWER)
        assert final["corrected"] and "racehorses" not in final["answer"]
        assert final["content"].startswith("\n\nVerified answer: " + final["answer"] + "\n\n[1] ")
        # The slot is free again once the stream ended: the next question is answered.
        after = openai_client(url).chat.completions.create(model="assistant", messages=user(HELD_Q))
        assert "Iliana Ivanova" in after.choices[0].message.model_extra["answer"]
    finally:
        held.release_all()


def test_a_client_that_hangs_up_mid_stream_frees_its_slot(held_server):
    url, held = held_server
    held.hold()
    try:
        with httpx.stream("POST", f"{url}/v1/chat/completions", timeout=60,
                          json={"messages": user(HELD_Q), "stream": True}) as r:
            first_line = next(r.iter_lines())
            assert first_line.startswith("data: ") and "Iliana" in first_line
        # The client is gone while the model still holds its answer; once the model moves on, the
        # server notices, closes the answer and gives the slot back.
        held.release_all()
        deadline = time.monotonic() + 60
        while httpx.get(f"{url}/healthz", timeout=10).json()["queue"]["active"] and time.monotonic() < deadline:
            time.sleep(0.2)
        again = ask(url, user(HELD_Q))
        assert again.status_code == 200 and again.json()["choices"][0]["message"]["citations"]
    finally:
        held.release_all()


def test_sigterm_lets_the_answer_in_flight_finish_and_exits_0(tmp_path, held):
    with serving(tmp_path, held_env(tmp_path, held)) as (url, proc, log):
        first: dict[str, Any] = {}
        thread = stream_in_background(url, first)
        held.wait_for_request(1)
        proc.send_signal(signal.SIGTERM)
        # Shutdown has begun when the server stops accepting connections; only then release the answer.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{url}/healthz", timeout=2)
            except httpx.TransportError:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the server kept accepting connections after SIGTERM")
        held.release_all()
        thread.join(120)
        assert proc.wait(60) == 0, log.read_text()[-2000:]
    assert first.get("status") == 200, first
    assert first["events"][-1] == "[DONE]"
    assert json.loads(first["events"][-2])["choices"][0]["delta"]["citations"]
    assert "Stopped." in log.read_text()


# --- the bundled local model through the API (one server start) --------------------------------------


@pytest.mark.model
def test_local_model_through_the_openai_client(tmp_path):
    env = server_env(tmp_path, ASSISTANT_LLM="local")
    with serving(tmp_path, env) as (url, _proc, _log):
        client = openai_client(url)
        assert client.models.list().data[0].model_extra["generator"].startswith("local:")

        started = time.perf_counter()
        first_token = None
        chunks = []
        for chunk in client.chat.completions.create(model="assistant", messages=user(QUESTION), stream=True):
            if first_token is None and chunk.choices[0].delta.content:
                first_token = time.perf_counter() - started
            chunks.append(chunk)
        stream_seconds = time.perf_counter() - started
        final = check_stream(chunks)

        # (The same prompt again: llama.cpp reuses its cached prefix, so this one starts faster.)
        started = time.perf_counter()
        reply = client.chat.completions.create(model="assistant", messages=user(QUESTION))
        plain_seconds = time.perf_counter() - started
        check_plain_answer(reply.choices[0].message)

        # Eight at once: every one admitted (queue 32), answered in turn by the one model, none lost.
        questions = [QUESTION, "When will Kishida meet Biden?", "What materials do Japan and the EU want to cooperate on?",
                     "Who is the EU Commissioner for Innovation and Research?"] * 2
        started = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            replies = list(pool.map(lambda q: ask(url, user(q)), questions))
        eight_seconds = time.perf_counter() - started
        assert [r.status_code for r in replies] == [200] * 8
        for question, r in zip(questions, replies, strict=True):
            message = r.json()["choices"][0]["message"]
            assert message["citations"] and not message["refused"], (question, message["content"])
            check_citations(message["citations"], message["content"])
        print(f"\nlocal model via API: stream {stream_seconds:.1f} s, first token {first_token:.2f} s"
              f" (corrected={final['corrected']}), plain (cached prompt) {plain_seconds:.1f} s,"
              f" 8 concurrent {eight_seconds:.1f} s")


# --- the pure parts: reading the history back ---------------------------------------------------------


def test_history_is_read_back_from_the_messages_this_api_wrote():
    from assistant.server.api import ChatMessage, answer_part, question_and_history

    assert answer_part("Plain [1].\n\n[1] Title (MENAFN, 2024-03-31): “Quote.”") == "Plain [1]."
    assert answer_part("Draft [1]. Extra [2].\n\nVerified answer: Draft [1].\n\n[1] T: “q”") == "Draft [1]."
    assert answer_part("No footnotes.") == "No footnotes."
    messages = [ChatMessage(role="system", content="Be brief."),
                ChatMessage(role="user", content="First?"),
                ChatMessage(role="assistant", content="One [1].\n\n[1] T: “q”"),
                ChatMessage(role="user", content="Unanswered?"),
                ChatMessage(role="user", content=[{"type": "text", "text": "Last"}, {"type": "image_url"}])]
    question, history = question_and_history(messages)
    assert question == "Last"
    assert history == [("First?", "One [1]."), ("Unanswered?", "")]

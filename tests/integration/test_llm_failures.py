"""Failures of an OpenAI-compatible server, served for real on loopback by a tiny misbehaving stub."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.errors import AssistantError
from assistant.settings import load_settings

SECRET = "sk-test-failure-key-do-not-print"


class Behaviour:
    status = 200
    body = b""
    content_type = "application/json"
    requests = 0


def make_handler(behaviour: type[Behaviour]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            behaviour.requests += 1
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(behaviour.status)
            self.send_header("Content-Type", behaviour.content_type)
            self.send_header("Content-Length", str(len(behaviour.body)))
            self.end_headers()
            self.wfile.write(behaviour.body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def stub(monkeypatch) -> Iterator[type[Behaviour]]:
    class B(Behaviour):
        pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(B))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    B.server = server  # type: ignore[attr-defined]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    yield B
    server.shutdown()
    server.server_close()


def sse(text: str) -> bytes:
    chunk = {"id": "1", "object": "chat.completion.chunk", "created": 0, "model": "stub",
             "choices": [{"index": 0, "delta": {"role": "assistant", "content": text}, "finish_reason": None}]}
    return f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n".encode()


@pytest.fixture
def assistant(tmp_path: Path, minilm) -> Assistant:
    settings = load_settings(llm="openai", llm_model="stub", index_dir=tmp_path / "index", request_timeout=10)
    return Assistant(settings, embedder=minilm)


def error_body(code: int) -> bytes:
    return json.dumps({"error": {"message": f"stub error {code}", "type": "stub", "code": code}}).encode()


@pytest.mark.parametrize(
    ("status", "message"),
    [(401, "OPENAI_API_KEY"), (404, "ASSISTANT_LLM_MODEL"), (429, "rate-limiting"), (500, "HTTP 500")],
)
def test_http_errors_become_one_line_advice(stub, assistant, caplog, status, message):
    stub.status, stub.body = status, error_body(status)
    with pytest.raises(AssistantError, match=message) as err:
        assistant.ask("When will Kishida meet Biden?")
    assert SECRET not in str(err.value) and SECRET not in caplog.text
    assert "\n" not in str(err.value)


def test_malformed_output_is_a_clear_error(stub, assistant):
    stub.status, stub.body, stub.content_type = 200, b"<html>not json at all", "text/html"
    with pytest.raises(AssistantError, match="LLM server"):
        assistant.ask("When will Kishida meet Biden?")


def test_empty_output_is_backed_by_the_quoted_sentence_not_a_crash(stub, assistant):
    stub.status, stub.body, stub.content_type = 200, sse(""), "text/event-stream"
    answer = assistant.ask("When will Kishida meet Biden?")
    # An empty reply verifies to a refusal, so the extractive answer stands in (README, Model choice).
    assert answer.draft == ""
    assert not answer.refused and "April 10" in answer.text
    assert answer.citations and all(c.quote in c.text for c in answer.citations)


def test_empty_output_for_an_unanswered_question_is_a_refusal(stub, assistant):
    stub.status, stub.body, stub.content_type = 200, sse(""), "text/event-stream"
    # No sentence is close enough for the quote to stand in, so the model is asked; it says nothing.
    answer = assistant.ask("What upside did the bloc's research chief see?")
    assert stub.requests == 1
    assert answer.refused and answer.citations == [] and answer.text == "The articles do not say."


def test_server_stopped_mid_session(stub, assistant):
    stub.status, stub.content_type = 200, "text/event-stream"
    stub.body = sse("Kishida will make an official visit on April 10 [1].")
    answer = assistant.ask("When will Kishida meet Biden?")
    assert not answer.refused and "April 10" in answer.text and answer.citations
    stub.server.shutdown()  # type: ignore[attr-defined]
    stub.server.server_close()  # type: ignore[attr-defined]
    with pytest.raises(AssistantError, match="Cannot reach the LLM server"):
        assistant.ask("When will Kishida meet Biden?")

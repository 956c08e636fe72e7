"""A misbehaving OpenAI-compatible chat server on loopback, for the fault and security tests."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ANSWER = "Kishida will make an official visit on April 10 [1]."


def sse(text: str) -> bytes:
    chunk = {"id": "1", "object": "chat.completion.chunk", "created": 0, "model": "stub",
             "choices": [{"index": 0, "delta": {"role": "assistant", "content": text}, "finish_reason": None}]}
    return f"data: {json.dumps(chunk)}\n\n".encode()


class Stub:
    """An OpenAI-compatible chat server on a fixed loopback port whose behaviour a test sets."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.delay = 0.0
        self.fail_first: list[int] = []  # statuses to send, one per request, before behaving
        self.cut_stream = False
        self.requests = 0
        self.status = 200  # sent for every request after fail_first, with an OpenAI-style error body
        self.reply = ANSWER
        self.bodies: list[dict[str, Any]] = []  # the JSON requests received
        self.headers: list[dict[str, str]] = []
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                stub.requests += 1
                stub.headers.append(dict(self.headers))
                try:
                    stub.bodies.append(json.loads(raw))
                except ValueError:
                    stub.bodies.append({})
                if stub.fail_first or stub.status != 200:
                    status = stub.fail_first.pop(0) if stub.fail_first else stub.status
                    body = json.dumps({"error": {"message": "busy", "type": "stub", "code": status}}).encode()
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    if status in (429, 503):
                        self.send_header("Retry-After", "0")
                    self.end_headers()
                    self.wfile.write(body)
                    return
                time.sleep(stub.delay)
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = stub.reply.split(" ")
                for i, word in enumerate(words):
                    if stub.cut_stream and i == 3:
                        self.wfile.flush()
                        self.connection.shutdown(2)  # the server dies mid-answer
                        return
                    self.wfile.write(sse(word if i == 0 else " " + word))
                self.wfile.write(b"data: [DONE]\n\n")

            def log_message(self, *args: object) -> None:
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *args: None  # type: ignore[method-assign]  # clients that gave up
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()
        self.server = None

"""One process serving the web UI at ``/`` on a local port."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.assistant import Assistant

log = logging.getLogger(__name__)


def create_app(assistant: Assistant) -> FastAPI:
    import gradio as gr
    from fastapi import FastAPI

    from assistant.server.ui import build_ui

    app = FastAPI(title="Cited news assistant")

    @app.get("/healthz")
    def healthz() -> dict[str, object]:
        return {"ok": True, "chunks": assistant.catalog.chunk_count()}

    return gr.mount_gradio_app(app, build_ui(assistant), path="/")


def serve(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860) -> None:
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("Serving on %s: anyone who can reach this address can use the assistant.", host)
    _ = assistant.generator  # load the model now, not on the first question
    print(f"Serving the assistant on http://{host}:{port}/ (Ctrl-C stops it)", flush=True)
    uvicorn.run(create_app(assistant), host=host, port=port, log_level="warning")

"""One process serving the web UI at ``/`` and the OpenAI-compatible API at ``/v1`` on a local port.

Wiring only: the API is `assistant.server.api`, access control `assistant.server.auth`, the request
queue `assistant.server.gate`, the UI `assistant.server.ui`.
"""

from __future__ import annotations

import logging
import signal
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.assistant import Assistant

log = logging.getLogger(__name__)

# On SIGTERM or Ctrl-C, requests in flight get this long to finish before they are cancelled. An open
# browser tab keeps a Gradio stream open, so this is also how long stopping can take (Ctrl-C twice: at once).
GRACEFUL_SHUTDOWN_SECONDS = 10


def create_app(assistant: Assistant) -> FastAPI:
    """The ASGI app: ``/healthz`` (always open), ``/v1`` (the API), ``/`` (the UI), behind auth when configured."""
    import gradio as gr
    from fastapi import FastAPI

    from assistant.server import api
    from assistant.server.auth import AuthMiddleware, auth_enabled
    from assistant.server.gate import gate_for
    from assistant.server.ui import build_ui

    app = FastAPI(title="Cited news assistant", description=api.__doc__ or "", version="1",
                  openapi_url="/v1/openapi.json", docs_url="/v1/docs", redoc_url=None)
    gate = gate_for(assistant)
    app.state.assistant, app.state.gate = assistant, gate

    @app.get("/healthz", summary="Liveness, index size and queue (never needs auth)")
    def healthz() -> dict[str, object]:
        return {"ok": True, "chunks": assistant.catalog.chunk_count(), "queue": gate.status()}

    app.include_router(api.build_router(assistant))
    api.install_error_handlers(app)
    app = gr.mount_gradio_app(app, build_ui(assistant), path="/")
    settings = assistant.settings
    if auth_enabled(settings):
        app.add_middleware(AuthMiddleware, token=settings.auth_token, basic=settings.auth_basic)
    return app


def _stopping(signum: int, frame: FrameType | None) -> None:
    """Stands in for the default handlers while serving (see `serve`)."""


def serve(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, *, warned: bool = False) -> None:
    """Serve until SIGTERM or Ctrl-C, then let requests in flight finish (briefly) and return normally."""
    import uvicorn

    from assistant.server.auth import exposure_warning

    warning = None if warned else exposure_warning(host, assistant.settings)
    if warning:
        log.warning(warning)
    _ = assistant.generator  # load the model now, not on the first question
    app = create_app(assistant)
    print(f"Serving the assistant on http://{host}:{port}/ (API at /v1, Ctrl-C stops it)", flush=True)
    # uvicorn shuts down gracefully on SIGTERM/SIGINT and then re-raises the signal for the previous handler;
    # with the defaults that would kill the process (SIGTERM) or raise KeyboardInterrupt. A no-op handler
    # makes a requested stop a clean exit with status 0.
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, _stopping) for sig in handled}
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning",
                    timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("Stopped.", flush=True)

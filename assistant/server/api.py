"""The OpenAI-compatible HTTP API of `assistant serve`, under ``/v1``.

- ``POST /v1/chat/completions``: the last user message is the question; earlier user/assistant turns are
  the conversation's history, so follow-ups resolve. The reply is the **verified** answer, with numbered
  footnotes appended to the content (so any OpenAI client shows the sources) and the structured
  ``citations`` (and ``refused``, ``answer``) as extra fields of the message.
- Streaming (``"stream": true``) sends the model's text as it is generated. Verification can change it
  (unsupported sentences removed, markers renumbered), so the last chunk completes the content: when the
  verified text differs from the streamed one, it adds ``"\\n\\nVerified answer: <verified text>"``;
  then the footnotes. That chunk also carries ``answer`` (the verified text alone), ``refused``,
  ``corrected`` and ``citations`` in its ``delta``, and ``finish_reason: "stop"``; ``data: [DONE]`` ends
  the stream. A client that understands the extra fields should show ``delta.answer`` in place of what
  it streamed.
- ``GET /v1/models``, ``GET /v1/articles``, ``POST /v1/ingest`` (multipart uploads),
  ``DELETE /v1/articles/{id}``; the OpenAPI schema at ``/v1/openapi.json`` and docs at ``/v1/docs``.

Errors are OpenAI-style ``{"error": {"message", "type", "code"}}`` with a one-line message: 400 for a
bad request or an `AssistantError`, 404 for an unknown article or model, 503 with ``Retry-After`` when the
queue (`assistant.server.gate`) is full.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import anyio
import anyio.to_thread
from fastapi import APIRouter, FastAPI, File, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.types import Receive, Scope, Send

from assistant.errors import AssistantError
from assistant.server.gate import Gate, QueueFull, gate_for
from assistant.types import Answer, Citation

if TYPE_CHECKING:
    from assistant.assistant import Assistant

log = logging.getLogger(__name__)

MODEL_ID = "assistant"
# Put between the streamed draft and the verified text when verification changed the answer.
CORRECTION = "\n\nVerified answer: "
_END: Any = object()
# What `Conversation.stream` yields: text deltas, then the final `Answer`.
Pieces = Generator[str | Answer, None, None]

# --- request and response models (they make /v1/openapi.json meaningful) ---------------------------


class ContentPart(BaseModel):
    """One part of a message's content; only ``text`` parts are read."""

    model_config = ConfigDict(extra="allow")
    type: str = "text"
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None


class Filters(BaseModel):
    """Restrict retrieval to some articles (the SDK's filters): every given filter must match."""

    model_config = ConfigDict(extra="forbid")
    articles: list[str] | None = Field(default=None, description="article ids (GET /v1/articles)")
    sources: list[str] | None = Field(default=None, description="publishers, case-insensitive")
    since: str | None = Field(default=None, description="first day, YYYY-MM-DD (inclusive)")
    until: str | None = Field(default=None, description="last day, YYYY-MM-DD (inclusive)")


class ChatCompletionRequest(BaseModel):
    """OpenAI's chat request. Unknown OpenAI parameters (temperature, top_p, user, ...) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")
    model: str = Field(default=MODEL_ID, description=f"any value; the server answers as {MODEL_ID!r}")
    messages: list[ChatMessage] = Field(min_length=1, max_length=500)
    stream: bool = False
    filters: Filters | None = None


class CitationOut(BaseModel):
    """`Citation.to_dict()`: where the sentences marked ``[n]`` come from."""

    n: int
    chunk_id: str
    article_id: str
    title: str
    text: str = Field(description="the whole cited chunk")
    quote: str = Field(description="the chunk's sentence that supports the answer's sentence")
    start: int
    end: int
    score: float
    source: str | None = None
    date: str | None = None
    path: str | None = None
    quote_start: int = 0
    quote_end: int = 0


class AnswerMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str = Field(description="the verified answer, then its footnotes: [n] Title (source, date): “quote”")
    answer: str = Field(description="the verified answer alone, with its [n] markers")
    refused: bool = Field(description="true when the articles do not support an answer")
    citations: list[CitationOut]


class Choice(BaseModel):
    index: int = 0
    message: AnswerMessage
    finish_reason: Literal["stop"] = "stop"
    logprobs: None = None


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str = MODEL_ID
    choices: list[Choice]
    usage: None = None
    standalone_question: str | None = Field(default=None, description="what was searched for, for a follow-up")
    timings: dict[str, float] = Field(default_factory=dict, description="seconds per stage")


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "assistant"
    generator: str = Field(description="what answers: local:<gguf>, openai:<model> or extractive")


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class ArticleOut(BaseModel):
    id: str
    title: str
    source: str | None
    date: str | None
    path: str
    chunks: int


class ArticleList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ArticleOut]


class IngestResult(BaseModel):
    """`IngestReport.to_dict()` plus the ids of the articles the request added, updated or removed."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = Field(0, description="chunks in the index afterwards")
    articles: list[str] = Field(default_factory=list)


class ErrorDetail(BaseModel):
    message: str
    type: str
    code: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "bad request, or a problem the user can fix (one line)"},
    401: {"model": ErrorBody, "description": "authentication required (when the server has a token)"},
}


class ApiError(Exception):
    """An error response with an OpenAI-style body."""

    def __init__(self, status: int, message: str, kind: str = "invalid_request_error", code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.kind, self.code, self.headers = status, message, kind, code, headers


def error_response(status: int, message: str, kind: str, code: str | None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"message": " ".join(message.split()), "type": kind, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers)


# --- pure helpers ------------------------------------------------------------------------------------


def _text(content: str | list[ContentPart] | None) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return " ".join(p.text for p in content if p.type == "text" and p.text)


def answer_part(content: str) -> str:
    """The answer inside a message this API wrote: the verified text, without footnotes or draft."""
    if CORRECTION in content:
        content = content.rsplit(CORRECTION, 1)[1]
    return content.split("\n\n[1] ", 1)[0].strip()


def question_and_history(messages: list[ChatMessage]) -> tuple[str, list[tuple[str, str]]]:
    """The question (the last message, a user's) and the earlier (question, answer) turns, oldest first."""
    if messages[-1].role != "user":
        raise AssistantError('The last message must be the user\'s question (role "user").')
    history: list[tuple[str, str]] = []
    pending: str | None = None
    for message in messages[:-1]:
        if message.role == "user":
            if pending is not None:
                history.append((pending, ""))
            pending = _text(message.content)
        elif message.role == "assistant" and pending is not None:
            history.append((pending, answer_part(_text(message.content))))
            pending = None
    if pending is not None:
        history.append((pending, ""))
    return _text(messages[-1].content), history


def footnotes(citations: list[Citation]) -> str:
    """``\\n\\n[n] Title (source, date): “quote”`` for each citation, a blank line apart (Markdown-safe)."""
    notes = []
    for c in citations:
        meta = ", ".join(x for x in (c.source, c.date) if x)
        notes.append(f"[{c.n}] {c.title}{f' ({meta})' if meta else ''}: “{c.quote}”")
    return "".join(f"\n\n{note}" for note in notes)


def completion(answer: Answer, completion_id: str, created: int) -> ChatCompletion:
    message = AnswerMessage(content=answer.text + footnotes(answer.citations), answer=answer.text,
                            refused=answer.refused,
                            citations=[CitationOut(**c.to_dict()) for c in answer.citations])
    return ChatCompletion(id=completion_id, created=created, choices=[Choice(message=message)],
                          standalone_question=answer.standalone_question, timings=answer.timings)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def final_delta(streamed: str, answer: Answer) -> dict[str, Any]:
    """The last chunk's delta: what completes the streamed content, and the structured answer."""
    corrected = not _same_text(streamed, answer.text)
    content = (CORRECTION + answer.text if corrected else "") + footnotes(answer.citations)
    return {"content": content, "answer": answer.text, "refused": answer.refused, "corrected": corrected,
            "citations": [c.to_dict() for c in answer.citations]}


def _sse(data: dict[str, Any] | str) -> bytes:
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f"data: {payload}\n\n".encode()


# --- answering in worker threads -----------------------------------------------------------------------


def _pieces(assistant: Assistant, question: str, history: list[tuple[str, str]],
            filters: dict[str, Any]) -> Pieces:
    """`Conversation.stream` over a conversation rebuilt from the request's history."""
    from assistant.chat import Turn

    conversation = assistant.chat()
    for asked, answered in history[-conversation.max_turns:]:
        asked = " ".join(asked.split())
        conversation.turns.append(Turn(asked, conversation.standalone(asked), answered))
    yield from conversation.stream(question, **filters)


def _step(pieces: Pieces) -> Any:
    # StopIteration cannot cross a thread boundary into a coroutine; a sentinel can.
    return next(pieces, _END)


class _Run:
    """One question's generator, stepped in worker threads, holding a gate slot until `close`."""

    def __init__(self, pieces: Pieces, gate: Gate, limiter: anyio.CapacityLimiter) -> None:
        self.pieces, self.gate, self.limiter = pieces, gate, limiter
        self.started = gate.enter()  # raises QueueFull
        self.closed = False

    async def next(self) -> Any:
        return await anyio.to_thread.run_sync(_step, self.pieces, limiter=self.limiter)

    async def close(self) -> None:
        """Close the generator (releasing the model lock it may hold) and give the slot back; idempotent."""
        if self.closed:
            return
        self.closed = True
        with anyio.CancelScope(shield=True):  # also when the request was cancelled (client gone)
            try:
                await anyio.to_thread.run_sync(self.pieces.close, limiter=self.limiter)
            finally:
                self.gate.leave(self.started)


class _EventStream(StreamingResponse):
    """A streaming response that always runs its cleanup, even when the body is never iterated."""

    def __init__(self, content: AsyncIterator[bytes], cleanup: Callable[[], Awaitable[None]]) -> None:
        super().__init__(content, media_type="text/event-stream",
                         headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        self._cleanup = cleanup

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self._cleanup()


async def _events(run: _Run, first: Any, completion_id: str, created: int) -> AsyncIterator[bytes]:
    def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
        return _sse({"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID,
                     "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}]})

    streamed: list[str] = []
    piece = first
    role: dict[str, str] = {"role": "assistant"}  # sent once, with the first delta
    try:
        while piece is not _END:
            if isinstance(piece, Answer):
                yield chunk({**role, **final_delta("".join(streamed), piece)}, "stop")
                role = {}
            else:
                streamed.append(piece)
                yield chunk({**role, "content": piece})
                role = {}
            piece = await run.next()
    except AssistantError as exc:  # e.g. the LLM server failed mid-answer: the client's SDK raises on this
        yield _sse({"error": {"message": str(exc), "type": "invalid_request_error", "code": "assistant_error"}})
    except Exception:
        log.exception("streaming an answer failed")
        yield _sse({"error": {"message": "The answer failed on the server; its log has the details. Try again.",
                              "type": "server_error", "code": None}})
    # Free the slot before the client can see the end, so its next question is never turned away.
    await run.close()
    yield _sse("[DONE]")


def _collect(pieces: Pieces) -> Answer:
    final: Answer | None = None
    for piece in pieces:
        if isinstance(piece, Answer):
            final = piece
    assert final is not None
    return final


# --- documents ---------------------------------------------------------------------------------------


def _chunk_counts(assistant: Assistant) -> dict[str, int]:
    with assistant.catalog.reading() as con:
        return {a: int(n) for a, n in con.execute("SELECT article_id, count(*) FROM chunks GROUP BY article_id")}


def _article_path(stored: str) -> Path:
    from assistant.settings import PROJECT_ROOT

    path = Path(stored)
    return path if path.is_absolute() else PROJECT_ROOT / path


def _ingest_uploads(assistant: Assistant, uploads: list[tuple[str, bytes]]) -> IngestResult:
    """Save the uploads and ingest them, all or nothing: on any error the uploads folder is restored too."""
    from assistant.ingest.pipeline import stored_path
    from assistant.uploads import safe_name, save_upload, uploads_dir

    folder = uploads_dir(assistant.settings)
    names = [safe_name(name) for name, _ in uploads]  # every name checked before anything is written
    if len(set(names)) != len(names):
        raise AssistantError("Two uploads have the same file name; rename one and upload again.")
    previous = {name: (folder / name).read_bytes() if (folder / name).is_file() else None for name in names}
    try:
        paths = [save_upload(name, data, assistant.settings) for name, data in uploads]
        report = assistant.ingest(list(paths))
    except BaseException as exc:
        for name, old in previous.items():
            if old is None:
                (folder / name).unlink(missing_ok=True)
            else:
                (folder / name).write_bytes(old)
        if isinstance(exc, AssistantError):  # name the upload, not the server's folder
            message = str(exc)
            for prefix in {f"{folder.resolve()}{os.sep}", f"{folder}{os.sep}"}:
                message = message.replace(prefix, "")
            raise AssistantError(message) from None
        raise
    stored = {stored_path(p) for p in paths}
    ids = [a.article_id for a in assistant.articles() if a.path in stored]
    return IngestResult(**report.to_dict(), articles=ids)


def _remove(assistant: Assistant, article_id: str) -> IngestResult:
    from assistant.uploads import uploads_dir

    article = assistant.article(article_id)
    if article is None:
        raise ApiError(404, f"No ingested article has the id {article_id!r}; list them with GET /v1/articles.",
                       code="article_not_found")
    report = assistant.remove([article_id])
    # An uploaded file goes with its article (as in the web UI); files elsewhere are the user's and stay.
    path = _article_path(article.path)
    if path.resolve().is_relative_to(uploads_dir(assistant.settings).resolve()):
        path.unlink(missing_ok=True)
    return IngestResult(**report.to_dict(), articles=[article_id])


# --- wiring ----------------------------------------------------------------------------------------------


def build_router(assistant: Assistant) -> APIRouter:
    """The ``/v1`` routes over ``assistant``."""
    router = APIRouter(prefix="/v1", responses=ERRORS)
    gate = gate_for(assistant)
    # Answers run in their own thread pool (one thread per admitted question at most), so questions
    # waiting for the model never starve the default pool that serves health checks and the UI.
    limiter = anyio.CapacityLimiter(gate.limit + 1)
    started_at = int(time.time())

    def generator_name() -> str:
        generator = assistant.generator
        return assistant.settings.llm + (f":{generator.name}" if generator is not None else "")

    @router.get("/models", response_model=ModelList, summary="The one model this server answers as")
    def models() -> ModelList:
        return ModelList(data=[ModelCard(id=MODEL_ID, created=started_at, generator=generator_name())])

    @router.get("/models/{model_id}", response_model=ModelCard, summary="One model",
                responses={404: {"model": ErrorBody}})
    def model(model_id: str) -> ModelCard:
        if model_id != MODEL_ID:
            raise ApiError(404, f"No model {model_id!r}; this server answers as {MODEL_ID!r}.", code="model_not_found")
        return ModelCard(id=MODEL_ID, created=started_at, generator=generator_name())

    @router.post(
        "/chat/completions",
        response_model=ChatCompletion,
        summary="A cited answer (OpenAI chat format)",
        responses={
            200: {"content": {"text/event-stream": {"schema": {"type": "string"}}},
                  "description": "a chat.completion, or with stream=true server-sent chat.completion.chunk events"},
            503: {"model": ErrorBody, "description": "the queue is full; retry after the Retry-After seconds"},
        },
    )
    async def chat_completions(body: ChatCompletionRequest) -> Any:
        question, history = question_and_history(body.messages)
        filters = body.filters.model_dump(exclude_none=True) if body.filters else {}
        completion_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        run = _Run(_pieces(assistant, question, history, filters), gate, limiter)
        if not body.stream:
            try:
                answer = await anyio.to_thread.run_sync(_collect, run.pieces, limiter=limiter)
            finally:
                await run.close()
            return completion(answer, completion_id, created)
        try:
            # The first piece comes after the checks and retrieval, so a bad question is still a 400.
            first = await run.next()
        except BaseException:
            await run.close()
            raise
        return _EventStream(_events(run, first, completion_id, created), run.close)

    @router.get("/articles", response_model=ArticleList, summary="The ingested articles")
    def articles() -> ArticleList:
        counts = _chunk_counts(assistant)
        return ArticleList(data=[ArticleOut(id=a.article_id, title=a.title, source=a.source, date=a.date,
                                            path=a.path, chunks=counts.get(a.article_id, 0))
                                 for a in assistant.articles()])

    @router.post("/ingest", response_model=IngestResult, summary="Upload and ingest article files (.txt, .md, .html)")
    async def ingest(files: list[UploadFile] = File(description="one or more article files")) -> IngestResult:  # noqa: B008
        limit = int(assistant.settings.max_file_mb * 1_000_000)
        uploads = []
        for upload in files:
            if upload.size is not None and upload.size > limit:
                raise AssistantError(f"{upload.filename} is {upload.size / 1e6:.1f} MB; the limit is"
                                     f" {assistant.settings.max_file_mb:g} MB (ASSISTANT_MAX_FILE_MB).")
            uploads.append((upload.filename or "", await upload.read()))
        return await run_in_threadpool(_ingest_uploads, assistant, uploads)

    @router.delete("/articles/{article_id}", response_model=IngestResult, summary="Remove an article",
                   responses={404: {"model": ErrorBody}})
    def delete_article(article_id: str) -> IngestResult:
        return _remove(assistant, article_id)

    @router.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
    def unknown(rest: str, request: Request) -> None:
        raise ApiError(404, f"No route {request.method} /v1/{rest}; see /v1/docs for the API.", code="not_found")

    return router


def _validation_message(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "The request body is not valid; see /v1/docs for the format."
    first = errors[0]
    if first.get("type") == "json_invalid":
        return "The request body is not valid JSON; send a JSON object (see /v1/docs)."
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"Invalid request: {where}: {first.get('msg', 'invalid')}{more}; see /v1/docs for the format."


def install_error_handlers(app: FastAPI) -> None:
    """OpenAI-style JSON errors with one-line messages for every failure a client can cause."""

    async def on_assistant_error(request: Request, exc: Exception) -> JSONResponse:
        return error_response(400, str(exc), "invalid_request_error", "assistant_error")

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(400, _validation_message(exc), "invalid_request_error", "invalid_body")

    async def on_queue_full(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, QueueFull)
        return error_response(503, str(exc), "server_busy", "queue_full", {"Retry-After": str(exc.retry_after)})

    async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.message, exc.kind, exc.code, exc.headers)

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette logs the traceback itself after this response; the client gets one line.
        return error_response(500, "The server failed; its log has the details. Try again.", "server_error", None)

    app.add_exception_handler(AssistantError, on_assistant_error)
    app.add_exception_handler(Exception, on_unexpected)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(QueueFull, on_queue_full)
    app.add_exception_handler(ApiError, on_api_error)

"""The generator seam: llama.cpp for the bundled model, any OpenAI-compatible server, and a fake.

A generator takes chat messages and yields text deltas. Extractive mode has no generator at all
(`build_generator` returns None) and answers from the evidence directly (see grounding.py).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from assistant.errors import AssistantError
from assistant.settings import Settings

log = logging.getLogger(__name__)

Message = dict[str, str]


class Generator(Protocol):
    """Streams the reply to ``messages`` as text deltas."""

    name: str
    # False when calls must not overlap (one model in this process); the Assistant then serialises them.
    concurrent: bool

    def stream(self, messages: list[Message]) -> Iterator[str]: ...


class LlamaCppGenerator:
    """A GGUF model in this process through llama-cpp-python; loaded once, kept warm."""

    concurrent = False  # one llama.cpp context: overlapping calls would corrupt its state

    def __init__(self, model_path: Path, settings: Settings) -> None:
        from llama_cpp import Llama

        self.name = model_path.name
        self._settings = settings
        threads = settings.threads or os.cpu_count() or 2
        try:
            self._llm = Llama(model_path=str(model_path), n_ctx=settings.context_tokens, n_threads=threads,
                              n_threads_batch=threads, verbose=False, seed=0)
        except (ValueError, RuntimeError) as exc:
            raise AssistantError(f"llama.cpp could not load {model_path} ({exc}); check the file or pick another model.") from None

    def stream(self, messages: list[Message]) -> Iterator[str]:
        chunks = self._llm.create_chat_completion(
            messages=messages,  # type: ignore[arg-type]
            stream=True,
            temperature=self._settings.temperature,
            max_tokens=self._settings.max_tokens,
        )
        for part in chunks:
            delta = part["choices"][0].get("delta", {}).get("content")  # type: ignore[index, union-attr]
            if delta:
                yield str(delta)


class OpenAIGenerator:
    """Any OpenAI-compatible chat server (OpenAI, vLLM, llama.cpp server) via LlamaIndex's OpenAILike."""

    concurrent = True  # the server queues or batches requests itself

    def __init__(self, settings: Settings) -> None:
        from llama_index.llms.openai_like import OpenAILike

        base_url = os.environ.get("OPENAI_BASE_URL", "https://api.openai.com/v1")
        api_key = os.environ.get("OPENAI_API_KEY", "")
        if not api_key and "api.openai.com" in base_url:
            raise AssistantError("ASSISTANT_LLM=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server).")
        self.name = settings.llm_model or "gpt-4o-mini"
        self._server = base_url
        self._settings = settings
        self._llm = OpenAILike(
            model=self.name,
            api_base=base_url,
            api_key=api_key or "not-needed",  # local servers accept any key
            is_chat_model=True,
            temperature=settings.temperature,
            max_tokens=settings.max_tokens,
            timeout=settings.request_timeout,
            max_retries=2,
        )

    def stream(self, messages: list[Message]) -> Iterator[str]:
        from llama_index.core.llms import ChatMessage

        chat = [ChatMessage(role=m["role"], content=m["content"]) for m in messages]  # type: ignore[arg-type]
        received = False
        try:
            for part in self._llm.stream_chat(chat):
                received = True
                if part.delta:
                    yield part.delta
        except Exception as exc:  # the openai client raises many types; all mean "the server failed"
            raise AssistantError(_explain(exc, self._server, self._settings.request_timeout)) from None
        if not received:  # not even an empty chunk: the reply was not an OpenAI-style stream
            raise AssistantError(f"The LLM server at {self._server} sent a reply that is not an OpenAI chat stream;"
                                 " check OPENAI_BASE_URL points at the /v1 of an OpenAI-compatible server.")


def _explain(exc: Exception, server: str, timeout: float) -> str:
    """One line that says what went wrong with the LLM server and what to do. Never includes the key."""
    import openai

    if isinstance(exc, openai.AuthenticationError):
        return f"The LLM server at {server} refused the API key (401); check OPENAI_API_KEY."
    if isinstance(exc, openai.RateLimitError):
        return f"The LLM server at {server} is rate-limiting requests (429) even after retries; try again later."
    if isinstance(exc, openai.APITimeoutError):
        return (f"The LLM server at {server} did not answer within {timeout:g} s; raise ASSISTANT_REQUEST_TIMEOUT"
                " or check the server.")
    if isinstance(exc, openai.NotFoundError):
        return f"The LLM server at {server} does not know that model (404); check ASSISTANT_LLM_MODEL."
    if isinstance(exc, openai.APIStatusError):
        return f"The LLM server at {server} failed with HTTP {exc.status_code}; check its logs, or set ASSISTANT_LLM=extractive."
    return (f"Cannot reach the LLM server at {server} ({type(exc).__name__}); check that it is running,"
            " or set ASSISTANT_LLM=extractive.")


@dataclass
class FakeGenerator:
    """Replies with scripted texts in turn, streamed word by word; records what it was asked."""

    replies: list[str] = field(default_factory=list)
    name: str = "fake"
    concurrent: bool = True
    calls: list[list[Message]] = field(default_factory=list)

    def stream(self, messages: list[Message]) -> Iterator[str]:
        self.calls.append(messages)
        reply = self.replies[(len(self.calls) - 1) % len(self.replies)] if self.replies else ""
        for i, word in enumerate(reply.split(" ")):
            yield word if i == 0 else " " + word


def build_generator(settings: Settings) -> Generator | None:
    """The generator ``settings.llm`` asks for; None for extractive mode."""
    if settings.llm == "extractive":
        return None
    if settings.llm == "openai":
        return OpenAIGenerator(settings)
    from assistant.bundled_model import bundled_model_path, check_gguf

    path = check_gguf(Path(settings.llm_model)) if settings.llm_model else bundled_model_path(settings.model_dir)
    return LlamaCppGenerator(path, settings)

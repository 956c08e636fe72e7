"""ASSISTANT_LLM=openai against a real OpenAI-compatible server on loopback (llama.cpp's server)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.errors import AssistantError
from assistant.settings import load_settings
from tests.servers import free_port, running

SECRET = "sk-test-0123456789-never-print-me"


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory) -> Iterator[str]:
    from assistant.bundled_model import bundled_model_path

    model = bundled_model_path(load_settings().model_dir)
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "4096", "--model_alias", "bundled-qwen"]
    url = f"http://127.0.0.1:{port}/v1"
    with running(command, f"{url}/models", tmp_path_factory.mktemp("llm") / "server.log", timeout=180):
        yield url


@pytest.fixture
def openai_env(llm_server, monkeypatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)


@pytest.mark.model
def test_openai_mode_answers_with_verified_citations(openai_env, tmp_path: Path, minilm, caplog):
    caplog.set_level(logging.DEBUG)
    settings = load_settings(llm="openai", llm_model="bundled-qwen", index_dir=tmp_path / "index")
    a = Assistant(settings, embedder=minilm)
    pieces = list(a.stream("Which newspaper did Iliana Ivanova give a written interview to?"))
    answer = pieces[-1]
    assert len(pieces) > 2  # streamed deltas, then the Answer
    assert not answer.refused and "Business Daily" in answer.text
    assert answer.citations and all("Business Daily" in c.text for c in answer.citations)
    assert SECRET not in caplog.text


def test_openai_mode_server_down_is_a_clear_error(tmp_path: Path, minilm, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    settings = load_settings(llm="openai", llm_model="any", index_dir=tmp_path / "index", request_timeout=5)
    a = Assistant(settings, embedder=minilm)
    with pytest.raises(AssistantError, match="ASSISTANT_LLM=extractive") as err:
        a.ask("When will Kishida meet Biden?")
    assert SECRET not in str(err.value)


def test_openai_mode_without_key_for_the_public_api_is_a_clear_error(tmp_path: Path, minilm, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    settings = load_settings(llm="openai", index_dir=tmp_path / "index")
    with pytest.raises(AssistantError, match="OPENAI_API_KEY"):
        Assistant(settings, embedder=minilm).ask("When will Kishida meet Biden?")


@pytest.mark.model
def test_three_turn_conversation_about_the_commissioner(openai_env, tmp_path: Path, minilm):
    settings = load_settings(llm="openai", llm_model="bundled-qwen", index_dir=tmp_path / "index")
    chat = Assistant(settings, embedder=minilm).chat()
    first = chat.ask("Who is the EU Commissioner for Innovation and Research?")
    assert "Ivanova" in first.text and first.citations
    second = chat.ask("Which newspaper did she speak to?")
    assert second.standalone_question and "Ivanova" in second.standalone_question  # rewritten by the model
    assert "Business Daily" in second.text and second.citations
    third = chat.ask("What does the framework she discussed aim to reduce?")
    assert not third.refused and third.citations
    assert any(w in third.text.lower() for w in ("dependen", "reliance", "china"))

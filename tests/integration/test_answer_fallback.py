"""How the extractive answer backs the model up in generator modes (real embedder, scripted model)."""

from __future__ import annotations

from pathlib import Path

from assistant.assistant import Assistant
from assistant.llm import FakeGenerator
from assistant.settings import load_settings
from assistant.vectors import MemoryVectors


def make(tmp_path: Path, articles: Path, minilm, replies: list[str]) -> tuple[Assistant, FakeGenerator]:
    generator = FakeGenerator(replies)
    settings = load_settings(index_dir=tmp_path / "index", articles_dir=articles, llm="local")
    return Assistant(settings, embedder=minilm, vectors=MemoryVectors(), generator=generator), generator


def test_no_sentence_of_the_asked_kind_refuses_without_asking_the_model(tmp_path, articles_copy, minilm):
    a, generator = make(tmp_path, articles_copy, minilm, ["Japan will invest $5 billion [1]."])
    answer = a.ask("How much money will Japan and the US invest in the joint AI research framework?")
    assert answer.refused and not answer.citations
    assert generator.calls == []  # the articles state no amount: the model is never asked to invent one


def test_a_refusing_model_is_backed_by_the_quoted_sentence(tmp_path, articles_copy, minilm):
    a, generator = make(tmp_path, articles_copy, minilm, ["The articles do not say."])
    answer = a.ask("When will Kishida meet Biden?")
    assert len(generator.calls) == 1
    assert not answer.refused
    assert "April 10" in answer.text
    assert answer.citations and all(c.quote in c.text for c in answer.citations)
    assert answer.draft == "The articles do not say."


def test_a_supported_model_answer_is_kept(tmp_path, articles_copy, minilm):
    a, _ = make(tmp_path, articles_copy, minilm, ["Kishida's official visit is on April 10 [1]."])
    answer = a.ask("When will Kishida meet Biden?")
    assert answer.text.startswith("Kishida's official visit is on April 10")
    assert not answer.refused

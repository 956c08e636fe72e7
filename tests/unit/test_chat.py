"""Conversation logic with the small fakes: rewriting, history budget, save and resume."""

from __future__ import annotations

from pathlib import Path

from assistant.assistant import Assistant
from assistant.chat import Conversation, Turn
from assistant.embeddings import HashEmbedder
from assistant.llm import FakeGenerator
from assistant.settings import load_settings
from assistant.vectors import MemoryVectors


def make(tmp_path: Path, llm: str, replies: list[str]) -> tuple[Assistant, FakeGenerator]:
    generator = FakeGenerator(replies)
    settings = load_settings(index_dir=tmp_path / "index", llm=llm)
    return Assistant(settings, embedder=HashEmbedder(), vectors=MemoryVectors(), generator=generator), generator


def test_fallback_carries_the_previous_questions_entities(tmp_path):
    a, _ = make(tmp_path, "extractive", [])
    chat = Conversation(a, [Turn("Who is the EU Commissioner for Innovation and Research?",
                                 "Who is the EU Commissioner for Innovation and Research?", "Iliana Ivanova [1]")])
    assert chat.standalone("Which newspaper did she speak to?") == \
        "Which newspaper did she speak to? (Iliana Ivanova EU Commissioner Innovation Research)"
    # A question that stands alone is left alone.
    assert chat.standalone("Which companies join the Japan-US framework?") == "Which companies join the Japan-US framework?"
    # Short, but naming its own subject: not a follow-up (it used to become "... France? (EU ...)").
    assert chat.standalone("What is the capital of France?") == "What is the capital of France?"
    assert chat.standalone("And her title?") != "And her title?"  # a pronoun still ties it to the history
    # Only "she", "her", "he" … stand for the person the answer named; "it" does not.
    assert "Ivanova" not in chat.standalone("When was it published?")


def test_a_served_model_rewrites_follow_ups(tmp_path):
    a, generator = make(tmp_path, "openai", ["Which newspaper did Iliana Ivanova speak to?\nextra line"])
    chat = Conversation(a, [Turn("Who is Iliana Ivanova?", "Who is Iliana Ivanova?", "The EU commissioner [1].")])
    assert chat.standalone("Which newspaper did she speak to?") == "Which newspaper did Iliana Ivanova speak to?"
    prompt = generator.calls[-1][0]["content"]
    assert "User: Who is Iliana Ivanova?" in prompt and "Assistant: The EU commissioner." in prompt


def test_an_unusable_rewrite_falls_back(tmp_path):
    a, _ = make(tmp_path, "openai", ["", "The Business Daily."])  # nothing, then an answer, not a question
    chat = Conversation(a, [Turn("Who is Iliana Ivanova?", "Who is Iliana Ivanova?", "The EU commissioner [1].")])
    for _ in range(2):
        assert chat.standalone("Which newspaper did she speak to?") == "Which newspaper did she speak to? (Iliana Ivanova)"


def test_the_local_model_is_not_asked_to_rewrite(tmp_path):
    a, generator = make(tmp_path, "local", ["SHOULD NOT BE USED"])
    chat = Conversation(a, [Turn("Who is Iliana Ivanova?", "Who is Iliana Ivanova?", "x")])
    assert "SHOULD NOT" not in chat.standalone("What did she say?") and not generator.calls


def test_history_fits_its_word_budget_newest_first(tmp_path):
    turns = [Turn(f"question {i} " + "word " * 40, "s", "answer [1] " + "w " * 80) for i in range(10)]
    chat = Conversation(None, turns, history_words=300)  # type: ignore[arg-type]
    text = chat.history_text()
    assert len(text.split()) <= 300
    assert "question 9" in text and "question 0" not in text
    assert "[1]" not in text


def test_save_and_resume(tmp_path):
    a, _ = make(tmp_path, "extractive", [])
    chat = Conversation(a, [Turn("q1", "q1", "a1"), Turn("she?", "she? (Ivanova)", "a2")])
    chat.save(tmp_path / "chat.json")
    resumed = Conversation.load(a, tmp_path / "chat.json")
    assert resumed.turns == chat.turns


def test_fallback_carries_what_the_previous_question_asked_about_but_not_words_about_the_text(tmp_path):
    a, _ = make(tmp_path, "extractive", [])
    chat = Conversation(a, [Turn("What is the US doing about exports of advanced AI chips?",
                                 "What is the US doing about exports of advanced AI chips?", "x [1]")])
    # "exports", "chips": what "that" stands for, so retrieval finds the export-curbs sentence.
    assert chat.standalone("Which country is that aimed at?") == \
        "Which country is that aimed at? (US AI doing exports advanced chips)"
    chat = Conversation(a, [Turn("When was the MENAFN article published?", "When was the MENAFN article published?", "x")])
    # "article published" would make the follow-up a question about the article's date.
    assert chat.standalone("Which technology firms does it mention?") == "Which technology firms does it mention? (MENAFN)"


def test_chat_shorthand_and_short_months_are_written_out() -> None:
    from assistant.normalize import truecase

    assert truecase("what do tokyo n washington get out of it", {}) == "what do tokyo and washington get out of it"
    assert truecase("whats the framework w the tech giants for", {}) == "what's the framework with the tech giants for"
    assert truecase("since the summit is apr 20, wat firms", {}) == "since the summit is April 20, what firms"
    assert truecase("which jp minister leads the collab", {}) == "which Japan minister leads the collaboration"
    # "cos" is companies after a word that names some, and stays "cos" (because) elsewhere.
    assert truecase("which tech cos r in it", {}) == "which tech companies are in it"
    assert truecase("cos i need it, who is she", {}) == "cos i need it, who is she"


def test_a_claim_to_confirm_or_deny_is_asked_as_whether_it_is_true() -> None:
    from assistant.normalize import truecase

    assert (truecase("Confirm or deny: the tech giants named are Nvidia, Arm and Google.", {})
            == "Is it true that the tech giants named are Nvidia, Arm and Google?")
    assert truecase("Fact check: Kishida meets Biden on April 12", {}) == "Is it true that Kishida meets Biden on April 12?"
    # A question after the prefix is left as asked.
    assert truecase("Confirm: is the visit on April 10?", {}) == "Confirm: is the visit on April 10?"

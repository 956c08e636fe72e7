"""Unit tests for assistant.prompts: templates by name with checked variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import AssistantError
from assistant.prompts import Prompts

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"


@pytest.fixture
def prompts() -> Prompts:
    return Prompts(PROMPTS_DIR)


def test_answer_renders_with_exactly_evidence_and_question(prompts: Prompts) -> None:
    assert sorted(prompts.template("answer").get_identifiers()) == ["evidence", "question"]
    text = prompts.render("answer", evidence="[1] (Title, 2024-03-31) Kishida visits.", question="When is the visit?")
    assert "[1] (Title, 2024-03-31) Kishida visits." in text
    assert "When is the visit?" in text
    assert "$" not in text
    assert text == text.strip()
    # The question comes last too: a small model answers what it read most recently.
    assert text.index("Kishida visits.") < text.rindex("When is the visit?")


def test_system_prompt_has_no_variables(prompts: Prompts) -> None:
    text = prompts.render("system")
    assert "square brackets" in text and "$" not in text
    with pytest.raises(AssistantError):
        prompts.render("system", question="x")


def test_values_are_inserted_literally(prompts: Prompts) -> None:
    # A value that looks like a placeholder or contains braces is not substituted again.
    text = prompts.render("answer", evidence="{json} and $question", question="What about $evidence?")
    assert "{json} and $question" in text
    assert "What about $evidence?" in text


@pytest.mark.parametrize(
    "values",
    [
        {"evidence": "E"},  # missing question
        {"question": "Q"},  # missing evidence
        {},
        {"evidence": "E", "question": "Q", "extra": "X"},  # unexpected variable
        {"evidence": "E", "query": "Q"},  # misspelt variable
    ],
)
def test_answer_refuses_wrong_variables(prompts: Prompts, values: dict[str, str]) -> None:
    with pytest.raises(AssistantError, match=r"answer\.txt") as err:
        prompts.render("answer", **values)
    assert "evidence" in str(err.value) and "question" in str(err.value)


def test_missing_template(prompts: Prompts, tmp_path: Path) -> None:
    with pytest.raises(AssistantError, match="nonexistent"):
        prompts.render("nonexistent")
    with pytest.raises(AssistantError, match="missing"):
        Prompts(tmp_path / "no-such-folder").render("answer", evidence="E", question="Q")


def test_braces_need_no_escaping(tmp_path: Path) -> None:
    (tmp_path / "json.txt").write_text('Reply as {json} like {"n": 1} for $x; cost $$5.\n', encoding="utf-8")
    assert Prompts(tmp_path).render("json", x="Kishida") == 'Reply as {json} like {"n": 1} for Kishida; cost $5.'


def test_braced_placeholder_form(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("${x}y and {x}", encoding="utf-8")
    assert Prompts(tmp_path).render("t", x="A") == "Ay and {x}"


def test_templates_are_cached(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("first $x", encoding="utf-8")
    prompts = Prompts(tmp_path)
    assert prompts.render("t", x="1") == "first 1"
    path.write_text("second $x", encoding="utf-8")
    assert prompts.render("t", x="1") == "first 1"


def test_invalid_placeholder_is_an_assistant_error(tmp_path: Path) -> None:
    (tmp_path / "price.txt").write_text("The budget is $5 for $x.", encoding="utf-8")
    with pytest.raises(AssistantError, match=r"price\.txt"):
        Prompts(tmp_path).render("price", x="AI")

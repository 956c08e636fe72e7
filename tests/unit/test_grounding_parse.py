"""Unit tests for the pure parts of assistant.grounding: parse_answer, content_words, is_refusal."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.catalog import STOPWORDS
from assistant.grounding import REFUSAL_TEXT, Sentence, content_words, is_refusal, parse_answer

# --- parse_answer -----------------------------------------------------------------------------------


def test_markers_before_the_period() -> None:
    assert parse_answer("Kishida meets Biden on April 10 [1]. Firms include Nvidia [2][3].") == [
        Sentence("Kishida meets Biden on April 10.", [1]),
        Sentence("Firms include Nvidia.", [2, 3]),
    ]


def test_marker_after_the_period_attaches_to_that_sentence() -> None:
    assert parse_answer("Kishida meets Biden on April 10. [1] Firms include Nvidia. [2]") == [
        Sentence("Kishida meets Biden on April 10.", [1]),
        Sentence("Firms include Nvidia.", [2]),
    ]


@pytest.mark.parametrize("marker", ["[1, 2]", "[1,2]", "[1; 2]", "[1 , 2]"])
def test_list_marker_cites_every_number(marker: str) -> None:
    assert parse_answer(f"Nvidia and Arm take part {marker}.") == [Sentence("Nvidia and Arm take part.", [1, 2])]


def test_repeated_numbers_are_cited_once_in_order() -> None:
    assert parse_answer("Nvidia takes part [3][1][3, 1].") == [Sentence("Nvidia takes part.", [3, 1])]


def test_no_markers_gives_empty_citations() -> None:
    assert parse_answer("Kishida meets Biden on April 10. Firms include Nvidia.") == [
        Sentence("Kishida meets Biden on April 10.", []),
        Sentence("Firms include Nvidia.", []),
    ]


def test_marker_in_mid_sentence_stays_with_its_sentence() -> None:
    assert parse_answer("Kishida [1] meets Biden [2] on April 10. Firms include Nvidia.") == [
        Sentence("Kishida meets Biden on April 10.", [1, 2]),
        Sentence("Firms include Nvidia.", []),
    ]


def test_leading_marker_goes_to_first_sentence() -> None:
    assert parse_answer("[4] Kishida meets Biden.") == [Sentence("Kishida meets Biden.", [4])]


def test_markers_removed_from_text_on_each_line() -> None:
    result = parse_answer("Line one ends here [1]\nLine two ends here [2]")
    assert result == [Sentence("Line one ends here", [1]), Sentence("Line two ends here", [2])]


def test_non_numeric_brackets_are_not_markers() -> None:
    assert parse_answer("The index [a] rose [x, 1].") == [Sentence("The index [a] rose [x, 1].", [])]


def test_empty_answer() -> None:
    assert parse_answer("") == []
    assert parse_answer("   ") == []
    assert parse_answer("[1]") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Kishida meets Biden", "Firms include Nvidia", "The EU agrees",
                                            "U.S. talks begin", "Output rose 3.5 percent"]),
                          st.lists(st.integers(min_value=1, max_value=9), max_size=3),
                          st.booleans()),
                min_size=1, max_size=6))
def test_parse_answer_round_trip(parts: list[tuple[str, list[int], bool]]) -> None:
    """Sentences each followed by their markers, before or after the period, parse back exactly."""
    pieces = []
    for text, numbers, after in parts:
        markers = "".join(f"[{n}]" for n in numbers)
        if not markers:
            pieces.append(f"{text}.")
        else:
            pieces.append(f"{text}. {markers}" if after else f"{text} {markers}.")
    result = parse_answer(" ".join(pieces))
    assert [s.text for s in result] == [f"{text}." for text, _, _ in parts]
    assert [s.cited for s in result] == [list(dict.fromkeys(numbers)) for _, numbers, _ in parts]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_answer_never_raises(text: str) -> None:
    for sentence in parse_answer(text):
        assert sentence.text.strip()
        assert all(isinstance(n, int) for n in sentence.cited)


# --- content_words ----------------------------------------------------------------------------------


def test_content_words_drop_stopwords_and_short_words() -> None:
    words = content_words("What did the Prime Minister say about a deal with the EU?")
    assert words == {"prime", "minist", "deal", "eu"}  # Porter stems
    assert not words & STOPWORDS


def test_content_words_only_stopwords() -> None:
    assert content_words("What is it that they said to us about this?") == {"us"}
    assert content_words("the a of and") == set()
    assert content_words("") == set()


def test_content_words_lowercase_and_possessive() -> None:
    assert content_words("Japan's NVIDIA Kishida’s") == {"japan", "nvidia", "kishida"}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("chips", "chip"),
        ("batteries", "battery"),
        ("nations", "nation"),
        ("engaging", "engaged"),
        ("restricting", "restrict"),
        ("meets", "meeting"),
    ],
)
def test_content_words_share_a_stem(one: str, other: str) -> None:
    assert content_words(one) == content_words(other) and len(content_words(one)) == 1


@pytest.mark.parametrize(("one", "other"), [("class", "clash"), ("bus", "but"), ("trade", "research")])
def test_different_words_keep_different_stems(one: str, other: str) -> None:
    assert not content_words(one) & content_words(other)


def test_plural_and_singular_share_a_word() -> None:
    assert content_words("Japan exports chips") & content_words("a chip made in Japan") == {"japan", "chip"}


def test_content_words_numbers_are_kept() -> None:
    assert content_words("On April 10, 2024 at 9") == {"april", "10", "2024"}


# --- is_refusal -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The articles do not say.",
        "The passages don't mention it.",
        "No information is given.",
        "The article does not specify the date.",
        "I cannot determine that from the passages.",
        "This is not mentioned in the articles.",
        "THE ARTICLES DO NOT SAY.",
        "There are no details about the cost.",
    ],
)
def test_refusals_detected(text: str) -> None:
    assert is_refusal(text)


def test_the_canonical_refusal_is_a_refusal() -> None:
    assert is_refusal(REFUSAL_TEXT)
    assert parse_answer(REFUSAL_TEXT) == [Sentence(REFUSAL_TEXT, [])]


@pytest.mark.parametrize(
    "text",
    [
        "Kishida meets Biden on April 10.",
        "Firms include Nvidia, Arm and Amazon.",
        "Japan and the EU will cooperate on batteries.",
        "Nothing about notable donors.",
        "",
    ],
)
def test_claims_are_not_refusals(text: str) -> None:
    assert not is_refusal(text)


@pytest.mark.parametrize("text", ["The passages don’t mention it.", "The article doesn’t say.",
                                  "The articles can’t tell."])
def test_refusals_with_typographic_apostrophe(text: str) -> None:
    assert is_refusal(text)

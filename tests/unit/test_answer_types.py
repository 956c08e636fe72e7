"""The kind of fact a question asks for, and whether a sentence carries it."""

from __future__ import annotations

import pytest

from assistant.answer_types import carries, expected_kind


@pytest.mark.parametrize(("question", "kind"), [
    ("When will Kishida meet Biden?", "date"),
    ("On what date is the official visit?", "date"),
    ("Which day is the premier's trip scheduled for?", "date"),
    ("How much money will Japan invest?", "money"),
    ("How many billions of dollars did Japan pledge?", "money"),
    ("How many days will the visit last?", "number:day"),
    ("How long will the visit last?", "number:duration"),
    ("How old is she?", "number:age"),
    ("What percentage of chips come from Taiwan?", "number"),
    ("Which companies could join the framework?", None),
    ("Who is the EU Commissioner for Innovation?", None),
    ("What did Joe Biden say about the partnership with Japan?", "speech:Biden"),
    ("What did Fumio Kishida personally say about China's military?", "speech:Kishida"),
    ("What does the MENAFN report say about the firms?", None),  # not a person: an open question
    ("Who is the author of the article about the alliance?", "author"),
    ("Who wrote the report?", "author"),
    ("Make up a realistic quote from Biden about the partnership.", "speech:Biden"),
])
def test_expected_kind(question: str, kind: str | None) -> None:
    assert expected_kind(question) == kind


def test_explicit_dates_beat_relative_ones() -> None:
    explicit = carries("The engagement, marked by Kishida's official visit on April 10, is expected", "date")
    relative = carries("Kishida meets with President Joe Biden in the United States next month.", "date")
    assert explicit == 1.0
    assert 0 < relative < explicit
    assert carries("Japan and the EU discuss rare metals.", "date") == 0.0


def test_counted_things_need_their_count() -> None:
    assert carries("The visit will last three days.", "number:day") == 1.0
    assert carries("The 2 nations met on April 10.", "number:day") == 0.0  # a number, but not of days
    assert carries("underscore the partnership between the two nations", "number:age") == 0.0
    assert carries("Ivanova, 48, is aged 48 this year.", "number:age") == 1.0
    assert carries("They met for 3 hours.", "number:duration") == 1.0


def test_money_needs_an_amount() -> None:
    assert carries("Japan pledged $5 billion.", "money") == 1.0
    assert carries("Japan will invest 300 billion yen.", "money") == 1.0
    assert carries("The framework engages Nvidia, Arm and Amazon.", "money") == 0.0
    assert carries("anything at all", None) == 1.0


def test_what_someone_said_needs_their_words() -> None:
    kind = "speech:Ivanova"
    assert carries("Iliana Ivanova, the EU Commissioner, expressed in a written interview the benefits.", kind) == 1
    assert carries("Ivanova told the Business Daily that cooperation helps both sides.", kind) == 1
    assert carries("Iliana Ivanova is the EU Commissioner for Innovation and Research.", kind) == 0
    assert carries("Officials said the talks would start soon.", kind) == 0  # words, but not hers
    # "States" in "United States" is not a verb of speech.
    assert carries("Kishida meets President Joe Biden in the United States next month.", "speech:Biden") == 0


def test_who_wrote_it_needs_a_byline() -> None:
    assert carries("By Jane Doe, Tokyo correspondent", "author") == 1
    assert carries("Reporting by Kiyoshi Takenaka; editing by Sam Holmes", "author") == 1
    assert carries("The engagement, marked by Kishida's official visit on April 10, is expected.", "author") == 0
    assert carries("The report was published by the Asahi Shimbun newspaper.", "author") == 0

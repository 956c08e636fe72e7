"""The feedback store: ratings survive reopening, exports round-trip, unicode and bad input."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from assistant.errors import AssistantError
from assistant.feedback import CSV_FIELDS, FeedbackStore, export_feedback, feedback_path
from assistant.settings import load_settings

ANSWER = {
    "question": "When will Kishida meet Biden?",
    "answer": "On April 10 [1].",
    "refused": False,
    "citations": [{"n": 1, "title": "US and Japan Boost AI", "quote": "marked by Kishida's official visit on April 10"}],
    "timings": {"total": 1.5},
}
UNICODE = {"question": "Qu’a dit 岸田 ?", "answer": "Rien — « pas dans les articles » 🙂\nligne 2, \"guillemets\"",
           "refused": True, "citations": [], "timings": {}}


def test_nothing_is_created_until_the_first_rating(tmp_path: Path):
    store = FeedbackStore(tmp_path / "sub" / "feedback.sqlite")
    assert store.all() == []
    assert not (tmp_path / "sub").exists()
    assert store.export_jsonl(tmp_path / "empty.jsonl") == 0
    assert (tmp_path / "empty.jsonl").read_text() == ""


def test_ratings_are_stored_and_survive_reopening(tmp_path: Path):
    path = tmp_path / "feedback.sqlite"
    store = FeedbackStore(path)
    first = store.add(ANSWER["question"], ANSWER, "up", "  exact date, thanks  ")
    second = store.add(UNICODE["question"], UNICODE, -1)
    assert second > first

    reopened = FeedbackStore(path).all()
    assert [r["id"] for r in reopened] == [first, second]
    assert reopened[0]["rating"] == 1 and reopened[0]["comment"] == "exact date, thanks"
    assert reopened[0]["answer"] == ANSWER and reopened[0]["question"] == ANSWER["question"]
    assert reopened[1]["rating"] == -1 and reopened[1]["comment"] == "" and reopened[1]["answer"] == UNICODE
    # The file is plain SQLite that other tools can read.
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT rating, refused FROM feedback ORDER BY id").fetchall() == [(1, 0), (-1, 1)]


def test_jsonl_export_round_trips(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    store.add(ANSWER["question"], ANSWER, 1, "good")
    store.add(UNICODE["question"], UNICODE, "down", "pas bon — 不对")
    out = tmp_path / "feedback.jsonl"
    assert store.export_jsonl(out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == store.all()
    assert "不对" in lines[1]  # written as UTF-8, not escaped


def test_csv_export_round_trips(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    store.add(ANSWER["question"], ANSWER, 1, "a, comma")
    store.add(UNICODE["question"], UNICODE, -1, "multi\nline 🙂")
    out = tmp_path / "feedback.csv"
    assert store.export_csv(out) == 2
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == CSV_FIELDS
        rows = list(reader)
    for row, record in zip(rows, store.all(), strict=True):
        assert int(row["id"]) == record["id"] and row["created"] == record["created"]
        assert int(row["rating"]) == record["rating"] and row["comment"] == record["comment"]
        assert row["question"] == record["question"] and row["answer_text"] == record["answer"]["answer"]
        assert int(row["refused"]) == int(record["answer"]["refused"])
        assert json.loads(row["answer_json"]) == record["answer"]


def test_bad_ratings_and_comments_are_user_errors(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")
    with pytest.raises(AssistantError, match="'up' or 'down'"):
        store.add("q", ANSWER, 5)
    with pytest.raises(AssistantError, match="comment"):
        store.add("q", ANSWER, 1, "x" * 5000)
    assert store.all() == []


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path: Path):
    path = tmp_path / "feedback.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(AssistantError, match="not a readable feedback file") as info:
        FeedbackStore(path).add("q", ANSWER, 1)
    assert "\n" not in str(info.value)


def test_export_feedback_picks_the_format_from_the_suffix(tmp_path: Path):
    settings = load_settings(index_dir=tmp_path / "index")
    FeedbackStore(feedback_path(settings)).add(ANSWER["question"], ANSWER, "up")
    assert feedback_path(settings) == tmp_path / "index" / "feedback.sqlite"
    assert export_feedback(settings, tmp_path / "out.csv") == 1
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith(",".join(CSV_FIELDS))
    assert export_feedback(settings, tmp_path / "out.jsonl") == 1
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["rating"] == 1
    with pytest.raises(AssistantError, match=r"\.jsonl or a \.csv"):
        export_feedback(settings, tmp_path / "out.xlsx")
    with pytest.raises(AssistantError, match="not a folder"):
        export_feedback(settings, tmp_path / "missing" / "out.csv")

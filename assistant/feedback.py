"""Feedback on answers (thumbs up/down and an optional comment), kept durably in one SQLite file.

The store lives at ``<index_dir>/feedback.sqlite`` beside the index (`feedback_path`). Nothing is created
at import time or when a store object is made: the file and its table appear on the first `add`, and
reading a store that was never written returns nothing. Each write is one short transaction in WAL
mode with ``synchronous=FULL``, so a stored rating survives a crash and several server processes (or
threads) can write to the same file.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.settings import Settings

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer_text TEXT NOT NULL,
    refused INTEGER NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL,
    answer_json TEXT NOT NULL
);
"""
# The flat columns of a CSV export; `answer_json` carries the whole answer so a CSV round-trips.
CSV_FIELDS = ["id", "created", "rating", "comment", "question", "answer_text", "refused", "answer_json"]
_RATINGS = {"up": 1, "+1": 1, "1": 1, "down": -1, "-1": -1}
MAX_COMMENT_CHARS = 4000


def feedback_path(settings: Settings) -> Path:
    """Where the feedback of an index is kept: ``<index_dir>/feedback.sqlite``."""
    return settings.index_dir / "feedback.sqlite"


def _rating(value: int | str) -> int:
    key = str(value).strip().lower()
    if key not in _RATINGS:
        raise AssistantError(f"A rating is 'up' or 'down' (1 or -1), not {value!r}.")
    return _RATINGS[key]


class FeedbackStore:
    """Ratings of answers in the SQLite file at ``path`` (created on the first `add`)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @contextmanager
    def _connect(self, create: bool) -> Iterator[sqlite3.Connection | None]:
        if not create and not self.path.exists():
            yield None
            return
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise AssistantError(f"Cannot open the feedback file {self.path} ({exc}); check the folder's permissions.") from None
        try:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=FULL")  # a stored rating survives a power cut
            if create:
                con.executescript(_SCHEMA)
            yield con
        except sqlite3.DatabaseError as exc:
            raise AssistantError(
                f"{self.path} is not a readable feedback file ({exc}); move it away and try again."
            ) from None
        finally:
            con.close()

    def add(self, question: str, answer: dict[str, Any], rating: int | str, comment: str = "") -> int:
        """Store one rating of ``answer`` (an `Answer.to_dict()`); return its id.

        ``rating`` is ``1``/``"up"`` or ``-1``/``"down"``; ``comment`` is optional free text.
        """
        value = _rating(rating)
        comment = (comment or "").strip()
        if len(comment) > MAX_COMMENT_CHARS:
            raise AssistantError(f"The comment is {len(comment)} characters long; keep it under {MAX_COMMENT_CHARS}.")
        row = (
            datetime.now(UTC).isoformat(timespec="seconds"),
            question,
            str(answer.get("answer", "")),
            int(bool(answer.get("refused", False))),
            value,
            comment,
            json.dumps(answer, ensure_ascii=False),
        )
        with self._connect(create=True) as con:
            assert con is not None
            cur = con.execute(
                "INSERT INTO feedback (created, question, answer_text, refused, rating, comment, answer_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cur.lastrowid or 0)

    def all(self) -> list[dict[str, Any]]:
        """Every stored rating, oldest first: ``{id, created, question, rating, comment, answer}``."""
        with self._connect(create=False) as con:
            if con is None:
                return []
            has_table = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='feedback'").fetchone()
            if not has_table:
                return []
            rows = con.execute(
                "SELECT id, created, question, rating, comment, answer_json FROM feedback ORDER BY id"
            ).fetchall()
        return [
            {"id": r[0], "created": r[1], "question": r[2], "rating": r[3], "comment": r[4], "answer": json.loads(r[5])}
            for r in rows
        ]

    def export_jsonl(self, path: str | Path) -> int:
        """Write every rating as one JSON object per line (the `all` records); return how many."""
        records = self.all()
        with Path(path).open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(records)

    def export_csv(self, path: str | Path) -> int:
        """Write every rating as a CSV row (`CSV_FIELDS`, UTF-8, header first); return how many."""
        records = self.all()
        with Path(path).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
            writer.writeheader()
            for r in records:
                writer.writerow({
                    "id": r["id"], "created": r["created"], "rating": r["rating"], "comment": r["comment"],
                    "question": r["question"], "answer_text": r["answer"].get("answer", ""),
                    "refused": int(bool(r["answer"].get("refused", False))),
                    "answer_json": json.dumps(r["answer"], ensure_ascii=False),
                })
        return len(records)


def export_feedback(settings: Settings, path: str | Path) -> int:
    """Export the index's feedback to ``path``: CSV for ``.csv``, JSON Lines for ``.jsonl``/``.ndjson``.

    Returns the number of ratings written. An unknown suffix is an `AssistantError`.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".ndjson"):
        raise AssistantError(f"{target}: export feedback to a .jsonl or a .csv file.")
    if not target.parent.is_dir():
        raise AssistantError(f"{target.parent} is not a folder; give a path in an existing folder.")
    store = FeedbackStore(feedback_path(settings))
    return store.export_csv(target) if suffix == ".csv" else store.export_jsonl(target)

"""Plain data that flows between the pipeline stages and out of every surface."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One cleaned article. ``text`` is the cleaned text every chunk offset refers to."""

    article_id: str
    path: str
    title: str
    text: str
    source: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when the text carries one
    content_hash: str = ""

    def header(self) -> str:
        """``title, source, date``: what the article is, for embeddings, keyword search and prompts."""
        return ", ".join(x for x in (self.title, self.source, spelled_date(self.date)) if x)


def spelled_date(iso: str | None) -> str | None:
    """``2024-03-31`` -> ``2024-03-31 (March 31, 2024)``: matches how people and models write dates."""
    if not iso:
        return None
    from datetime import date

    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{iso} ({d:%B} {d.day}, {d.year})"


@dataclass(frozen=True)
class Chunk:
    """A span of an article: ``text == article.text[start:end]``."""

    chunk_id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class Citation:
    """Where a marked sentence of an answer comes from."""

    n: int
    chunk_id: str
    article_id: str
    title: str
    text: str
    quote: str
    start: int
    end: int
    score: float
    source: str | None = None
    date: str | None = None
    path: str | None = None
    # Offsets of `quote` inside the article's cleaned text, for highlighting.
    quote_start: int = 0
    quote_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    """A cited answer: ``text`` carries ``[n]`` markers, one `Citation` per number used."""

    question: str
    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # The question actually retrieved for (differs from `question` for chat follow-ups).
    standalone_question: str | None = None
    # The generator's text before verification (None in extractive mode), for debugging and evaluation.
    draft: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "timings": dict(self.timings),
            "standalone_question": self.standalone_question,
            "draft": self.draft,
        }


@dataclass(frozen=True)
class IngestReport:
    """What one ingest run changed; ``chunks`` is the index's total afterwards."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

"""A generated corpus of plain-text news-like articles, deterministic for a seed."""

from __future__ import annotations

import random
from pathlib import Path

_SUBJECTS = ["The ministry", "Officials", "The company", "Analysts", "The central bank", "Lawmakers", "The agency",
             "Researchers", "The mayor", "Investors", "The union", "The regulator"]
_VERBS = ["said", "announced", "reported", "warned", "confirmed", "expected", "estimated", "denied", "argued",
          "proposed"]
_OBJECTS = ["a new budget for rail maintenance", "higher spending on coastal defences", "a delay to the port project",
            "record exports of machine tools", "a fall in regional unemployment", "new rules for battery recycling",
            "a shortage of skilled welders", "an agreement on fishing quotas", "lower prices for wholesale power",
            "a review of hospital waiting lists", "stronger demand for copper wire", "a pilot for rural broadband"]
_TAILS = ["on Tuesday", "in a statement", "after a long meeting", "despite objections", "for the third year",
          "according to the figures", "in the northern provinces", "ahead of the vote"]


def article_text(rng: random.Random, n: int, paragraphs: int) -> str:
    """One article: a title line, then ``paragraphs`` paragraphs of four to six sentences."""
    town = f"Town{n:04d}"
    lines = [f"{town} report number {n} on {rng.choice(_OBJECTS)}"]
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(4, 6)):
            sentences.append(f"{rng.choice(_SUBJECTS)} in {town} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
                             f" {rng.choice(_TAILS)}, with {rng.randint(2, 999)} cases noted.")
        lines.append(" ".join(sentences))
    return "\n\n".join(lines) + "\n"


def write_corpus(folder: Path, articles: int, paragraphs: int = 8, seed: int = 0, generation: int = 0) -> list[Path]:
    """Write ``articles`` files into ``folder``; a different ``generation`` changes every file's text."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}-{generation}")
    paths = []
    for n in range(articles):
        path = folder / f"report-{n:04d}.txt"
        path.write_text(article_text(rng, n, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths

"""The metrics: small pure functions over plain values, each unit-tested on hand-computed inputs.

Retrieval metrics take ``relevant``, one boolean per retrieved chunk in rank order (rank 1 first).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
P = TypeVar("P")

_MARKER = re.compile(r"\s*\[\d+(?:\s*[,;]\s*\d+)*\]")

# --- retrieval ----------------------------------------------------------------------------------


def hit_at_k(relevant: Sequence[bool], k: int) -> float:
    """1.0 when a relevant chunk is among the first ``k``, else 0.0."""
    return 1.0 if any(relevant[:k]) else 0.0


def recall_at_k(covered: Sequence[set[int]], n_evidence: int, k: int) -> float:
    """Share of the ``n_evidence`` evidence items that the first ``k`` chunks cover.

    ``covered[i]`` is the set of evidence indexes (0..n_evidence-1) the chunk at rank i+1 contains.
    """
    if n_evidence <= 0:
        raise ValueError("recall needs at least one evidence item")
    found = set().union(*covered[:k]) if covered[:k] else set()
    return len(found & set(range(n_evidence))) / n_evidence


def reciprocal_rank(relevant: Sequence[bool], k: int) -> float:
    """1 / rank of the first relevant chunk within the first ``k``; 0.0 when there is none (MRR per query)."""
    for rank, rel in enumerate(relevant[:k], 1):
        if rel:
            return 1.0 / rank
    return 0.0


def dcg(gains: Sequence[float]) -> float:
    """Discounted cumulative gain: sum of gain_i / log2(i + 1), ranks from 1."""
    return sum(g / math.log2(rank + 1) for rank, g in enumerate(gains, 1))


def ndcg_at_k(gains: Sequence[float], n_ideal: int, k: int) -> float:
    """Binary nDCG@k: DCG of the first ``k`` gains over the DCG of ``min(k, n_ideal)`` ones at the top.

    The harness passes novelty gains (1 for a chunk that covers an evidence item no higher-ranked chunk
    covered, else 0) and ``n_ideal`` = the number of evidence items any chunk of the index covers.
    """
    ideal = dcg([1.0] * min(k, n_ideal))
    return dcg(gains[:k]) / ideal if ideal > 0 else 0.0


def novelty_gains(covered: Sequence[set[int]]) -> list[float]:
    """1.0 for a chunk that covers an evidence item not covered higher up, else 0.0 (overlaps count once)."""
    seen: set[int] = set()
    gains = []
    for items in covered:
        gains.append(1.0 if items - seen else 0.0)
        seen |= items
    return gains


# --- answers ------------------------------------------------------------------------------------


def strip_markers(text: str) -> str:
    """The answer text without its ``[n]`` citation markers (so ``[10]`` never matches a fact)."""
    return _MARKER.sub("", text)


def facts_correct(answer: str, required_facts: Sequence[str], refused: bool) -> bool:
    """True when the answer is not a refusal and every required-fact regex matches it (case-insensitive)."""
    if refused:
        return False
    text = strip_markers(answer)
    return all(re.search(pattern, text, re.I) for pattern in required_facts)


def refusal_scores(should_refuse: Sequence[bool], refused: Sequence[bool]) -> tuple[float | None, float | None]:
    """(precision, recall) of refusals: refused-and-should / refused, refused-and-should / should-refuse.

    None where the denominator is zero.
    """
    both = sum(1 for s, r in zip(should_refuse, refused, strict=True) if s and r)
    n_refused = sum(refused)
    n_should = sum(should_refuse)
    return (both / n_refused if n_refused else None, both / n_should if n_should else None)


# --- citations (ALCE-style) ------------------------------------------------------------------------


@dataclass(frozen=True)
class CitationScore:
    """Citation quality of one answer."""

    recall: float | None  # supported sentences / sentences (None: no sentence)
    precision: float | None  # supporting citations / citations (None: no citation)
    sentences: int
    supported_sentences: int
    citations: int
    supporting_citations: int
    judge_errors: int


def citation_scores(
    sentences: Sequence[tuple[str, Sequence[P | None]]],
    judge: Callable[[str, Sequence[P]], tuple[bool, bool]],
) -> CitationScore:
    """ALCE-style citation recall and precision of one answer.

    ``sentences`` holds each answer sentence with its cited passages (None for a marker that points at
    no citation). ``judge(sentence, passages)`` returns ``(supported, error)``; an error never counts
    as support. A sentence counts for recall when it has a citation and its cited passages together
    support it; a citation counts for precision when its passage alone supports its sentence.
    """
    supported_sentences = supporting = n_citations = errors = 0
    for sentence, cited in sentences:
        passages = [p for p in cited if p is not None]
        n_citations += len(cited)
        if not passages:
            continue
        ok, err = judge(sentence, passages)
        errors += err
        supported_sentences += ok and not err
        if len(passages) == 1:
            supporting += ok and not err  # the same question: one passage alone
            continue
        for passage in passages:
            ok, err = judge(sentence, [passage])
            errors += err
            supporting += ok and not err
    return CitationScore(
        recall=supported_sentences / len(sentences) if sentences else None,
        precision=supporting / n_citations if n_citations else None,
        sentences=len(sentences), supported_sentences=supported_sentences,
        citations=n_citations, supporting_citations=supporting, judge_errors=errors,
    )


# --- aggregation ----------------------------------------------------------------------------------


def mean(values: Sequence[float | None]) -> float | None:
    """Mean of the values that are not None; None when there are none."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation between ranks (NumPy's default)."""
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError("q must be within 0..100")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


@dataclass(frozen=True)
class Agreement:
    """How a judge's verdicts agree with hand labels (positive = supported)."""

    n: int
    accuracy: float
    precision: float | None
    recall: float | None
    kappa: float
    tp: int
    fp: int
    fn: int
    tn: int


def cohen_kappa(labels: Sequence[bool], predictions: Sequence[bool]) -> float:
    """Cohen's kappa of two binary raters: (p_o - p_e) / (1 - p_e)."""
    n = len(labels)
    if n == 0 or n != len(predictions):
        raise ValueError("kappa needs two equally long, non-empty rating lists")
    p_o = sum(a == b for a, b in zip(labels, predictions)) / n
    p_yes = (sum(labels) / n) * (sum(predictions) / n)
    p_no = (1 - sum(labels) / n) * (1 - sum(predictions) / n)
    p_e = p_yes + p_no
    if p_e >= 1.0:
        return 1.0 if p_o == 1.0 else 0.0
    return (p_o - p_e) / (1 - p_e)


def agreement(labels: Sequence[bool], predictions: Sequence[bool]) -> Agreement:
    """Accuracy, precision, recall (of the positive class) and Cohen's kappa against hand labels."""
    tp = sum(1 for a, b in zip(labels, predictions, strict=True) if a and b)
    fp = sum(1 for a, b in zip(labels, predictions) if not a and b)
    fn = sum(1 for a, b in zip(labels, predictions) if a and not b)
    tn = len(labels) - tp - fp - fn
    return Agreement(
        n=len(labels), accuracy=(tp + tn) / len(labels),
        precision=tp / (tp + fp) if tp + fp else None, recall=tp / (tp + fn) if tp + fn else None,
        kappa=cohen_kappa(labels, predictions), tp=tp, fp=fp, fn=fn, tn=tn,
    )

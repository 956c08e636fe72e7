"""Retrieval quality per retriever (dense, keyword, hybrid) over the evaluation dataset's questions.

A chunk is relevant when it carries the case's evidence text (the eval harness's rule). A change that
hurts retrieval makes these fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.eval.dataset import load_dataset
from assistant.eval.relevance import Corpus, score_retrieval
from assistant.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
K = 5


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, minilm) -> Assistant:
    return Assistant(load_settings(index_dir=tmp_path_factory.mktemp("index"), llm="extractive"), embedder=minilm)


@pytest.fixture(scope="module")
def scored(assistant) -> dict[str, dict[str, float]]:
    a = assistant
    corpus = Corpus.from_catalog(a.catalog, ROOT)
    cases = [c for c in load_dataset(ROOT / "evals" / "dataset.yaml")
             if c.answerable and c.evidence and not c.turns]
    rankers = {
        "dense": lambda q: [cid for cid, _ in a.retriever.dense(q, K)],
        "keyword": lambda q: [cid for cid, _ in a.retriever.keyword(q, K)],
        "hybrid": lambda q: [h.chunk.chunk_id for h in a.retriever.search(q, K)],
    }
    out: dict[str, dict[str, float]] = {}
    for name, rank in rankers.items():
        recalls, rrs, names_missed = [], [], 0
        for case in cases:
            evidence = [corpus.match(e, case.article).chunk_ids for e in case.evidence]
            score = score_retrieval(rank(case.user_input), evidence, K)
            recalls.append(score.recall)
            rrs.append(score.reciprocal_rank)
            # Exact-name questions: a capitalised name or a number of the evidence is in the question.
            names = set(re.findall(r"\b(?:[A-Z][a-z]+(?: [A-Z][a-z]+)+|\d+)\b", " ".join(case.evidence)))
            if any(n in case.user_input for n in names) and score.recall < 1.0:
                names_missed += 1
        out[name] = {"recall": sum(recalls) / len(recalls), "mrr": sum(rrs) / len(rrs), "names_missed": names_missed,
                     "n": len(cases)}
    print(out)  # shown with -s; the figures go into the issue notes
    return out


def test_hybrid_recall_at_5_beats_dense_and_reaches_095(scored):
    assert scored["hybrid"]["recall"] >= scored["dense"]["recall"]
    assert scored["hybrid"]["recall"] >= 0.95


def test_every_exact_name_question_finds_its_evidence_in_the_top_5(scored):
    assert scored["hybrid"]["names_missed"] == 0


def test_hybrid_ranks_evidence_early(scored):
    assert scored["hybrid"]["mrr"] >= 0.70


def test_each_retriever_keeps_its_measured_level(scored):
    """Measured 2026-11-25 (50 questions, k=5): dense recall 0.93 / MRR 0.77, keyword 0.91 / 0.82,
    hybrid 0.96 / 0.76. Floors sit a little below, so a regression in either retriever fails."""
    assert scored["dense"]["recall"] >= 0.90 and scored["dense"]["mrr"] >= 0.72
    assert scored["keyword"]["recall"] >= 0.88 and scored["keyword"]["mrr"] >= 0.77


def test_a_question_about_one_pair_of_countries_finds_their_passages_first(assistant):
    # The Japan-US summit's passages share "Japan", "framework" and "cooperation" with the question; only
    # the EU passages answer it.
    hits = assistant.retriever.search("When could the Japan-EU cooperation framework get started?", K)
    assert all("EU" in h.chunk.text for h in hits[:2])
    assert any("as early as April" in h.chunk.text for h in hits)
    hits = assistant.retriever.search("When will Japan and the US announce their collaboration?", K)
    assert "April 10" in hits[0].chunk.text

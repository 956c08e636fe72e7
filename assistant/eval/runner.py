"""Runs the dataset through the real assistant and scores every case."""

from __future__ import annotations

import hashlib
import logging
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.eval import aggregate, metrics
from assistant.eval.dataset import EvalCase, load_dataset, select_cases
from assistant.eval.gate import check_gate, load_thresholds
from assistant.eval.judge import Judge, Passage, build_judge, judge_agreement, load_judge_labels
from assistant.eval.relevance import Corpus, score_retrieval, unique_evidence

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.types import Answer, Citation

log = logging.getLogger(__name__)

MAX_CONSECUTIVE_ERRORS = 3


def _project_root() -> Path:
    from assistant.settings import PROJECT_ROOT

    return PROJECT_ROOT


def default_dataset() -> Path:
    return _project_root() / "evals" / "dataset.yaml"


def default_thresholds() -> Path:
    return _project_root() / "evals" / "thresholds.yaml"


def default_labels() -> Path:
    return _project_root() / "evals" / "judge_labels.yaml"


def default_out_dir() -> Path:
    return _project_root() / "evals" / "runs" / datetime.now().strftime("%Y%m%d-%H%M%S")


@dataclass
class RunResult:
    """What a run produced: rows per case, the summary (with the gate) and the Ragas rows."""

    rows: list[dict[str, Any]]
    summary: dict[str, Any]
    ragas: list[dict[str, Any]] = field(default_factory=list)
    out_dir: Path | None = None

    @property
    def passed(self) -> bool:
        return bool(self.summary["gate"]["passed"])


def _passage(c: Citation) -> Passage:
    return Passage(c.text, title=c.title, source=c.source, date=c.date, chunk_id=c.chunk_id, article_id=c.article_id)


def score_citations(answer_text: str, citations: Sequence[Citation], judge: Judge) -> tuple[metrics.CitationScore, list[dict[str, Any]]]:
    """ALCE-style citation scores of one answer, and per-sentence details for the report."""
    from assistant.grounding import parse_answer

    by_n = {c.n: _passage(c) for c in citations}
    sentences = [(s.text.strip(), [by_n.get(n) for n in s.cited]) for s in parse_answer(answer_text)]

    def ask(sentence: str, passages: Sequence[Passage]) -> tuple[bool, bool]:
        verdict = judge.judge(sentence, passages)
        return verdict.supported, verdict.error is not None

    score = metrics.citation_scores(sentences, ask)
    details = []
    for (sentence, cited), raw in zip(sentences, parse_answer(answer_text)):
        passages = [p for p in cited if p is not None]
        verdict = judge.judge(sentence, passages) if passages else None
        details.append({"sentence": sentence, "cited": raw.cited,
                        "supported": bool(verdict and verdict.supported and not verdict.error),
                        "score": verdict.score if verdict else None, "error": verdict.error if verdict else None})
    return score, details


def _answer(assistant: Assistant, case: EvalCase) -> Answer:
    if case.turns:
        conversation = assistant.chat()
        for turn in case.turns:
            conversation.ask(turn)
        answer: Answer = conversation.ask(case.user_input)
        return answer
    return assistant.ask(case.user_input)


def evaluate_case(assistant: Assistant, case: EvalCase, corpus: Corpus, judge: Judge, k: int) -> dict[str, Any]:
    """Ask one case (multi-turn: its turns first, through `Assistant.chat`) and score the final answer."""
    row: dict[str, Any] = {
        "id": case.id, "kind": case.kind, "answerable": case.answerable, "question": case.user_input,
        "turns": list(case.turns), "reference": case.reference, "required_facts": list(case.required_facts),
        "standalone_question": None, "answer": "", "refused": False, "citations": [], "retrieved": [],
        "missing_facts": [], "sentences": [], "timings": {}, "error": None,
    }
    scores: dict[str, Any] = {"hit": None, "recall": None, "reciprocal_rank": None, "ndcg": None,
                              "fact_correct": None, "correct": False, "citation_precision": None,
                              "citation_recall": None, "judge_errors": 0}
    row["scores"] = scores
    started = time.perf_counter()
    try:
        answer = _answer(assistant, case)
    except AssistantError as exc:
        row["error"] = str(exc)
        scores["fact_correct"] = False if case.answerable and case.required_facts else None
        return row
    row["wall_seconds"] = round(time.perf_counter() - started, 4)
    row.update(answer=answer.text, draft=answer.draft, refused=answer.refused, standalone_question=answer.standalone_question,
               timings={k_: round(v, 4) for k_, v in answer.timings.items()},
               citations=[{"n": c.n, "chunk_id": c.chunk_id, "article_id": c.article_id, "title": c.title,
                           "quote": c.quote, "score": c.score} for c in answer.citations])

    question = " ".join((answer.standalone_question or case.user_input).split())
    hits = assistant.retriever.search(question, k)
    row["retrieved_contexts"] = [h.chunk.text for h in hits]
    evidence = unique_evidence(case.evidence)
    matches = [corpus.match(e, case.article) for e in evidence]
    row["unmatched_evidence"] = [e for e, m in zip(evidence, matches) if m.rule == "none"]
    retrieval = score_retrieval([h.chunk.chunk_id for h in hits], [m.chunk_ids for m in matches], k) if evidence else None
    row["retrieved"] = [{"chunk_id": h.chunk.chunk_id, "article_id": h.article.article_id,
                         "relevant": retrieval.relevant[i] if retrieval else None} for i, h in enumerate(hits)]
    if retrieval is not None and case.answerable:
        scores.update(hit=retrieval.hit, recall=retrieval.recall, reciprocal_rank=retrieval.reciprocal_rank,
                      ndcg=round(retrieval.ndcg, 4))

    if case.answerable:
        if case.required_facts:
            text = metrics.strip_markers(answer.text)
            row["missing_facts"] = [p for p in case.required_facts if not re.search(p, text, re.I)]
            scores["fact_correct"] = metrics.facts_correct(answer.text, case.required_facts, answer.refused)
            scores["correct"] = scores["fact_correct"]
        else:
            scores["correct"] = not answer.refused
    else:
        scores["correct"] = answer.refused

    if not answer.refused:
        cite, details = score_citations(answer.text, answer.citations, judge)
        scores.update(citation_precision=None if cite.precision is None else round(cite.precision, 4),
                      citation_recall=None if cite.recall is None else round(cite.recall, 4),
                      judge_errors=cite.judge_errors)
        row["sentences"] = details
    return row


def _progress(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc="eval", unit="case", file=sys.stderr, leave=False,
                disable=not (enabled and sys.stderr.isatty()))


def ragas_row(row: dict[str, Any], case: EvalCase) -> dict[str, Any]:
    """One Ragas ``EvaluationDataset`` (single-turn) sample; multi-turn cases use the standalone question."""
    return {"user_input": row["standalone_question"] or case.user_input, "response": row["answer"],
            "retrieved_contexts": row.get("retrieved_contexts", []), "reference": case.reference,
            "reference_contexts": list(case.reference_contexts)}


def run_eval(
    dataset: str | Path | None = None,
    *,
    limit: int | None = None,
    kinds: Sequence[str] | None = None,
    thresholds: str | Path | None = None,
    judge: str = "auto",
    labels: str | Path | None = None,
    assistant: Assistant | None = None,
    progress: bool = True,
) -> RunResult:
    """Evaluate the assistant (built from the environment's settings unless given) on a dataset.

    Raises `AssistantError` for a bad dataset, thresholds or labels file, or when the first
    ``MAX_CONSECUTIVE_ERRORS`` cases in a row fail (a server that is down).
    """
    dataset_path = Path(dataset) if dataset else default_dataset()
    cases = select_cases(load_dataset(dataset_path), kinds, limit)
    thresholds_path = Path(thresholds) if thresholds else default_thresholds()
    if thresholds and not thresholds_path.is_file():
        raise AssistantError(f"The thresholds file {thresholds_path} does not exist; fix --thresholds.")
    labels_path = Path(labels) if labels else default_labels()
    if labels and not labels_path.is_file():
        raise AssistantError(f"The judge labels file {labels_path} does not exist; fix the path.")

    if assistant is None:
        from assistant.assistant import Assistant

        assistant = Assistant()
    settings = assistant.settings
    limits = load_thresholds(thresholds_path, settings.llm) if thresholds_path.is_file() else None
    the_judge = build_judge(assistant, judge)
    generator = assistant.generator  # loads the model now, outside every case's timings
    corpus = Corpus.from_catalog(assistant.catalog, _project_root())
    k = settings.top_k

    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    ragas: list[dict[str, Any]] = []
    streak = 0
    with _progress(len(cases), progress) as bar:
        for case in cases:
            row = evaluate_case(assistant, case, corpus, the_judge, k)
            streak = streak + 1 if row["error"] else 0
            if streak >= MAX_CONSECUTIVE_ERRORS and len(rows) + 1 == streak:
                raise AssistantError(f"The first {streak} cases all failed (last: {row['error']}); fix that and run again.")
            if row["error"]:
                log.warning("case %s failed: %s", case.id, row["error"])
            ragas.append(ragas_row(row, case))
            rows.append(row)
            bar.update(1)
    duration = time.perf_counter() - started

    summary: dict[str, Any] = {
        "mode": settings.llm,
        "model": generator.name if generator is not None else None,
        "embedder": getattr(assistant.embedder, "name", None),
        "k": k,
        "judge": the_judge.name,
        "dataset": str(dataset_path),
        "dataset_sha256": hashlib.sha256(dataset_path.read_bytes()).hexdigest(),
        "kinds": sorted({c.kind for c in cases}),
        "limit": limit,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "duration_seconds": round(duration, 2),
        "settings": {"top_k": k, "min_support": settings.min_support, "min_relevance": settings.min_relevance,
                     "chunk_words": settings.chunk_words, "evidence_words": settings.evidence_words,
                     "temperature": settings.temperature},
        **aggregate.summarize(rows),
    }
    unmatched = [{"id": r["id"], "evidence": e} for r in rows for e in r.get("unmatched_evidence", [])]
    summary["unmatched_evidence"] = unmatched
    if unmatched:
        log.warning("%d evidence strings match no chunk or article of the index (is it built from the "
                    "dataset's articles?): %s", len(unmatched), ", ".join(u["id"] for u in unmatched))
    summary["judge_agreement"] = None
    if labels_path.is_file():
        agreement, label_rows, errors = judge_agreement(the_judge, load_judge_labels(labels_path))
        summary["judge_agreement"] = {
            "labels": str(labels_path), "n": agreement.n, "accuracy": round(agreement.accuracy, 4),
            "precision": None if agreement.precision is None else round(agreement.precision, 4),
            "recall": None if agreement.recall is None else round(agreement.recall, 4),
            "kappa": round(agreement.kappa, 4), "tp": agreement.tp, "fp": agreement.fp, "fn": agreement.fn,
            "tn": agreement.tn, "errors": errors,
            "disagreements": [r for r in label_rows if r["label"] != r["judged"]],
        }
    if limits is not None:
        summary["gate"] = check_gate(summary, limits, str(thresholds_path))
    else:
        summary["gate"] = {"passed": True, "thresholds": None, "checks": [], "failures": []}
    return RunResult(rows, summary, ragas)

"""From per-case rows (what `runner.evaluate_case` returns) to the run's summary numbers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.eval import metrics

STAGES = ("retrieval", "evidence", "generation", "verification", "total", "first_token")
RATE_KEYS = ("hit_rate", "recall_at_k", "mrr", "ndcg", "answer_accuracy", "accuracy",
             "citation_precision", "citation_recall", "refusal_precision", "refusal_recall")
# Summary key -> the per-case score it averages.
_MEANS = {"hit_rate": "hit", "recall_at_k": "recall", "mrr": "reciprocal_rank", "ndcg": "ndcg",
          "answer_accuracy": "fact_correct", "accuracy": "correct",
          "citation_precision": "citation_precision", "citation_recall": "citation_recall"}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _score_mean(rows: Sequence[dict[str, Any]], key: str) -> float | None:
    values = [row["scores"].get(key) for row in rows]
    return metrics.mean([float(v) for v in values if v is not None])


def rates(rows: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    """The quality rates of a set of cases (all, or one kind), each None when nothing to measure."""
    out = {name: _round(_score_mean(rows, key)) for name, key in _MEANS.items()}
    precision, recall = metrics.refusal_scores([not r["answerable"] for r in rows], [bool(r["refused"]) for r in rows])
    out["refusal_precision"], out["refusal_recall"] = _round(precision), _round(recall)
    return {name: out[name] for name in RATE_KEYS}


def latencies(rows: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    """``latency_{stage}_p50`` / ``_p95`` in seconds over the cases that have the stage."""
    out: dict[str, float | None] = {}
    for stage in STAGES:
        values = [float(r["timings"][stage]) for r in rows if not r.get("error") and stage in r.get("timings", {})]
        out[f"latency_{stage}_p50"] = _round(metrics.percentile(values, 50))
        out[f"latency_{stage}_p95"] = _round(metrics.percentile(values, 95))
    return out


def summarize(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Counts, rates, judge errors, latency percentiles and the per-kind breakdown of a run."""
    per_kind: dict[str, dict[str, Any]] = {}
    for kind in dict.fromkeys(r["kind"] for r in rows):
        group = [r for r in rows if r["kind"] == kind]
        per_kind[kind] = {"n_cases": len(group), **rates(group),
                          "judge_errors": sum(r["scores"].get("judge_errors", 0) for r in group)}
    return {
        "n_cases": len(rows),
        "n_answerable": sum(1 for r in rows if r["answerable"]),
        "n_should_refuse": sum(1 for r in rows if not r["answerable"]),
        "n_refused": sum(1 for r in rows if r["refused"]),
        "case_errors": sum(1 for r in rows if r.get("error")),
        **rates(rows),
        "judge_errors": sum(r["scores"].get("judge_errors", 0) for r in rows),
        **latencies(rows),
        "per_kind": per_kind,
    }

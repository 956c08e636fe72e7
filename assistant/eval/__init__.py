"""The evaluation harness behind ``assistant eval``: dataset, metrics, judges, runs, reports, gate.

>>> from assistant.eval import evaluate
>>> result = evaluate(limit=12, out="evals/runs/try")   # runs, scores and writes the run folder
>>> result.summary["answer_accuracy"], result.passed
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.eval.compare import compare_runs, format_comparison
from assistant.eval.dataset import EvalCase, load_dataset, select_cases
from assistant.eval.report import text_summary, write_run
from assistant.eval.runner import RunResult, default_out_dir, run_eval

__all__ = ["EvalCase", "RunResult", "compare_runs", "evaluate", "format_comparison", "load_dataset", "run_eval",
           "select_cases", "text_summary", "write_run"]


def evaluate(dataset: str | Path | None = None, *, out: str | Path | None = None, **options: Any) -> RunResult:
    """`run_eval` the dataset, then write the run folder (default ``evals/runs/<timestamp>/``)."""
    result = run_eval(dataset, **options)
    result.out_dir = Path(out) if out else default_out_dir()
    write_run(result.out_dir, result.rows, result.summary, result.ragas)
    return result

"""``assistant eval --compare RUN_A RUN_B``: metric deltas and the cases that flipped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.eval.aggregate import STAGES
from assistant.eval.report import HEADLINE, fmt

METRICS = (*HEADLINE, *(f"latency_{s}_{p}" for s in STAGES for p in ("p50", "p95")))


def load_run(path: str | Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """(summary, rows by case id) of a run folder (or of its summary.json)."""
    folder = Path(path)
    if folder.is_file():
        folder = folder.parent
    summary_file, cases_file = folder / "summary.json", folder / "cases.jsonl"
    if not summary_file.is_file() or not cases_file.is_file():
        raise AssistantError(f"{path} is not an eval run (no summary.json and cases.jsonl); give a folder `assistant eval` wrote.")
    try:
        summary = json.loads(summary_file.read_text(encoding="utf-8"))
        rows = [json.loads(line) for line in cases_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise AssistantError(f"The run {folder} cannot be read ({exc}); is it complete?") from None
    return summary, {r["id"]: r for r in rows}


def compare_runs(run_a: str | Path, run_b: str | Path) -> dict[str, Any]:
    """Per-metric values and deltas (b - a), and the cases whose correctness flipped between the runs."""
    summary_a, rows_a = load_run(run_a)
    summary_b, rows_b = load_run(run_b)
    deltas = []
    for metric in METRICS:
        a, b = summary_a.get(metric), summary_b.get(metric)
        delta = round(b - a, 4) if isinstance(a, int | float) and isinstance(b, int | float) else None
        deltas.append({"metric": metric, "a": a, "b": b, "delta": delta})
    common = [cid for cid in rows_a if cid in rows_b]
    right_to_wrong = [cid for cid in common if rows_a[cid]["scores"]["correct"] and not rows_b[cid]["scores"]["correct"]]
    wrong_to_right = [cid for cid in common if not rows_a[cid]["scores"]["correct"] and rows_b[cid]["scores"]["correct"]]
    return {
        "a": {"run": str(run_a), "mode": summary_a.get("mode"), "model": summary_a.get("model"), "n_cases": summary_a.get("n_cases")},
        "b": {"run": str(run_b), "mode": summary_b.get("mode"), "model": summary_b.get("model"), "n_cases": summary_b.get("n_cases")},
        "metrics": deltas,
        "right_to_wrong": [{"id": cid, "question": rows_b[cid]["question"], "answer_a": rows_a[cid]["answer"],
                            "answer_b": rows_b[cid]["answer"]} for cid in right_to_wrong],
        "wrong_to_right": [{"id": cid, "question": rows_b[cid]["question"], "answer_a": rows_a[cid]["answer"],
                            "answer_b": rows_b[cid]["answer"]} for cid in wrong_to_right],
        "only_in_a": [cid for cid in rows_a if cid not in rows_b],
        "only_in_b": [cid for cid in rows_b if cid not in rows_a],
        "common_cases": len(common),
    }


def format_comparison(result: dict[str, Any]) -> str:
    """The comparison as a plain-text table for the terminal."""
    a, b = result["a"], result["b"]
    lines = [f"A: {a['run']} ({a['mode']}, {a['n_cases']} cases)", f"B: {b['run']} ({b['mode']}, {b['n_cases']} cases)", ""]
    width = max(len(m) for m in METRICS)
    lines.append(f"{'metric':<{width}}  {'A':>8}  {'B':>8}  {'B-A':>8}")
    for row in result["metrics"]:
        delta = "" if row["delta"] is None else f"{row['delta']:+.3f}"
        lines.append(f"{row['metric']:<{width}}  {fmt(row['a']):>8}  {fmt(row['b']):>8}  {delta:>8}")
    lines.append("")
    for key, title in (("right_to_wrong", "right → wrong"), ("wrong_to_right", "wrong → right")):
        flips = result[key]
        lines.append(f"{title} ({len(flips)} of {result['common_cases']} common cases)")
        for flip in flips:
            lines.append(f"  {flip['id']}: {flip['question']}")
            lines.append(f"    A: {' '.join(str(flip['answer_a']).split())[:160]}")
            lines.append(f"    B: {' '.join(str(flip['answer_b']).split())[:160]}")
    for key, title in (("only_in_a", "only in A"), ("only_in_b", "only in B")):
        if result[key]:
            lines.append(f"{title}: {', '.join(result[key])}")
    return "\n".join(lines)

"""Writing a run to its folder: cases.jsonl, summary.json, summary.md, report.html, ragas.jsonl."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.eval.aggregate import STAGES

HEADLINE = ("hit_rate", "recall_at_k", "mrr", "ndcg", "answer_accuracy", "accuracy", "citation_precision",
            "citation_recall", "refusal_precision", "refusal_recall", "judge_errors")
KIND_COLUMNS = ("accuracy", "answer_accuracy", "hit_rate", "recall_at_k", "mrr", "ndcg", "citation_precision",
                "citation_recall", "refusal_recall")
# Per-case keys kept out of cases.jsonl (the texts are in ragas.jsonl).
_BULKY = ("retrieved_contexts",)


def fmt(value: Any) -> str:
    """A number for people: 3 decimals, "–" for None."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _md(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _threshold_cell(summary: dict[str, Any], metric: str) -> str:
    for check in summary.get("gate", {}).get("checks", []):
        if check["metric"] == metric:
            mark = {True: "✓", False: "✗ FAIL", None: "skipped"}[check["passed"]]
            return f"{check['op']} {check['threshold']:g} {mark}"
    return ""


def markdown(summary: dict[str, Any], rows: Sequence[dict[str, Any]]) -> str:
    """summary.md: the headline table, latency, per-kind breakdown, judge agreement, failed cases."""
    gate = summary.get("gate", {})
    lines = [
        "# Evaluation run",
        "",
        f"mode **{summary['mode']}**, model {summary['model'] or '–'}, k={summary['k']}, judge {summary['judge']}, "
        f"{summary['n_cases']} cases ({summary['n_answerable']} answerable, {summary['n_should_refuse']} should refuse), "
        f"gate **{'passed' if gate.get('passed') else 'FAILED'}**",
        "",
        "| metric | value | threshold |",
        "|---|---|---|",
    ]
    lines += [f"| {m} | {fmt(summary.get(m))} | {_threshold_cell(summary, m)} |" for m in HEADLINE]
    lines += ["", "## Latency (seconds)", "", "| stage | p50 | p95 |", "|---|---|---|"]
    lines += [f"| {s} | {fmt(summary.get(f'latency_{s}_p50'))} | {fmt(summary.get(f'latency_{s}_p95'))} |" for s in STAGES]
    lines += ["", "## Per kind", "", "| kind | n | " + " | ".join(KIND_COLUMNS) + " |",
              "|---|---|" + "---|" * len(KIND_COLUMNS)]
    for kind, values in summary.get("per_kind", {}).items():
        lines.append(f"| {_md(kind)} | {values['n_cases']} | " + " | ".join(fmt(values.get(c)) for c in KIND_COLUMNS) + " |")
    agreement = summary.get("judge_agreement")
    if agreement:
        lines += ["", "## Judge agreement with hand labels", "",
                  f"{agreement['n']} labels: accuracy {fmt(agreement['accuracy'])}, precision {fmt(agreement['precision'])}, "
                  f"recall {fmt(agreement['recall'])}, Cohen's kappa {fmt(agreement['kappa'])} "
                  f"(tp {agreement['tp']}, fp {agreement['fp']}, fn {agreement['fn']}, tn {agreement['tn']}; "
                  f"errors {agreement['errors']})"]
    wrong = [r for r in rows if not r["scores"]["correct"]]
    lines += ["", f"## Wrong cases ({len(wrong)})", ""]
    if wrong:
        lines += ["| id | kind | question | answer | missing facts |", "|---|---|---|---|---|"]
        for r in wrong:
            answer = f"error: {r['error']}" if r["error"] else r["answer"]
            lines.append(f"| {_md(r['id'])} | {_md(r['kind'])} | {_md(r['question'])} | {_md(answer)} | "
                         f"{_md(', '.join(r['missing_facts']))} |")
    if gate.get("failures"):
        lines += ["", "## Gate failures", ""] + [f"- {_md(f)}" for f in gate["failures"]]
    return "\n".join(lines) + "\n"


def _jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_run(out_dir: Path, rows: Sequence[dict[str, Any]], summary: dict[str, Any],
              ragas: Sequence[dict[str, Any]]) -> dict[str, Path]:
    """Write every file of a run into ``out_dir`` (created; files of an earlier run there are replaced)."""
    from assistant.eval.html_report import render_html

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        files = {name: out_dir / name for name in ("cases.jsonl", "summary.json", "summary.md", "report.html", "ragas.jsonl")}
        _jsonl(files["cases.jsonl"], [{k: v for k, v in r.items() if k not in _BULKY} for r in rows])
        files["summary.json"].write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        files["summary.md"].write_text(markdown(summary, rows), encoding="utf-8")
        files["report.html"].write_text(render_html(summary, rows), encoding="utf-8")
        _jsonl(files["ragas.jsonl"], ragas)
    except OSError as exc:
        raise AssistantError(f"Cannot write the run to {out_dir} ({exc.strerror or exc}); pick another --out.") from None
    return files


def text_summary(summary: dict[str, Any], out_dir: Path | None = None) -> str:
    """A short plain-text summary for the terminal."""
    gate = summary.get("gate", {})
    lines = [f"{summary['n_cases']} cases, mode {summary['mode']}, k={summary['k']}, judge {summary['judge']}"]
    width = max(len(m) for m in HEADLINE)
    for m in HEADLINE:
        lines.append(f"  {m:<{width}}  {fmt(summary.get(m)):>6}  {_threshold_cell(summary, m)}")
    lines.append(f"  {'latency_total':<{width}}  p50 {fmt(summary.get('latency_total_p50'))} s, "
                 f"p95 {fmt(summary.get('latency_total_p95'))} s")
    agreement = summary.get("judge_agreement")
    if agreement:
        lines.append(f"  judge vs {agreement['n']} hand labels: accuracy {fmt(agreement['accuracy'])}, "
                     f"kappa {fmt(agreement['kappa'])}")
    lines.append(f"gate: {'passed' if gate.get('passed') else 'FAILED: ' + '; '.join(gate.get('failures', []))}")
    if out_dir is not None:
        lines.append(f"run written to {out_dir} (open report.html)")
    return "\n".join(lines)

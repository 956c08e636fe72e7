"""report.html: one self-contained page (inline CSS and SVG, no scripts, no external assets).

Every text that comes from the dataset, the answers or the articles goes through `html.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from assistant.eval import svg
from assistant.eval.aggregate import STAGES
from assistant.eval.report import HEADLINE, KIND_COLUMNS, fmt

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#1d232a;background:#fff}
h1{font-size:22px;margin:4px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde1e6;padding-bottom:4px}
.meta{color:#56606b}.banner{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600}
.pass{background:#e3f5e8;color:#17612e}.fail{background:#fde5e5;color:#8b1c1c}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #dde1e6;border-radius:6px;padding:8px 12px;min-width:120px}
.card .v{font-size:22px;font-weight:650}.card .k{color:#56606b;font-size:12px}.card.bad{border-color:#d64545;background:#fff5f5}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid #e6e9ec;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f7f9;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{background:#fbfcfd;border:1px solid #e6e9ec;border-radius:6px}
.chart .grid{stroke:#e3e6ea}.chart .tick{font-size:11px;fill:#56606b}.chart .value{font-size:11px;fill:#1d232a}
.chart .chart-title{font-size:13px;font-weight:600;fill:#1d232a}.chart .bar{fill:#4a7fc1}.chart .bar.good{fill:#3c9a5f}
.chart .bar.ok{fill:#d9a13b}.chart .bar.bad{fill:#d64545}.chart .mark{stroke:#8b1c1c;stroke-dasharray:4 3}
.chart .mark-label{font-size:11px;fill:#8b1c1c}
.ok-badge,.bad-badge{display:inline-block;border-radius:4px;padding:0 6px;font-weight:600;font-size:12px}
.ok-badge{background:#e3f5e8;color:#17612e}.bad-badge{background:#fde5e5;color:#8b1c1c}
.q{font-weight:600}.turns{color:#56606b;font-size:12px}.quote{color:#3b4550;border-left:3px solid #c9d3de;padding-left:8px;margin:4px 0}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:2px;background:#c9d3de}.dot.rel{background:#3c9a5f}
.unsupported{background:#fff0c2}details summary{cursor:pointer;color:#2f5f9a}code{font-size:12px}
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _cards(summary: dict[str, Any]) -> str:
    failed = {c["metric"] for c in summary.get("gate", {}).get("checks", []) if c["passed"] is False}
    out = []
    for metric in HEADLINE:
        value = summary.get(metric)
        shown = fmt(value) if metric == "judge_errors" or value is None else f"{value * 100:.1f}%"
        out.append(f'<div class="card{" bad" if metric in failed else ""}"><div class="v">{_e(shown)}</div>'
                   f'<div class="k">{_e(metric)}</div></div>')
    return f'<div class="cards">{"".join(out)}</div>'


def _gate(summary: dict[str, Any]) -> str:
    gate = summary.get("gate", {})
    if not gate.get("thresholds"):
        return '<div class="banner pass">No thresholds file: the gate was not checked.</div>'
    if gate.get("passed"):
        return f'<div class="banner pass">Gate passed ({_e(gate["thresholds"])}).</div>'
    return f'<div class="banner fail">Gate FAILED: {_e("; ".join(gate["failures"]))} ({_e(gate["thresholds"])})</div>'


def _gate_table(summary: dict[str, Any]) -> str:
    checks = summary.get("gate", {}).get("checks", [])
    if not checks:
        return ""
    rows = "".join(
        f"<tr><td>{_e(c['metric'])}</td><td class=num>{_e(fmt(c['value']))}</td><td>{_e(c['op'])} {_e(c['threshold'])}</td>"
        f"<td>{'<span class=ok-badge>pass</span>' if c['passed'] else '<span class=bad-badge>fail</span>' if c['passed'] is False else 'skipped (no data)'}</td></tr>"
        for c in checks)
    return f"<h2>Gate</h2><table><tr><th>metric</th><th>value</th><th>threshold</th><th></th></tr>{rows}</table>"


def _charts(summary: dict[str, Any], rows: Sequence[dict[str, Any]]) -> str:
    kinds = list(summary.get("per_kind", {}))
    accuracy = svg.bar_chart(kinds, [summary["per_kind"][k]["accuracy"] for k in kinds],
                             title="Accuracy by kind (correct answer, or refusal when it should refuse)")
    totals = [float(r["timings"]["total"]) for r in rows if not r.get("error") and "total" in r.get("timings", {})]
    marks = {name: summary[f"latency_total_{name}"] for name in ("p50", "p95") if summary.get(f"latency_total_{name}") is not None}
    latency = svg.histogram(totals, title="Latency per question (total, seconds)", marks=marks)
    return f'<div class="charts">{accuracy}{latency}</div>'


def _latency_table(summary: dict[str, Any]) -> str:
    rows = "".join(f"<tr><td>{_e(s)}</td><td class=num>{_e(fmt(summary.get(f'latency_{s}_p50')))}</td>"
                   f"<td class=num>{_e(fmt(summary.get(f'latency_{s}_p95')))}</td></tr>" for s in STAGES)
    return f"<table><tr><th>stage</th><th>p50 (s)</th><th>p95 (s)</th></tr>{rows}</table>"


def _kind_table(summary: dict[str, Any]) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in KIND_COLUMNS)
    body = "".join(
        f"<tr><td>{_e(kind)}</td><td class=num>{v['n_cases']}</td>"
        + "".join(f"<td class=num>{_e(fmt(v.get(c)))}</td>" for c in KIND_COLUMNS) + "</tr>"
        for kind, v in summary.get("per_kind", {}).items())
    return f"<table><tr><th>kind</th><th>n</th>{head}</tr>{body}</table>"


def _agreement(summary: dict[str, Any]) -> str:
    a = summary.get("judge_agreement")
    if not a:
        return "<p>No judge labels file: agreement not measured.</p>"
    text = (f"<p>{a['n']} hand labels ({_e(a['labels'])}): accuracy <b>{_e(fmt(a['accuracy']))}</b>, precision "
            f"{_e(fmt(a['precision']))}, recall {_e(fmt(a['recall']))}, Cohen's kappa <b>{_e(fmt(a['kappa']))}</b>, "
            f"judge errors {a['errors']}.</p>"
            f"<table style='width:auto'><tr><th></th><th>judged supported</th><th>judged not</th></tr>"
            f"<tr><th>labelled supported</th><td class=num>{a['tp']}</td><td class=num>{a['fn']}</td></tr>"
            f"<tr><th>labelled not</th><td class=num>{a['fp']}</td><td class=num>{a['tn']}</td></tr></table>")
    if a.get("disagreements"):
        items = "".join(f"<tr><td>{_e(d['sentence'])}</td><td>{'supported' if d['label'] else 'not supported'}</td>"
                        f"<td class=num>{_e(fmt(d['score']))}</td><td>{_e(d['note'])}</td></tr>" for d in a["disagreements"])
        text += (f"<details><summary>{len(a['disagreements'])} disagreements</summary><table><tr><th>sentence</th>"
                 f"<th>label</th><th>judge score</th><th>what it tests</th></tr>{items}</table></details>")
    return text


def _case(row: dict[str, Any]) -> str:
    s = row["scores"]
    badge = '<span class="ok-badge">right</span>' if s["correct"] else '<span class="bad-badge">wrong</span>'
    turns = "".join(f"<div class=turns>earlier: {_e(t)}</div>" for t in row.get("turns", []))
    standalone = (f"<div class=turns>retrieved for: {_e(row['standalone_question'])}</div>"
                  if row.get("standalone_question") else "")
    if row.get("error"):
        answer = f"<b>error:</b> {_e(row['error'])}"
    else:
        sentences = row.get("sentences") or []
        if sentences:
            flag = ' class="unsupported" title="the judge found no support"'
            answer = " ".join(
                f"<span{'' if x['supported'] else flag}>"
                f"{_e(x['sentence'])} {_e(''.join(f'[{n}]' for n in x['cited']))}</span>" for x in sentences)
        else:
            answer = _e(row["answer"])
    details = []
    for c in row.get("citations", []):
        details.append(f"<div class=quote>[{c['n']}] {_e(c['quote'])} <span class=turns>— {_e(c['title'])}, "
                       f"support {_e(fmt(c['score']))}</span></div>")
    if row.get("missing_facts"):
        details.append(f"<div>missing facts: <code>{_e(', '.join(row['missing_facts']))}</code></div>")
    details.append(f"<div class=turns>reference: {_e(row.get('reference', ''))}</div>")
    timing = ", ".join(f"{k} {v:.2f}s" for k, v in row.get("timings", {}).items())
    if timing:
        details.append(f"<div class=turns>timings: {_e(timing)}</div>")
    dots = "".join(f"<span class='dot{' rel' if r['relevant'] else ''}' title='{_e(r['chunk_id'])}'></span>"
                   for r in row.get("retrieved", []))
    scores = (f"hit {fmt(s['hit'])} · RR {fmt(s['reciprocal_rank'])} · cit. P {fmt(s['citation_precision'])} "
              f"R {fmt(s['citation_recall'])}")
    return (f"<tr id='case-{_e(row['id'])}'><td>{badge}</td><td><code>{_e(row['id'])}</code><br>"
            f"<span class=turns>{_e(row['kind'])}</span></td><td>{turns}<div class=q>{_e(row['question'])}</div>"
            f"{standalone}</td><td>{answer}<details><summary>citations and details</summary>{''.join(details)}"
            f"</details></td><td>{dots}<div class=turns>{_e(scores)}</div></td></tr>")


def render_html(summary: dict[str, Any], rows: Sequence[dict[str, Any]]) -> str:
    """The whole report page."""
    wrong = [r for r in rows if not r["scores"]["correct"]]
    wrong_links = ", ".join(f"<a href='#case-{_e(r['id'])}'>{_e(r['id'])}</a>" for r in wrong) or "none"
    ordered = wrong + [r for r in rows if r["scores"]["correct"]]
    meta = (f"mode <b>{_e(summary['mode'])}</b> · model {_e(summary['model'] or '–')} · k={_e(summary['k'])} · "
            f"judge {_e(summary['judge'])} · {summary['n_cases']} cases · {_e(summary['started_at'])} · "
            f"{_e(summary['duration_seconds'])} s · dataset {_e(summary['dataset'])}")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation report: {_e(summary['mode'])}, {summary['n_cases']} cases</title><style>{_CSS}</style></head>
<body>
<h1>Evaluation report</h1>
<div class="meta">{meta}</div>
{_gate(summary)}
{_cards(summary)}
<h2>Charts</h2>
{_charts(summary, rows)}
<h2>Per kind</h2>
{_kind_table(summary)}
<h2>Latency per stage</h2>
{_latency_table(summary)}
{_gate_table(summary)}
<h2>Citation judge</h2>
<p>Judge: {_e(summary['judge'])}; judge errors while scoring answers: {summary['judge_errors']}.</p>
{_agreement(summary)}
<h2>Cases ({len(wrong)} wrong, listed first)</h2>
<p>Wrong: {wrong_links}</p>
<p class="meta">Dots: the retrieved chunks in rank order, green when relevant (they carry the case's evidence).
Highlighted sentences are ones the judge found unsupported by their citations.</p>
<table><tr><th></th><th>case</th><th>question</th><th>answer</th><th>retrieval</th></tr>
{''.join(_case(r) for r in ordered)}
</table>
</body></html>
"""

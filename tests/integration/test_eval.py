"""`assistant eval` end to end: a real process, a temporary index, extractive mode, a 12-case subset."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KINDS = {"factual", "cross-article", "paraphrase", "unanswerable", "boilerplate-trap", "multi-turn", "adversarial"}
PLANTED = "<script>alert('planted')</script>"
SUMMARY_KEYS = {
    "hit_rate", "recall_at_k", "mrr", "ndcg", "answer_accuracy", "citation_precision", "citation_recall",
    "refusal_precision", "refusal_recall", "judge_errors", "per_kind", "n_cases", "mode", "model", "k", "gate",
    "judge_agreement",
    *(f"latency_{s}_{p}" for s in ("retrieval", "generation", "verification", "total", "first_token") for p in ("p50", "p95")),
}
# Measured agreement of the offline judge with evals/judge_labels.yaml (see docs/eval.md), less a margin.
JUDGE_MIN_ACCURACY = 0.795 - 0.05
JUDGE_MIN_KAPPA = 0.582 - 0.10


def run(args: list[str], env_extra: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "assistant", "eval", *args], capture_output=True, text=True,
                          env=env, timeout=timeout, stdin=subprocess.DEVNULL, cwd=ROOT)


@pytest.fixture(scope="module")
def setup(tmp_path_factory) -> dict[str, Path | dict[str, str]]:
    """A temporary index, a dataset with a <script> planted in one question, and two thresholds files."""
    tmp = tmp_path_factory.mktemp("eval")
    data = yaml.safe_load((ROOT / "evals" / "dataset.yaml").read_text())
    data["cases"][0]["user_input"] += f" {PLANTED}"  # the first case is in every --limit selection
    (tmp / "dataset.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    (tmp / "lenient.yaml").write_text("min:\n  hit_rate: 0.5\n  answer_accuracy: 0.1\n")
    (tmp / "impossible.yaml").write_text("min:\n  hit_rate: 0.5\n  answer_accuracy: 1.01\n")
    env = {"ASSISTANT_LLM": "extractive", "ASSISTANT_INDEX_DIR": str(tmp / "index"),
           "ASSISTANT_ARTICLES_DIR": str(ROOT / "articles")}
    return {"tmp": tmp, "env": env}


@pytest.fixture(scope="module")
def first_run(setup) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = setup["tmp"] / "run-a"
    result = run(["--dataset", str(setup["tmp"] / "dataset.yaml"), "--limit", "12", "--out", str(out),
                  "--thresholds", str(setup["tmp"] / "lenient.yaml"), "--json"], setup["env"])
    return out, result


def test_run_writes_every_file_and_the_summary(first_run):
    out, result = first_run
    assert result.returncode == 0, result.stderr
    for name in ("cases.jsonl", "summary.json", "summary.md", "report.html", "ragas.jsonl"):
        assert (out / name).is_file(), name
    summary = json.loads(result.stdout)  # --json prints summary.json
    assert summary == json.loads((out / "summary.json").read_text())
    assert set(summary) >= SUMMARY_KEYS
    assert summary["n_cases"] == 12 and summary["mode"] == "extractive" and summary["k"] == 5
    assert set(summary["per_kind"]) == KINDS
    assert summary["gate"]["passed"] is True and summary["gate"]["checks"]
    for key in ("hit_rate", "recall_at_k", "mrr", "ndcg", "answer_accuracy", "citation_precision", "refusal_recall"):
        assert 0.0 <= summary[key] <= 1.0, key
    assert summary["latency_total_p50"] <= summary["latency_total_p95"]
    assert summary["latency_generation_p50"] is None  # extractive mode has no generator
    assert summary["unmatched_evidence"] == []

    rows = [json.loads(line) for line in (out / "cases.jsonl").read_text().splitlines()]
    assert len(rows) == 12 and {r["kind"] for r in rows} == KINDS
    for row in rows:
        assert {"question", "answer", "refused", "citations", "scores", "timings"} <= set(row)
    multi = next(r for r in rows if r["kind"] == "multi-turn")
    assert multi["turns"] and multi["standalone_question"]
    ragas = [json.loads(line) for line in (out / "ragas.jsonl").read_text().splitlines()]
    assert len(ragas) == 12
    assert all(set(r) == {"user_input", "response", "retrieved_contexts", "reference", "reference_contexts"} for r in ragas)
    assert "|" in (out / "summary.md").read_text()


def test_report_html_has_charts_and_escapes_text(first_run):
    out, _ = first_run
    html = (out / "report.html").read_text()
    assert html.count("<svg") >= 2 and "Accuracy by kind" in html and "Latency per question" in html
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;planted&#x27;)&lt;/script&gt;" in html
    assert "<link" not in html and "src=" not in html  # self-contained


def test_judge_agreement_stays_at_its_measured_level(first_run):
    out, _ = first_run
    agreement = json.loads((out / "summary.json").read_text())["judge_agreement"]
    assert agreement["n"] >= 30 and agreement["errors"] == 0
    assert agreement["accuracy"] >= JUDGE_MIN_ACCURACY, agreement
    assert agreement["kappa"] >= JUDGE_MIN_KAPPA, agreement


def test_gate_fails_with_an_impossible_minimum(setup, first_run):
    out = setup["tmp"] / "run-b"
    result = run(["--dataset", str(setup["tmp"] / "dataset.yaml"), "--limit", "7", "--out", str(out),
                  "--thresholds", str(setup["tmp"] / "impossible.yaml")], setup["env"])
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "answer_accuracy" in lines[0] and "hit_rate" not in lines[0], result.stderr
    assert "gate: FAILED" in result.stdout
    assert json.loads((out / "summary.json").read_text())["gate"]["passed"] is False


def test_compare_two_runs(setup, first_run):
    out_a, _ = first_run
    # A copy of run A in which one right case went wrong: --compare must list exactly that flip.
    out_b = setup["tmp"] / "run-a-flipped"
    out_b.mkdir(exist_ok=True)
    rows = [json.loads(line) for line in (out_a / "cases.jsonl").read_text().splitlines()]
    flipped = next(r for r in rows if r["scores"]["correct"])
    flipped["scores"]["correct"] = False
    (out_b / "cases.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    summary = json.loads((out_a / "summary.json").read_text())
    summary["accuracy"] = round(summary["accuracy"] - 1 / 12, 4)
    (out_b / "summary.json").write_text(json.dumps(summary))

    result = run(["--compare", str(out_a), str(out_b), "--json"], {})
    assert result.returncode == 0, result.stderr
    comparison = json.loads(result.stdout)
    assert [f["id"] for f in comparison["right_to_wrong"]] == [flipped["id"]]
    assert comparison["wrong_to_right"] == []
    delta = next(m for m in comparison["metrics"] if m["metric"] == "accuracy")["delta"]
    assert delta == pytest.approx(-1 / 12, abs=1e-3)

    text = run(["--compare", str(out_b), str(out_a)], {})
    assert text.returncode == 0, text.stderr
    assert "wrong → right (1 of 12 common cases)" in text.stdout and flipped["id"] in text.stdout


def test_a_bad_dataset_is_one_line_and_exit_2(setup):
    bad = setup["tmp"] / "bad.yaml"
    bad.write_text("cases:\n  - {id: a, user_input: 'Q', required_facts: ['(unclosed']}\n")
    result = run(["--dataset", str(bad)], setup["env"])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "not a valid regex" in lines[0]


def test_a_broken_retriever_fails_the_bundled_gate(setup):
    """top_k=1 starves the answer of evidence: the full dataset falls under evals/thresholds.yaml."""
    result = run(["--out", str(setup["tmp"] / "broken"), "--json"], {**setup["env"], "ASSISTANT_TOP_K": "1"})
    assert result.returncode == 1, result.stdout[-500:] + result.stderr
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("error: eval gate failed") and "hit_rate" in message


def test_a_suite_runs_every_gate_in_one_process_as_separate_runs_would(setup):
    """`--suite`: each gate's run equals a separate `--dataset` run of it, and a failing gate fails the
    command after all gates ran, with one stderr line naming it."""
    tmp = setup["tmp"]
    data = yaml.safe_load((ROOT / "evals" / "dataset.yaml").read_text())
    small = {"cases": data["cases"][::9]}  # every ninth case: all kinds, a few seconds
    (tmp / "small.yaml").write_text(yaml.safe_dump(small, sort_keys=False))
    (tmp / "suite.yaml").write_text(
        "gates:\n"
        "- {dataset: small.yaml, thresholds: lenient.yaml}\n"
        "- {name: strict, dataset: small.yaml, thresholds: impossible.yaml}\n"
        "- {name: again, dataset: small.yaml, thresholds: lenient.yaml}\n")
    alone = run(["--dataset", str(tmp / "small.yaml"), "--thresholds", str(tmp / "lenient.yaml"),
                 "--out", str(tmp / "alone")], setup["env"])
    assert alone.returncode == 0, alone.stderr
    result = run(["--suite", str(tmp / "suite.yaml"), "--out", str(tmp / "suite-runs")], setup["env"])

    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "strict: " in lines[0] and "answer_accuracy" in lines[0], result.stderr
    assert "small:" not in lines[0] and "again:" not in lines[0]
    out = result.stdout.splitlines()
    assert out[0].startswith("small: ") and out[0].endswith("gate passed"), result.stdout
    assert out[1].startswith("strict: ") and out[1].endswith("gate FAILED"), result.stdout
    assert out[2].startswith("again: ") and "2 of 3 gates passed" in out[3], result.stdout

    def verdicts(folder: Path) -> list[tuple[str, bool, str]]:
        rows = [json.loads(line) for line in (folder / "cases.jsonl").read_text().splitlines()]
        return [(r["id"], r["scores"]["correct"], r["answer"]) for r in rows]

    expected = verdicts(tmp / "alone")
    assert len(expected) == len(small["cases"])
    for name in ("small", "strict", "again"):
        assert verdicts(tmp / "suite-runs" / name) == expected, name
        assert (tmp / "suite-runs" / name / "report.html").is_file()
    summary = json.loads((tmp / "suite-runs" / "strict" / "summary.json").read_text())
    assert summary["gate"]["passed"] is False


@pytest.mark.parametrize(("suite", "message"), [
    (None, "does not exist"),
    ("gates: []\n", "non-empty `gates:`"),
    ("gates:\n- {dataset: small.yaml}\n", "needs `dataset:` and `thresholds:`"),
    ("gates:\n- {dataset: nowhere.yaml, thresholds: lenient.yaml}\n", "nowhere.yaml does not exist"),
    ("gates:\n- {dataset: small.yaml, thresholds: lenient.yaml}\n- {dataset: small.yaml, thresholds: lenient.yaml}\n",
     "repeats the name 'small'"),
])
def test_a_bad_suite_is_a_one_line_error(setup, suite, message, tmp_path):
    path = tmp_path / "suite.yaml"
    if suite is not None:
        (tmp_path / "lenient.yaml").write_text("min:\n  hit_rate: 0.5\n")
        (tmp_path / "small.yaml").write_text("cases: []\n")
        path.write_text(suite)
    result = run(["--suite", str(path), "--out", str(tmp_path / "runs")], setup["env"])
    assert result.returncode != 0 and not result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert not (tmp_path / "runs").exists()

"""The evaluation harness's pure parts on tiny hand-computed inputs: a broken formula fails here."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from assistant.errors import AssistantError
from assistant.eval import metrics
from assistant.eval.aggregate import summarize
from assistant.eval.compare import compare_runs, format_comparison
from assistant.eval.dataset import load_dataset, select_cases
from assistant.eval.gate import check_gate, load_thresholds
from assistant.eval.html_report import render_html
from assistant.eval.judge import LLMJudge, OfflineJudge, Passage, judge_agreement, load_judge_labels, parse_verdict
from assistant.eval.relevance import Corpus, normalize, score_retrieval, unique_evidence
from assistant.eval.report import markdown, write_run
from assistant.eval.svg import histogram_bins
from assistant.types import Article, Chunk

ROOT = Path(__file__).resolve().parents[2]
T, F = True, False

# --- retrieval -----------------------------------------------------------------------------------


def test_hit_at_k():
    assert metrics.hit_at_k([F, F, T], 3) == 1.0
    assert metrics.hit_at_k([F, F, T], 2) == 0.0
    assert metrics.hit_at_k([], 5) == 0.0


def test_recall_at_k():
    covered = [{0}, set(), {1}]
    assert metrics.recall_at_k(covered, 3, 2) == pytest.approx(1 / 3)
    assert metrics.recall_at_k(covered, 3, 3) == pytest.approx(2 / 3)
    assert metrics.recall_at_k([{0, 1}], 2, 1) == 1.0
    with pytest.raises(ValueError):
        metrics.recall_at_k(covered, 0, 3)


def test_reciprocal_rank():
    assert metrics.reciprocal_rank([F, T, F], 3) == 0.5
    assert metrics.reciprocal_rank([T, T], 2) == 1.0
    assert metrics.reciprocal_rank([F, F, F, T], 3) == 0.0  # past k
    assert metrics.reciprocal_rank([], 3) == 0.0


def test_dcg_and_ndcg():
    assert metrics.dcg([1, 0, 1]) == pytest.approx(1 + 1 / math.log2(4))  # 1.5
    assert metrics.ndcg_at_k([1, 1], 2, 2) == pytest.approx(1.0)
    assert metrics.ndcg_at_k([0, 1], 1, 2) == pytest.approx(1 / math.log2(3))  # 0.6309
    # Two coverable items, one found at rank 3: 0.5 / (1 + 0.6309).
    assert metrics.ndcg_at_k([0, 0, 1], 2, 3) == pytest.approx(0.5 / (1 + 1 / math.log2(3)))
    assert metrics.ndcg_at_k([0, 0, 1], 2, 2) == 0.0  # cut at k
    assert metrics.ndcg_at_k([1], 0, 3) == 0.0  # nothing coverable


def test_novelty_gains_count_an_evidence_item_once():
    assert metrics.novelty_gains([{0}, {0}, {1}, set(), {0, 1, 2}]) == [1, 0, 1, 0, 1]


def test_score_retrieval_by_hand():
    # c2 and c3 both carry evidence 0 (overlapping chunks); evidence 1 lives only in c9, not retrieved.
    score = score_retrieval(["c1", "c2", "c3"], [frozenset({"c2", "c3"}), frozenset({"c9"})], 3)
    assert score.relevant == (F, T, T)
    assert score.hit == 1.0
    assert score.recall == 0.5
    assert score.reciprocal_rank == 0.5
    assert score.ndcg == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))  # 0.3869


def test_score_retrieval_unmatched_evidence_counts_in_recall_only():
    score = score_retrieval(["c1"], [frozenset({"c1"}), frozenset()], 5)
    assert score.recall == 0.5
    assert score.ndcg == 1.0  # the only coverable item is at rank 1


def test_evidence_matching_rules():
    a1 = Article("a1", "articles/one.txt", "Title One", "Alpha beta. Gamma “delta” epsilon.")
    a2 = Article("a2", "articles/two.txt", "Title Two", "Zeta eta theta.", source="MENAFN", date="2024-03-31")
    chunks = [Chunk("a1:0", "a1", 0, 0, 11, "Alpha beta."), Chunk("a1:1", "a1", 1, 12, 35, "Gamma “delta” epsilon."),
              Chunk("a2:0", "a2", 0, 0, 15, "Zeta eta theta.")]
    corpus = Corpus(chunks, [a1, a2], sources={"a2": "date 2024-03-31 (MENAFN) Zeta eta theta."})
    direct = corpus.match('gamma  "DELTA" epsilon')  # case, quotes and spaces normalised
    assert direct.rule == "chunk" and direct.chunk_ids == {"a1:1"}
    meta = corpus.match("date 2024-03-31 (MENAFN)")  # only in the source file: all of its article's chunks
    assert meta.rule == "article" and meta.chunk_ids == {"a2:0"}
    assert corpus.match("date 2024-03-31 (MENAFN)", ["one.txt"]).rule == "none"  # restricted to the case's articles
    assert corpus.match("Title One").chunk_ids == {"a1:0", "a1:1"}  # header
    assert corpus.match("omega").rule == "none"
    assert unique_evidence(["A  b", "a b", "c"]) == ["A  b", "c"]
    assert normalize("“X”\n Y") == '"x" y'


# --- answers ---------------------------------------------------------------------------------------


def test_facts_correct():
    assert metrics.facts_correct("They meet on APRIL 10 in Washington. [1]", [r"april\s*10", "washington"], False)
    assert not metrics.facts_correct("They meet on April 10. [1]", [r"april\s*10", "washington"], False)
    assert not metrics.facts_correct("They meet on April 10. [1]", [r"april\s*10"], True)  # a refusal never counts
    assert not metrics.facts_correct("Nothing here [10]", [r"\b10\b"], False)  # markers are not facts
    assert metrics.facts_correct("anything", [], False)


def test_refusal_precision_and_recall():
    should = [T, T, F, F, T]
    refused = [T, F, T, F, T]
    precision, recall = metrics.refusal_scores(should, refused)
    assert precision == pytest.approx(2 / 3)  # 2 right refusals of 3
    assert recall == pytest.approx(2 / 3)  # 2 of 3 should-refuse cases refused
    assert metrics.refusal_scores([T, F], [F, F]) == (None, 0.0)
    assert metrics.refusal_scores([F], [T]) == (0.0, None)


# --- citations -------------------------------------------------------------------------------------


def test_citation_scores_alce_style():
    a, b = Passage("A"), Passage("B")
    verdicts = {("s1", ("A",)): (T, F), ("s2", ("A", "B")): (T, F), ("s2", ("A",)): (F, F), ("s2", ("B",)): (T, F)}

    def judge(sentence, passages):
        return verdicts[(sentence, tuple(p.text for p in passages))]

    score = metrics.citation_scores([("s1", [a]), ("s2", [a, b]), ("s3", []), ("s4", [None])], judge)
    # Recall: s1 and s2 supported; s3 has no citation; s4 cites a number with no passage.
    assert score.recall == pytest.approx(2 / 4)
    # Precision: 4 citations (s1:A ok, s2:A no, s2:B ok, s4:None no).
    assert score.precision == pytest.approx(2 / 4)
    assert (score.sentences, score.supported_sentences, score.citations, score.supporting_citations) == (4, 2, 4, 2)
    assert score.judge_errors == 0


def test_citation_judge_errors_never_pass():
    score = metrics.citation_scores([("s1", [Passage("A")])], lambda s, p: (True, True))
    assert score.recall == 0.0 and score.precision == 0.0 and score.judge_errors == 1


def test_citation_scores_empty():
    score = metrics.citation_scores([], lambda s, p: (True, False))
    assert score.recall is None and score.precision is None


# --- aggregation -----------------------------------------------------------------------------------


def test_percentile_linear_interpolation():
    assert metrics.percentile([4, 1, 3, 2], 50) == pytest.approx(2.5)
    assert metrics.percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert metrics.percentile([5.0], 95) == 5.0
    assert metrics.percentile([], 50) is None
    assert metrics.percentile([1, 2, 3], 0) == 1 and metrics.percentile([1, 2, 3], 100) == 3


def test_mean_skips_none():
    assert metrics.mean([1.0, None, 0.0]) == 0.5
    assert metrics.mean([None]) is None


def test_cohen_kappa_by_hand():
    # p_o = 3/4; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2; kappa = (0.75 - 0.5) / 0.5 = 0.5
    assert metrics.cohen_kappa([T, T, F, F], [T, F, F, F]) == pytest.approx(0.5)
    assert metrics.cohen_kappa([T, F, T], [T, F, T]) == 1.0
    assert metrics.cohen_kappa([T, T], [T, T]) == 1.0  # p_e = 1
    assert metrics.cohen_kappa([T, F], [F, T]) == pytest.approx(-1.0)


def test_agreement_counts():
    ag = metrics.agreement([T, T, F, F, T], [T, F, T, F, T])
    assert (ag.tp, ag.fn, ag.fp, ag.tn) == (2, 1, 1, 1)
    assert ag.accuracy == pytest.approx(3 / 5)
    assert ag.precision == pytest.approx(2 / 3) and ag.recall == pytest.approx(2 / 3)


def _row(case_id, kind, answerable, refused, correct, **scores):
    base = {"hit": None, "recall": None, "reciprocal_rank": None, "ndcg": None, "fact_correct": None,
            "correct": correct, "citation_precision": None, "citation_recall": None, "judge_errors": 0}
    return {"id": case_id, "kind": kind, "answerable": answerable, "refused": refused, "question": f"q {case_id}",
            "answer": "The articles do not say." if refused else f"answer {case_id} [1]", "scores": {**base, **scores},
            "timings": {}, "error": None, "missing_facts": [], "citations": [], "retrieved": []}


def test_summarize_by_hand():
    rows = [
        _row("a", "factual", T, F, T, hit=1.0, recall=1.0, reciprocal_rank=1.0, ndcg=1.0, fact_correct=T,
             citation_precision=1.0, citation_recall=0.5),
        _row("b", "factual", T, T, F, hit=0.0, recall=0.0, reciprocal_rank=0.0, ndcg=0.0, fact_correct=F),
        _row("c", "unanswerable", F, T, T),
        _row("d", "unanswerable", F, F, F, citation_precision=0.0, citation_recall=0.0, judge_errors=2),
    ]
    rows[0]["timings"] = {"retrieval": 0.1, "total": 1.0}
    rows[1]["timings"] = {"retrieval": 0.3, "total": 3.0}
    s = summarize(rows)
    assert s["n_cases"] == 4 and s["n_answerable"] == 2 and s["n_should_refuse"] == 2 and s["n_refused"] == 2
    assert s["hit_rate"] == 0.5 and s["mrr"] == 0.5 and s["answer_accuracy"] == 0.5 and s["accuracy"] == 0.5
    assert s["citation_precision"] == 0.5 and s["citation_recall"] == 0.25
    assert s["refusal_precision"] == 0.5 and s["refusal_recall"] == 0.5  # refused b (wrong) and c (right)
    assert s["judge_errors"] == 2
    assert s["latency_total_p50"] == 2.0 and s["latency_total_p95"] == pytest.approx(2.9)
    assert s["latency_generation_p50"] is None
    assert s["per_kind"]["factual"]["accuracy"] == 0.5 and s["per_kind"]["unanswerable"]["refusal_recall"] == 0.5
    assert s["per_kind"]["unanswerable"]["hit_rate"] is None


# --- judges ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("SUPPORTED", True), ("NOT_SUPPORTED", False), ("not supported.", False), ("**Supported**", True),
        ("Answer: NOT-SUPPORTED", False), ("UNSUPPORTED", False),
        ("SUPPORTED. The passage gives the date April 10 explicitly.", True),
        ("", None), ("Yes", None), ("SUPPORTED or NOT_SUPPORTED", None),
        ("I cannot tell whether the sentence is supported by this passage.", None),
        ("The passage mentions Biden, so the sentence is supported here", None),
    ],
)
def test_parse_verdict(reply, expected):
    assert parse_verdict(reply) is expected


def test_llm_judge_counts_unparseable_replies_as_errors():
    from assistant.llm import FakeGenerator
    from assistant.prompts import Prompts

    generator = FakeGenerator(replies=["SUPPORTED", "hmm, hard to say", "NOT_SUPPORTED"])
    judge = LLMJudge(generator, Prompts(ROOT / "prompts"))
    first = judge.judge("Kishida visits on April 10.", [Passage("Kishida's official visit on April 10.", title="T")])
    second = judge.judge("Biden visits.", [Passage("Kishida's official visit on April 10.")])
    third = judge.judge("X.", [Passage("Y.")])
    assert first.supported and first.error is None
    assert not second.supported and "unparseable" in (second.error or "")
    assert not third.supported and third.error is None
    assert judge.errors == 1
    assert judge.judge("Kishida visits on April 10.", [Passage("Kishida's official visit on April 10.", title="T")]) == first
    assert len(generator.calls) == 3  # cached
    prompt = generator.calls[0][0]["content"]
    assert "Kishida's official visit on April 10." in prompt and "SUPPORTED or NOT_SUPPORTED" in prompt


def test_offline_judge_plumbing_with_the_hash_embedder():
    from assistant.embeddings import HashEmbedder
    from assistant.grounding import Verifier

    judge = OfflineJudge(Verifier(HashEmbedder(), 0.45))
    passage = Passage("Iliana Ivanova is the EU Commissioner for Innovation and Research.")
    assert judge.judge("Iliana Ivanova is the EU Commissioner for Innovation and Research.", [passage]).supported
    assert not judge.judge("Pauline Jacobs recommends yoga in Paris.", [passage]).supported
    agreement, rows, errors = judge_agreement(judge, load_judge_labels(ROOT / "evals" / "judge_labels.yaml"))
    assert agreement.n == len(rows) >= 30 and errors == 0


def test_judge_labels_file_is_balanced_and_well_formed():
    labels = load_judge_labels(ROOT / "evals" / "judge_labels.yaml")
    assert len(labels) >= 30
    positives = sum(lb.supported for lb in labels)
    assert 0.35 < positives / len(labels) < 0.65
    notes = " ".join(lb.note for lb in labels)
    for kind in ("wrong date", "wrong name", "false premise", "paraphrase"):
        assert kind in notes


# --- dataset ---------------------------------------------------------------------------------------


def test_the_bundled_dataset_loads():
    cases = load_dataset(ROOT / "evals" / "dataset.yaml")
    assert len(cases) == 78
    assert {c.kind for c in cases} == {"factual", "cross-article", "paraphrase", "unanswerable", "boilerplate-trap",
                                        "multi-turn", "adversarial"}
    assert all(c.turns for c in cases if c.kind == "multi-turn")


def test_jsonl_dataset_and_ragas_names(tmp_path):
    path = tmp_path / "cases.jsonl"
    rows = [{"id": "x", "kind": "factual", "user_input": "Q?", "reference": "R.", "required_facts": ["r"],
             "answerable": True, "response": "ignored", "retrieved_contexts": []},
            {"id": "y", "user_input": "Other?", "answerable": False}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    cases = load_dataset(path)
    assert [c.id for c in cases] == ["x", "y"] and cases[1].kind == "default" and cases[0].required_facts == ("r",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cases:\n  - {id: a, kind: k, user_input: 'Q', required_facts: ['(unclosed'], answerable: true}\n", "not a valid regex"),
        ("cases:\n  - {id: a, kind: k, user_input: 'Q', answerable: true, requried_facts: []}\n", "unknown field"),
        ("cases:\n  - {id: a, kind: k, answerable: true}\n", "user_input"),
        ("cases:\n  - {id: a, user_input: Q}\n  - {id: a, user_input: Q2}\n", "more than one case"),
        ("cases:\n  - {id: a, user_input: Q, answerable: 'yes'}\n", "answerable must be true or false"),
        ("cases:\n  - {id: a, user_input: Q, answerable: false, required_facts: [x]}\n", "cannot have required_facts"),
        ("cases: [\n  - oops: {\n", "not valid YAML"),
        ("cases: []\n", "no cases"),
        ("just a string\n", "expected a list of cases"),
        ("cases:\n  - {id: a, user_input: Q, evidence: 3}\n", "evidence must be a list of strings"),
    ],
)
def test_bad_datasets_give_one_clear_line(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(AssistantError) as err:
        load_dataset(path)
    assert message in str(err.value) and "\n" not in str(err.value) and str(path) in str(err.value)


def test_missing_and_wrongly_named_dataset(tmp_path):
    with pytest.raises(AssistantError, match="does not exist"):
        load_dataset(tmp_path / "nope.yaml")
    (tmp_path / "cases.csv").write_text("id\n")
    with pytest.raises(AssistantError, match=r"not \.yaml"):
        load_dataset(tmp_path / "cases.csv")
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "user_input": "Q"}\n{oops\n')
    with pytest.raises(AssistantError, match=r"bad.jsonl:2: not valid JSON"):
        load_dataset(tmp_path / "bad.jsonl")


def test_select_cases_spreads_a_limit_over_kinds():
    from assistant.eval.dataset import EvalCase

    cases = [EvalCase(f"{k}{i}", k, "Q", True) for k, n in (("a", 3), ("b", 2), ("c", 1)) for i in range(n)]
    assert [c.id for c in select_cases(cases, limit=4)] == ["a0", "a1", "b0", "c0"]
    assert [c.id for c in select_cases(cases, kinds=["b", "c"])] == ["b0", "b1", "c0"]
    assert [c.id for c in select_cases(cases, kinds=["a"], limit=2)] == ["a0", "a1"]
    with pytest.raises(AssistantError, match="Unknown kind"):
        select_cases(cases, kinds=["zzz"])
    with pytest.raises(AssistantError, match="at least 1"):
        select_cases(cases, limit=0)


# --- gate, reports, comparison -----------------------------------------------------------------------


def test_gate_min_max_and_skips(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("min: {hit_rate: 0.9, mrr: 0.5, refusal_precision: 0.5}\nmax: {judge_errors: 0}\n"
                    "modes:\n  extractive:\n    min: {mrr: 0.8}\n")
    limits = load_thresholds(path, "extractive")
    assert limits == {"min": {"hit_rate": 0.9, "mrr": 0.8, "refusal_precision": 0.5}, "max": {"judge_errors": 0.0}}
    assert load_thresholds(path, "local")["min"]["mrr"] == 0.5
    gate = check_gate({"hit_rate": 0.95, "mrr": 0.7, "refusal_precision": None, "judge_errors": 1}, limits)
    assert not gate["passed"]
    assert gate["failures"] == ["mrr 0.7 < 0.8", "judge_errors 1 > 0.0"]
    skipped = next(c for c in gate["checks"] if c["metric"] == "refusal_precision")
    assert skipped["passed"] is None
    assert check_gate({"hit_rate": 0.9}, {"min": {"hit_rate": 0.9}, "max": {}})["passed"]  # at the minimum passes
    with pytest.raises(AssistantError, match="not a summary metric"):
        check_gate({"hit_rate": 1.0}, {"min": {"hitrate": 0.5}, "max": {}})


def test_bad_thresholds_file(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("min: {hit_rate: high}\n")
    with pytest.raises(AssistantError, match="must be a number"):
        load_thresholds(path, "extractive")


def test_the_bundled_thresholds_name_real_metrics():
    rows = [_row("a", "factual", T, F, T, hit=1.0, recall=1.0, reciprocal_rank=1.0, ndcg=1.0, fact_correct=T,
                 citation_precision=1.0, citation_recall=1.0), _row("b", "unanswerable", F, T, T)]
    summary = summarize(rows)
    for mode in ("extractive", "local", "openai"):
        check_gate(summary, load_thresholds(ROOT / "evals" / "thresholds.yaml", mode))  # raises on an unknown name


def _summary(rows):
    return {**summarize(rows), "mode": "extractive", "model": None, "k": 5, "judge": "offline", "dataset": "d.yaml",
            "started_at": "2024-04-01T00:00:00+00:00", "duration_seconds": 1.0, "judge_agreement": None,
            "gate": {"passed": True, "thresholds": None, "checks": [], "failures": []}}


def test_reports_escape_text_and_draw_charts(tmp_path):
    rows = [_row("x", "factual", T, F, T, hit=1.0, fact_correct=T), _row("y<b>", "unanswerable", F, F, F)]
    rows[0]["question"] = "What is <script>alert('x')</script> & co?"
    rows[0]["timings"] = {"total": 0.5}
    html = render_html(_summary(rows), rows)
    assert "<script" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co?" in html
    assert "y&lt;b&gt;" in html
    assert html.count("<svg") == 2 and "Accuracy by kind" in html and "Latency per question" in html
    assert "http" not in html.replace("http://www.w3.org/2000/svg", "")  # no external assets
    md = markdown(_summary(rows), rows)
    assert "| hit_rate |" in md and "y<b>" in md


def test_histogram_bins():
    assert histogram_bins([0.0, 1.0, 2.0, 4.0], bins=4) == [(0.0, 1.0, 1), (1.0, 2.0, 1), (2.0, 3.0, 1), (3.0, 4.0, 1)]
    assert histogram_bins([]) == []


def test_compare_lists_flips_and_deltas(tmp_path):
    a_rows = [_row("p", "factual", T, F, T, hit=1.0), _row("q", "factual", T, F, F, hit=1.0), _row("r", "factual", T, F, T)]
    b_rows = [_row("p", "factual", T, F, F, hit=0.0), _row("q", "factual", T, F, T, hit=1.0), _row("s", "factual", T, F, T)]
    write_run(tmp_path / "a", a_rows, _summary(a_rows), [])
    write_run(tmp_path / "b", b_rows, _summary(b_rows), [])
    result = compare_runs(tmp_path / "a", tmp_path / "b")
    assert [f["id"] for f in result["right_to_wrong"]] == ["p"]
    assert [f["id"] for f in result["wrong_to_right"]] == ["q"]
    assert result["only_in_a"] == ["r"] and result["only_in_b"] == ["s"]
    hit = next(m for m in result["metrics"] if m["metric"] == "hit_rate")
    assert (hit["a"], hit["b"], hit["delta"]) == (1.0, 0.5, -0.5)
    text = format_comparison(result)
    assert "right → wrong (1 of 2 common cases)" in text and "hit_rate" in text
    with pytest.raises(AssistantError, match="not an eval run"):
        compare_runs(tmp_path / "a", tmp_path / "nothing")

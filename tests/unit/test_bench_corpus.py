"""The benchmark's corpus generator and its arithmetic (percentiles, ratios, targets)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.bench import check_targets, parse_sizes, ratios
from assistant.bench.corpus import generate, write_corpus
from assistant.bench.measure import percentile
from assistant.errors import AssistantError
from assistant.ingest.chunk import chunk_text, split_sentences
from assistant.ingest.clean import clean_text
from assistant.ingest.readers import read_document


@pytest.fixture(scope="module")
def corpus_1k(tmp_path_factory: pytest.TempPathFactory):
    return write_corpus(tmp_path_factory.mktemp("bench") / "corpus", 1000, seed=0)


def _cleaned(path: Path) -> tuple[str, object]:
    """What the ingest pipeline makes of a file: the reader, then the cleaner."""
    raw = read_document(path, max_bytes=20_000_000)
    return clean_text(raw.text, title=raw.title, source=raw.source, date=raw.date).text, raw


def test_same_seed_same_corpus_other_seed_other_text() -> None:
    first = [text for _, text, *_ in generate(300, seed=0)]
    again = [text for _, text, *_ in generate(300, seed=0)]
    other = [text for _, text, *_ in generate(300, seed=1)]
    assert first == again
    assert not set(first) & set(other)


def test_chunk_count_is_what_the_pipeline_cuts(corpus_1k) -> None:
    real = 0
    for path in corpus_1k.files:
        text, _ = _cleaned(path)
        real += len(chunk_text("x", text, 110, 1))
    assert real == corpus_1k.chunks
    # It stops at the first article that reaches the target: at most one article (< 20 chunks) over.
    assert 1000 <= corpus_1k.chunks < 1020


def test_articles_are_news_length_with_metadata_the_reader_keeps(corpus_1k) -> None:
    for path in corpus_1k.files:
        text, raw = _cleaned(path)
        assert 400 <= len(text.split()) <= 900, path.name
        assert raw.title and raw.source and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.date or ""), path.name
        # The cleaner keeps every paragraph: nothing generated looks like page furniture.
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert len(text.split()) == len(body.split()), path.name


def test_text_does_not_repeat(corpus_1k) -> None:
    sentences: list[str] = []
    paragraphs: list[str] = []
    for path in corpus_1k.files:
        text, _ = _cleaned(path)
        sentences += [text[s:e] for s, e in split_sentences(text)]
        paragraphs += text.split("\n\n")
    assert len(sentences) > 3000
    assert len(set(sentences)) / len(sentences) > 0.95
    assert len(set(paragraphs)) == len(paragraphs)
    # Varied wording, not one template: many distinct sentence openings.
    openings = Counter(" ".join(s.split()[:2]) for s in sentences)
    assert len(openings) > 200
    assert openings.most_common(1)[0][1] / len(sentences) < 0.05


def test_every_planted_fact_is_in_exactly_one_article(corpus_1k) -> None:
    texts = {p.name: _cleaned(p)[0] for p in corpus_1k.files}
    assert len(corpus_1k.queries) == len(corpus_1k.files)
    assert len({q.entity for q in corpus_1k.queries}) == len(corpus_1k.queries)
    for query in corpus_1k.queries:
        holders = [name for name, text in texts.items() if query.entity in text]
        assert holders == [query.path]
        text = texts[query.path]
        # The answer and the company sit in one sentence, so one chunk can carry both.
        assert any(query.found_in(text[s:e]) for s, e in split_sentences(text)), query
        assert query.entity in query.question and query.answer not in query.question


def test_sample_queries_spreads_over_the_corpus(corpus_1k) -> None:
    picked = corpus_1k.sample_queries(10)
    assert len(picked) == 10 == len(set(picked))
    positions = [corpus_1k.queries.index(q) for q in picked]
    assert positions == sorted(positions) and positions[-1] >= len(corpus_1k.queries) * 0.8
    assert corpus_1k.sample_queries(10_000) == corpus_1k.queries


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([3.0, 1.0, 2.0, 4.0], 50) == 2.5
    assert percentile([10.0, 20.0], 95) == pytest.approx(19.5)
    assert percentile([7.0], 95) == 7.0


def test_ratios_say_how_much_better_ours_is() -> None:
    ours = {"chunks_per_s": 300.0, "words_per_s": 20000.0, "retrieval_p50_ms": 20.0, "retrieval_p95_ms": 30.0,
            "index_bytes": 1000, "hit_at_k": 1.0}
    stock = {"chunks_per_s": 100.0, "words_per_s": 40000.0, "retrieval_p50_ms": 40.0, "retrieval_p95_ms": 30.0,
             "index_bytes": 500, "hit_at_k": 0.75}
    assert ratios(ours, stock) == {"ingest_chunks_per_s": 3.0, "ingest_words_per_s": 0.5, "retrieval_p50": 2.0,
                                   "retrieval_p95": 1.0, "index_bytes": 0.5, "hit_at_k_difference": 0.25}


def test_targets_pass_miss_and_not_measured() -> None:
    size = {"chunks_target": 10_000, "ratios": {"ingest_chunks_per_s": 2.5, "ingest_words_per_s": 1.5},
            "ours": {"retrieval_p50_ms": 60.0, "retrieval_p95_ms": 90.0}}
    result = {"sizes": [size], "ttft": None, "cli_help": {"median_s": 0.4},
              "memory": {"peak_rss_default_model_mb": 2900.0}}
    verdicts = {t["target"]: t["pass"] for t in check_targets(result)}
    assert verdicts == {
        "ingest chunks/s ≥ 2× stock at 10,000 chunks": True,
        "ingest corpus words/s ≥ 2× stock at 10,000 chunks": False,
        "retrieval p50 ≤ 50 ms at 10,000 chunks": False,
        "retrieval p95 ≤ 2× p50 at 10,000 chunks": True,
        "first token ≤ 3 s (median, warm, default local model, bundled articles)": None,
        "`assistant --help` ≤ 1 s (median of 3)": True,
        "peak RSS with the default model ≤ 3 GB": True,
    }
    size["chunks_target"] = 100_000
    assert any(t["target"] == "retrieval p50 ≤ 150 ms at 100,000 chunks" and t["pass"] is True
               for t in check_targets(result))


def test_sizes_are_parsed_and_checked() -> None:
    assert parse_sizes("10000,1000,1000", large=False) == [1000, 10000]
    assert parse_sizes("1000", large=True) == [1000, 100_000]
    for bad in ("ten", "", "10", "1000,-5"):
        with pytest.raises(AssistantError):
            parse_sizes(bad, large=False)

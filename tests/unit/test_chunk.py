"""Unit tests for assistant.ingest.chunk: sentence spans, chunk invariants and stable ids."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.ingest.chunk import chunk_id, chunk_text, split_sentences
from assistant.ingest.clean import clean_text
from assistant.ingest.readers import read_document
from assistant.types import Chunk

ARTICLES = Path(__file__).resolve().parents[2] / "articles"


def cleaned_articles() -> list[str]:
    texts = []
    for path in sorted(ARTICLES.glob("*.txt")):
        raw = read_document(path, max_bytes=20_000_000)
        texts.append(clean_text(raw.text, title=raw.title, source=raw.source, date=raw.date).text)
    return texts


REAL_TEXTS = cleaned_articles()


def words(n: int, tag: str) -> str:
    """A sentence of exactly ``n`` words: "A0 A1 ... A{n-1}." (capitalised so boundaries are seen)."""
    return " ".join(f"{tag}{i}" for i in range(n)) + "."


# --- split_sentences --------------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "U.S. President Biden met Mr. Smith on Tuesday. They discussed chips with Dr. J. Doe! Was it useful? Yes."
    assert sentences(text) == [
        "U.S. President Biden met Mr. Smith on Tuesday.",
        "They discussed chips with Dr. J. Doe!",
        "Was it useful?",
        "Yes.",
    ]


def test_boundary_needs_capital_or_digit_after() -> None:
    assert sentences("Prices rose 3.5 percent. 2024 was a record. the end. Next one.") == [
        "Prices rose 3.5 percent.",
        "2024 was a record. the end.",
        "Next one.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = 'He said "we agree." Then he left. (It rained.) The end.'
    assert sentences(text) == ['He said "we agree."', "Then he left.", "(It rained.)", "The end."]


def test_line_break_always_ends_a_sentence() -> None:
    text = "Strengthening Bilateral Ties\nJapan and the US agreed\n\n  Second paragraph here.  \n"
    assert sentences(text) == ["Strengthening Bilateral Ties", "Japan and the US agreed", "Second paragraph here."]


def test_split_sentences_empty() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_sentence_spans_are_stripped_ordered_and_disjoint(text: str) -> None:
    spans = split_sentences(text)
    last_end = 0
    for s, e in spans:
        piece = text[s:e]
        assert piece, "empty sentence"
        assert piece == piece.strip()
        # A line break stays inside a sentence only where it wraps one: the next line goes on in lower case.
        assert "\n\n" not in piece
        assert all(re.match(r"\s*[a-z0-9(]", line) for line in piece.split("\n")[1:])
        assert s >= last_end
        last_end = e


# --- chunk_text invariants --------------------------------------------------------------------------


def check_chunks(text: str, chunks: list[Chunk], max_words: int, overlap: int, article_id: str = "art") -> None:
    assert [c.index for c in chunks] == list(range(len(chunks)))
    covered = [False] * len(text)
    sentence_spans = split_sentences(text)
    for c in chunks:
        assert c.article_id == article_id
        assert text[c.start:c.end] == c.text
        assert c.text and c.text == c.text.strip()
        assert len(c.text.split()) <= max_words, "chunk over max_words"
        assert c.chunk_id == chunk_id(article_id, c.index, c.text)
        for i in range(c.start, c.end):
            covered[i] = True
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, f"characters not in any chunk at {missing[:5]}"
    for prev, nxt in itertools.pairwise(chunks):
        assert nxt.start > prev.start, "chunks out of order"
        assert nxt.end >= prev.end
        if overlap == 0:
            assert nxt.start >= prev.end, "overlap with overlap_sentences=0"
        elif nxt.start < prev.end:
            shared = [(s, e) for s, e in sentence_spans if s < prev.end and e > nxt.start]
            assert len(shared) <= overlap, "consecutive chunks share more than overlap_sentences sentences"
    if not text.strip():
        assert chunks == []
    else:
        assert chunks


@pytest.mark.parametrize("max_words,overlap", [(110, 1), (40, 0), (30, 2), (20, 1)])
@pytest.mark.parametrize("index", range(len(REAL_TEXTS)))
def test_real_articles_chunk_invariants(index: int, max_words: int, overlap: int) -> None:
    text = REAL_TEXTS[index]
    chunks = chunk_text("art", text, max_words=max_words, overlap_sentences=overlap)
    check_chunks(text, chunks, max_words, overlap)
    assert len(chunks) >= 2


def test_real_article_chunks_overlap_by_one_sentence() -> None:
    text = REAL_TEXTS[0]
    chunks = chunk_text("art", text, max_words=110, overlap_sentences=1)
    for prev, nxt in itertools.pairwise(chunks):
        shared = text[nxt.start:prev.end]
        assert nxt.start < prev.end
        assert [text[s:e] for s, e in split_sentences(text) if nxt.start <= s and e <= prev.end] == [shared]


def test_sentences_are_packed_whole() -> None:
    text = " ".join([words(30, "A"), words(30, "B"), words(30, "C"), words(30, "D")])
    chunks = chunk_text("x", text, max_words=70, overlap_sentences=1)
    assert [c.text for c in chunks] == [
        f"{words(30, 'A')} {words(30, 'B')}",
        f"{words(30, 'B')} {words(30, 'C')}",
        f"{words(30, 'C')} {words(30, 'D')}",
    ]


def test_overlap_zero_partitions_the_sentences() -> None:
    text = " ".join([words(30, "A"), words(30, "B"), words(30, "C")])
    chunks = chunk_text("x", text, max_words=70, overlap_sentences=0)
    assert [c.text for c in chunks] == [f"{words(30, 'A')} {words(30, 'B')}", words(30, "C")]


def test_long_sentence_is_split_on_word_boundaries() -> None:
    text = words(250, "W")
    chunks = chunk_text("x", text, max_words=100, overlap_sentences=1)
    assert [len(c.text.split()) for c in chunks] == [100, 100, 50]
    assert chunks[0].text.split()[-1] == "W99" and chunks[1].text.split()[0] == "W100"
    check_chunks(text, chunks, 100, 1, article_id="x")


def test_empty_text_has_no_chunks() -> None:
    assert chunk_text("x", "") == []
    assert chunk_text("x", "   \n\n  ") == []


def test_every_chunk_adds_new_text() -> None:
    # A (10 words) + B (100) fill chunk 0; B + C (100) do not fit, so chunk 1 must not be B alone.
    text = " ".join([words(10, "A"), words(100, "B"), words(100, "C")])
    chunks = chunk_text("x", text, max_words=110, overlap_sentences=1)
    for prev, nxt in itertools.pairwise(chunks):
        assert nxt.end > prev.end, f"chunk {nxt.index} lies inside chunk {prev.index}"


# --- chunk ids --------------------------------------------------------------------------------------


def test_chunk_id_shape_and_determinism() -> None:
    cid = chunk_id("article-1", 7, "Some chunk text.")
    assert cid == chunk_id("article-1", 7, "Some chunk text.")
    prefix, index, digest = cid.rsplit(":", 2)
    assert prefix == "article-1" and index == "0007"
    assert len(digest) == 10 and int(digest, 16) >= 0
    assert chunk_id("article-1", 7, "Some chunk text!") != cid
    assert chunk_id("article-1", 8, "Some chunk text.") != cid
    assert chunk_id("article-2", 7, "Some chunk text.") != cid


def test_ids_stable_unique_and_change_with_text() -> None:
    text = REAL_TEXTS[1]
    first = [c.chunk_id for c in chunk_text("a", text, max_words=40)]
    again = [c.chunk_id for c in chunk_text("a", text, max_words=40)]
    assert first == again
    assert len(set(first)) == len(first)
    changed = [c.chunk_id for c in chunk_text("a", text.replace("Japan", "Korea", 1), max_words=40)]
    assert changed[0] != first[0]
    assert changed != first


# --- properties -------------------------------------------------------------------------------------

WORD = st.sampled_from(["chip", "Japan", "U.S.", "Mr.", "AI", "deal", "10", "the", "Nvidia's", "e.g.", "(note)",
                        '"quoted"', "3.5", "said", "Biden", "J.", "x"])
SENTENCE = st.builds(
    lambda ws, end: " ".join([ws[0].capitalize(), *ws[1:]]) + end,
    st.lists(WORD, min_size=1, max_size=30),
    st.sampled_from([".", "!", "?", "", '."', "...", ".)"]),
)
SENTENCE_TEXT = st.builds(
    lambda parts, seps: "".join(p + s for p, s in zip(parts, seps)),
    st.lists(SENTENCE, min_size=0, max_size=25),
    st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", " \n "]), min_size=25, max_size=25),
)


@settings(max_examples=150, deadline=None)
@given(SENTENCE_TEXT, st.integers(min_value=3, max_value=60), st.integers(min_value=0, max_value=3))
def test_chunk_invariants_on_sentence_like_text(text: str, max_words: int, overlap: int) -> None:
    check_chunks(text, chunk_text("art", text, max_words=max_words, overlap_sentences=overlap), max_words, overlap)


@settings(max_examples=150, deadline=None)
@given(st.text(), st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=3))
def test_chunk_invariants_on_any_text(text: str, max_words: int, overlap: int) -> None:
    check_chunks(text, chunk_text("art", text, max_words=max_words, overlap_sentences=overlap), max_words, overlap)


@settings(max_examples=100, deadline=None)
@given(SENTENCE_TEXT.filter(lambda t: t.strip()), st.integers(min_value=5, max_value=40))
def test_ids_stable_and_unique_property(text: str, max_words: int) -> None:
    first = chunk_text("art", text, max_words=max_words)
    second = chunk_text("art", text, max_words=max_words)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in second]
    assert len({c.chunk_id for c in first}) == len(first)
    # Changing the text of the first chunk changes its id.
    edited = "Zeta " + text.lstrip()
    assert chunk_text("art", edited, max_words=max_words)[0].chunk_id != first[0].chunk_id


def test_a_hard_wrapped_sentence_stays_one_sentence() -> None:
    text = ("The Lunar Trade Office said that exports reached 42 tonnes in April, a record driven by\n"
            "demand from the Mars colonies. Officials expect more.\n\nA Heading\nThe next paragraph.\n"
            "A list item without a stop\nAnother item")
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences[0].endswith("driven by\ndemand from the Mars colonies.")
    # A heading, a line that ends a sentence, and a capitalised next line still end one.
    assert sentences[1:] == ["Officials expect more.", "A Heading", "The next paragraph.",
                             "A list item without a stop", "Another item"]

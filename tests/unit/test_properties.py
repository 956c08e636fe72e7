"""Property-based tests (hypothesis) across the parts that take untrusted text, beyond the per-module
properties in test_clean.py, test_chunk.py and test_grounding_parse.py:

- clean → chunk as the pipeline runs them, on any text and any metadata (scripts without spaces included):
  chunk offsets slice back to their text in the cleaned article;
- the readers on any bytes: text, or the documented `AssistantError` naming the file, never another exception;
- citation markers: every cited number was written as a marker, and no marker survives in a sentence;
- the verifier on any model output: only `[n]` markers it has citations for, numbered 1..n in order;
- the keyword index on any question; upload names; settings values; error messages.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.catalog import Catalog
from assistant.embeddings import HashEmbedder
from assistant.errors import AssistantError
from assistant.grounding import REFUSAL_TEXT, Verifier, parse_answer
from assistant.ingest.chunk import chunk_text, split_sentences
from assistant.ingest.clean import clean_text
from assistant.ingest.readers import SUPPORTED_SUFFIXES, decode_bytes, read_document
from assistant.retrieve import Hit
from assistant.types import Article, Chunk
from assistant.uploads import safe_name

# Text that looks like articles in many scripts, with page furniture and odd characters mixed in.
PIECES = st.sampled_from([
    "Kishida will visit Washington on April 10.", "The U.S. and Japan agreed.", "Mr. Biden said so!",
    "Photo: Reuters", "Home > World > Asia", "Related articles", "A teaser that ends...", "LEAVE A REPLY",
    "岸田首相は四月十日に訪米する。", "両国は協力を深める見通しだ！", "日米首脳会談",
    "Премьер-министр посетит Вашингтон.", "رئيس الوزراء يزور واشنطن.", "총리가 워싱턴을 방문한다.",
    "date 2024-03-31 (MENAFN)", "\u200b", "\u202e", "\x00", "\x1b[31m", "🇯🇵🤝🇺🇸", "e\u0301", "“Quoted,” he said.",
    "[1]", "...", "…", "\t", "\r\n", "\n", "\n\n", " ", "  ",
])
ARTICLE_TEXT = st.one_of(st.text(), st.lists(PIECES, max_size=40).map("".join),
                         st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=30).map(" ".join))
META = st.one_of(st.none(), st.text(max_size=40))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE_TEXT, META, META, META, st.integers(1, 200), st.integers(0, 5))
def test_clean_then_chunk_offsets_slice_back(raw: str, title: str | None, source: str | None, date: str | None,
                                            max_words: int, overlap: int) -> None:
    cleaned = clean_text(raw, title=title, source=source, date=date)
    chunks = chunk_text("art", cleaned.text, max_words=max_words, overlap_sentences=overlap)
    for c in chunks:
        assert cleaned.text[c.start:c.end] == c.text and c.text.strip() == c.text != ""
    assert bool(chunks) == bool(cleaned.text.strip())
    # Everything the cleaner kept is in some chunk: no text silently falls between chunks.
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    assert all(ch.isspace() or i in covered for i, ch in enumerate(cleaned.text))
    # Metadata passed in is kept as given (the reader's values win over the text's); an empty value is no
    # value, and the text's dateline may fill it ("DATE0000-00-00(00)" with source="" gives source "00").
    if source:
        assert cleaned.source == source
    if date:
        assert cleaned.date == date


SENTENCES_JA = st.lists(st.sampled_from(["岸田首相は四月十日に訪米する", "両国は半導体で協力する見通しだ",
                                         "政府関係者が述べた", "会談は二時間続いた"]), min_size=1, max_size=30)


@settings(max_examples=100, deadline=None)
@given(SENTENCES_JA, st.sampled_from(["。", "！", "？"]), st.integers(5, 60))
def test_japanese_prose_is_kept_and_split_into_sentences(sentences: list[str], end: str, max_words: int) -> None:
    """Japanese has no spaces: it must neither read as one long heading (and be dropped) nor make one
    giant chunk."""
    body = "".join(s + end for s in sentences)
    assume(len(body) >= 60)
    cleaned = clean_text(body)
    assert cleaned.text == body
    assert len(split_sentences(body)) == len(sentences)
    chunks = chunk_text("ja", body, max_words=max_words, overlap_sentences=0)
    assert "".join(c.text for c in chunks) == body
    longest = max(len(s) + 1 for s in sentences)
    assert all(len(c.text) <= max(2 * max_words, longest) + 2 for c in chunks)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000), st.sampled_from(sorted(SUPPORTED_SUFFIXES)))
def test_readers_on_any_bytes_return_text_or_name_the_file(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path, max_bytes=1_000_000)
    except AssistantError as err:
        assert str(path) in str(err) and "\n" not in str(err)
        return
    assert doc.text.strip()
    assert "\x00" not in doc.text


@settings(max_examples=200, deadline=None)
@given(st.text().map(lambda t: t.encode("utf-8")), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_decoding_text_written_in_a_unicode_encoding_gives_it_back(text_bytes: bytes, codec: str) -> None:
    text = text_bytes.decode("utf-8")
    data = text.encode(codec)
    try:
        decoded = decode_bytes(data, Path("x.txt"))
    except AssistantError as err:  # only for text a person could not call an article
        assert "x.txt" in str(err)
        assert not text.strip() or "\x00" in text
        return
    assert decoded == text


MARKER = st.lists(st.integers(0, 10**6), min_size=1, max_size=3).map(lambda ns: "[" + ", ".join(map(str, ns)) + "]")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), MARKER, PIECES), max_size=25).map(" ".join))
def test_parsed_citations_were_written_and_markers_are_removed(text: str) -> None:
    written = {int(n) for group in re.findall(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]", text)
               for n in re.split(r"\s*[,;]\s*", group)}
    for sentence in parse_answer(text):
        assert set(sentence.cited) <= written
        assert len(sentence.cited) == len(set(sentence.cited))
        assert not re.search(r"\[\d+(?:\s*[,;]\s*\d+)*\]", sentence.text)


PASSAGES = ["Kishida will make an official visit to Washington on April 10, officials said.",
            "Nvidia, Arm and Amazon are part of the new framework for AI research.",
            "Iliana Ivanova is the EU Commissioner for Innovation and Research."]


def _hits() -> list[Hit]:
    hits = []
    for i, text in enumerate(PASSAGES):
        article = Article(f"a{i}", f"a{i}.txt", f"Title {i}", text, None, None, "h")
        hits.append(Hit(Chunk(f"a{i}:0000:x", f"a{i}", 0, 0, len(text), text), article, 1.0, 0.5, None))
    return hits


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return Verifier(HashEmbedder(), min_support=0.45)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(PASSAGES), st.text(max_size=40), MARKER, PIECES), max_size=12).map(" ".join),
       st.text(max_size=60))
def test_verified_answers_cite_only_what_they_number(verifier: Verifier, raw: str, question: str) -> None:
    text, citations, refused = verifier.verify(raw, _hits(), question)
    if refused:
        assert (text, citations) == (REFUSAL_TEXT, [])
        return
    assert [c.n for c in citations] == list(range(1, len(citations) + 1))
    used = {int(n) for n in re.findall(r" \[(\d+)\]", text)}
    assert used == {c.n for c in citations}
    for c in citations:
        assert c.text[c.quote_start - c.start:c.quote_end - c.start] == c.quote


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    cat = Catalog(tmp_path_factory.mktemp("props") / "catalog.sqlite")
    with cat.transaction() as con:
        for hit in _hits():
            Catalog.put_article(con, hit.article, [hit.chunk])
    return cat


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(), st.lists(st.sampled_from(['"', "*", "(", ")", "^", ":", "NEAR", "AND", "OR", "NOT",
                                                       "-", "+", "{", "}", "Kishida", "'", ";", "--"]),
                                     max_size=12).map(" ".join)))
def test_keyword_search_takes_any_question(catalog: Catalog, question: str) -> None:
    results = catalog.keyword_search(question, 5)
    assert all(cid.startswith("a") for cid, _ in results)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(["..", "/", "\\", ".", "etc", "passwd", ".txt", ".md", ".html",
                                                       " ", "\x00", "~", "%2e", "CON", "a"]),
                                     max_size=10).map("".join)))
def test_upload_names_are_plain_file_names_or_refused(name: str) -> None:
    try:
        stored = safe_name(name)
    except AssistantError as err:
        assert "\n" not in str(err)
        return
    assert stored and len(stored) <= 120 and "/" not in stored and "\\" not in stored
    assert not stored.startswith((".", " ", "-"))
    assert set(stored) <= set(string.ascii_letters + string.digits + "._ -")
    assert Path(stored).suffix.lower() in SUPPORTED_SUFFIXES
    assert Path("/uploads", stored).resolve().parent == Path("/uploads")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["ASSISTANT_TOP_K", "ASSISTANT_MIN_RELEVANCE", "ASSISTANT_LLM", "ASSISTANT_CHUNK_WORDS",
                        "ASSISTANT_TEMPERATURE", "ASSISTANT_CHROMA_URL", "ASSISTANT_MAX_QUEUE"]),
       st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20))
def test_any_setting_value_is_accepted_or_one_line_naming_it(name: str, value: str) -> None:
    from assistant.settings import load_settings

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(name, value)
        mp.delenv("ASSISTANT_CONFIG", raising=False)
        try:
            load_settings()
        except AssistantError as err:
            assert name in str(err) and "\n" not in str(err)


@given(st.text())
def test_error_messages_are_always_one_line(message: str) -> None:
    assert "\n" not in str(AssistantError(message)) and "\r" not in str(AssistantError(message))


def test_the_embedding_cache_clearing_when_full_loses_nothing_asked_for():
    # A cached text asked for with new ones that overflow the cache was once cleared away before it was
    # returned: a KeyError after some thousands of sentences in a long-running server or a gate suite.
    verifier = Verifier(HashEmbedder(), min_support=0.45, cache_size=3)
    first = verifier.embed(["a b", "c d"])
    again = verifier.embed(["a b", "e f", "g h"])
    assert again[0] == first[0] and len(again) == 3
    assert verifier.embed(["g h"]) == [again[2]]

"""Sentence-aware chunking that keeps every chunk's character offsets in the cleaned text."""

from __future__ import annotations

import hashlib
import re

from assistant.types import Chunk

# Words after which a period does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "inc", "ltd", "co", "corp", "no",
    "gen", "gov", "sen", "rep", "col", "lt", "sgt", "capt", "fig", "al", "approx", "est", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
}
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|[。！？]+[」』”’)]*(?=\s*\S)")
_WORD = re.compile(r"\S+")
# Scripts written without spaces between words (Chinese, Japanese): about two characters per word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _count(text: str, start: int, end: int) -> int:
    """Words in ``text[start:end]``; unspaced scripts count by characters, so their chunks stay small."""
    return len(_WORD.findall(text, start, end)) + len(_UNSPACED.findall(text, start, end)) // 2


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of logical lines: a hard-wrapped sentence ("... a record driven by" / "demand from ...") is one
    line again; a line ending a sentence, a heading followed by a capitalised line, a blank line all end it."""
    lines: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        if (lines and text[lines[-1][1]:start] == "\n" and re.match(r"\s*[a-z0-9(]", text[start:end])
                and not re.search(r"[.!?:;。！？\"”’)\]]\s*$", text[lines[-1][0]:lines[-1][1]])):
            lines[-1] = (lines[-1][0], end)
        else:
            lines.append((start, end))
    return lines


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of sentences; a line break ends a sentence, unless it only wraps one
    (the next line goes on in lower case after a line without a full stop)."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text):
        start = line_start
        for match in _BOUNDARY.finditer(text, line_start, line_end):
            before = text[start:match.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if match.group()[0] not in "。！？" and (last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last)):
                continue  # "U.S. President", "J. Biden"
            span = _trimmed(text, start, match.end())
            if span:
                spans.append(span)
            start = match.end()
        span = _trimmed(text, start, line_end)
        if span:
            spans.append(span)
    return spans


def _split_long(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """Cut one over-long sentence into pieces of at most ``max_words`` words, on word boundaries."""
    words = list(_WORD.finditer(text, start, end))
    return [
        (words[i].start(), words[min(i + max_words, len(words)) - 1].end())
        for i in range(0, len(words), max_words)
    ]


def chunk_id(article_id: str, index: int, text: str) -> str:
    """Stable id: the same article text always yields the same ids."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return f"{article_id}:{index:04d}:{digest}"


def chunk_text(article_id: str, text: str, max_words: int = 110, overlap_sentences: int = 1) -> list[Chunk]:
    """Pack whole sentences into chunks of at most ``max_words`` words.

    Consecutive chunks share their last/first ``overlap_sentences`` sentences, so a fact that straddles
    a boundary is still whole in one chunk. Every chunk satisfies ``text[c.start:c.end] == c.text``.
    """
    sentences: list[tuple[int, int, int]] = []  # start, end, words
    for s, e in split_sentences(text):
        n = _count(text, s, e)
        if n > max_words:
            sentences.extend((a, b, _count(text, a, b)) for a, b in _split_long(text, s, e, max_words))
        else:
            sentences.append((s, e, n))

    groups: list[list[tuple[int, int, int]]] = []
    i = 0
    while i < len(sentences):
        group = [sentences[i]]
        words = sentences[i][2]
        j = i + 1
        while j < len(sentences) and words + sentences[j][2] <= max_words:
            group.append(sentences[j])
            words += sentences[j][2]
            j += 1
        groups.append(group)
        if j >= len(sentences):
            break
        # Step back for the overlap, but always move forward by at least one sentence, and shrink the
        # overlap until the next new sentence fits: a chunk made only of overlap would add nothing.
        back = min(overlap_sentences, j - i - 1)
        while back > 0 and sum(s[2] for s in sentences[j - back:j + 1]) > max_words:
            back -= 1
        i = j - back

    chunks = []
    for index, group in enumerate(groups):
        start, end = group[0][0], group[-1][1]
        body = text[start:end]
        chunks.append(Chunk(chunk_id(article_id, index, body), article_id, index, start, end, body))
    return chunks

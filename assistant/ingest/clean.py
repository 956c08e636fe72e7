"""Remove page boilerplate from scraped article text and pull out the metadata it carries.

The rules are general, not tuned to one site: a page is cut into blocks (lines), each block is
classified, and only article prose and its headings are kept. What goes:
- navigation crumbs ("Home > World > ...", "HomeIn-depthUS and Japan Boost..."),
- photo credits ("Photo: ..."), share/subscribe prompts, comment forms ("LEAVE A REPLY", "Please
  enter your comment!"),
- teaser lists: truncated snippets ending in an ellipsis and the headlines that introduce them,
- blocks repeated on the page (sidebars, "Read Now" repeats of "More from Author"),
- after a section marker such as "More from Author", "Read Now", "Most Popular" or "Related
  articles", anything that is not a full prose paragraph (sidebars of headlines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Whole blocks that are page furniture, compared after lower-casing and stripping punctuation.
_FURNITURE = {
    "leave a reply", "leave a comment", "please enter your comment", "please enter your name here",
    "you have entered an incorrect email address", "please enter your email address here",
    "save my name email and website in this browser for the next time i comment",
    "post comment", "comments", "share", "share this", "share this article", "tweet", "print", "email",
    "subscribe", "sign up for our newsletter", "advertisement", "sponsored", "read more", "tags",
    "related", "previous article", "next article", "skip to content", "menu", "search",
}
# Section markers after which a page holds teasers, comments or sidebars, not the article.
_SECTION_MARKERS = {
    "most popular", "more from author", "more from the author", "read now", "related posts",
    "related articles", "related stories", "you may also like", "you might also like",
    "recommended", "recommended for you", "popular posts", "latest news", "trending", "trending now",
    "leave a reply", "leave a comment", "comments", "more stories", "read next", "editors picks",
}
_CREDIT = re.compile(
    r"^\(?\s*(?:photo|photos|image|images|picture|photograph|credit|credits|photo credit|image credit|"
    r"source: photo|illustration)(?:\s*:|\s+[-–—|]\s+|\s+by\s+|\s+by\s*:)\s*\S.*$",
    re.I,
)
_CRUMB_SEPARATORS = re.compile(r"\s(?:>|»|›|/|\|)\s")
_DATE_PREFIX = re.compile(
    r"^\s*(?:date|published|posted(?:\s+on)?|updated)\s*:?\s*(\d{4}-\d{2}-\d{2})\s*(?:\(([^)]{2,60})\))?\s*",
    re.I,
)
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*[\])\"']?\s*$")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]」』]?$")
# Scripts written without spaces between words (Chinese, Japanese): about two characters per word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass
class CleanedText:
    text: str
    title: str | None
    source: str | None
    date: str | None


def _norm(block: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", block.lower()).split())


def _words(block: str) -> int:
    # Counting only spaces would make a whole Japanese paragraph one "word", i.e. a heading.
    return len(block.split()) + len(_UNSPACED.findall(block)) // 2


def _is_heading(block: str) -> bool:
    """Short line without sentence punctuation at its end: a headline or section heading."""
    return 1 <= _words(block) <= 20 and not _SENTENCE_END.search(block) and not _ELLIPSIS.search(block)


def _is_crumb(block: str) -> bool:
    if _words(block) > 25:
        return False
    if len(_CRUMB_SEPARATORS.findall(block)) >= 2:
        return True
    # Crumbs whose separators were lost in scraping: "HomeIn-depthUS and Japan Boost..."
    return bool(re.match(r"^Home(?=[A-Z>»›/|]|\s*[>»›/|])", block)) and (
        _ELLIPSIS.search(block) is not None or _words(block) <= 12
    )


def _is_prose(block: str) -> bool:
    return _words(block) >= 25 and bool(_SENTENCE_END.search(block))


def clean_text(raw: str, title: str | None = None, source: str | None = None, date: str | None = None) -> CleanedText:
    """Clean scraped text. Returns the article body (paragraphs joined by blank lines) and metadata."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    blocks = [" ".join(line.split()) for line in text.split("\n")]
    blocks = [b for b in blocks if b]

    # Metadata written into the text: "date 2024-03-31 (MENAFN) Japan and ..."
    if blocks:
        match = _DATE_PREFIX.match(blocks[0])
        if match:
            date = date or match.group(1)
            if match.group(2):
                source = source or match.group(2).strip()
            blocks[0] = blocks[0][match.end():].strip()
            blocks = [b for b in blocks if b]

    counts: dict[str, int] = {}
    for b in blocks:
        counts[_norm(b)] = counts.get(_norm(b), 0) + 1

    drop = [False] * len(blocks)
    after_marker = False
    seen_content = False
    for i, block in enumerate(blocks):
        norm = _norm(block)
        if norm in _SECTION_MARKERS and seen_content:
            after_marker = True
            drop[i] = True
            continue
        if (
            norm in _FURNITURE
            or norm in _SECTION_MARKERS
            or (_CREDIT.match(block) and _words(block) < 25)
            or _is_crumb(block)
            or _ELLIPSIS.search(block)  # truncated teaser snippet
            or (counts[norm] > 1 and _words(block) >= 3)  # repeated on the page
            or (after_marker and not _is_prose(block))
        ):
            drop[i] = True
            continue
        if _is_prose(block):
            seen_content = True

    # Headlines that introduce dropped teasers, and headings left with no body after them.
    for i, block in enumerate(blocks):
        if drop[i] or not _is_heading(block):
            continue
        nxt = next((j for j in range(i + 1, len(blocks)) if not drop[j] or _ELLIPSIS.search(blocks[j])), None)
        if nxt is None or drop[nxt]:
            drop[i] = True

    kept = [b for b, d in zip(blocks, drop) if not d]
    # The page title: a headline before the first paragraph, unless the reader already found one.
    if kept and _is_heading(kept[0]) and _words(kept[0]) >= 3 and len(kept) > 1:
        if title is None or _norm(title) == _norm(kept[0]):
            title = kept[0]
            kept = kept[1:]
    elif title is not None and kept and _norm(kept[0]) == _norm(title):
        kept = kept[1:]
    body = "\n\n".join(kept)
    if title is None and body:
        title = _title_from_text(body)
    return CleanedText(text=body, title=title, source=source, date=date)


def _title_from_text(body: str) -> str:
    """First sentence, cut at a clause boundary when long: a readable stand-in for a missing title."""
    first = re.split(r"(?<=[.!?])\s|(?<=[。！？])", body, maxsplit=1)[0].rstrip(".")
    if len(first) > 100:
        cut = first[:100]
        clause = max(cut.rfind(","), cut.rfind(";"), cut.rfind(" - "))
        first = cut[:clause] if clause > 40 else cut[: cut.rfind(" ")] + "…"
    return first

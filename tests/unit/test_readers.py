"""Unit tests for assistant.ingest.readers: formats, metadata, encodings and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import AssistantError
from assistant.ingest.readers import decode_bytes, read_document

MB = 1_000_000

HTML_PAGE = """<!doctype html>
<html><head>
<title>Chip Pact | The Daily</title>
<meta property="og:title" content="OG headline that the h1 overrides">
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2024-04-02T08:30:00Z">
<style>.lead { color: red; } STYLETEXT</style>
<script>var tracking = "SCRIPTTEXT";</script>
</head>
<body>
<nav>NAVTEXT Home World Asia</nav>
<article>
<h1>Japan and US sign chip pact</h1>
<p>Japan and the United States signed a <a href="/pact">semiconductor</a> pact on Tuesday.</p>
<aside>ASIDETEXT related stories</aside>
<p>The deal covers AI research &amp; chips.</p>
<form>FORMTEXT <input value="INPUTVALUE"><button>BUTTONTEXT</button></form>
</article>
<footer>FOOTERTEXT copyright 2024</footer>
</body></html>
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- plain formats ----------------------------------------------------------------------------------


def test_txt_is_read_verbatim(tmp_path: Path) -> None:
    body = "Kishida meets Biden on April 10.\n\nThe talks cover AI and chips.\n"
    doc = read_document(write(tmp_path, "a.txt", body), max_bytes=MB)
    assert doc.text == body
    assert doc.title is None and doc.source is None and doc.date is None
    assert doc.path == tmp_path / "a.txt"


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "UPPER.TXT", "Some article text."), max_bytes=MB)
    assert doc.text == "Some article text."


def test_bundled_article_reads(tmp_path: Path) -> None:
    path = Path(__file__).resolve().parents[2] / "articles" / "us-japan-boost-ai-semiconductor-alliance.txt"
    doc = read_document(path, max_bytes=20 * MB)
    assert "Iliana Ivanova" in doc.text


# --- HTML -------------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "page.html", HTML_PAGE), max_bytes=MB)
    assert doc.title == "Japan and US sign chip pact"
    assert doc.source == "The Daily"
    assert doc.date == "2024-04-02"
    # Link text stays inline, entities are decoded.
    assert "Japan and the United States signed a semiconductor pact on Tuesday." in doc.text
    assert "The deal covers AI research & chips." in doc.text
    for junk in ("SCRIPTTEXT", "STYLETEXT", "NAVTEXT", "ASIDETEXT", "FORMTEXT", "INPUTVALUE", "BUTTONTEXT",
                 "FOOTERTEXT", "color: red"):
        assert junk not in doc.text, junk
    # The <h1> became the title and is not repeated in the body.
    assert "Japan and US sign chip pact" not in doc.text


def test_html_paragraphs_stay_separate_and_ordered(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "page.html", HTML_PAGE), max_bytes=MB)
    first = doc.text.index("Japan and the United States signed")
    second = doc.text.index("The deal covers")
    assert first < second
    assert "\n" in doc.text[first:second]


def test_html_og_title_used_without_h1(tmp_path: Path) -> None:
    html = """<html><head><title>Page title | Site</title>
    <meta property="og:title" content="Open Graph Title"></head>
    <body><p>Body text of the article.</p></body></html>"""
    doc = read_document(write(tmp_path, "og.htm", html), max_bytes=MB)
    assert doc.title == "Open Graph Title"
    assert "Body text of the article." in doc.text


def test_html_title_tag_is_last_resort(tmp_path: Path) -> None:
    html = "<html><head><title> Plain Title </title></head><body><p>Body text.</p></body></html>"
    doc = read_document(write(tmp_path, "t.html", html), max_bytes=MB)
    assert doc.title == "Plain Title"
    assert doc.source is None and doc.date is None


def test_html_time_tag_gives_the_date(tmp_path: Path) -> None:
    html = '<html><body><article><p>Body text.</p><time datetime="2023-11-05T10:00">Nov 5</time></article></body></html>'
    doc = read_document(write(tmp_path, "t.html", html), max_bytes=MB)
    assert doc.date == "2023-11-05"


def test_html_unparseable_date_is_none(tmp_path: Path) -> None:
    html = ('<html><head><meta property="article:published_time" content="last Tuesday"></head>'
            "<body><p>Body text.</p></body></html>")
    doc = read_document(write(tmp_path, "t.html", html), max_bytes=MB)
    assert doc.date is None


def test_html_with_only_boilerplate_is_refused(tmp_path: Path) -> None:
    html = "<html><body><nav>Menu</nav><script>x()</script><footer>Footer</footer></body></html>"
    path = write(tmp_path, "empty.html", html)
    with pytest.raises(AssistantError, match="no readable text") as err:
        read_document(path, max_bytes=MB)
    assert str(path) in str(err.value)


def test_html_h1_inside_article_header_is_the_title(tmp_path: Path) -> None:
    # The usual WordPress markup: <article><header class="entry-header"><h1 class="entry-title">.
    html = """<html><head><title>Japan and US sign chip pact | The Daily</title></head><body>
    <article><header class="entry-header"><h1 class="entry-title">Japan and US sign chip pact</h1></header>
    <p>Japan and the United States signed a pact on Tuesday.</p></article></body></html>"""
    doc = read_document(write(tmp_path, "wp.html", html), max_bytes=MB)
    assert doc.title == "Japan and US sign chip pact"


# --- Markdown ---------------------------------------------------------------------------------------

MARKDOWN = """---
title: "Chip pact signed"
date: 2024-04-02T10:00:00
source: The Daily
---
# Heading One

Japan and the US signed a [chip pact](https://example.com/pact) on **Tuesday**.
![A photo of the leaders](https://example.com/leaders.jpg)

## Details

- The deal covers AI.
> Officials called it historic.
"""


def test_markdown_front_matter_and_markup(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.md", MARKDOWN), max_bytes=MB)
    assert doc.title == "Chip pact signed"
    assert doc.date == "2024-04-02"
    assert doc.source == "The Daily"
    lines = doc.text.splitlines()
    # Headings keep their text without the hashes (the front matter already gave the title).
    assert "Heading One" in lines and "Details" in lines
    assert "#" not in doc.text
    # Links keep their text, emphasis markers go, images are dropped entirely.
    assert "Japan and the US signed a chip pact on Tuesday." in lines
    assert "https://" not in doc.text
    assert "A photo of the leaders" not in doc.text and "leaders.jpg" not in doc.text
    # Bullets and quote markers go, their text stays.
    assert "The deal covers AI." in lines
    assert "Officials called it historic." in lines
    # The front matter is not part of the text.
    assert "title:" not in doc.text and "---" not in doc.text


def test_markdown_first_heading_is_title_without_front_matter(tmp_path: Path) -> None:
    md = "# Japan and US Sign Chip Pact #\n\nThe deal was signed on Tuesday.\n\n## Background\n\nMore text.\n"
    doc = read_document(write(tmp_path, "b.markdown", md), max_bytes=MB)
    assert doc.title == "Japan and US Sign Chip Pact"
    assert "Japan and US Sign Chip Pact" not in doc.text
    assert "Background" in doc.text.splitlines()
    assert doc.date is None and doc.source is None


def test_markdown_front_matter_alternative_keys(tmp_path: Path) -> None:
    md = "---\npublisher: 'Wire Service'\npublished: March 3, 2024\n---\nBody text here.\n"
    doc = read_document(write(tmp_path, "c.md", md), max_bytes=MB)
    assert doc.source == "Wire Service"
    assert doc.date is None  # not an ISO date: left out rather than guessed
    assert doc.text.strip() == "Body text here."


def test_markdown_heading_ending_in_hash_keeps_it(tmp_path: Path) -> None:
    md = "# Microsoft bets on C#\n\nSome text about the language.\n"
    doc = read_document(write(tmp_path, "csharp.md", md), max_bytes=MB)
    assert doc.title == "Microsoft bets on C#"


# --- refusals ---------------------------------------------------------------------------------------


def assert_refused(path: Path, max_bytes: int = MB, match: str | None = None) -> AssistantError:
    with pytest.raises(AssistantError, match=match) as err:
        read_document(path, max_bytes=max_bytes)
    assert str(path) in str(err.value), "the message must name the file"
    assert "\n" not in str(err.value)
    return err.value


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "nope.txt", match="cannot read")


def test_empty_file(tmp_path: Path) -> None:
    assert_refused(write(tmp_path, "empty.txt", b""), match="empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert_refused(write(tmp_path, "blank.md", b"  \n\t\r\n   \n"), match="empty")


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64 + bytes(range(256))
    assert_refused(write(tmp_path, "image.txt", png), match="binary")


def test_control_characters_are_refused(tmp_path: Path) -> None:
    # No NUL byte, valid UTF-8, but mostly control characters: not an article.
    assert_refused(write(tmp_path, "ctrl.txt", b"ab" + b"\x01\x02\x03\x04" * 20), match="binary")


def test_unsupported_suffix(tmp_path: Path) -> None:
    err = assert_refused(write(tmp_path, "report.pdf", "%PDF-1.4 plain text"), match="unsupported file type")
    assert ".pdf" in str(err)


def test_no_suffix(tmp_path: Path) -> None:
    assert_refused(write(tmp_path, "README", "Some text."), match="unsupported")


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "word " * 100)
    assert_refused(path, max_bytes=100, match="limit")
    # Exactly at the limit is accepted.
    assert read_document(path, max_bytes=500).text.startswith("word word")


# --- encodings --------------------------------------------------------------------------------------

SENTENCE = "Le café déjà vu était plein, et le café déjà vu restait ouvert tard le soir pour les habitués."


def test_utf8_without_bom(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "u.txt", SENTENCE.encode("utf-8")), max_bytes=MB)
    assert doc.text == SENTENCE


def test_utf8_with_bom(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8")), max_bytes=MB)
    assert doc.text == SENTENCE  # the BOM is not part of the text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    data = bom + SENTENCE.encode(codec)
    assert data.startswith((b"\xff\xfe", b"\xfe\xff"))
    doc = read_document(write(tmp_path, "u16.txt", data), max_bytes=MB)
    assert doc.text == SENTENCE


def test_decode_bytes_refuses_empty_and_names_path() -> None:
    with pytest.raises(AssistantError, match=r"some/where\.txt"):
        decode_bytes(b"   ", Path("some/where.txt"))


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_single_byte_western_text_is_decoded(tmp_path: Path, codec: str) -> None:
    doc = read_document(write(tmp_path, "latin.txt", SENTENCE.encode(codec)), max_bytes=MB)
    assert "café" in doc.text
    assert "déjà" in doc.text
    assert "habitués" in doc.text


def test_single_byte_text_is_not_refused(tmp_path: Path) -> None:
    # Whatever codec is guessed, an 8-bit text file must be read, not refused as binary.
    doc = read_document(write(tmp_path, "latin.txt", SENTENCE.encode("cp1252")), max_bytes=MB)
    assert doc.text.startswith("Le caf")
    assert "vu était plein" in doc.text

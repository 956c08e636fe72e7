"""Turn a file on disk into text plus whatever metadata its format carries.

Supported: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``. Bytes are decoded by their detected
charset; binary or undecodable files are refused with an `AssistantError` naming the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import AssistantError

SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
_WESTERN = {"English", "French", "German", "Spanish", "Italian", "Portuguese", "Dutch", "Danish", "Swedish",
            "Norwegian", "Finnish", "Catalan", "Icelandic", "Irish", "Basque", "Galician"}


@dataclass
class RawDocument:
    """Text extracted from one file, before boilerplate cleaning."""

    path: Path
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode by BOM, then UTF-8, then the detected charset; refuse binary data."""
    if not data.strip():
        raise AssistantError(f"{path}: the file is empty; add text to it or remove it.")
    sample = data[:65536]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AssistantError(f"{path}: looks like a binary file, not text; ingest .txt, .md or .html files only.")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    # Single-byte guesses are ambiguous (cp1257 reads "déjà" as "déją"). When the text's language is a
    # Western European one, its legacy encoding is cp1252/latin-1: prefer that reading if plausible.
    western = next((m for m in matches if m.encoding in ("cp1252", "latin_1", "iso8859_15")), None)
    if best is not None and western is not None and western.chaos <= 0.2 and best.language in _WESTERN:
        best = western
    # A high "chaos" means the bytes decode only as mojibake: refuse rather than index garbage.
    if best is None or best.chaos > 0.2:
        raise AssistantError(
            f"{path}: cannot tell which text encoding this file uses; save it as UTF-8 and ingest it again."
        )
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise AssistantError(f"{path}: looks like a binary file, not text; ingest .txt, .md or .html files only.")
    return text


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(text)


def read_document(path: Path, max_bytes: int) -> RawDocument:
    """Read one supported file. Raises `AssistantError` naming the file on any problem."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise AssistantError(
            f"{path}: unsupported file type {suffix or '(none)'}; use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}."
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise AssistantError(
                f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit"
                " (ASSISTANT_MAX_FILE_MB); split the file or raise the limit."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise AssistantError(f"{path}: cannot read the file ({exc.strerror or exc}).") from None
    text = decode_bytes(data, path)
    if _control_ratio(text) > 0.05:
        raise AssistantError(f"{path}: looks like a binary file, not text; ingest .txt, .md or .html files only.")
    if suffix in {".html", ".htm"}:
        doc = _from_html(text, path)
    elif suffix in {".md", ".markdown"}:
        doc = _from_markdown(text, path)
    else:
        doc = RawDocument(path=path, text=text)
    if not doc.text.strip():
        raise AssistantError(f"{path}: no readable text in the file; check that it is an article.")
    return doc


# --- HTML -------------------------------------------------------------------------------------------

_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "template", "figure", "select", "input", "textarea"]
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
               "ol", "blockquote", "pre", "table", "tr", "br", "hr", "dd", "dt"}


def _meta(soup: object, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})  # type: ignore[attr-defined]
        if tag is not None and tag.get("content", "").strip():
            return str(tag["content"]).strip()
    return None


def _from_html(html: str, path: Path) -> RawDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title = _meta(soup, "og:title", "twitter:title")
    if title is None and soup.title is not None and soup.title.string:
        title = soup.title.string.strip()
    source = _meta(soup, "og:site_name", "publisher", "application-name")
    date = _meta(soup, "article:published_time", "date", "pubdate", "publish-date", "dc.date")
    if date is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        if time_tag is not None:
            date = str(time_tag["datetime"])
    # Prefer the page's main content container when it has one.
    root = soup.find("article") or soup.find("main") or soup.body or soup
    # The headline first: it often sits in a <header> that is dropped below.
    h1 = root.find("h1") or soup.find("h1")
    if h1 is not None and h1.get_text(strip=True):
        title = h1.get_text(" ", strip=True)
        h1.decompose()
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = root.get_text()
    text = "\n".join(" ".join(line.split()) for line in text.splitlines())
    iso = _iso_date(date) if date else None
    return RawDocument(path=path, text=text, title=title, source=source, date=iso)


def _iso_date(value: str) -> str | None:
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    return match.group(0) if match else None


# --- Markdown ---------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _from_markdown(text: str, path: Path) -> RawDocument:
    doc = RawDocument(path=path, text=text)
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            key, value = key.strip().lower(), value.strip().strip("'\"")
            if key == "title" and value:
                doc.title = value
            elif key in {"source", "publisher", "site"} and value:
                doc.source = value
            elif key in {"date", "published"} and value:
                doc.date = _iso_date(value)
        text = text[match.end():]
    lines = []
    for line in text.splitlines():
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", line)
        if heading:
            line = heading.group(1)
            if doc.title is None and line:
                doc.title = line
                continue
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links keep their text
        line = re.sub(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1", r"\2", line)  # emphasis, code
        line = re.sub(r"^\s{0,3}(?:[-*+]|\d+\.)\s+", "", line)  # list bullets
        line = re.sub(r"^\s{0,3}>\s?", "", line)  # quotes
        lines.append(line)
    doc.text = "\n".join(lines)
    return doc

"""Ingest files into the index: idempotent, and atomic per run.

Order of work, chosen so that a failure at any point leaves the index as it was:
1. read, clean and chunk every changed file (errors name the file; nothing is written yet);
2. embed the new chunks and upsert their vectors (extra vectors are invisible: retrieval only returns
   chunks the catalog knows);
3. commit the catalog (articles, chunks, keyword index) in one SQLite transaction: the commit point;
4. sweep vectors the catalog no longer knows.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.catalog import Catalog
from assistant.embeddings import Embedder
from assistant.errors import AssistantError
from assistant.ingest.chunk import chunk_text
from assistant.ingest.clean import clean_text
from assistant.ingest.readers import SUPPORTED_SUFFIXES, read_document
from assistant.settings import PROJECT_ROOT, Settings
from assistant.types import Article, Chunk, IngestReport
from assistant.vectors import VectorStore

log = logging.getLogger(__name__)

# Bump when cleaning or chunking changes, so unchanged files are processed again.
PIPELINE_VERSION = "2"

Progress = Callable[[str, int, int], None]


@dataclass
class _Prepared:
    article: Article
    chunks: list[Chunk]
    status: str  # "added" | "updated"


def stored_path(path: Path) -> str:
    """How a file is recorded: relative to the project when inside it (stable across clones)."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return resolved.as_posix()


def make_article_id(stored: str) -> str:
    stem = Path(stored).stem.lower()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:48] or "article"
    return f"{slug}-{hashlib.sha1(stored.encode()).hexdigest()[:6]}"


def discover(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to ingest, and the folders given (whose vanished files are removed from the index)."""
    files: list[Path] = []
    folders: list[str] = []
    for path in paths:
        if not path.exists():
            raise AssistantError(f"{path} does not exist; give an article file or a folder of articles.")
        if path.is_dir():
            folders.append(stored_path(path))
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend(found)
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise AssistantError(
                f"{path}: unsupported file type {path.suffix or '(none)'}; use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}."
            )
        else:
            files.append(path)
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, folders


def _under(stored: str, folder: str) -> bool:
    return folder in ("", ".") or stored == folder or stored.startswith(folder.rstrip("/") + "/")


class Ingestor:
    """Adds, updates and removes articles; see the module docstring for why it is atomic."""

    def __init__(self, catalog: Catalog, vectors: VectorStore, embedder: Embedder, settings: Settings) -> None:
        self.catalog = catalog
        self.vectors = vectors
        self.embedder = embedder
        self.settings = settings

    def _fingerprint(self, data: bytes) -> str:
        recipe = f"{PIPELINE_VERSION}|{self.settings.chunk_words}|{self.settings.chunk_overlap_sentences}|{self.embedder.name}"
        return hashlib.sha256(recipe.encode() + b"\0" + data).hexdigest()

    @contextmanager
    def _lock(self) -> Iterator[None]:
        lock_path = self.catalog.path.parent / "ingest.lock"
        with open(lock_path, "w") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise AssistantError(
                    f"Another ingest is running on {self.catalog.path.parent}; wait for it to finish and try again."
                ) from None
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def prepare(self, path: Path, stored: str, data: bytes, fingerprint: str, status: str) -> _Prepared:
        raw = read_document(path, max_bytes=int(self.settings.max_file_mb * 1_000_000))
        cleaned = clean_text(raw.text, title=raw.title, source=raw.source, date=raw.date)
        if not cleaned.text.strip():
            raise AssistantError(f"{path}: nothing is left after removing page boilerplate; is it an article?")
        article_id = make_article_id(stored)
        article = Article(
            article_id=article_id, path=stored, title=cleaned.title or Path(stored).stem, text=cleaned.text,
            source=cleaned.source, date=cleaned.date, content_hash=fingerprint,
        )
        chunks = chunk_text(article_id, cleaned.text, self.settings.chunk_words, self.settings.chunk_overlap_sentences)
        return _Prepared(article, chunks, status)

    def run(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        """Ingest ``paths`` (files or folders). Raises `AssistantError`; the index is then unchanged."""
        with self._lock():
            self._reconcile()
            files, folders = discover(paths)
            known = {a.path: a for a in self.catalog.articles()}
            prepared: list[_Prepared] = []
            unchanged = 0
            seen: set[str] = set()
            for i, path in enumerate(files, 1):
                if progress:
                    progress("read", i, len(files))
                stored = stored_path(path)
                seen.add(stored)
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    raise AssistantError(f"{path}: cannot read the file ({exc.strerror or exc}).") from None
                fingerprint = self._fingerprint(data)
                old = known.get(stored)
                if old is not None and old.content_hash == fingerprint:
                    unchanged += 1
                    continue
                try:
                    prepared.append(self.prepare(path, stored, data, fingerprint, "updated" if old else "added"))
                except AssistantError:
                    raise
                except Exception as exc:
                    raise AssistantError(f"{path}: could not be ingested ({type(exc).__name__}: {exc}).") from exc
            removed = [a for p, a in known.items() if p not in seen and any(_under(p, f) for f in folders)]

            self._embed_and_upsert(prepared, progress)
            with self.catalog.transaction() as con:
                for item in prepared:
                    Catalog.put_article(con, item.article, item.chunks)
                for article in removed:
                    Catalog.delete_article(con, article.article_id)
            if prepared or removed:
                self._reconcile()
            report = IngestReport(
                added=sum(p.status == "added" for p in prepared),
                updated=sum(p.status == "updated" for p in prepared),
                unchanged=unchanged,
                removed=len(removed),
                chunks=self.catalog.chunk_count(),
            )
            log.info("ingest: %s", report)
            return report

    def remove(self, article_ids: list[str]) -> IngestReport:
        """Remove articles by id in one catalog transaction (the commit point), then their vectors."""
        with self._lock():
            known = {a.article_id for a in self.catalog.articles()}
            unknown = sorted(set(article_ids) - known)
            if unknown:
                raise AssistantError(f"No ingested article has the id {unknown[0]!r}; list them with `assistant articles`.")
            with self.catalog.transaction() as con:
                for article_id in dict.fromkeys(article_ids):
                    Catalog.delete_article(con, article_id)
            self._reconcile()
            report = IngestReport(removed=len(set(article_ids)), chunks=self.catalog.chunk_count())
            log.info("remove: %s", report)
            return report

    def _embed_and_upsert(self, prepared: list[_Prepared], progress: Progress | None, skip_known: bool = True) -> None:
        have = self.catalog.chunk_ids() if skip_known else set()
        todo = [(p.article, c) for p in prepared for c in p.chunks if c.chunk_id not in have]
        batch = self.settings.embed_batch
        for i in range(0, len(todo), batch):
            part = todo[i:i + batch]
            # The header rides along in the embedded text: it names what the chunk is about.
            vectors = self.embedder.embed_documents([f"{a.header()}\n{c.text}" for a, c in part])
            self.vectors.upsert(
                [c.chunk_id for _, c in part], vectors, [c.text for _, c in part],
                [{"article_id": a.article_id, "path": a.path, "index": c.index} for a, c in part],
            )
            if progress:
                progress("embed", min(i + batch, len(todo)), len(todo))

    def _reconcile(self) -> None:
        """Make the vectors match the catalog: drop vectors it does not know (left by a run that died
        before its commit) and re-embed chunks whose vectors are missing (a store that lost data)."""
        if self.vectors.count() == self.catalog.chunk_count():
            return
        vector_ids, chunk_ids = self.vectors.ids(), self.catalog.chunk_ids()
        orphans = sorted(vector_ids - chunk_ids)
        if orphans:
            log.info("removing %d vectors left by an interrupted ingest", len(orphans))
            self.vectors.delete(orphans)
        missing = self.catalog.chunks(chunk_ids - vector_ids)
        if missing:
            log.info("re-embedding %d chunks whose vectors are missing", len(missing))
            articles = {a.article_id: a for a in self.catalog.articles()}
            item = [_Prepared(articles[aid], [c for c in missing.values() if c.article_id == aid], "added")
                    for aid in {c.article_id for c in missing.values()}]
            self._embed_and_upsert(item, None, skip_known=False)


def default_paths(settings: Settings) -> list[Path]:
    return [settings.articles_dir]




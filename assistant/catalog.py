"""The catalog: articles, chunks and their keyword (FTS5/BM25) index in one SQLite file.

The catalog is the index's source of truth. An ingest commits here in one transaction; Chroma only
holds vectors keyed by chunk id, and vectors the catalog does not know are ignored and swept away.
So a run that dies at any point leaves the catalog (and therefore every answer) as it was before.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import AssistantError
from assistant.sqlite_wait import wait_if_locked
from assistant.types import Article, Chunk

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, source TEXT, date TEXT,
    text TEXT NOT NULL, content_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_article ON chunks(article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    chunk_id UNINDEXED, header, text, tokenize = 'porter unicode61'
);
"""
# Words too common to help a keyword search (the question's shape, not its subject).
STOPWORDS = frozenset(
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it"
    " its me my of on or our she he her his they them their that the this these those to was were what"
    " when where which who whom whose why will with would you your about after before said say says tell"
    " did does do any there than then so such also more most much many".split()
)


def _existing_catalog(path: Path) -> bool:
    """Whether a catalog with content is at ``path``; a file cut short is refused, because SQLite would
    read it as an empty database and write over it."""
    size = path.stat().st_size if path.is_file() else 0
    if not size:
        return False
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise sqlite3.DatabaseError("it is not an SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size and size % page_size:
        raise sqlite3.DatabaseError("the file is cut short")
    return True


def _unreadable(path: Path, exc: Exception) -> AssistantError:
    return AssistantError(f"{path} is not a readable assistant index ({exc}); move {path.parent} away and run"
                          " `assistant ingest` to rebuild it.")


class Catalog:
    """SQLite catalog at ``path``. Open/close per operation; safe to share between processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # Two processes creating the same catalog race for the switch to WAL (see sqlite_wait).
        try:
            wait_if_locked(lambda: self._open(path), f"the catalog {path}")
        except sqlite3.OperationalError as exc:
            raise _unreadable(path, exc) from None

    def _open(self, path: Path) -> None:
        try:
            if _existing_catalog(path):
                # Look read-only first: someone else's database, or a newer schema, is left byte for byte.
                ro = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
                try:
                    self._check_version(path, self._version(ro))
                finally:
                    ro.close()
            con = self._connect()
            try:
                version = self._version(con)
                if version is None:
                    con.executescript(_SCHEMA)
                    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                self._check_version(path, version)
            finally:
                con.close()
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as exc:
            raise _unreadable(path, exc) from None

    @staticmethod
    def _check_version(path: Path, version: int | None) -> None:
        if version is not None and version != SCHEMA_VERSION:
            raise AssistantError(
                f"{path} has index schema {version}, this assistant needs {SCHEMA_VERSION}; move"
                f" {path.parent} away and run `assistant ingest` to rebuild it."
            )

    @staticmethod
    def _version(con: sqlite3.Connection) -> int | None:
        has_meta = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if not has_meta:
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise sqlite3.DatabaseError("it holds tables of another program")
            return None
        row = con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else None

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")  # a committed ingest survives power loss
        con.execute("PRAGMA foreign_keys=ON")
        return con

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing write: commits on success, rolls back on any exception (Ctrl-C included)."""
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        con = self._connect()
        try:
            yield con
        finally:
            con.close()

    # --- writes (inside `transaction`) -----------------------------------------------------------

    @staticmethod
    def put_article(con: sqlite3.Connection, article: Article, chunks: Iterable[Chunk]) -> None:
        Catalog.delete_article(con, article.article_id)
        con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article.article_id, article.path, article.title, article.source, article.date, article.text,
             article.content_hash),
        )
        for c in chunks:
            con.execute("INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?)",
                        (c.chunk_id, c.article_id, c.index, c.start, c.end, c.text))
            con.execute("INSERT INTO chunks_fts (chunk_id, header, text) VALUES (?, ?, ?)",
                        (c.chunk_id, article.header(), c.text))

    @staticmethod
    def delete_article(con: sqlite3.Connection, article_id: str) -> None:
        con.execute("DELETE FROM chunks_fts WHERE chunk_id IN (SELECT chunk_id FROM chunks WHERE article_id = ?)",
                    (article_id,))
        con.execute("DELETE FROM chunks WHERE article_id = ?", (article_id,))
        con.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))

    # --- reads ------------------------------------------------------------------------------------

    def articles(self) -> list[Article]:
        with self.reading() as con:
            rows = con.execute(
                "SELECT article_id, path, title, text, source, date, content_hash FROM articles ORDER BY path"
            ).fetchall()
        return [Article(*row) for row in rows]

    def labels(self) -> list[tuple[str, str, str | None, str | None]]:
        """(article_id, title, source, date) of every article: what filters match, without the texts."""
        with self.reading() as con:
            rows = con.execute("SELECT article_id, title, source, date FROM articles ORDER BY path").fetchall()
        return [(aid, title, source, date) for aid, title, source, date in rows]

    def article(self, article_id: str) -> Article | None:
        with self.reading() as con:
            row = con.execute(
                "SELECT article_id, path, title, text, source, date, content_hash FROM articles WHERE article_id = ?",
                (article_id,),
            ).fetchone()
        return Article(*row) if row else None

    def chunk_ids(self) -> set[str]:
        with self.reading() as con:
            return {r[0] for r in con.execute("SELECT chunk_id FROM chunks")}

    def chunk_count(self) -> int:
        with self.reading() as con:
            return int(con.execute("SELECT count(*) FROM chunks").fetchone()[0])

    def first_chunk(self, article_id: str) -> Chunk | None:
        """The article's opening chunk (its lead), or None when it has none."""
        with self.reading() as con:
            row = con.execute('SELECT chunk_id, article_id, idx, start, "end", text FROM chunks WHERE article_id = ?'
                              " ORDER BY idx LIMIT 1", (article_id,)).fetchone()
        return Chunk(*row) if row else None

    def chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        ids = list(ids)
        found: dict[str, Chunk] = {}
        with self.reading() as con:
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                marks = ",".join("?" * len(part))
                for row in con.execute(
                    f'SELECT chunk_id, article_id, idx, start, "end", text FROM chunks WHERE chunk_id IN ({marks})', part
                ):
                    found[row[0]] = Chunk(*row)
        return found

    def keyword_search(self, question: str, k: int, article_ids: list[str] | None = None) -> list[tuple[str, float]]:
        """BM25 over chunk text and its article header (title, source, date). Returns ``(chunk_id, score)``, higher is better."""
        terms = [t for t in re.findall(r"\w+", question.lower()) if t not in STOPWORDS and len(t) > 1]
        if not terms:
            return []
        match = " OR ".join(f'"{t}"' for t in dict.fromkeys(terms))
        sql = "SELECT chunk_id, bm25(chunks_fts, 0.5, 1.0) AS s FROM chunks_fts WHERE chunks_fts MATCH ?"
        params: list[object] = [match]
        if article_ids:
            sql += f" AND chunk_id IN (SELECT chunk_id FROM chunks WHERE article_id IN ({','.join('?' * len(article_ids))}))"
            params.extend(article_ids)
        sql += " ORDER BY s LIMIT ?"
        params.append(k)
        with self.reading() as con:
            rows = con.execute(sql, params).fetchall()
        # FTS5's bm25() is lower-is-better; flip the sign so every retriever agrees.
        return [(cid, -float(score)) for cid, score in rows]

"""The dense-vector seam: Chroma (embedded or server) for real use, an in-memory fake for unit tests."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from assistant.errors import AssistantError
from assistant.sqlite_wait import wait_if_locked

log = logging.getLogger(__name__)

T = TypeVar("T")
# Seconds to wait before each retry of a call to a Chroma server that could not be reached (a restart).
RETRY_DELAYS = (0.5, 1.0, 2.0)


class VectorStore(Protocol):
    """Vectors keyed by chunk id. Similarities are cosine, in [-1, 1]."""

    def upsert(self, ids: list[str], vectors: list[list[float]], documents: list[str],
               metadatas: list[dict[str, Any]]) -> None: ...

    def delete(self, ids: list[str]) -> None: ...

    def ids(self) -> set[str]: ...

    def query(self, vector: list[float], k: int, article_ids: list[str] | None = None) -> list[tuple[str, float]]: ...

    def count(self) -> int: ...


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    # No telemetry, ever: the assistant runs offline and must not phone home.
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


class ChromaVectors:
    """A Chroma collection in cosine space. Embedded under ``path`` or on a server at ``url``."""

    def __init__(self, collection: str, path: Path | None = None, url: str | None = None,
                 timeout: float = 120.0) -> None:
        import chromadb

        self.where = url or str(path)
        self._url = url
        try:
            if url:
                from urllib.parse import urlparse

                parsed = urlparse(url)
                client = chromadb.HttpClient(
                    host=parsed.hostname or "127.0.0.1",
                    port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https",
                    settings=_chroma_settings(),
                )
                _set_timeout(client, timeout)
                self._col = _cosine_collection(client, collection)
            else:
                assert path is not None
                path.mkdir(parents=True, exist_ok=True)
                self._col = _open_embedded(chromadb, path, collection)
        except AssistantError:
            raise
        except Exception as exc:  # chromadb raises many types; all mean "the store is unusable"
            if url:
                raise AssistantError(
                    f"Cannot reach the Chroma server at {url} ({type(exc).__name__}); start it"
                    " (chroma run --path DIR --port N) or unset ASSISTANT_CHROMA_URL."
                ) from None
            raise AssistantError(
                f"Cannot open the Chroma index at {path} ({type(exc).__name__}: {exc}); move that folder"
                " away and run `assistant ingest` to rebuild it."
            ) from None

    def _call(self, what: str, fn: Callable[[], T]) -> T:
        """Run one Chroma call. A server that cannot be reached (restarting) is retried a few times: every
        call here is idempotent (upserts and deletes by id, reads). Anything else is one clear error."""
        for attempt, delay in enumerate((*RETRY_DELAYS, None)):
            try:
                return fn()
            except AssistantError:
                raise
            except Exception as exc:  # chromadb and httpx raise many types
                if self._url and delay is not None and _unreachable(exc):
                    log.warning("Chroma server at %s unreachable during %s (%s); retry %d in %.1f s",
                                self._url, what, type(exc).__name__, attempt + 1, delay)
                    time.sleep(delay)
                    continue
                if self._url:
                    raise AssistantError(
                        f"The Chroma server at {self._url} failed during {what} ({type(exc).__name__}: {exc});"
                        " check that it is running (chroma run --path DIR --port N), then try again."
                    ) from None
                raise AssistantError(
                    f"The Chroma index at {self.where} failed during {what} ({type(exc).__name__}: {exc}); if it"
                    " persists, move that folder away and run `assistant ingest` to rebuild it."
                ) from None
        raise AssertionError("unreachable")

    def upsert(self, ids: list[str], vectors: list[list[float]], documents: list[str],
               metadatas: list[dict[str, Any]]) -> None:
        batch = 1000  # Chroma caps the batch size; stay well under it.
        for i in range(0, len(ids), batch):
            self._call("upsert", lambda i=i: self._col.upsert(  # type: ignore[misc]
                ids=ids[i:i + batch], embeddings=vectors[i:i + batch],  # type: ignore[arg-type]
                documents=documents[i:i + batch], metadatas=metadatas[i:i + batch]))  # type: ignore[arg-type]

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 1000):
            self._call("delete", lambda i=i: self._col.delete(ids=ids[i:i + 1000]))  # type: ignore[misc]

    def ids(self) -> set[str]:
        found: set[str] = set()
        offset, page = 0, 5000
        while True:
            got = self._call("get", lambda offset=offset: self._col.get(  # type: ignore[misc]
                include=[], limit=page, offset=offset)["ids"])
            found.update(got)
            if len(got) < page:
                return found
            offset += page

    def count(self) -> int:
        return int(self._call("count", self._col.count))

    def query(self, vector: list[float], k: int, article_ids: list[str] | None = None) -> list[tuple[str, float]]:
        where: Any = {"article_id": {"$in": article_ids}} if article_ids else None
        # No count() first: Chroma returns fewer than k (or none) by itself, and in server mode that call
        # was a second round trip per question.
        res = self._call("query", lambda: self._col.query(
            query_embeddings=[vector], n_results=k, where=where,  # type: ignore[arg-type]
            include=["distances"]))
        ids = res["ids"][0]
        distances = (res.get("distances") or [[]])[0]
        # Chroma's cosine distance is 1 - cosine similarity.
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances)]


def _cosine_collection(client: Any, collection: str) -> Any:
    """The collection (created if new) in cosine space, with our own embeddings (none of Chroma's)."""
    return client.get_or_create_collection(collection, metadata={"hnsw:space": "cosine"}, embedding_function=None)


def _open_embedded(chromadb: Any, path: Path, collection: str) -> Any:
    """Open (or create) the embedded collection, waiting out another process's write (see sqlite_wait)."""
    return wait_if_locked(
        lambda: _cosine_collection(chromadb.PersistentClient(path=str(path), settings=_chroma_settings()), collection),
        f"the Chroma index at {path}")


def _unreachable(exc: BaseException) -> bool:
    """True for a connection that failed or broke (worth a retry), not for an error the server returned."""
    import httpx

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (httpx.TransportError, ConnectionError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return "Could not connect to a Chroma server" in str(exc)


def _set_timeout(client: Any, seconds: float) -> None:
    """chromadb's HTTP client waits forever by default; a hung server must become an error instead."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(seconds, connect=min(seconds, 10.0))
    else:  # a chromadb that moved its internals: keep working, without the bound
        log.debug("could not set a timeout on the Chroma HTTP client")


@dataclass
class MemoryVectors:
    """Exact cosine search over a dict: the tiny predictable fake for unit tests."""

    rows: dict[str, tuple[list[float], dict[str, Any]]] = field(default_factory=dict)

    def upsert(self, ids: list[str], vectors: list[list[float]], documents: list[str],
               metadatas: list[dict[str, Any]]) -> None:
        for i, v, m in zip(ids, vectors, metadatas):
            self.rows[i] = (list(v), dict(m))

    def delete(self, ids: list[str]) -> None:
        for i in ids:
            self.rows.pop(i, None)

    def ids(self) -> set[str]:
        return set(self.rows)

    def count(self) -> int:
        return len(self.rows)

    def query(self, vector: list[float], k: int, article_ids: list[str] | None = None) -> list[tuple[str, float]]:
        import math

        def cos(a: list[float], b: list[float]) -> float:
            na = math.sqrt(sum(x * x for x in a)) or 1.0
            nb = math.sqrt(sum(x * x for x in b)) or 1.0
            return sum(x * y for x, y in zip(a, b)) / (na * nb)

        scored = [(i, cos(vector, v)) for i, (v, m) in self.rows.items()
                  if not article_ids or m.get("article_id") in article_ids]
        return sorted(scored, key=lambda t: -t[1])[:k]

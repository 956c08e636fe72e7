"""Hybrid retrieval: dense (Chroma, cosine) and keyword (FTS5 BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalog import Catalog
from assistant.embeddings import Embedder
from assistant.names import about_other_pair, pairs_in, search_words
from assistant.types import Article, Chunk
from assistant.vectors import VectorStore


@dataclass
class Hit:
    """One retrieved chunk with its article and the scores that ranked it."""

    chunk: Chunk
    article: Article
    score: float  # fused (reciprocal-rank) score
    dense: float | None  # cosine similarity, when the dense retriever found it
    keyword: float | None  # BM25, when the keyword retriever found it


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _near_duplicate(a: str, b: str, threshold: float = 0.8) -> bool:
    sa, sb = _shingles(a), _shingles(b)
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= threshold


class Retriever:
    """Finds the chunks that answer a question, restricted to ``article_ids`` when given."""

    def __init__(self, catalog: Catalog, vectors: VectorStore, embedder: Embedder, rrf_k: int = 60) -> None:
        self.catalog = catalog
        self.vectors = vectors
        self.embedder = embedder
        self.rrf_k = rrf_k

    def dense(self, question: str, k: int, article_ids: list[str] | None = None) -> list[tuple[str, float]]:
        return self.vectors.query(self.embedder.embed_query(question), k, article_ids)

    def keyword(self, question: str, k: int, article_ids: list[str] | None = None) -> list[tuple[str, float]]:
        return self.catalog.keyword_search(question, k, article_ids)

    def search(self, question: str, k: int, article_ids: list[str] | None = None) -> list[Hit]:
        pool = max(k * 4, 20)
        dense = self.dense(question, pool, article_ids)
        # Keyword search also looks for the articles' words of attribution ("news agency" -> "via", for
        # "(via Reuters)"); the embedding already places synonyms near each other.
        keyword = self.keyword(search_words(question), pool, article_ids)
        fused: dict[str, float] = {}
        for ranking in (dense, keyword):
            for rank, (cid, _) in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (self.rrf_k + rank + 1)
        dense_scores, keyword_scores = dict(dense), dict(keyword)
        # Vectors the catalog does not know (left by an interrupted ingest) are never returned.
        chunks = self.catalog.chunks(fused)
        articles: dict[str, Article | None] = {}

        def article_of(chunk: Chunk) -> Article | None:
            if chunk.article_id not in articles:
                articles[chunk.article_id] = self.catalog.article(chunk.article_id)
            return articles[chunk.article_id]

        order = sorted(chunks, key=lambda c: -fused[c])
        pairs = pairs_in(question)
        if pairs:
            # "When does the Japan-EU dialogue start?": passages about two other countries' dealings (the
            # Japan-US summit) go after the rest, however many words they share with the question.
            def other_pair(cid: str) -> bool:
                article = article_of(chunks[cid])
                return about_other_pair(pairs, chunks[cid].text, article.header() if article else "")

            order.sort(key=other_pair)
        hits: list[Hit] = []
        for cid in order:
            chunk = chunks[cid]
            article = article_of(chunk)
            if article is None or any(_near_duplicate(chunk.text, h.chunk.text) for h in hits):
                continue
            hits.append(Hit(chunk, article, fused[cid], dense_scores.get(cid), keyword_scores.get(cid)))
            if len(hits) == k:
                break
        return hits

"""Which chunks of the index are relevant to a case: the ones that carry its evidence strings.

Rule (documented in docs/eval.md):

1. A chunk is relevant to an evidence string when the chunk's text contains it (compared after
   lower-casing, unifying curly quotes and collapsing whitespace).
2. An evidence string that no chunk of the index contains (metadata such as the dateline
   ``date 2024-03-31 (MENAFN)``, which cleaning moves into the article's header, or a span across a
   chunk boundary) is matched against each article's header, cleaned text and source file; every chunk
   of a matching article is relevant to it (the header travels with every chunk into the embeddings,
   the keyword index and the prompt). When the case names its articles (``article``: file names), only
   those articles are considered.
3. An evidence string matched by neither is a dataset problem: it is reported (``unmatched_evidence``)
   and still counts in the recall denominator.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.catalog import Catalog
from assistant.eval import metrics
from assistant.types import Article, Chunk

log = logging.getLogger(__name__)

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def normalize(text: str) -> str:
    """Lower case, straight quotes, single spaces: how evidence and chunk texts are compared."""
    return " ".join(text.translate(_QUOTES).lower().split())


def unique_evidence(evidence: Sequence[str]) -> list[str]:
    """The case's evidence strings without repeats (after normalising), in order."""
    seen: dict[str, str] = {}
    for e in evidence:
        seen.setdefault(normalize(e), e)
    return list(seen.values())


@dataclass(frozen=True)
class Match:
    """The chunk ids relevant to one evidence string, and by which rule (chunk | article | none)."""

    chunk_ids: frozenset[str]
    rule: str


class Corpus:
    """All chunks and articles of the index, for matching evidence strings."""

    def __init__(self, chunks: Sequence[Chunk], articles: Sequence[Article], sources: dict[str, str] | None = None) -> None:
        self.chunks = list(chunks)
        self.articles = {a.article_id: a for a in articles}
        self._chunk_text = {c.chunk_id: normalize(c.text) for c in self.chunks}
        sources = sources or {}
        self._article_text = {
            a.article_id: " \n ".join(normalize(t) for t in (a.header(), a.text, sources.get(a.article_id, "")))
            for a in articles
        }

    @classmethod
    def from_catalog(cls, catalog: Catalog, project_root: Path) -> Corpus:
        """Read every chunk and article from the catalog, and the articles' source files."""
        articles = catalog.articles()
        chunks = list(catalog.chunks(catalog.chunk_ids()).values())
        sources: dict[str, str] = {}
        for a in articles:
            path = Path(a.path)
            path = path if path.is_absolute() else project_root / path
            try:
                sources[a.article_id] = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                log.info("cannot read %s for metadata evidence; header and text only", path)
        return cls(chunks, articles, sources)

    def match(self, evidence: str, article_names: Sequence[str] = ()) -> Match:
        """The chunks relevant to one evidence string, by the rule in this module's docstring."""
        needle = normalize(evidence)
        direct = frozenset(cid for cid, text in self._chunk_text.items() if needle in text)
        if direct:
            return Match(direct, "chunk")
        names = {Path(n).name for n in article_names}
        articles = {
            aid for aid, text in self._article_text.items()
            if needle in text and (not names or Path(self.articles[aid].path).name in names)
        }
        if articles:
            return Match(frozenset(c.chunk_id for c in self.chunks if c.article_id in articles), "article")
        return Match(frozenset(), "none")


@dataclass(frozen=True)
class RetrievalScore:
    """Retrieval metrics of one question."""

    hit: float
    recall: float
    reciprocal_rank: float
    ndcg: float
    relevant: tuple[bool, ...]  # per retrieved chunk, in rank order


def score_retrieval(retrieved: Sequence[str], evidence_chunks: Sequence[frozenset[str] | set[str]], k: int) -> RetrievalScore:
    """Hit@k, recall@k, reciprocal rank and nDCG@k of a ranking of chunk ids.

    ``evidence_chunks[i]`` is the set of chunk ids relevant to evidence item i (from `Corpus.match`).
    """
    covered = [{i for i, ids in enumerate(evidence_chunks) if cid in ids} for cid in retrieved[:k]]
    relevant = [bool(c) for c in covered]
    coverable = sum(1 for ids in evidence_chunks if ids)
    return RetrievalScore(
        hit=metrics.hit_at_k(relevant, k),
        recall=metrics.recall_at_k(covered, len(evidence_chunks), k),
        reciprocal_rank=metrics.reciprocal_rank(relevant, k),
        ndcg=metrics.ndcg_at_k(metrics.novelty_gains(covered), coverable, k),
        relevant=tuple(relevant),
    )

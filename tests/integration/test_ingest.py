"""Ingestion on a real embedded Chroma with the real bundled embedding model."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assistant import Assistant
from assistant.errors import AssistantError
from assistant.settings import load_settings


def make(tmp_path: Path, articles: Path, minilm, **overrides) -> Assistant:
    settings = load_settings(index_dir=tmp_path / "index", articles_dir=articles, llm="extractive", **overrides)
    return Assistant(settings, embedder=minilm, auto_ingest=False)


def state(a: Assistant) -> tuple[int, int, set[str], list[tuple[str, str]], int]:
    with a.catalog.reading() as con:
        keyword_rows = con.execute("SELECT count(*) FROM chunks_fts").fetchone()[0]
    return (a.catalog.chunk_count(), a.vectors.count(), a.vectors.ids(),
            [(x.article_id, x.content_hash) for x in a.articles()], keyword_rows)


def test_ingest_is_idempotent_and_counts(tmp_path, articles_copy, minilm):
    a = make(tmp_path, articles_copy, minilm)
    first = a.ingest()
    assert (first.added, first.updated, first.unchanged, first.removed) == (2, 0, 0, 0)
    assert first.chunks == a.vectors.count() > 0
    before = state(a)
    assert before[4] == first.chunks  # the keyword index holds each chunk once
    for _ in range(3):
        again = a.ingest()
        assert (again.added, again.updated, again.unchanged, again.removed) == (0, 0, 2, 0)
    assert state(a) == before


def test_teasers_never_reach_the_index(tmp_path, articles_copy, minilm):
    a = make(tmp_path, articles_copy, minilm)
    a.ingest()
    texts = " ".join(c.text for c in a.catalog.chunks(a.catalog.chunk_ids()).values())
    for junk in ("Yoga", "Pauline Jacobs", "pollution", "LEAVE A REPLY", "More from Author", "Photo:"):
        assert junk not in texts
    assert a.catalog.keyword_search("Pauline Jacobs yoga", 5) == []


def test_metadata_and_offsets(tmp_path, articles_copy, minilm):
    a = make(tmp_path, articles_copy, minilm)
    a.ingest()
    by_path = {Path(x.path).name: x for x in a.articles()}
    menafn = by_path["japan-us-deeper-ai-semiconductor-collaboration.txt"]
    assert (menafn.source, menafn.date) == ("MENAFN", "2024-03-31")
    other = by_path["us-japan-boost-ai-semiconductor-alliance.txt"]
    assert other.title.startswith("US and Japan Boost AI")
    chunks = a.catalog.chunks(a.catalog.chunk_ids()).values()
    for chunk in chunks:
        article = a.catalog.article(chunk.article_id)
        assert article is not None
        assert article.text[chunk.start:chunk.end] == chunk.text


def test_changed_file_replaces_its_chunks_and_removed_file_goes(tmp_path, articles_copy, minilm):
    a = make(tmp_path, articles_copy, minilm)
    a.ingest()
    target = articles_copy / "japan-us-deeper-ai-semiconductor-collaboration.txt"
    target.write_text(target.read_text() + "\n\nThe leaders also discussed quantum computing and fusion energy research.\n")
    report = a.ingest()
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert any("quantum computing" in c.text for c in a.catalog.chunks(a.catalog.chunk_ids()).values())
    assert a.vectors.ids() == a.catalog.chunk_ids()

    target.unlink()
    report = a.ingest()
    assert report.removed == 1 and report.unchanged == 1
    assert len(a.articles()) == 1
    assert a.vectors.ids() == a.catalog.chunk_ids()
    assert not a.catalog.keyword_search("quantum computing fusion", 5)
    hits = a.retriever.search("quantum computing and fusion energy", 5)
    assert all("quantum" not in h.chunk.text for h in hits)


def test_bad_file_leaves_index_as_it_was_and_names_the_file(tmp_path, articles_copy, minilm):
    a = make(tmp_path, articles_copy, minilm)
    a.ingest()
    before = state(a)
    (articles_copy / "new-good.md").write_text("# A new article\n\nSomething entirely new happened today in Osaka.\n")
    bad = articles_copy / "broken.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(AssistantError, match=r"broken\.txt"):
        a.ingest()
    assert state(a) == before


class ExplodingEmbedder:
    """Delegates to the real model, then fails mid-run (like a crash or Ctrl-C while embedding)."""

    def __init__(self, real, fail_after: int, exc: BaseException) -> None:
        self.real, self.fail_after, self.exc, self.calls = real, fail_after, exc, 0
        self.name = real.name

    def embed_documents(self, texts):
        self.calls += 1
        if self.calls > self.fail_after:
            raise self.exc
        return self.real.embed_documents(texts)

    def embed_query(self, text):
        return self.real.embed_query(text)


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), RuntimeError("disk full")])
def test_failure_mid_embedding_is_invisible_and_repaired(tmp_path, articles_copy, minilm, exc):
    settings = load_settings(index_dir=tmp_path / "index", articles_dir=articles_copy, llm="extractive", chunk_words=30,
                             embed_batch=4)
    a = Assistant(settings, embedder=minilm, auto_ingest=False)
    a.ingest([articles_copy / "us-japan-boost-ai-semiconductor-alliance.txt"])
    before = state(a)
    boom = ExplodingEmbedder(minilm, fail_after=1, exc=exc)
    broken = Assistant(settings, embedder=boom, auto_ingest=False)
    with pytest.raises((type(exc), AssistantError)):
        broken.ingest([articles_copy])
    assert a.vectors.count() > before[1]  # the failure came after some vectors were written
    # Some vectors of the new article may be in Chroma, but the catalog (the truth) is unchanged ...
    assert (a.catalog.chunk_count(), [(x.article_id, x.content_hash) for x in a.articles()]) == (before[0], before[3])
    # ... and retrieval never returns a chunk the catalog does not know.
    for hit in a.retriever.search("NVIDIA ARM Amazon MENAFN", 10):
        assert hit.chunk.chunk_id in before[2]
    report = a.ingest([articles_copy])
    assert report.added == 1 and report.unchanged == 1
    assert a.vectors.ids() == a.catalog.chunk_ids()


def test_missing_vectors_are_re_embedded(tmp_path, articles_copy, minilm):
    a = make(tmp_path, articles_copy, minilm)
    a.ingest()
    lost = sorted(a.vectors.ids())[:3]
    a.vectors.delete(lost)
    a.ingest()
    assert a.vectors.ids() == a.catalog.chunk_ids()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"   \n\n  \t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("doc.pdf", b"%PDF-1.4 hello", "unsupported file type"),
    ],
)
def test_clear_errors_for_bad_files(tmp_path, minilm, name, content, message):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / name
    path.write_bytes(content)
    a = make(tmp_path, folder, minilm)
    with pytest.raises(AssistantError, match=message) as err:
        a.ingest([path])
    assert name in str(err.value) and "\n" not in str(err.value)
    assert a.catalog.chunk_count() == 0


def test_missing_path_is_a_clear_error(tmp_path, minilm):
    a = make(tmp_path, tmp_path, minilm)
    with pytest.raises(AssistantError, match="does not exist"):
        a.ingest([tmp_path / "nope"])


def test_other_encodings_are_decoded_not_garbled(tmp_path, minilm):
    folder = tmp_path / "in"
    folder.mkdir()
    text = ("Le ministre a déclaré à Bruxelles que la coopération était très importante pour l'économie. "
            "Les négociations reprendront après l'été, a précisé le porte-parole.\n")
    (folder / "latin1.txt").write_bytes(text.encode("cp1252"))
    a = make(tmp_path, folder, minilm)
    a.ingest([folder])
    (article,) = a.articles()
    assert "déclaré à Bruxelles" in article.text and "l'été" in article.text


def test_html_article_main_text(tmp_path, minilm):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(
        "<html><head><title>Site | Story</title><meta property='og:site_name' content='Daily Planet'>"
        "<meta property='article:published_time' content='2024-04-02T08:00:00Z'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><script>alert('x')</script>"
        "<article><h1>Osaka hosts a robotics fair</h1><p>Thousands of visitors came to Osaka on Tuesday to see"
        " new industrial robots from forty companies, the organisers said in a statement.</p></article>"
        "<aside>Most read: celebrity gossip</aside><footer>Copyright</footer></body></html>"
    )
    a = make(tmp_path, folder, minilm)
    a.ingest([folder])
    (article,) = a.articles()
    assert article.title == "Osaka hosts a robotics fair"
    assert (article.source, article.date) == ("Daily Planet", "2024-04-02")
    assert "industrial robots" in article.text
    for junk in ("alert", "celebrity", "Copyright", "World"):
        assert junk not in article.text


def test_foreign_index_folder_is_a_clear_error(tmp_path, minilm):
    index = tmp_path / "index"
    index.mkdir()
    (index / "catalog.sqlite").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(AssistantError, match="rebuild"):
        make(tmp_path, tmp_path, minilm)

"""The two real embedding backends: ONNX Runtime (default, exported from the bundled weights) and PyTorch."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.embeddings import ONNX_FILE, MiniLMEmbedder, OnnxMiniLMEmbedder, export_onnx
from assistant.errors import AssistantError
from assistant.ingest.chunk import chunk_text
from assistant.ingest.clean import clean_text
from assistant.ingest.readers import read_document

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def torch_embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def _dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b))


def bundled_chunks() -> list[str]:
    texts = []
    for path in sorted((ROOT / "articles").iterdir()):
        raw = read_document(path, max_bytes=20_000_000)
        texts += [c.text for c in chunk_text(path.stem, clean_text(raw.text).text, 110, 1)]
    return texts


def test_onnx_and_torch_give_the_same_vectors(minilm, torch_embedder):
    # Same weights, same space: an index built by either backend is searched by the other.
    assert isinstance(minilm, OnnxMiniLMEmbedder) and minilm.name == torch_embedder.name
    texts = [*bundled_chunks(), "short", "word " * 700]  # a one-word text and one past the 256-token cut
    onnx, torch = minilm.embed_documents(texts), torch_embedder.embed_documents(texts)
    assert len(onnx) == len(texts) and all(len(v) == 384 for v in onnx)
    assert min(_dot(a, b) for a, b in zip(onnx, torch)) > 0.9999
    question = "Which companies could join the AI research framework?"
    assert _dot(minilm.embed_query(question), torch_embedder.embed_query(question)) > 0.9999


def _top5(embedder, question: str, chunks: list[str]) -> list[int]:
    q = embedder.embed_query(question)
    vectors = embedder.embed_documents(chunks)
    return sorted(range(len(chunks)), key=lambda i: -_dot(q, vectors[i]))[:5]


def test_onnx_ranks_the_chunks_as_torch_does(minilm, torch_embedder):
    chunks = bundled_chunks()
    for question in ["When will Kishida meet Biden?", "Who is the EU commissioner for innovation?",
                     "Which materials do Japan and the EU want to secure?"]:
        assert _top5(minilm, question, chunks) == _top5(torch_embedder, question, chunks), question


def test_documents_come_back_in_the_callers_order(minilm):
    texts = ["a much longer text about semiconductors and artificial intelligence research", "Tokyo", "Arm"]
    together = minilm.embed_documents(texts)
    alone = [minilm.embed_documents([t])[0] for t in texts]
    assert all(_dot(a, b) > 0.99999 for a, b in zip(together, alone))


def test_export_is_checked_and_atomic(tmp_path):
    target = tmp_path / "models" / ONNX_FILE
    export_onnx(target)
    assert target.is_file() and target.stat().st_size > 80_000_000
    assert [p.name for p in target.parent.iterdir()] == [ONNX_FILE]  # no partial file left behind
    import onnx

    ops = {node.op_type for node in onnx.load(str(target)).graph.node}
    assert "SkipLayerNormalization" in ops  # ONNX Runtime's BERT fusions were applied
    embedder = OnnxMiniLMEmbedder(target)
    assert abs(_dot(*embedder.embed_documents(["Nvidia", "Nvidia"])) - 1.0) < 1e-5


def test_a_missing_file_is_exported_on_first_use(tmp_path):
    target = tmp_path / ONNX_FILE
    OnnxMiniLMEmbedder(target).embed_query("Arm")
    assert target.is_file()


def test_a_damaged_file_is_a_one_line_error(tmp_path):
    target = tmp_path / ONNX_FILE
    target.write_bytes(b"not an onnx graph")
    with pytest.raises(AssistantError, match="delete it and run `assistant prepare`") as err:
        OnnxMiniLMEmbedder(target)
    assert "\n" not in str(err.value)


def test_a_model_folder_that_cannot_be_written_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "models"
    blocker.write_text("a file where the model folder should be")
    with pytest.raises(AssistantError, match="ASSISTANT_MODEL_DIR") as err:
        OnnxMiniLMEmbedder(blocker / ONNX_FILE)
    assert "\n" not in str(err.value)

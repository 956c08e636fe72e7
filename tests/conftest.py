"""Shared fixtures. Heavy real parts (embedding model, llama.cpp model) load once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.offline import ensure_offline

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"

ensure_offline()


@pytest.fixture
def articles_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled articles that a test may change."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


@pytest.fixture(scope="session")
def minilm():
    """The default embedder (ONNX Runtime, exported from the bundled weights), as users get it."""
    from assistant.embeddings import build_embedder
    from assistant.settings import load_settings

    return build_embedder(load_settings())


@pytest.fixture(scope="session")
def local_generator():
    from assistant.llm import build_generator
    from assistant.settings import load_settings

    return build_generator(load_settings(llm="local"))

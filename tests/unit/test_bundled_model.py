"""Joining the model's parts and the SHA-256 check, on small stand-in parts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant import bundled_model
from assistant.errors import AssistantError


@pytest.fixture
def parts(tmp_path: Path, monkeypatch) -> bytes:
    chunks = [b"GGUF" + bytes([i]) * 1000 for i in range(3)]
    paths = []
    for i, data in enumerate(chunks):
        p = tmp_path / f"part{i}.bin"
        p.write_bytes(data)
        paths.append(p)
    whole = b"".join(chunks)
    monkeypatch.setattr(bundled_model, "_part_paths", lambda: paths)
    monkeypatch.setattr(bundled_model, "MODEL_SHA256", hashlib.sha256(whole).hexdigest())
    monkeypatch.setattr(bundled_model, "MODEL_SIZE", len(whole))
    return whole


def test_parts_are_joined_in_order_and_verified(tmp_path, parts):
    path = bundled_model.bundled_model_path(tmp_path / "models")
    assert path.read_bytes() == parts
    assert (tmp_path / "models" / (bundled_model.MODEL_FILE + ".verified")).is_file()
    assert not list((tmp_path / "models").glob("*.part-*"))  # no temporary file left behind


def test_a_tampered_model_is_rejoined(tmp_path, parts):
    path = bundled_model.bundled_model_path(tmp_path / "models")
    path.write_bytes(b"GGUF" + b"\x00" * (len(parts) - 4))  # same size, other bytes, new mtime
    again = bundled_model.bundled_model_path(tmp_path / "models")
    assert again.read_bytes() == parts


def test_parts_that_do_not_match_the_hash_are_refused(tmp_path, parts, monkeypatch):
    monkeypatch.setattr(bundled_model, "MODEL_SHA256", "0" * 64)
    with pytest.raises(AssistantError, match="SHA-256"):
        bundled_model.bundled_model_path(tmp_path / "models")
    assert not (tmp_path / "models" / bundled_model.MODEL_FILE).exists()


def test_a_user_model_must_be_a_gguf(tmp_path):
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"not a model")
    with pytest.raises(AssistantError, match="not a GGUF"):
        bundled_model.check_gguf(fake)
    with pytest.raises(AssistantError, match="not a file"):
        bundled_model.check_gguf(tmp_path / "missing.gguf")

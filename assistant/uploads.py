"""Saving uploaded article files (from the web UI or the API) safely before they are ingested.

An upload's name comes from a client: only its last path component is kept, with characters outside a
small safe set replaced, so ``../../etc/passwd`` can never write outside the uploads folder. Type and
size are checked before anything touches the disk.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from assistant.errors import AssistantError
from assistant.ingest.readers import SUPPORTED_SUFFIXES
from assistant.settings import Settings


def uploads_dir(settings: Settings) -> Path:
    """Where uploaded articles are kept (so they can be re-ingested): ``<index_dir>/uploads``."""
    return settings.index_dir / "uploads"


def safe_name(name: str) -> str:
    """The file name to store an upload under, or an `AssistantError` saying what is wrong with it."""
    base = re.split(r"[\\/]", name.strip())[-1]
    base = re.sub(r"[^A-Za-z0-9._ -]+", "-", base).strip(" .-")
    suffix = Path(base).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise AssistantError(
            f"{name!r}: unsupported file type {suffix or '(none)'}; upload one of {', '.join(sorted(SUPPORTED_SUFFIXES))}."
        )
    if not Path(base).stem.strip(" .-"):
        raise AssistantError(f"{name!r} is not a usable file name; rename the file and upload it again.")
    return base[:120]


def save_upload(name: str, data: bytes, settings: Settings) -> Path:
    """Write ``data`` under the uploads folder as ``safe_name(name)``, atomically; return its path."""
    stored = safe_name(name)
    limit = int(settings.max_file_mb * 1_000_000)
    if len(data) > limit:
        raise AssistantError(
            f"{stored} is {len(data) / 1e6:.1f} MB; the limit is {settings.max_file_mb:g} MB (ASSISTANT_MAX_FILE_MB)."
        )
    if not data.strip():
        raise AssistantError(f"{stored} is empty; upload an article with text in it.")
    folder = uploads_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / stored
    # Write beside the target, then rename: a crash never leaves half a file under the real name.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target

"""Keep every dependency offline and quiet: no hub downloads, no telemetry, no analytics."""

from __future__ import annotations

import os

_OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",  # Chroma
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "DO_NOT_TRACK": "1",
}


def ensure_offline() -> None:
    """Set the environment switches (unless the user set them) before heavy libraries are imported."""
    for key, value in _OFFLINE_ENV.items():
        os.environ.setdefault(key, value)

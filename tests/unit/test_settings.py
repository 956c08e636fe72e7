"""Unit tests for assistant.settings: defaults, environment, TOML file and clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.errors import AssistantError
from assistant.settings import PROJECT_ROOT, Settings, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No ASSISTANT_* variables and no assistant.toml in the working directory."""
    for name in list(os.environ):
        if name.startswith("ASSISTANT_"):
            monkeypatch.delenv(name)
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def write_toml(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults() -> None:
    settings = load_settings()
    assert isinstance(settings, Settings)
    assert settings.llm == "local"
    assert settings.top_k == 5
    assert settings.chunk_words == 110
    assert settings.chunk_overlap_sentences == 1
    assert settings.chroma_url == ""
    assert settings.prompts_dir == PROJECT_ROOT / "prompts"
    assert (settings.prompts_dir / "answer.txt").is_file()


def test_env_vars_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_LLM", "extractive")
    monkeypatch.setenv("ASSISTANT_TOP_K", "3")
    monkeypatch.setenv("ASSISTANT_MIN_SUPPORT", "0.6")
    settings = load_settings()
    assert settings.llm == "extractive"
    assert settings.top_k == 3
    assert settings.min_support == 0.6


def test_keyword_overrides_beat_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_TOP_K", "3")
    assert load_settings(top_k=9).top_k == 9


@pytest.mark.parametrize(
    "name,value",
    [
        ("ASSISTANT_TOP_K", "abc"),
        ("ASSISTANT_TOP_K", "0"),
        ("ASSISTANT_LLM", "gpt"),
        ("ASSISTANT_TEMPERATURE", "hot"),
        ("ASSISTANT_CHUNK_WORDS", "5"),
        ("ASSISTANT_CHROMA_URL", "localhost:8000"),
    ],
)
def test_bad_env_value_names_the_variable(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(AssistantError) as err:
        load_settings()
    message = str(err.value)
    assert name in message
    assert "\n" not in message


def test_chroma_url_is_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", " http://localhost:8000/ ")
    assert load_settings().chroma_url == "http://localhost:8000"


def test_config_file_sets_values(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = write_toml(tmp_path / "conf.toml", 'top_k = 7\nllm = "extractive"\n')
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    settings = load_settings()
    assert settings.top_k == 7
    assert settings.llm == "extractive"


def test_env_beats_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = write_toml(tmp_path / "conf.toml", 'top_k = 7\nllm = "extractive"\n')
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    monkeypatch.setenv("ASSISTANT_TOP_K", "2")
    settings = load_settings()
    assert settings.top_k == 2
    assert settings.llm == "extractive"  # not overridden: still from the file


def test_local_assistant_toml_is_read(clean_env: Path) -> None:
    write_toml(clean_env / "assistant.toml", "top_k = 11\n")
    assert load_settings().top_k == 11


def test_missing_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    monkeypatch.setenv("ASSISTANT_CONFIG", str(missing))
    with pytest.raises(AssistantError, match="ASSISTANT_CONFIG") as err:
        load_settings()
    assert str(missing) in str(err.value)


def test_bad_value_in_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASSISTANT_CONFIG", str(write_toml(tmp_path / "conf.toml", 'top_k = "many"\n')))
    with pytest.raises(AssistantError, match="top_k"):
        load_settings()


def test_unknown_key_in_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASSISTANT_CONFIG", str(write_toml(tmp_path / "conf.toml", "topk = 3\n")))
    with pytest.raises(AssistantError, match="topk"):
        load_settings()


def test_malformed_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = write_toml(tmp_path / "conf.toml", "top_k = = 7\n")
    monkeypatch.setenv("ASSISTANT_CONFIG", str(config))
    with pytest.raises(AssistantError, match=r"conf\.toml"):
        load_settings()

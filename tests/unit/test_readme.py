"""The README documents every setting and command, so the docs cannot silently drift from the code."""

from __future__ import annotations

from pathlib import Path

from assistant.cli import build_parser
from assistant.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_every_setting_is_documented_with_its_default():
    for name in Settings.model_fields:
        row = next((line for line in README.splitlines() if line.startswith(f"| `ASSISTANT_{name.upper()}`")), None)
        assert row is not None, f"ASSISTANT_{name.upper()} is missing from the README's settings table"


def test_every_command_is_documented():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for command in sub.choices:  # type: ignore[union-attr]
        assert f"`assistant {command}" in README, command


def test_quick_start_commands_are_the_ones_ci_runs():
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text()
    assert "make test" in README and "make run" in README
    assert "make test" in ci

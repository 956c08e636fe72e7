"""Prompt templates live in ``prompts/*.txt`` and are filled by name with checked variables.

Templates use ``$name`` placeholders (`string.Template`), so braces in prompts need no escaping.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from assistant.errors import AssistantError


class Prompts:
    """Loads templates from one folder; `render` refuses missing or unexpected variables."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[str, Template] = {}

    def template(self, name: str) -> Template:
        if name not in self._cache:
            path = self.folder / f"{name}.txt"
            if not path.is_file():
                raise AssistantError(f"Prompt template {path} is missing; restore it or fix ASSISTANT_PROMPTS_DIR.")
            template = Template(path.read_text(encoding="utf-8"))
            if not template.is_valid():
                raise AssistantError(f"Prompt template {path} has a stray $; write $$ for a literal dollar sign.")
            self._cache[name] = template
        return self._cache[name]

    def render(self, name: str, **values: str) -> str:
        template = self.template(name)
        expected = set(template.get_identifiers())
        given = set(values)
        if expected != given:
            raise AssistantError(
                f"Prompt {name}.txt expects variables {sorted(expected)} but got {sorted(given)}; fix the template."
            )
        return template.substitute(values).strip()

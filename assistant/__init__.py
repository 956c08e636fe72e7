"""A cited question-answering assistant over news articles.

>>> from assistant import Assistant
>>> answer = Assistant().ask("When will Kishida meet Biden?")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.types import Answer, Citation, IngestReport

if TYPE_CHECKING:
    from assistant.assistant import Assistant
    from assistant.settings import Settings

__all__ = ["Answer", "Assistant", "AssistantError", "Citation", "IngestReport", "Settings"]


def __getattr__(name: str) -> Any:
    # Imported on first use, so `import assistant` (and `assistant --help`) stays instant.
    if name == "Assistant":
        from assistant.assistant import Assistant

        return Assistant
    if name == "Settings":
        from assistant.settings import Settings

        return Settings
    raise AttributeError(name)

"""The one exception type users can cause; every surface turns it into a one-line message."""

from __future__ import annotations


class AssistantError(Exception):
    """A problem the user can fix. ``str(err)`` is one line that says what to do."""

    def __init__(self, message: str) -> None:
        # Keep the message to one line whatever the cause carried (tracebacks, multi-line errors).
        super().__init__(" ".join(message.split()))

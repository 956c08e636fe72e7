"""The request queue of `assistant serve`: at most ``max_queue`` questions waiting or running at once.

Questions still wait their turn for an in-process model (``Assistant.stream`` holds the model lock while it
generates); this gate only bounds how many may wait, so a burst beyond ``ASSISTANT_MAX_QUEUE`` is turned
away at once (HTTP 503 with ``Retry-After``) instead of piling up threads and timing out later.

One gate per `Assistant`, shared by every surface of the process (the API, and the web UI when it calls
`gate_for`), because they share the one model::

    with gate_for(assistant).slot():     # raises QueueFull when the queue is full
        answer = assistant.ask(question)
"""

from __future__ import annotations

import math
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.assistant import Assistant

# Until one answer has been timed, tell clients to come back after this many seconds.
DEFAULT_RETRY_AFTER = 5


class QueueFull(Exception):
    """The queue is full; ``retry_after`` is a hint in whole seconds."""

    def __init__(self, limit: int, retry_after: int) -> None:
        super().__init__(
            f"The assistant is busy: {limit} questions are already waiting or being answered"
            f" (ASSISTANT_MAX_QUEUE); try again in about {retry_after} s."
        )
        self.limit = limit
        self.retry_after = retry_after


class Gate:
    """Counts the questions waiting or running; thread-safe (the UI runs in threads, the API in a loop)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._active = 0
        self._mean_seconds: float | None = None  # moving average of how long a slot is held

    @property
    def active(self) -> int:
        """Questions waiting or running now."""
        return self._active

    def retry_after(self) -> int:
        """Seconds until a slot is likely free: about one answer's time (the running one finishes)."""
        mean = self._mean_seconds
        return DEFAULT_RETRY_AFTER if mean is None else max(1, math.ceil(mean))

    def enter(self) -> float:
        """Take a slot or raise `QueueFull`; returns the start time to give back to `leave`."""
        with self._lock:
            if self._active >= self.limit:
                raise QueueFull(self.limit, self.retry_after())
            self._active += 1
        return time.monotonic()

    def leave(self, started: float) -> None:
        """Give a slot back (exactly once per successful `enter`)."""
        held = time.monotonic() - started
        with self._lock:
            self._active -= 1
            # Held time includes waiting for the model, which is what a retrying client will see too.
            self._mean_seconds = held if self._mean_seconds is None else 0.8 * self._mean_seconds + 0.2 * held

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold a slot for the duration of the block; raises `QueueFull` when none is free."""
        started = self.enter()
        try:
            yield
        finally:
            self.leave(started)

    def status(self) -> dict[str, int]:
        """``{"active": n, "limit": m}`` for health checks."""
        return {"active": self._active, "limit": self.limit}


_gates: weakref.WeakKeyDictionary[Assistant, Gate] = weakref.WeakKeyDictionary()
_gates_lock = threading.Lock()


def gate_for(assistant: Assistant) -> Gate:
    """The gate shared by every surface serving ``assistant`` (created on first use, ``max_queue`` slots)."""
    with _gates_lock:
        gate = _gates.get(assistant)
        if gate is None:
            gate = _gates[assistant] = Gate(assistant.settings.max_queue)
        return gate

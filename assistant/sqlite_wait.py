"""Waiting out another process's brief hold on an SQLite file ("database is locked").

Two `assistant` processes opening one new index race for the catalog's switch to WAL and for Chroma's
own SQLite file; SQLite's busy timeout does not cover those. The loser waits (about 10 s at most) and
opens what the winner made, so a second ingest reaches the ingest lock and its clear message.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

LOCKED_DELAYS = (0.2, 0.4, 0.8, 1.6, 2.0, 2.0, 2.0)


def wait_if_locked(open_: Callable[[], T], what: str) -> T:
    """``open_()``, retried while it fails with "database is locked"; any other failure is raised at once."""
    for delay in (*LOCKED_DELAYS, None):
        try:
            return open_()
        except Exception as exc:
            if delay is None or "database is locked" not in str(exc):
                raise
            log.info("%s is locked by another process; retrying in %.1f s", what, delay)
            time.sleep(delay)
    raise AssertionError("unreachable")

"""Waiting out "database is locked": retried, other failures raised at once."""

from __future__ import annotations

import sqlite3

import pytest

from assistant import sqlite_wait


def test_a_lock_is_waited_out_and_other_failures_are_not(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(sqlite_wait.time, "sleep", slept.append)
    attempts = iter([sqlite3.OperationalError("database is locked")] * 2 + ["opened"])

    def open_() -> str:
        got = next(attempts)
        if isinstance(got, Exception):
            raise got
        return got

    assert sqlite_wait.wait_if_locked(open_, "x") == "opened"
    assert slept == list(sqlite_wait.LOCKED_DELAYS[:2])

    def broken() -> str:
        raise sqlite3.OperationalError("file is not a database")

    with pytest.raises(sqlite3.OperationalError, match="not a database"):
        sqlite_wait.wait_if_locked(broken, "x")
    assert len(slept) == 2  # no wait for a failure a wait cannot fix

    def always_locked() -> str:
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        sqlite_wait.wait_if_locked(always_locked, "x")
    assert len(slept) == 2 + len(sqlite_wait.LOCKED_DELAYS)

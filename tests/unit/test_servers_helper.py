"""The test servers' readiness check: a 200 from a process that is not ours is not readiness."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import PortTaken, free_port, owns_port, running


def test_a_stranger_on_the_port_is_port_taken_not_ready(tmp_path: Path) -> None:
    port = free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(tmp_path)]
    with running(command, f"http://127.0.0.1:{port}/", tmp_path / "first.log") as first:
        assert owns_port(first.pid, port)
        with pytest.raises(PortTaken, match=f"port {port}"), \
                running(command, f"http://127.0.0.1:{port}/", tmp_path / "second.log", timeout=30):
            pass
        other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        try:
            assert not owns_port(other.pid, port)
        finally:
            other.kill()
            other.wait()

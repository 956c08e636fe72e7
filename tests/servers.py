"""Start a real server process for a test on a free loopback port, and stop it afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


class PortTaken(AssertionError):
    """Another process answered on the port chosen for this test's server (a parallel job took it)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _family(pid: int) -> set[int]:
    """``pid`` and its descendants (a server may listen from a child process)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    family, grew = {pid}, True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in family and child not in family:
                family.add(child)
                grew = True
    return family


def owns_port(pid: int, port: int) -> bool:
    """True when the listening socket on ``port`` belongs to ``pid`` (or a child of it). Where the check
    cannot be made (no /proc, or the listener not visible in this network namespace) it answers True."""
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if not tables[0].exists():
        return True
    inodes: set[str] = set()
    for table in tables:
        for line in table.read_text().splitlines()[1:] if table.exists() else []:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 0A = LISTEN
                inodes.add(fields[9])
    if not inodes:
        return True
    for member in _family(pid):
        try:
            for fd in Path(f"/proc/{member}/fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in inodes:
                    return True
        except OSError:
            continue
    return False


@contextmanager
def running(command: Sequence[str], ready_url: str, log: Path, env: dict[str, str] | None = None,
            timeout: float = 120) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``command`` until ``ready_url`` answers 200 from this process; terminate it (then kill) on exit.

    A 200 from some other process on the port (chosen free, then taken by a parallel job before the
    server bound it) is not readiness: the test would talk to a stranger. That raises ``PortTaken``."""
    port = urllib.parse.urlparse(ready_url).port
    with log.open("w") as out:
        proc = subprocess.Popen(list(command), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env if env is not None else dict(os.environ))
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    with urllib.request.urlopen(ready_url, timeout=2) as r:
                        if r.status == 200:
                            if port is None or owns_port(proc.pid, port):
                                break
                            if proc.poll() is not None:
                                raise PortTaken(f"another process answers on port {port}; "
                                                f"{command[0]} exited: {log.read_text()[-500:]}")
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"{command[0]} did not start: {log.read_text()[-2000:]}")
                time.sleep(0.5)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()

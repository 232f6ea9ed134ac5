"""Loopback ports for the servers tests start (gunicorn, nginx, slapd). The kernel picks
each among its free ports, so two pytest processes running side by side (scripts/test runs
two) do not pick the same one."""

import contextlib
import socket
import subprocess
import time


def free_ports(count: int) -> list[int]:
    """`count` different free ports: each stays bound until all are chosen."""
    with contextlib.ExitStack() as held:
        probes = [held.enter_context(socket.socket()) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]


def free_port() -> int:
    return free_ports(1)[0]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 90) -> None:
    """Until something listens on `port`; fails at once when `process`, which should, has
    ended (a loaded machine starts a server slowly, hence the long wait)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{process.args[0]} ended (exit {process.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port} after {seconds} s")

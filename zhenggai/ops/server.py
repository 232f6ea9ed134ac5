"""Runs zhenggai under gunicorn: the code behind both `zhenggai serve` and `zhenggai demo`."""

import os
import sys

from django.core.management.base import CommandError

DEFAULT_ADDR = "127.0.0.1:8000"
DEFAULT_WORKERS = 2


def add_addr_argument(parser) -> None:
    parser.add_argument(
        "--addr",
        default=DEFAULT_ADDR,
        help=f"监听地址 主机:端口，默认 {DEFAULT_ADDR}；内网其他电脑访问时用 0.0.0.0:端口。",
    )


def check_addr(addr: str) -> str:
    """ "HOST:PORT", HOST possibly an [IPv6] literal; anything else is refused in Chinese."""
    host, sep, port = addr.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(f"地址应写成 主机:端口，例如 {DEFAULT_ADDR}，而不是 {addr!r}。")
    return addr


def url(addr: str) -> str:
    return f"http://{addr}/"


def gunicorn_argv(addr: str, workers: int) -> list[str]:
    """gunicorn from the interpreter running zhenggai, so the venv's packages are the ones used."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "zhenggai.wsgi:application",
        "--bind",
        addr,
        "--workers",
        str(workers),
        # gunicorn's default control socket is one path per home directory: a second instance,
        # or a service user without a writable home, would trip over it.
        "--no-control-socket",
        # The daily `zhenggai tick` in the master (docs/scheduling.md), and each worker made
        # ready before its first request (docs/deployment.md).
        "--config",
        "python:zhenggai.ops.gunicorn_conf",
    ]


def run(addr: str, workers: int) -> None:
    """Replace this process by gunicorn: it then owns the signals (Ctrl+C, systemd's stop)."""
    sys.stdout.flush()
    sys.stderr.flush()
    argv = gunicorn_argv(addr, workers)
    os.execv(argv[0], argv)

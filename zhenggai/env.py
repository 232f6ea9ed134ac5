"""Typed readers of the environment that fail loudly on a bad value."""

import contextlib
import os
from pathlib import Path


class ConfigError(RuntimeError):
    pass


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw in ("True", "true", "1"):
        return True
    if raw in ("False", "false", "0"):
        return False
    raise ConfigError(f"{name} 只能是 True 或 False，而不是 {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} 必须是整数，而不是 {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def secret_key(data_dir: Path) -> str:
    """The key from ZHENGGAI_SECRET_KEY, else one generated once and kept in the data dir."""
    key = os.environ.get("ZHENGGAI_SECRET_KEY", "")
    if key:
        return key
    path = data_dir / "secret_key"
    if not path.exists():
        import secrets
        import tempfile

        private_dir(data_dir)
        # Written whole under another name, then linked into place: processes starting at
        # the same moment (gunicorn workers, parallel test workers) all read the first key.
        fd, fresh = tempfile.mkstemp(dir=data_dir, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as file:
                file.write(secrets.token_urlsafe(50))
            with contextlib.suppress(FileExistsError):
                os.link(fresh, path)
        finally:
            os.unlink(fresh)
    return path.read_text().strip()


def private_dir(path: Path) -> Path:
    """A directory only its owner may enter (0700), created if missing."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(PermissionError):
        path.chmod(0o700)
    return path


def private_file(path: Path) -> Path:
    """A file only its owner may read (0600), created empty if missing: SQLite keeps the
    mode of an existing database file and gives it to its -wal and -shm files too."""
    path.touch(mode=0o600, exist_ok=True)
    with contextlib.suppress(PermissionError):
        path.chmod(0o600)
    return path

"""Running a test again on SQLite as zhenggai runs it. The suite's SQLite test database lives
in memory, where concurrent connections share one cache and fail at once with "table is
locked" instead of waiting their turn, and where live_server hands one connection to every
request thread. A test about concurrency therefore skips itself there (IN_MEMORY_SQLITE) and
a companion test runs it in a child pytest whose test database is a file in WAL mode with
IMMEDIATE transactions (tests/carryout/file_database_settings.py). Migrating it takes longer
than most such tests: the children of one pytest process share one database file, migrated by
the first (--reuse-db), each of their tests leaving it as empty as it found it."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = "tests.carryout.file_database_settings"
TEST_NAME = settings.DATABASES["default"].get("TEST", {}).get("NAME")
IN_MEMORY_SQLITE = connection.vendor == "sqlite" and TEST_NAME in (None, "", ":memory:")


def run_on_a_file_database(
    test_file: str,
    name: str,
    data_dir: Path,
    database: Path,
    environment: dict[str, str] | None = None,
) -> str:
    """Run test `name` of `test_file` (a __file__) in a child pytest on the file database
    `database` (made if missing) with `data_dir` as its data directory and `environment`
    added; its output, once it has passed."""
    env = {k: v for k, v in os.environ.items() if k != "ZHENGGAI_DATABASE_URL"}
    env["ZHENGGAI_DATA_DIR"] = str(data_dir)
    env["ZHENGGAI_TEST_DATABASE"] = str(database)
    env.update(environment or {})
    node = f"{Path(test_file).relative_to(ROOT)}::{name}"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--reuse-db", f"--ds={SETTINGS}", node],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-2000:]
    return run.stdout

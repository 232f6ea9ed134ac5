"""zhenggai's own settings with the test database in a file instead of in memory, so that a
test run with them (`pytest --ds tests.carryout.file_database_settings`, and
ZHENGGAI_DATA_DIR set to an empty folder) meets SQLite as zhenggai runs it: WAL mode,
IMMEDIATE transactions, one connection per thread. With the in-memory database of the usual
run, pytest-django's live_server hands its single connection to every request thread instead.
The file is ZHENGGAI_TEST_DATABASE, or one in the data directory. Used through
tests/file_database.py."""

import os

from zhenggai.settings import *  # noqa: F403 -- the same settings, one key added
from zhenggai.settings import DATA_DIR, DATABASES

assert DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3", "only for SQLite"
DATABASES["default"]["TEST"] = {
    "NAME": os.environ.get("ZHENGGAI_TEST_DATABASE") or str(DATA_DIR / "test_zhenggai.sqlite3")
}

"""The secret key generated in an empty data directory is one key, whoever reads it first:
processes started at the same moment (gunicorn's workers, the test suite's workers) never
read a half-written file or each keep a key of their own."""

import threading
from concurrent.futures import ThreadPoolExecutor

from zhenggai.env import secret_key

READERS = 8


def keys_read_at_once(folder):
    start = threading.Barrier(READERS)

    def read(_):
        start.wait()
        return secret_key(folder)

    with ThreadPoolExecutor(READERS) as pool:
        return list(pool.map(read, range(READERS)))


def test_readers_starting_at_once_all_get_the_same_whole_key(tmp_path):
    for attempt in range(20):
        folder = tmp_path / str(attempt)
        keys = keys_read_at_once(folder)

        assert len(set(keys)) == 1 and len(keys[0]) >= 50, keys
        assert [path.name for path in folder.iterdir()] == ["secret_key"]

"""Data that takes seconds to build (the demo, the generator's ledger), built once for all the
tests of a module. The tests still each run in a transaction of their own inside the one that
holds the data (pytest-django's db), so what one test changes, the next does not see; the
data is rolled back after the module's last test.

    @pytest.fixture(scope="module")
    def demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
        with built_once(django_db_blocker, tmp_path_factory.mktemp("demo")):
            yield demo.load().round.pk
"""

import contextlib
from pathlib import Path

from django.db import transaction
from django.test import override_settings

# The named users are created for most tests; the real hasher takes a second each.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextlib.contextmanager
def built_once(django_db_blocker, media: Path):
    """A transaction for a module's data, rolled back at the end; files uploaded while the data
    is built go to `media`, and passwords are hashed as in every test."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_PASSWORD_HASHERS),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)

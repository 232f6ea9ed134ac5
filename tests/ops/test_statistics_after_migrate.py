"""A migration that adds an index leaves SQLite without statistics for it, and SQLite then
plans blind: a reporter's round home went from 31 to 278 ms at province scale. Every migrate
ends with the planner's statistics gathered again."""

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import MeasureFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL's autovacuum keeps its own statistics"
)


def indexes_with_statistics() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'ledger_measure'")
        return {idx for (idx,) in cursor.fetchall()}


def test_migrate_gathers_the_statistics_of_every_index(db):
    MeasureFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_stat1")
    call_command("migrate", verbosity=0)
    assert {"measure_round_light", "measure_dashboard"} <= indexes_with_statistics()

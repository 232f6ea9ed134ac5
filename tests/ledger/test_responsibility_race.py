"""Two transactions change one measure's reasons at the same moment: a cooperating unit is
added while the problem's lead unit moves off that same unit. On PostgreSQL the second waits
for the first and sees it, so the unit keeps the measure it still answers for. (SQLite writes
one transaction at a time.)"""

import threading
import time

import pytest
from django.db import connection, transaction

from zhenggai.ledger.models import Measure, MeasureCooperation, Problem, Responsibility

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite writes one transaction at a time"
    ),
]


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return cursor.fetchone()[0] > 0


def test_a_cooperation_added_while_the_problem_moves_away_is_kept(demo_round, units):
    police, court = units["police"], units["court"]
    problem = demo_round["problems"]["police"]
    measure = problem.measures.get(number=1)
    Measure.objects.filter(pk=measure.pk).update(lead_unit=units["station"])
    added, release, errors = threading.Event(), threading.Event(), []

    def add_cooperation():
        try:
            with transaction.atomic():
                MeasureCooperation.of(measure, police).save()
                added.set()
                release.wait(timeout=30)
        except Exception as error:  # noqa: BLE001 -- reported by the test
            errors.append(error)
        finally:
            connection.close()

    def move_problem():
        try:
            with transaction.atomic():
                Problem.objects.filter(pk=problem.pk).update(lead_unit=court)
        except Exception as error:  # noqa: BLE001 -- reported by the test
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=add_cooperation)
    first.start()
    assert added.wait(timeout=30)
    second = threading.Thread(target=move_problem)
    second.start()
    deadline = time.monotonic() + 10
    while second.is_alive() and not _waiting_on_a_lock() and time.monotonic() < deadline:
        time.sleep(0.05)
    release.set()
    first.join(timeout=30)
    second.join(timeout=30)

    assert errors == []
    answering = set(Responsibility.objects.filter(measure=measure).values_list("unit", flat=True))
    assert answering == {units["station"].pk, police.pk, court.pk}

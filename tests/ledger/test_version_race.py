"""Two saves made on the same version arrive at the same moment, each in its own thread with
its own database connection: exactly one is saved, the other is refused as stale. SQLite lets
their IMMEDIATE transactions take turns (on a file database, as zhenggai runs it: see
tests/file_database.py); on PostgreSQL the second UPDATE ... WHERE version = n waits for the
first and then finds the version gone."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests.file_database import IN_MEMORY_SQLITE
from zhenggai.ledger import services
from zhenggai.ledger.models import Event, Measure
from zhenggai.ledger.versions import StaleEdit

pytestmark = pytest.mark.django_db(transaction=True)
ROUNDS = 5


def save_at_once(measure_pk: int, edits: dict[str, str]) -> list[str]:
    """Each user saves their text on version 1 of the measure, all at the same moment."""
    start = threading.Barrier(len(edits))
    outcomes: list[str] = []

    def save(username: str, text: str) -> None:
        try:
            user = get_user_model().objects.get(username=username)
            measure = Measure.objects.select_related("round__office", "lead_unit", "problem").get(
                pk=measure_pk
            )
            start.wait(timeout=30)
            services.update_measure(user, measure, text=text, version=1)
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("stale")
        except Exception as error:  # noqa: BLE001 -- every other failure is reported by the test
            outcomes.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=item) for item in edits.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(outcomes)


@pytest.mark.skipif(IN_MEMORY_SQLITE, reason="run on a file database by the next test")
@pytest.mark.parametrize("attempt", range(ROUNDS))
def test_of_two_saves_on_one_version_exactly_one_wins(demo_round, office_clerk, colleague, attempt):
    measure = demo_round["problems"]["court"].measures.get(number=1)
    edits = {"office": "整改办改定的措施。", "colleague": "同事改定的措施。"}

    assert save_at_once(measure.pk, edits) == ["saved", "stale"]

    saved = Measure.objects.get(pk=measure.pk)
    [event] = Event.objects.filter(kind=Event.Kind.MEASURE_UPDATED, measure=measure)
    assert saved.version == event.version == 2
    assert saved.text in edits.values()
    assert event.changes["text"] == [measure.text, saved.text]


@pytest.mark.skipif(not IN_MEMORY_SQLITE, reason="the database is not SQLite in memory")
def test_exactly_one_wins_on_a_file_database_in_wal_mode(tmp_path, on_a_file_database):
    name = "test_of_two_saves_on_one_version_exactly_one_wins"
    assert f"{ROUNDS} passed" in on_a_file_database(__file__, name, tmp_path)

"""The daily rules count days in the installation's time zone: a measure made at 07:30 in
Shanghai (23:30 UTC the day before) or at 23:30 was made that local day, for the light and
for the ledger's "silent" filter alike, and the tick run then is that day's tick."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.conftest import LOCAL_DAY
from zhenggai.ledger.models import InspectionRound, Measure
from zhenggai.ledger.queries import silent_q
from zhenggai.supervision.models import Reminder, TickRun

pytestmark = pytest.mark.django_db
RHYTHM = 10


def days_later(days: int) -> datetime.date:
    return LOCAL_DAY + datetime.timedelta(days=days)


@pytest.fixture
def made_now(tracked, edge_of_the_day):
    """The tracked measure made at the pinned instant, never reported, without a deadline."""
    InspectionRound.objects.filter(pk=tracked.round_id).update(
        rectification_deadline=days_later(365), rhythm_days=RHYTHM
    )
    Measure.objects.filter(pk=tracked.pk).update(
        created_at=timezone.now(), last_reported_on=None, deadline=None
    )
    return tracked


def light_and_filter_on(measure, day: datetime.date) -> tuple[str, bool]:
    call_command("tick", today=day, stdout=StringIO())
    measure.refresh_from_db()
    silent = Measure.objects.filter(silent_q([measure.round], day), pk=measure.pk).exists()
    return measure.light, silent


def test_silence_counts_from_the_local_day_the_measure_was_made(made_now):
    assert light_and_filter_on(made_now, days_later(RHYTHM)) == ("green", False)
    assert light_and_filter_on(made_now, days_later(RHYTHM + 1)) == ("yellow", True)
    assert made_now.light_reason == f"已{RHYTHM + 1}天未报送进展"


def test_the_tick_without_a_day_is_the_local_days(tracked, edge_of_the_day):
    out = StringIO()
    call_command("tick", stdout=out)
    assert out.getvalue().startswith("2026-12-07 每日任务完成")
    assert list(TickRun.objects.values_list("day", flat=True)) == [LOCAL_DAY]
    assert set(Reminder.objects.values_list("sent_on", flat=True)) == {LOCAL_DAY}

"""A day added to or removed from the holiday table moves the lights it concerns at once,
not at the next daily tick."""

import datetime

from django.utils import timezone

from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import CalendarDay, Measure


def _due_in_seven_workdays(demo_round) -> Measure:
    """Reported on today, due seven working days from now: green, outside the 5-day window."""
    today = timezone.localdate()
    measure = demo_round["problems"]["police"].measures.get()
    deadline = work_calendar().add_workdays(today, 7).date
    Measure.objects.filter(pk=measure.pk).update(
        status="in_progress", last_reported_on=today, deadline=deadline
    )
    measure.refresh_from_db()
    measure.save()
    assert Measure.objects.get(pk=measure.pk).light == "green"
    return measure


def _next_workdays(n: int) -> list[datetime.date]:
    days, day = [], timezone.localdate()
    while len(days) < n:
        day = work_calendar().next_workday(day + datetime.timedelta(days=1)).date
        days.append(day)
    return days


def test_new_holidays_bring_a_deadline_into_the_warning_window(
    demo_round, django_capture_on_commit_callbacks
):
    measure = _due_in_seven_workdays(demo_round)
    with django_capture_on_commit_callbacks(execute=True):
        for day in _next_workdays(3):
            CalendarDay.objects.create(date=day, is_workday=False, name="临时调整放假")

    assert Measure.objects.get(pk=measure.pk).light == "yellow"


def test_removing_them_takes_it_out_again(demo_round, django_capture_on_commit_callbacks):
    measure = _due_in_seven_workdays(demo_round)
    with django_capture_on_commit_callbacks(execute=True):
        holidays = [
            CalendarDay.objects.create(date=day, is_workday=False, name="临时调整放假")
            for day in _next_workdays(3)
        ]
    assert Measure.objects.get(pk=measure.pk).light == "yellow"
    with django_capture_on_commit_callbacks(execute=True):
        for holiday in holidays:
            holiday.delete()

    assert Measure.objects.get(pk=measure.pk).light == "green"

"""The working-day calendar as recorded in CalendarDay, read once per process and read again
whenever a day is saved or deleted here, or after a few minutes: other server processes learn
of the office's changes that way."""

import time

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zhenggai.ledger.models import CalendarDay
from zhenggai.rules.workdays import WorkCalendar

MAX_AGE_SECONDS = 300
_loaded: tuple[float, WorkCalendar] | None = None


def work_calendar() -> WorkCalendar:
    global _loaded
    now = time.monotonic()
    if _loaded is None or now - _loaded[0] > MAX_AGE_SECONDS:
        _loaded = (now, _load())
    return _loaded[1]


def _load() -> WorkCalendar:
    rows = CalendarDay.objects.values_list("date", "is_workday", "name")
    overrides = {day: is_workday for day, is_workday, _ in rows}
    names = {day: name for day, _, name in rows if name}
    return WorkCalendar(overrides, names)


@receiver([post_save, post_delete], sender=CalendarDay, dispatch_uid="forget_work_calendar")
def forget_work_calendar(**kwargs: object) -> None:
    global _loaded
    _loaded = None

"""The working-day calendar as recorded in CalendarDay, read once per process and read again
whenever a day is saved or deleted."""

from functools import cache

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from zhenggai.ledger.models import CalendarDay
from zhenggai.rules.workdays import WorkCalendar


@cache
def work_calendar() -> WorkCalendar:
    rows = CalendarDay.objects.values_list("date", "is_workday", "name")
    overrides = {day: is_workday for day, is_workday, _ in rows}
    names = {day: name for day, _, name in rows if name}
    return WorkCalendar(overrides, names)


@receiver([post_save, post_delete], sender=CalendarDay, dispatch_uid="forget_work_calendar")
def forget_work_calendar(**kwargs: object) -> None:
    work_calendar.cache_clear()

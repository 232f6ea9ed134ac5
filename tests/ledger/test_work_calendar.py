from datetime import date, timedelta
from importlib import import_module

import chinese_calendar
import pytest
from django.apps import apps

from zhenggai.ledger.calendar import forget_work_calendar, work_calendar
from zhenggai.ledger.models import CalendarDay
from zhenggai.rules.workdays import Deadline, from_chinese_calendar

seed_migration = import_module("zhenggai.ledger.migrations.0002_seed_calendar")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    # A rolled-back test transaction sends no signal, so the cache must not outlive a test.
    forget_work_calendar()
    yield
    forget_work_calendar()


def every_day(first, last):
    return (first + timedelta(days=i) for i in range((last - first).days + 1))


def test_the_seeded_table_agrees_with_chinese_calendar_on_every_day():
    seeded, package = work_calendar(), from_chinese_calendar()
    days = every_day(date(2004, 1, 1), date(2026, 12, 31))
    assert all(seeded.is_workday(d) == package.is_workday(d) for d in days)


def test_the_seeded_table_names_holidays_as_chinese_calendar_does():
    seeded, package = work_calendar(), from_chinese_calendar()
    days = every_day(date(2004, 1, 1), date(2026, 12, 31))
    assert all(seeded.holiday_name(d) == package.holiday_name(d) for d in days)


def test_the_seeded_table_knows_the_package_years_only():
    calendar = work_calendar()
    known = [calendar.year_known(year) for year in (2003, 2004, 2026, 2027)]
    assert known == [False, True, True, False]


def test_every_seeded_row_names_its_source():
    expected = len(chinese_calendar.holidays) + len(chinese_calendar.workdays)
    assert CalendarDay.objects.filter(source="chinesecalendar 1.11.0").count() == expected


def test_recording_a_2027_day_makes_2027_known():
    work_calendar()
    CalendarDay.objects.create(date=date(2027, 1, 1), is_workday=False, name="元旦")
    assert work_calendar().year_known(2027)


def test_recording_new_years_day_2027_moves_a_deadline_and_makes_it_exact():
    before = work_calendar().add_workdays(date(2026, 12, 28), 5)
    CalendarDay.objects.create(date=date(2027, 1, 1), is_workday=False, name="元旦")
    after = work_calendar().add_workdays(date(2026, 12, 28), 5)
    assert (before, after) == (Deadline(date(2027, 1, 4), True), Deadline(date(2027, 1, 5), False))


def test_deleting_a_holiday_turns_it_back_into_a_workday():
    work_calendar()
    CalendarDay.objects.filter(date=date(2023, 10, 2)).delete()
    assert work_calendar().is_workday(date(2023, 10, 2))


def test_the_calendar_is_read_from_the_database_once(django_assert_num_queries):
    work_calendar()
    with django_assert_num_queries(0):
        work_calendar()


def test_unseeding_keeps_the_days_the_office_recorded():
    CalendarDay.objects.create(date=date(2027, 1, 1), is_workday=False, source="国办通知")
    seed_migration.unseed(apps, None)
    assert list(CalendarDay.objects.values_list("date", flat=True)) == [date(2027, 1, 1)]


def test_seeding_keeps_a_day_the_office_already_recorded():
    CalendarDay.objects.all().delete()
    CalendarDay.objects.create(date=date(2023, 10, 2), is_workday=True, source="手工录入")
    seed_migration.seed(apps, None)
    assert CalendarDay.objects.get(date=date(2023, 10, 2)).source == "手工录入"

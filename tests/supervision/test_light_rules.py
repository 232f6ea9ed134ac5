"""The light rules as plain functions: holidays and 调休, silence, ongoing measures."""

from datetime import date

from zhenggai.rules.deadlines import Light, assess
from zhenggai.rules.status import MeasureStatus
from zhenggai.rules.workdays import from_chinese_calendar

CALENDAR = from_chinese_calendar()
IN_PROGRESS = MeasureStatus.IN_PROGRESS.value
ONGOING = MeasureStatus.ONGOING.value


def judge(deadline, today, status=IN_PROGRESS, **kwargs):
    return assess(deadline, status, today, CALENDAR, **kwargs)


def test_on_a_holiday_the_days_off_do_not_count_towards_due_soon():
    # 2023-10-03 is in the National Day holiday; 10-07 and 10-08 are make-up working days.
    result = judge(date(2023, 10, 9), today=date(2023, 10, 3))
    assert (result.light, result.reason) == (Light.YELLOW, "距完成时限还剩3个工作日")
    assert result.due_soon and not result.overdue


def test_a_make_up_saturday_counts_as_a_working_day():
    # From Saturday 2023-10-07 (调休, a working day): 10-08 (调休), 10-09 … 10-12 are five.
    assert judge(date(2023, 10, 12), today=date(2023, 10, 7)).light == Light.YELLOW
    assert judge(date(2023, 10, 16), today=date(2023, 10, 7)).light == Light.GREEN


def test_a_sunday_made_a_working_day_brings_a_deadline_closer():
    # 2024-04-28 was a Sunday worked for the May Day holiday.
    result = judge(date(2024, 4, 30), today=date(2024, 4, 24))
    assert result.reason == "距完成时限还剩5个工作日"


def test_a_deadline_during_a_holiday_is_red_the_day_after():
    assert judge(date(2023, 10, 2), today=date(2023, 10, 3)).light == Light.RED


def test_a_silent_measure_is_yellow_and_flagged_silent():
    result = judge(None, date(2024, 5, 10), last_report=date(2024, 5, 1), silent_after_days=7)
    assert (result.light, result.reason) == (Light.YELLOW, "已9天未报送进展")
    assert result.silent and not result.due_soon


def test_a_report_exactly_one_rhythm_ago_is_not_yet_silent():
    result = judge(None, date(2024, 5, 8), last_report=date(2024, 5, 1), silent_after_days=7)
    assert result.light == Light.GREEN


def test_an_overdue_measure_that_is_also_silent_is_red_and_flagged_both():
    result = judge(
        date(2024, 5, 1), date(2024, 5, 10), last_report=date(2024, 4, 1), silent_after_days=7
    )
    assert result.light == Light.RED
    assert result.overdue and result.silent


def test_an_ongoing_closed_measure_keeps_its_rhythm_and_can_fall_silent():
    result = judge(
        None, date(2024, 9, 1), ONGOING, last_report=date(2024, 7, 1), silent_after_days=30
    )
    assert (result.light, result.reason) == (Light.YELLOW, "长期坚持，已62天未报送进展")
    assert result.silent


def test_an_ongoing_closed_measure_that_reports_is_green():
    result = judge(
        None, date(2024, 9, 1), ONGOING, last_report=date(2024, 8, 20), silent_after_days=30
    )
    assert (result.light, result.reason) == (Light.GREEN, "长期坚持")


def test_an_ongoing_closed_measure_is_never_red_for_an_old_deadline():
    assert judge(date(2024, 1, 1), date(2024, 9, 1), ONGOING).light == Light.GREEN


def test_a_closed_measure_is_not_silent():
    closed = MeasureStatus.CLOSED.value
    result = judge(None, date(2024, 9, 1), closed, last_report=None, silent_after_days=7)
    assert result.light == Light.GREEN and not result.silent

from datetime import date

import pytest

from zhenggai.rules.deadlines import Light, days_overdue, is_overdue, measure_light
from zhenggai.rules.status import DONE_MEASURE_STATUSES, MeasureStatus
from zhenggai.rules.workdays import from_chinese_calendar

CALENDAR = from_chinese_calendar()
MONDAY = date(2023, 10, 16)
IN_PROGRESS = MeasureStatus.IN_PROGRESS.value


def light(deadline, today=MONDAY, status=IN_PROGRESS, **kwargs):
    return measure_light(deadline, status, today, CALENDAR, **kwargs)


def test_a_measure_past_its_deadline_is_overdue():
    assert is_overdue(date(2023, 10, 13), IN_PROGRESS, MONDAY)


def test_a_measure_due_today_is_not_yet_overdue():
    assert not is_overdue(MONDAY, IN_PROGRESS, MONDAY)


@pytest.mark.parametrize("status", sorted(DONE_MEASURE_STATUSES))
def test_a_done_measure_is_never_overdue(status):
    assert not is_overdue(date(2023, 1, 1), status.value, MONDAY)


def test_a_measure_without_a_deadline_is_never_overdue():
    assert not is_overdue(None, IN_PROGRESS, MONDAY)


def test_days_overdue_counts_calendar_days():
    assert days_overdue(date(2023, 10, 13), MONDAY) == 3


def test_days_overdue_is_zero_before_the_deadline():
    assert days_overdue(date(2023, 10, 20), MONDAY) == 0


def test_days_overdue_is_zero_without_a_deadline():
    assert days_overdue(None, MONDAY) == 0


def test_lights_carry_chinese_labels():
    assert [x.label for x in Light] == ["绿灯", "黄灯", "红灯"]


def test_an_overdue_measure_is_red_and_says_by_how_many_days():
    assert light(date(2023, 10, 13)) == (Light.RED, "已超过完成时限3天")


def test_a_done_measure_is_green_even_past_its_deadline():
    assert light(date(2023, 1, 1), status=MeasureStatus.CLOSED.value) == (Light.GREEN, "已销号")


def test_a_measure_due_within_five_workdays_is_yellow():
    assert light(date(2023, 10, 20)) == (Light.YELLOW, "距完成时限还剩4个工作日")


def test_a_measure_due_today_is_yellow():
    assert light(MONDAY) == (Light.YELLOW, "今日到期")


def test_a_deadline_on_the_weekend_after_the_fifth_workday_is_still_yellow():
    friday = date(2023, 10, 13)
    assert light(date(2023, 10, 22), today=friday) == (Light.YELLOW, "距完成时限还剩5个工作日")


def test_a_measure_six_workdays_away_is_green():
    assert light(date(2023, 10, 24)) == (Light.GREEN, "按期推进")


def test_due_soon_counts_workdays_so_a_holiday_brings_the_deadline_closer():
    # Eleven calendar days, but only the make-up weekend and Monday are working days.
    assert light(date(2023, 10, 9), today=date(2023, 9, 28)) == (
        Light.YELLOW,
        "距完成时限还剩3个工作日",
    )


def test_the_due_soon_window_can_be_widened():
    assert light(date(2023, 10, 24), due_soon_workdays=6)[0] == Light.YELLOW


def test_a_measure_without_a_deadline_is_green():
    assert light(None) == (Light.GREEN, "未设完成时限")


def test_a_measure_silent_longer_than_allowed_is_yellow():
    result = light(None, last_report=date(2023, 9, 15), silent_after_days=30)
    assert result == (Light.YELLOW, "已31天未报送进展")


def test_a_measure_that_reported_within_the_allowed_days_is_green():
    assert light(None, last_report=date(2023, 9, 16), silent_after_days=30)[0] == Light.GREEN


def test_a_measure_that_never_reported_is_silent():
    assert light(None, silent_after_days=30) == (Light.YELLOW, "尚未报送进展")


def test_silence_is_not_judged_without_an_allowed_number_of_days():
    assert light(None, last_report=date(2020, 1, 1))[0] == Light.GREEN


def test_a_measure_both_due_soon_and_silent_gives_both_reasons():
    result = light(date(2023, 10, 20), last_report=date(2023, 9, 1), silent_after_days=30)
    assert result == (Light.YELLOW, "距完成时限还剩4个工作日；已45天未报送进展")


def test_a_yellow_light_counted_through_an_unknown_year_says_it_is_an_estimate():
    result = light(date(2027, 1, 4), today=date(2026, 12, 30))
    assert result == (
        Light.YELLOW,
        "距完成时限还剩3个工作日（2027年的节假日安排尚未录入，按周末估算）",
    )


def test_a_green_light_counted_through_an_unknown_year_says_it_is_an_estimate():
    result = light(date(2027, 3, 1), today=date(2027, 1, 4))
    assert result == (Light.GREEN, "按期推进（2027年的节假日安排尚未录入，按周末估算）")


def test_a_far_deadline_in_an_unknown_year_does_not_make_todays_light_an_estimate():
    assert light(date(2027, 3, 1)) == (Light.GREEN, "按期推进")

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhenggai.rules.workdays import (
    HOLIDAY_NAMES_ZH,
    Deadline,
    WorkCalendar,
    from_chinese_calendar,
)

CALENDAR = from_chinese_calendar()


def test_ten_workdays_after_national_day_eve_skip_the_holiday():
    # 9-29 … 10-6 off; Sat 10-7 and Sun 10-8 are make-up days, so the tenth falls on Wed 10-18.
    assert CALENDAR.add_workdays(date(2023, 9, 28), 10) == Deadline(date(2023, 10, 18), False)


def test_a_make_up_saturday_is_a_workday():
    assert CALENDAR.is_workday(date(2023, 10, 7))


def test_a_statutory_holiday_on_a_weekday_is_a_day_off():
    assert not CALENDAR.is_workday(date(2023, 10, 2))


def test_an_ordinary_weekend_is_a_day_off():
    assert not CALENDAR.is_workday(date(2023, 10, 14))


def test_the_first_workday_after_spring_festival_eve_2024_is_the_make_up_sunday():
    assert CALENDAR.add_workdays(date(2024, 2, 9), 1).date == date(2024, 2, 18)


def test_next_workday_from_inside_the_spring_festival_holiday_is_the_make_up_sunday():
    assert CALENDAR.next_workday(date(2024, 2, 12)).date == date(2024, 2, 18)


def test_next_workday_of_a_workday_is_the_day_itself():
    assert CALENDAR.next_workday(date(2024, 2, 8)).date == date(2024, 2, 8)


def test_zero_workdays_from_a_holiday_rolls_forward_to_the_next_workday():
    assert CALENDAR.add_workdays(date(2023, 10, 1), 0).date == date(2023, 10, 7)


def test_zero_workdays_from_a_workday_is_the_same_day():
    assert CALENDAR.add_workdays(date(2023, 10, 9), 0).date == date(2023, 10, 9)


def test_negative_workdays_are_refused():
    with pytest.raises(ValueError):
        CALENDAR.add_workdays(date(2023, 10, 9), -1)


def test_crossing_into_2027_counts_weekends_only_and_says_so():
    # 2027 has no table yet, so New Year's Day 2027 (a Friday) is counted as a workday.
    assert CALENDAR.add_workdays(date(2026, 12, 28), 5) == Deadline(date(2027, 1, 4), True)


def test_an_approximate_deadline_names_the_unknown_year_in_its_note():
    deadline = CALENDAR.add_workdays(date(2026, 12, 28), 5)
    assert deadline.note == "2027年的节假日安排尚未录入，按周末估算"


def test_a_deadline_within_known_years_is_exact_and_has_no_note():
    deadline = CALENDAR.add_workdays(date(2025, 12, 28), 5)
    assert (deadline.approximate, deadline.note) == (False, "")


def test_a_deadline_counted_from_an_unknown_year_is_approximate_even_if_it_ends_in_a_known_one():
    deadline = CALENDAR.add_workdays(date(2003, 12, 30), 5)
    assert (deadline.date.year, deadline.unknown_years) == (2004, (2003,))


def test_a_note_without_named_years_still_says_it_is_an_estimate():
    assert Deadline(date(2027, 1, 4), True).note == "节假日安排尚未录入，按周末估算"


def test_the_package_years_are_known_and_the_years_around_them_are_not():
    known = [CALENDAR.year_known(year) for year in (2003, 2004, 2026, 2027)]
    assert known == [False, True, True, False]


def test_a_single_recorded_day_makes_its_year_known():
    assert WorkCalendar({date(2027, 1, 1): False}).year_known(2027)


def test_a_recorded_holiday_in_a_new_year_moves_the_deadline_and_makes_it_exact():
    calendar = WorkCalendar({date(2026, 12, 1): False, date(2027, 1, 1): False})
    assert calendar.add_workdays(date(2026, 12, 31), 1) == Deadline(date(2027, 1, 4), False)


def test_one_month_after_january_31_clamps_to_february_28():
    assert CALENDAR.months_after(date(2023, 1, 31), 1).date == date(2023, 2, 28)


def test_one_month_after_january_31_in_a_leap_year_is_february_29():
    assert CALENDAR.months_after(date(2024, 1, 31), 1).date == date(2024, 2, 29)


def test_two_months_after_new_years_eve_2023_is_leap_day_2024():
    assert CALENDAR.months_after(date(2023, 12, 31), 2) == Deadline(date(2024, 2, 29), False)


def test_a_year_after_leap_day_clamps_to_february_28():
    assert CALENDAR.months_after(date(2024, 2, 29), 12).date == date(2025, 2, 28)


def test_a_month_that_ends_on_a_holiday_rolls_forward_to_the_next_workday():
    assert CALENDAR.months_after(date(2023, 9, 1), 1).date == date(2023, 10, 7)


def test_months_after_landing_in_an_unknown_year_is_approximate():
    assert CALENDAR.months_after(date(2026, 11, 15), 2) == Deadline(date(2027, 1, 15), True)


def test_months_after_from_an_unknown_year_is_exact_when_it_lands_in_a_known_one():
    # Counting calendar months needs no holiday table; only the roll past days off does.
    assert CALENDAR.months_after(date(2003, 6, 2), 12) == Deadline(date(2004, 6, 2), False)


def test_negative_months_are_refused():
    with pytest.raises(ValueError):
        CALENDAR.months_after(date(2023, 1, 31), -1)


def test_workdays_between_counts_the_end_day_but_not_the_start_day():
    assert CALENDAR.workdays_between(date(2023, 10, 16), date(2023, 10, 17)) == 1


def test_workdays_between_a_day_and_itself_is_zero():
    assert CALENDAR.workdays_between(date(2023, 10, 16), date(2023, 10, 16)) == 0


def test_workdays_between_skips_the_national_day_holiday():
    assert CALENDAR.workdays_between(date(2023, 9, 28), date(2023, 10, 18)) == 10


def test_workdays_between_is_negative_when_the_end_comes_before_the_start():
    assert CALENDAR.workdays_between(date(2023, 10, 18), date(2023, 9, 28)) == -10


@given(
    start=st.dates(min_value=date(2003, 1, 1), max_value=date(2028, 12, 31)),
    n=st.integers(min_value=1, max_value=300),
)
def test_workdays_between_undoes_add_workdays(start, n):
    assert CALENDAR.workdays_between(start, CALENDAR.add_workdays(start, n).date) == n


@given(st.dates(min_value=date(2003, 1, 1), max_value=date(2028, 12, 31)))
def test_add_workdays_always_lands_on_a_workday(start):
    assert CALENDAR.is_workday(CALENDAR.add_workdays(start, 3).date)


def test_holidays_are_named_in_chinese():
    names = [CALENDAR.holiday_name(date(2023, 9, 29)), CALENDAR.holiday_name(date(2023, 10, 2))]
    assert names == ["中秋节", "国庆节"]


def test_every_holiday_the_package_knows_has_a_chinese_name():
    names = {*chinese_calendar.holidays.values(), *chinese_calendar.workdays.values()}
    assert names <= HOLIDAY_NAMES_ZH.keys()


def test_an_ordinary_day_has_no_holiday_name():
    assert CALENDAR.holiday_name(date(2023, 10, 16)) == ""


def test_a_deadline_spanning_several_unknown_years_names_them_all():
    deadline = CALENDAR.add_workdays(date(2026, 1, 1), 1000)
    assert deadline.note == "2027、2028、2029年的节假日安排尚未录入，按周末估算"


def test_a_year_without_recorded_days_counts_every_weekday():
    calendar = WorkCalendar({})
    assert (
        calendar.workdays_between(date(2027, 1, 1), date(2027, 1, 1) + timedelta(weeks=52)) == 260
    )

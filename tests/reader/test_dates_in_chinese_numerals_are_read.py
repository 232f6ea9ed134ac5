import datetime

import pytest

from zhenggai.reader.dates import find_deadline, parse_deadline


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("二〇二四年三月底", datetime.date(2024, 3, 31)),
        ("二○二四年十二月三十一日", datetime.date(2024, 12, 31)),
        ("二〇二五年六月十日前", datetime.date(2025, 6, 10)),
        ("二〇二四年底", datetime.date(2024, 12, 31)),
        ("二〇二四年第一季度", datetime.date(2024, 3, 31)),
    ],
)
def test_a_deadline_cell_in_chinese_numerals_becomes_a_date(text, date):
    assert parse_deadline(text).date == date


def test_a_deadline_in_chinese_numerals_is_found_in_a_measures_words():
    found = find_deadline("二〇二四年九月二十日前完成制度修订")
    assert found.date == datetime.date(2024, 9, 20)


def test_chinese_numerals_that_are_no_year_stay_as_they_are():
    assert parse_deadline("一年内完成").date is None

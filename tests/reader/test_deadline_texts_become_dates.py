import datetime

import pytest

from zhenggai.reader.dates import find_deadline, parse_deadline


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2023年12月底", datetime.date(2023, 12, 31)),
        ("2024年3月", datetime.date(2024, 3, 31)),
        ("2024年2月底前", datetime.date(2024, 2, 29)),
        ("2024年3月15日", datetime.date(2024, 3, 15)),
        ("2024年6月上旬", datetime.date(2024, 6, 10)),
        ("2024年6月中旬", datetime.date(2024, 6, 20)),
        ("2024年6月下旬", datetime.date(2024, 6, 30)),
        ("2024年上半年", datetime.date(2024, 6, 30)),
        ("2024年底", datetime.date(2024, 12, 31)),
        ("2024年第三季度", datetime.date(2024, 9, 30)),
        ("2024年", datetime.date(2024, 12, 31)),
        ("2024.3.31", datetime.date(2024, 3, 31)),
        ("2024-03-31", datetime.date(2024, 3, 31)),
        ("2024/3", datetime.date(2024, 3, 31)),
        ("２０２４年４月底", datetime.date(2024, 4, 30)),
        ("2024年2月30日", None),
        ("年底前", None),
        ("长期坚持", None),
    ],
)
def test_a_deadline_cell_becomes_a_date(text, date):
    assert parse_deadline(text).date == date


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("长期坚持", "ongoing"),
        ("长期", "ongoing"),
        ("立行立改", "immediate"),
        ("立行立改，长期坚持", "ongoing"),
        ("限期整改", "time_bound"),
        ("2024年3月底", None),
    ],
)
def test_a_deadline_cell_can_give_the_measures_kind_instead(text, kind):
    assert parse_deadline(text).kind == kind


def test_a_year_alone_in_a_measures_prose_is_no_deadline():
    assert find_deadline("推动2024年全市政法工作再上新台阶。").date is None
    assert find_deadline("于2024年6月底前完成。").date == datetime.date(2024, 6, 30)


def test_long_standing_problems_in_prose_do_not_make_a_measure_ongoing():
    assert find_deadline("解决长期未解决的难点问题。").kind is None
    assert find_deadline("建立长效机制，长期坚持。").kind == "ongoing"

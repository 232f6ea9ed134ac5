"""The dashboard's arithmetic, without a database."""

import datetime

from zhenggai.rules import figures

D = datetime.date


def test_a_rate_is_a_percentage_with_one_decimal():
    assert figures.rate(1, 3) == 33.3
    assert figures.rate(2, 2) == 100.0


def test_a_rate_of_nothing_is_none_rather_than_zero():
    assert figures.rate(0, 0) is None


def test_levels_count_down_from_the_office_itself():
    office = "000001/"
    assert figures.relative_level("000001/", office) == 1
    assert figures.relative_level("000001/000007/", office) == 2
    assert figures.relative_level("000001/000007/000031/", office) == 3


def test_a_unit_outside_the_office_tree_has_no_level():
    assert figures.relative_level("000002/000009/", "000001/") is None
    assert figures.level_label(None) == "牵头单位以外"


def test_level_labels_name_the_office_itself():
    assert figures.level_label(1) == "第1级（本级）"
    assert figures.level_label(3) == "第3级"


def test_path_ids_read_a_materialized_path():
    assert figures.path_ids("000001/000007/1234567/") == [1, 7, 1234567]
    assert figures.path_ids("") == []


def test_the_common_root_is_the_deepest_shared_unit():
    paths = ["000001/000002/000005/", "000001/000002/", "000001/000002/000009/000010/"]
    assert figures.common_root(paths) == "000001/000002/"
    assert figures.common_root(["000001/000002/"]) == "000001/000002/"


def test_units_in_separate_trees_have_no_common_root():
    assert figures.common_root(["000001/", "000002/"]) == ""
    assert figures.common_root([]) == ""


def test_a_shared_prefix_of_digits_is_not_a_shared_unit():
    assert figures.common_root(["000001/000012/", "000001/000013/"]) == "000001/"


def test_roll_up_adds_each_child_subtree_and_the_whole():
    rows = {
        "000001/": {"total": 1},
        "000001/000002/": {"total": 2},
        "000001/000002/000004/": {"total": 4},
        "000001/000003/": {"total": 8},
        "000009/": {"total": 100},
    }
    total, children = figures.roll_up(rows, "000001/")
    assert total == {"total": 15}
    assert children == {2: {"total": 6}, 3: {"total": 8}}


def test_only_children_with_units_below_them_can_be_drilled_into():
    paths = ["000001/000002/", "000001/000002/000004/", "000001/000003/"]
    assert figures.has_deeper(paths, "000001/") == {2}


def test_week_points_run_from_feedback_to_today():
    points = figures.week_points(D(2024, 1, 1), D(2024, 1, 20))
    assert points == [D(2024, 1, 1), D(2024, 1, 8), D(2024, 1, 15), D(2024, 1, 20)]


def test_a_week_point_falling_on_today_is_not_repeated():
    assert figures.week_points(D(2024, 1, 1), D(2024, 1, 8)) == [D(2024, 1, 1), D(2024, 1, 8)]


def test_a_trend_ending_before_it_starts_is_one_point():
    assert figures.week_points(D(2024, 1, 8), D(2024, 1, 1)) == [D(2024, 1, 8)]


def test_burn_down_counts_measures_from_the_feedback_until_closed():
    rows = [
        (D(2024, 1, 1), None, 5),
        (D(2024, 1, 1), D(2024, 1, 10), 3),
        (D(2024, 1, 9), D(2024, 1, 16), 2),
    ]
    points = [D(2023, 12, 31), D(2024, 1, 8), D(2024, 1, 10), D(2024, 1, 16)]
    assert figures.burn_down(rows, points) == [0, 8, 7, 5]


def test_a_measure_closed_before_the_feedback_is_never_open():
    rows = [(D(2024, 2, 1), D(2024, 1, 15), 4)]
    assert figures.burn_down(rows, [D(2024, 1, 20), D(2024, 2, 1)]) == [0, 0]


def test_add_sums_counts_by_name():
    assert figures.add({"a": 1}, {"a": 2, "b": 3}) == {"a": 3, "b": 3}


def test_close_out_breaches_come_from_closed_passed_and_really_checked_counts():
    # 10 closed: 7 with a pass, of which 5 had more than a briefing.
    assert figures.close_out(10, 7, 5) == {"briefing_only": 2, "unverified": 3}

from tests.reader.reading import outline_of


def test_decimal_headings_nest_under_their_chapter():
    text = "一、背景\n1.1 政策要求\n1.2 现实需要\n二、任务\n2.1 建立台账\n10.4 结果运用\n"
    assert [(level, marker) for level, marker, _ in outline_of(text)] == [
        (1, "一、"), (2, "1.1"), (2, "1.2"), (1, "二、"), (2, "2.1"), (2, "10.4"),
    ]  # fmt: skip


def test_a_bare_chapter_number_is_a_heading_when_decimals_follow():
    text = "1 目的\n规范会议流程。\n2 会前准备\n2.1 确定议题\n2.2 征求意见\n"
    assert [marker for _, marker, _ in outline_of(text)] == ["1", "2", "2.1", "2.2"]


def test_figures_with_a_decimal_point_are_no_headings():
    assert outline_of("3.2万个村完成整改\n42.3%的问题已销号\n1.5倍于去年\n") == []


def test_a_heading_on_personal_matters_is_no_figure():
    text = "2 会前准备\n2.1 确定议题\n2.2 个人准备\n2.3 报告上级\n"
    assert [(marker, title) for _, marker, title in outline_of(text)] == [
        ("2", "会前准备"), ("2.1", "确定议题"), ("2.2", "个人准备"), ("2.3", "报告上级"),
    ]  # fmt: skip

import pytest

from tests.reader.reading import outline_of


@pytest.mark.parametrize(
    "line",
    [
        "第一巡视组进驻后召开了动员会。",
        "第三轮巡察发现的问题已整改。",
        "第十一届党委研究了这项工作。",
        "发现问题第 一时间报告。",
        "把政治属性作为第一属性。",
        "全市3.2万个网格全部覆盖。",
        "42.3%的事项已经办结。",
        "一、二、三轮巡察共发现问题。",
        "第一项议程是传达文件。",
    ],
)
def test_a_number_inside_words_marks_nothing(line):
    assert outline_of(f"正文\n{line}\n") == []


def test_a_number_broken_over_two_lines_marks_nothing():
    assert outline_of("正文\n深入学习党的二十\n届三中全会精神。\n") == []

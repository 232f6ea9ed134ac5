import pytest

from tests.reader.reading import read_text
from zhenggai.reader.model import Paragraph
from zhenggai.reader.placeholders import find_placeholders, placeholders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("省委第X巡视组", ["第X"]),
        ("党的XX大精神", ["XX"]),
        ("×××同志", ["×××"]),
        ("××单位", ["××"]),
        ("20XX年X月X日前", ["XX", "X", "X"]),
        ("第XX次会议", ["第XX"]),
        ("xx单位整改", ["xx"]),
        ("X市政法委", ["X"]),
        ("请【单位名称】于____前报送", ["【单位名称】", "____"]),
    ],
)
def test_unfilled_placeholders_are_found(text, expected):
    assert list(placeholders(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "XXL码的服装",
        "Windows XP系统",
        "MAXX品牌",
        "X射线安检机",
        "3×4的表格",
        "Xinjiang",
        "做X光检查",
    ],
)
def test_latin_words_and_multiplication_are_not_placeholders(text):
    assert list(placeholders(text)) == []


def test_a_placeholder_warning_gives_its_paragraph_and_text():
    document = read_text("某市发言提纲\n按照省委第X巡视组的反馈意见。\n")
    warning = document.warnings[0]
    assert (warning.code, warning.line, warning.text) == ("placeholder", 2, "第X")
    assert "未填写的占位符" in warning.message


def test_past_the_limit_placeholders_are_counted_in_one_line():
    found = find_placeholders([Paragraph("XX单位，" * 5, 7)], limit=2)
    assert [(w.line, w.text) for w in found] == [(7, "XX"), (7, "XX"), (None, "")]
    assert found[-1].message == "另有 3 处占位符未逐一列出"

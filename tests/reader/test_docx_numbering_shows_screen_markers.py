"""Word's automatic numbers exist only in numbering.xml; the reader shows what the screen does."""

import io

import docx as python_docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.reader.builders import abstract, docx, num, p
from zhenggai.reader import read_bytes
from zhenggai.reader.model import walk
from zhenggai.reader.numbering import FORMATS
from zhenggai.reader.numerals import chinese_to_int, counting

SPEECH_LIST = abstract(
    0,
    ("chineseCounting", "%1、"),
    ("chineseCountingThousand", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
    ("decimalEnclosedCircle", "%5"),
)


def markers(*paragraphs: str, numbering: str = SPEECH_LIST + num(1, 0)) -> list[tuple[int, str]]:
    document = read_bytes(docx(*paragraphs, numbering=numbering), "自动编号.docx")
    return [(node.level, node.marker) for node in walk(document.outline)]


def test_automatic_numbers_come_out_as_the_markers_on_screen():
    assert markers(
        p("存在的问题", num=1),
        p("理论学习方面", num=1, ilvl=1),
        p("学习不深。", num=1, ilvl=2),
        p("次数少。", num=1, ilvl=3),
        p("质量低。", num=1, ilvl=4),
        p("运用不够。", num=1, ilvl=2),
        p("作风建设方面", num=1, ilvl=1),
        p("原因剖析", num=1),
    ) == [
        (1, "一、"),
        (2, "（一）"),
        (3, "1."),
        (4, "（1）"),
        (5, "①"),
        (3, "2."),
        (2, "（二）"),
        (1, "二、"),
    ]


def test_a_deeper_level_starts_again_under_each_new_parent():
    found = markers(
        p("问题", num=1), p("甲", num=1, ilvl=1), p("乙", num=1, ilvl=1),
        p("原因", num=1), p("丙", num=1, ilvl=1),
    )  # fmt: skip
    assert [marker for _, marker in found] == ["一、", "（一）", "（二）", "二、", "（一）"]


def test_the_automatic_marker_is_part_of_the_paragraph_text_and_not_of_the_title():
    document = read_bytes(docx(p("存在的问题", num=1), numbering=SPEECH_LIST + num(1, 0)), "a.docx")
    assert (document.outline[0].marker, document.outline[0].title) == ("一、", "存在的问题")


def test_two_list_instances_of_one_definition_continue_one_sequence():
    numbering = SPEECH_LIST + num(1, 0) + num(2, 0)
    found = markers(p("甲", num=1), p("乙", num=2), numbering=numbering)
    assert [marker for _, marker in found] == ["一、", "二、"]


def test_a_start_override_restarts_the_sequence():
    numbering = SPEECH_LIST + num(1, 0) + num(2, 0, restart_at=1)
    found = markers(p("甲", num=1), p("乙", num=1), p("丙", num=2), numbering=numbering)
    assert [marker for _, marker in found] == ["一、", "二、", "一、"]


def test_num_id_zero_switches_numbering_off():
    found = markers(p("有编号", num=1), p("无编号的正文。", num=0))
    assert found == [(1, "一、")]


def test_unknown_number_shapes_still_nest_by_their_list_level():
    numbering = abstract(3, ("upperRoman", "%1"), ("decimal", "%1.%2")) + num(7, 3)
    found = markers(
        p("总体", num=7), p("细目", num=7, ilvl=1), p("分项", num=7), numbering=numbering
    )
    # As in Word, %1 inside the second level keeps the first level's format.
    assert found == [(1, "I"), (2, "I.1"), (1, "II")]


def test_numbering_given_by_a_style_counts_like_direct_numbering():
    document = python_docx.Document()
    document.add_paragraph("健全制度。", style="List Number")
    document.add_paragraph("强化督导。", style="List Number")
    data = io.BytesIO()
    document.save(data)
    outline = read_bytes(data.getvalue(), "列表样式.docx").outline
    assert [(node.marker, node.title) for node in outline] == [
        ("1.", "健全制度"),
        ("2.", "强化督导"),
    ]


@pytest.mark.parametrize(
    ("fmt", "values", "shown"),
    [
        ("chineseCounting", [1, 10, 11, 20, 21], ["一", "十", "十一", "二十", "二十一"]),
        ("chineseCountingThousand", [100, 101, 110], ["一百", "一百零一", "一百一十"]),
        ("chineseLegalSimplified", [1, 10, 12], ["壹", "壹拾", "壹拾贰"]),
        ("ideographLegalTraditional", [2, 3], ["貳", "參"]),
        ("ideographTraditional", [1, 4, 10, 11], ["甲", "丁", "癸", "11"]),
        ("ideographZodiac", [1, 12], ["子", "亥"]),
        ("ideographDigital", [2024], ["二〇二四"]),
        ("decimalEnclosedCircle", [1, 20, 21, 50], ["①", "⑳", "㉑", "㊿"]),
        ("decimalEnclosedParen", [1, 3], ["⑴", "⑶"]),
        ("decimalEnclosedFullstop", [1], ["⒈"]),
        ("decimalFullWidth", [12], ["１２"]),
        ("decimalZero", [3, 12], ["03", "12"]),
        ("upperRoman", [4, 9, 14], ["IV", "IX", "XIV"]),
        ("lowerLetter", [1, 26, 27], ["a", "z", "aa"]),
        ("none", [5], [""]),
    ],
)
def test_word_number_formats_are_rendered_as_word_renders_them(fmt, values, shown):
    assert [FORMATS[fmt](value) for value in values] == shown


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_counting_numbers_read_back_as_the_same_number(n):
    assert chinese_to_int(counting(n)) == n

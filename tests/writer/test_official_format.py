"""Every document comes out in the official format: opened with python-docx, its page, fonts,
sizes, spacing, headings, page numbers and signature are those of GB/T 9704-2012."""

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.writer import samples
from tests.writer.documents import KINDS, every_document
from zhenggai.writer import rectification_report, to_docx
from zhenggai.writer.official import format_date, title_lines


@pytest.fixture(scope="module")
def opened():
    """kind → the document as python-docx opens it."""
    return {
        kind: docx.Document(io.BytesIO(to_docx(document)))
        for kind, document in every_document().items()
    }


@pytest.fixture(scope="module")
def report():
    document = rectification_report(
        samples.ROUND, samples.FIGURES, samples.CATEGORIES, samples.LEADER
    )
    return docx.Document(io.BytesIO(to_docx(document)))


def mm(*lengths):
    """Word stores lengths in twentieths of a point: millimetres come back rounded."""
    return [round(length.mm, 1) for length in lengths]


def fonts(run):
    found = run._r.rPr.rFonts
    return found.get(qn("w:ascii")), found.get(qn("w:eastAsia"))


def paragraph_starting(document, text):
    return next(p for p in document.paragraphs if p.text.startswith(text))


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_is_a4_with_the_standard_margins(opened, kind):
    section = opened[kind].sections[0]
    assert mm(section.page_width, section.page_height) == [210, 297]
    assert mm(section.top_margin, section.bottom_margin) == [37, 35]
    assert mm(section.left_margin, section.right_margin) == [28, 26]


# The East Asian font of each style of text: the title, the headings by level, the rest.
OFFICIAL_FONTS = {"方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"}


@pytest.mark.parametrize("kind", KINDS)
def test_every_line_is_set_at_22_points_in_official_fonts_and_sizes(opened, kind):
    document = opened[kind]
    title, *rest = [p for p in document.paragraphs if p.text]
    assert {fonts(run)[1] for run in title.runs} == {"方正小标宋简体"}
    assert {run.font.size for run in title.runs} == {Pt(22)}
    for paragraph in rest:
        form = paragraph.paragraph_format
        assert form.line_spacing_rule == WD_LINE_SPACING.EXACTLY, paragraph.text
        assert form.line_spacing == Pt(22), paragraph.text
        for run in paragraph.runs:
            assert run.font.size == Pt(16), run.text
            assert fonts(run)[0] == "Times New Roman" and fonts(run)[1] in OFFICIAL_FONTS
            # 28 characters to the line: each 三号 character at 98 % of its width.
            assert run._r.rPr.find(qn("w:w")).get(qn("w:val")) == "98"


@pytest.mark.parametrize("kind", KINDS)
def test_every_document_numbers_its_pages_at_the_outer_edges(opened, kind):
    document = opened[kind]
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == getattr(WD_ALIGN_PARAGRAPH, side.upper())
        assert " PAGE " in paragraph._p.xml and paragraph.text == "— 1 —"
        # One 四号 character in from the outer edge.
        assert getattr(paragraph.paragraph_format, f"{side}_indent") == Pt(14)


def test_the_title_is_xiaobiaosong_erhao_centred_in_lines_broken_between_words(report):
    title = report.paragraphs[0]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.size == Pt(22)
    assert fonts(title.runs[0]) == ("Times New Roman", "方正小标宋简体")
    # Not 关于省委 | 第三巡视组: the team's name stays whole. The line break is inside the
    # second line's run, where Word wants it.
    assert title.text == "中共临江市委政法委员会关于省委第三巡视组\n反馈意见整改落实情况的报告"
    assert [run.text for run in title.runs][1].startswith("\n")


@pytest.mark.parametrize(
    "title, lines",
    [
        (
            "中共临江市委政法委员会关于落实省委第三巡视组反馈意见的整改方案",
            ["中共临江市委政法委员会", "关于落实省委第三巡视组反馈意见的整改方案"],
        ),
        # Not 专题民 | 主生活会.
        (
            "周明同志巡视整改专题民主生活会个人发言提纲",
            ["周明同志巡视整改专题民主生活会", "个人发言提纲"],
        ),
        # No word ends where the lines would fit: even lengths, the longer first.
        ("甲" * 43, ["甲" * 15, "甲" * 14, "甲" * 14]),
    ],
)
def test_a_long_title_breaks_between_words_into_lines_that_fit(title, lines):
    assert title_lines(title) == lines


def test_the_body_is_fangsong_sanhao_at_22_points_fixed_with_two_characters_indent(report):
    body = paragraph_starting(report, "2023年9月28日")
    assert body.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert body.paragraph_format.line_spacing == Pt(22)
    assert body.paragraph_format.first_line_indent == Pt(32)
    run = body.runs[0]
    assert run.font.size == Pt(16)
    assert fonts(run) == ("Times New Roman", "仿宋_GB2312")


def test_headings_are_heiti_kaiti_and_bold_fangsong_by_level(report):
    first = paragraph_starting(report, "一、整改工作总体情况")
    second = paragraph_starting(report, "（一）贯彻落实党中央决策部署方面")
    third = paragraph_starting(report, "1.理论学习与工作实际结合不紧。")
    assert fonts(first.runs[0])[1] == "黑体"
    assert fonts(second.runs[0])[1] == "楷体_GB2312"
    assert fonts(third.runs[0])[1] == "仿宋_GB2312" and third.runs[0].font.bold
    # The rest of the third-level paragraph is body text.
    assert not third.runs[1].font.bold
    assert all(p.runs[0].font.size == Pt(16) for p in (first, second, third))


def test_a_font_table_names_east_asian_fallbacks_for_the_official_fonts():
    document = rectification_report(samples.ROUND, samples.FIGURES, [], samples.LEADER)
    package = docx.Document(io.BytesIO(to_docx(document)))
    table = next(r.target_part for r in package.part.rels.values() if "fontTable" in r.reltype)
    xml = table.blob.decode()
    for official, fallback in (
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
        ("方正小标宋简体", "宋体"),
        ("黑体", "SimHei"),
        ("宋体", "SimSun"),
    ):
        assert f'w:name="{official}"><w:altName w:val="{fallback}"/>' in xml


def test_page_numbers_are_dashed_songti_sihao_at_the_outer_edges(report):
    assert report.settings.odd_and_even_pages_header_footer
    section = report.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        xml = footer._p.xml
        assert "PAGE" in xml and footer.text.startswith("— ") and footer.text.endswith(" —")
        assert all(run.font.size == Pt(14) for run in footer.runs)
        assert {fonts(run) for run in footer.runs} == {("宋体", "宋体")}


def test_the_signature_sits_right_with_the_date_written_in_chinese(report):
    paragraphs = report.paragraphs
    assert [p.text for p in paragraphs[-3:]] == [
        "中共临江市委政法委员会",
        "主要负责人：周明",
        "2023年11月24日",
    ]
    date = paragraphs[-1]
    assert date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date.paragraph_format.right_indent == Pt(64)


def test_dates_have_no_leading_zeros():
    import datetime

    assert format_date(datetime.date(2024, 3, 5)) == "2024年3月5日"


def test_a_short_title_stays_on_one_line():
    assert title_lines("督办单") == ["督办单"]

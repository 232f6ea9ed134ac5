import pytest

from tests.reader.builders import FIXTURES, image_only_pdf
from tests.reader.reading import nodes
from zhenggai.reader import ReaderError, read_bytes, read_file


@pytest.fixture(scope="module")
def report():
    return read_file(FIXTURES / "progress_report.pdf")


def test_the_text_layer_gives_the_title_and_outline(report):
    assert report.format == "pdf"
    assert report.encoding is None
    assert report.title == "关于某区政法系统巡察整改进展情况的报告"
    assert [(n.level, n.marker, n.kind) for n in report.outline] == [
        (1, "一、", "progress"),
        (1, "二、", "measure"),
    ]
    assert len(report.outline[0].children) == 6
    assert [n.marker for n in report.outline[1].children] == ["一是", "二是", "三是"]


def test_lines_wrapped_by_the_layout_are_joined_into_their_paragraph(report):
    first = report.outline[0].children[0]
    assert first.text.startswith("关于矛盾纠纷排查化解不及时的问题。已在全区推行")
    assert first.text.endswith("整改已完成。")


def test_a_paragraph_running_over_a_page_break_stays_one_paragraph(report):
    fifth = report.outline[0].children[4]
    assert fifth.text.endswith("定期调度，逐月通报。")


def test_page_numbers_in_the_footer_are_removed_with_warnings(report):
    assert [w.text for w in report.warnings if w.code == "page_number"] == ["— 1 —", "— 2 —"]


def test_radical_lookalikes_from_the_pdf_font_are_replaced_and_reported(report):
    texts = " ".join(n.text for n in nodes(report))
    assert "⼯" not in texts and "工作" in texts
    assert "lookalike_characters" in {w.code for w in report.warnings}


def test_a_scanned_pdf_without_text_is_refused_with_a_chinese_message():
    with pytest.raises(ReaderError, match="没有文字层，可能是扫描件"):
        read_bytes(image_only_pdf(), "扫描件.pdf")


def test_a_broken_pdf_is_refused():
    with pytest.raises(ReaderError, match="PDF"):
        read_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50, "坏文件.pdf")

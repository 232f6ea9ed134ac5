from tests.reader.builders import FIXTURES, docx, p
from tests.reader.reading import read_text
from zhenggai.reader import read_bytes, read_file


def test_the_first_line_before_the_body_is_the_title():
    document = read_text("某区司法局发言提纲\n按照要求，现汇报如下：\n一、存在的问题\n")
    assert document.title == "某区司法局发言提纲"


def test_a_title_on_two_lines_is_joined_and_a_date_under_it_is_left_out():
    document = read_file(FIXTURES / "committee_speech.txt")
    assert document.title == "中共某市委政法委员会领导班子巡视整改专题民主生活会对照检查材料"


def test_a_document_that_starts_with_its_outline_has_no_title():
    assert read_text("一、存在的问题\n二、整改措施\n").title == ""


def test_a_word_title_style_gives_the_title():
    document = read_bytes(
        docx(p("正文之前的说明。"), p("关于整改情况的报告", style="Title"), p("一、总体情况")),
        "标题样式.docx",
    )
    assert document.title == "关于整改情况的报告"
    assert document.outline[0].title == "总体情况"

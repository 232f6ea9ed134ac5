import io

import docx as python_docx

from tests.reader.builders import docx, p, table
from tests.reader.reading import codes, nodes
from zhenggai.reader import read_bytes
from zhenggai.reader.docx_file import read_docx
from zhenggai.reader.limits import DEFAULT_LIMITS


def test_paragraphs_and_table_rows_come_in_document_order():
    paragraphs = read_docx(
        docx(p("一、问题清单"), table(["序号", "问题"], ["1", "学习不深"]), p("二、整改措施")),
        DEFAULT_LIMITS,
    ).paragraphs
    assert [(x.line, x.text) for x in paragraphs] == [
        (1, "一、问题清单"),
        (2, "序号\t问题"),
        (3, "1\t学习不深"),
        (4, "二、整改措施"),
    ]


def test_a_table_row_is_content_of_the_node_above_not_an_outline_item():
    document = read_bytes(
        docx(p("一、问题清单"), table(["1.", "学习不深"], ["2.", "作风不实"])), "表格.docx"
    )
    assert len(document.outline) == 1
    assert document.outline[0].text == "问题清单\n1.\t学习不深\n2.\t作风不实"


def test_a_one_cell_layout_table_reads_as_ordinary_paragraphs():
    document = read_bytes(docx(table(["一、存在的问题"], ["二、整改措施"])), "版式表格.docx")
    assert [node.marker for node in document.outline] == ["一、", "二、"]


def test_headings_made_with_word_heading_styles_are_headings():
    document = python_docx.Document()
    document.add_paragraph("某区法院巡察整改发言提纲")
    document.add_heading("存在的问题", level=1)
    document.add_paragraph("一是审判监督偏软。")
    document.add_heading("整改措施", level=1)
    document.add_paragraph("一是健全阅核制度。")
    data = io.BytesIO()
    document.save(data)
    parsed = read_bytes(data.getvalue(), "标题样式.docx")
    assert [(n.level, n.title, n.kind) for n in nodes(parsed)] == [
        (1, "存在的问题", "problem"),
        (2, "审判监督偏软", "problem"),
        (1, "整改措施", "measure"),
        (2, "健全阅核制度", "measure"),
    ]


def test_soft_line_breaks_separate_paragraphs_and_deleted_text_is_not_read():
    body = (
        "<w:p><w:r><w:t>一、存在的问题</w:t><w:br/><w:t>（一）学习不深。</w:t></w:r>"
        "<w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del></w:p>"
    )
    document = read_bytes(docx(body), "软回车.docx")
    assert [(n.marker, n.text) for n in nodes(document)] == [
        ("一、", "存在的问题"),
        ("（一）", "学习不深。"),
    ]


def test_empty_paragraphs_used_for_spacing_are_reported_as_a_run():
    document = read_bytes(docx(p("一、问题"), p(), p(), p(), p("二、措施")), "空段.docx")
    assert codes(document) == ["blank_lines"]

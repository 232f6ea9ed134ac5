"""A 整改方案 in Word carries its 整改任务清单 as a table: read into rows like an Excel ledger."""

import datetime

from tests.reader.builders import docx, p
from tests.reader.reading import codes
from zhenggai.reader import build_draft, read_bytes, to_contract

HEADER = ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "完成时限"]


def cell(text: str, *, merge: str | None = None, span: int = 1) -> str:
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    paragraphs = "".join(p(line) for line in text.split("\n")) or p()
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>"


def row(*cells: str) -> str:
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def plain(*texts: str) -> str:
    return row(*(cell(text) for text in texts))


def task_list() -> bytes:
    """The plan's task table: a category row across the table, a problem merged over two
    rows of measures, and a cell holding two numbered measures."""
    table = (
        "<w:tbl>"
        + "".join(
            [
                plain(*HEADER),
                row(cell("一、学习贯彻方面", span=6)),
                row(
                    cell("1", merge="restart"),
                    cell("理论学习流于形式", merge="restart"),
                    cell("制定中心组年度学习计划"),
                    cell("王某某", merge="restart"),
                    cell("局办公室"),
                    cell("2024年3月底"),
                ),
                row(
                    cell("", merge="continue"),
                    cell("", merge="continue"),
                    cell("每季度开展一次专题研讨"),
                    cell("", merge="continue"),
                    cell("局办公室"),
                    cell("长期坚持"),
                ),
                plain(
                    "2",
                    "基层调研次数偏少",
                    "1.班子成员每人每年蹲点调研不少于两次；2.建立调研成果转化清单",
                    "李某某",
                    "局机关党委",
                    "2024年6月30日",
                ),
            ]
        )
        + "</w:tbl>"
    )
    return docx(p("某局党组巡察反馈问题整改方案"), p("一、总体要求"), p("坚持问题导向。"), table)


def test_the_task_table_becomes_ledger_rows():
    document = read_bytes(task_list(), "整改方案.docx")
    assert [(r.category, r.problem, r.measure, r.lead_leader) for r in document.rows] == [
        ("学习贯彻方面", "理论学习流于形式", "制定中心组年度学习计划", "王某某"),
        ("学习贯彻方面", "理论学习流于形式", "每季度开展一次专题研讨", "王某某"),
        ("学习贯彻方面", "基层调研次数偏少", "班子成员每人每年蹲点调研不少于两次", "李某某"),
        ("学习贯彻方面", "基层调研次数偏少", "建立调研成果转化清单", "李某某"),
    ]
    assert document.rows[0].deadline == datetime.date(2024, 3, 31)
    assert document.rows[1].deadline_text == "长期坚持"


def test_the_paragraphs_around_the_table_still_make_the_outline():
    document = read_bytes(task_list(), "整改方案.docx")
    assert document.title == "某局党组巡察反馈问题整改方案"
    assert [node.title for node in document.outline] == ["总体要求"]


def test_the_contract_gives_the_rows_and_the_draft_reads_them_like_a_spreadsheets():
    document = read_bytes(task_list(), "整改方案.docx")
    assert to_contract(document)["rows"][2]["measure"] == "班子成员每人每年蹲点调研不少于两次"
    [category] = build_draft(document).categories
    assert [len(problem.measures) for problem in category.problems] == [2, 2]


def test_a_table_that_is_no_ledger_is_read_as_text_with_a_warning():
    table = (
        "<w:tbl>" + plain("姓名", "职务", "分工") + plain("王某某", "书记", "全面工作") + "</w:tbl>"
    )
    document = read_bytes(docx(p("领导班子分工"), p("一、分工"), table), "分工.docx")
    assert document.rows is None
    assert "table_not_ledger" in codes(document)
    assert document.outline[0].text.endswith("王某某\t书记\t全面工作")


def test_a_one_cell_layout_table_gives_no_warning():
    table = "<w:tbl>" + plain("一、存在的问题") + plain("二、整改措施") + "</w:tbl>"
    assert "table_not_ledger" not in codes(read_bytes(docx(table), "版式.docx"))

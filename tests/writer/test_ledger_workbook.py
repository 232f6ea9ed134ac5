"""The Excel ledger, opened with openpyxl: the offices' columns, a problem's cells merged over
its measures, the header frozen and filtered, A4 landscape one page wide with the header on
every page; and the mark that lets the same file come back for comparison."""

import datetime
import io

import openpyxl
import pytest

from zhenggai.writer import LedgerLine, LedgerSheet, read_mark, write_ledger
from zhenggai.writer.ledger import COLUMNS

SHEET = LedgerSheet(
    "省委第三巡视组反馈意见整改整改台账",
    "任务清单　导出时间：2023年11月24日",
    7,
    "view=measures&overdue=on",
    datetime.datetime(2023, 11, 24, 9, 30),
)


def line(problem_code, measure_code="", **more):
    return LedgerLine(
        problem_code=problem_code,
        category="贯彻落实党中央决策部署方面",
        problem=f"问题{problem_code}的描述。",
        lead_leader="周明",
        measure_code=measure_code,
        measure=f"措施{measure_code}" if measure_code else "",
        lead_unit="市中级人民法院" if measure_code else "",
        **more,
    )


LINES = [
    line("1-1", "1-1.1", deadline=datetime.date(2023, 12, 31), status="整改中"),
    line("1-1", "1-1.2", deadline_text="长期坚持", status="长期坚持"),
    line("1-1", "1-1.3", cooperating_units="市公安局、市司法局"),
    line("1-2", "1-2.1"),
    line("1-3"),
]


@pytest.fixture(scope="module")
def written():
    out = io.BytesIO()
    rows = write_ledger(SHEET, iter(LINES), out)
    return rows, out.getvalue()


@pytest.fixture(scope="module")
def sheet(written):
    return openpyxl.load_workbook(io.BytesIO(written[1]))["整改台账"]


def test_every_line_is_a_row_under_the_offices_columns(written, sheet):
    assert written[0] == 5
    header = [cell.value for cell in sheet[3]]
    assert header == [name for name, _ in COLUMNS]
    assert header == [
        "序号", "问题类别", "问题描述", "整改措施", "责任领导",
        "责任单位", "配合单位", "完成时限", "原定完成时限", "整改状态", "进展情况",
    ]  # fmt: skip
    assert [sheet.cell(row, 1).value for row in range(4, 9)] == [
        "1-1.1", "1-1.2", "1-1.3", "1-2.1", "1-3",
    ]  # fmt: skip


def test_a_problems_cells_are_merged_over_its_measures(sheet):
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"B4:B6", "C4:C6", "E4:E6"} <= merged
    assert not any(r.startswith(("B7", "C7", "B8")) for r in merged)
    assert sheet["C4"].value == "问题1-1的描述。"


def test_the_title_spans_the_table_and_the_header_is_frozen_and_filtered(sheet):
    assert sheet["A1"].value == SHEET.title
    assert "A1:K1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == "A3:K8"


def test_it_prints_on_a4_landscape_one_page_wide_with_the_header_repeated(sheet):
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # One page wide is the file format's default, which XlsxWriter leaves unwritten.
    assert setup.fitToWidth in (None, 1)
    assert setup.fitToHeight == 0
    assert sheet.print_title_rows == "$3:$3"


def test_deadlines_are_dates_and_a_standing_measure_says_so(sheet):
    assert sheet["H4"].value == datetime.datetime(2023, 12, 31)
    assert sheet["H4"].number_format == 'yyyy"年"m"月"d"日"'
    assert sheet["H5"].value == "长期坚持"


def test_cells_are_set_in_fangsong_and_wrap(sheet):
    assert sheet["D4"].font.name == "仿宋_GB2312"
    assert sheet["D4"].alignment.wrap_text
    assert sheet["C3"].font.name == "黑体"


def test_the_mark_says_which_round_filters_and_measures_were_exported(written):
    mark = read_mark(written[1])
    assert mark.round_id == 7
    assert mark.filters == "view=measures&overdue=on"
    assert mark.codes == ("1-1.1", "1-1.2", "1-1.3", "1-2.1")


def test_a_workbook_from_elsewhere_carries_no_mark():
    book = openpyxl.Workbook()
    out = io.BytesIO()
    book.save(out)
    assert read_mark(out.getvalue()) is None
    assert read_mark(b"not a workbook") is None

import datetime
import io

import openpyxl
import pytest

from tests.reader.builders import ledger_workbook
from zhenggai.reader import ReaderError, read_bytes
from zhenggai.reader.columns import column_key
from zhenggai.reader.limits import Limits


@pytest.fixture(scope="module")
def ledger():
    return read_bytes(ledger_workbook(), "整改台账.xlsx")


def workbook(*rows: list, merges: tuple[str, ...] = ()) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for cells in merges:
        book.active.merge_cells(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_merged_title_row_above_the_header_is_the_title(ledger):
    assert ledger.format == "xlsx"
    assert ledger.title == "某区政法系统巡察反馈问题整改台账"
    assert ledger.outline == []


def test_a_problem_merged_over_its_measures_is_repeated_on_each_measure_row(ledger):
    first, second = ledger.rows[:2]
    assert (first.number, first.problem, first.measure) == (
        "1",
        "理论学习不够深入",
        "制定年度学习计划",
    )
    assert (second.number, second.problem, second.lead_leader) == (
        "1",
        "理论学习不够深入",
        "王某某",
    )
    assert second.measure == "每季度开展专题研讨"


def test_a_row_spanning_the_table_names_the_category_of_the_rows_below(ledger):
    assert [row.category for row in ledger.rows] == [
        "政治建设方面", "政治建设方面", "队伍建设方面", "队伍建设方面",
    ]  # fmt: skip


def test_deadlines_are_read_from_dates_and_from_chinese_text(ledger):
    assert [(row.deadline, row.deadline_text) for row in ledger.rows] == [
        (datetime.date(2024, 3, 31), "2024-03-31"),
        (None, "长期坚持"),
        (datetime.date(2024, 6, 30), "2024年6月底"),
        (datetime.date(2024, 3, 31), "2024年3月"),
    ]


def test_each_row_keeps_its_sheet_row_number_and_status(ledger):
    assert [(row.line, row.status) for row in ledger.rows] == [
        (4, "已完成"), (5, "推进中"), (7, "推进中"), (8, "未启动"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("序号", "number"),
        ("问题类别", "category"),
        ("方面", "category"),
        ("存在问题", "problem"),
        ("问题描述", "problem"),
        ("整改措施", "measure"),
        ("责任领导", "lead_leader"),
        ("牵头领导", "lead_leader"),
        ("责任单位\n（牵头）", "lead_unit"),
        ("牵头单位", "lead_unit"),
        ("配合单位", "cooperating_units"),
        ("整改完成时限", "deadline"),
        ("整改时限", "deadline"),
        ("整改状态", "status"),
        ("完成情况", "status"),
        ("进展情况", "progress"),
        ("备注", None),
    ],
)
def test_columns_are_found_by_their_usual_names_and_synonyms(header, key):
    assert column_key(header) == key


def test_a_two_row_header_adds_the_columns_named_in_its_second_row():
    data = workbook(
        ["序号", "问题", "整改措施", "责任主体", None, "完成时限"],
        [None, None, None, "责任领导", "责任单位", None],
        ["1", "学习不深", "制定计划", "张某某", "政法委", "2024年第一季度"],
        merges=("D1:E1", "A1:A2", "B1:B2", "C1:C2", "F1:F2"),
    )
    row = read_bytes(data, "双行表头.xlsx").rows[0]
    assert (row.lead_leader, row.lead_unit) == ("张某某", "政法委")
    assert row.deadline == datetime.date(2024, 3, 31)


def test_a_committed_deadline_beside_an_extended_one_is_never_read_as_the_deadline():
    data = workbook(
        ["问题", "整改措施", "责任单位", "原定完成时限", "完成时限"],
        ["甲", "乙", "丙", datetime.datetime(2024, 3, 31), datetime.datetime(2024, 5, 31)],
    )
    assert read_bytes(data, "延期.xlsx").rows[0].deadline == datetime.date(2024, 5, 31)


def test_a_deadline_typed_as_an_excel_serial_number_is_a_date():
    data = workbook(["问题", "整改措施", "责任单位", "完成时限"], ["甲", "乙", "丙", 45382])
    assert read_bytes(data, "序列号.xlsx").rows[0].deadline == datetime.date(2024, 3, 31)


def test_sheets_without_a_ledger_header_are_skipped_with_a_warning():
    book = openpyxl.Workbook()
    book.active.append(["填表说明：请按要求填写"])
    ledger_sheet = book.create_sheet("台账")
    ledger_sheet.append(["问题", "整改措施", "责任单位"])
    ledger_sheet.append(["学习不深", "制定计划", "政法委"])
    out = io.BytesIO()
    book.save(out)
    document = read_bytes(out.getvalue(), "多表.xlsx")
    assert len(document.rows) == 1
    assert [w.code for w in document.warnings] == ["sheet_skipped"]


def test_a_workbook_without_any_ledger_header_is_refused():
    with pytest.raises(ReaderError, match="没有在工作簿中找到整改台账的表头"):
        read_bytes(workbook(["姓名", "电话"], ["张三", "123"]), "通讯录.xlsx")


def test_placeholders_in_cells_are_reported_with_their_row():
    data = workbook(["问题", "整改措施", "责任单位"], ["学习不深", "XX月前制定计划", "×××"])
    warnings = read_bytes(data, "占位符.xlsx").warnings
    assert [(w.line, w.text) for w in warnings] == [(2, "XX"), (2, "×××")]


def test_rows_beyond_the_limit_are_left_out_with_a_warning():
    data = workbook(
        ["问题", "整改措施", "责任单位"], *[[f"问题{i}", "措施", "单位"] for i in range(6)]
    )
    document = read_bytes(data, "长表.xlsx", limits=Limits(max_sheet_rows=4))
    assert len(document.rows) == 3
    assert [w.code for w in document.warnings] == ["rows_truncated"]

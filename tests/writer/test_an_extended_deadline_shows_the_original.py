"""A measure whose deadline an approved extension moved keeps the committed date beside the
approved one in what the office hands out: the Excel ledger's 原定完成时限 column, the plan's
完成时限 and a sentence in the report."""

import dataclasses
import datetime
import io

import openpyxl

from tests.writer import samples
from zhenggai.writer import (
    LedgerLine,
    LedgerSheet,
    rectification_plan,
    rectification_report,
    write_ledger,
)
from zhenggai.writer.model import CategoryItem

COMMITTED = datetime.date(2023, 10, 31)
APPROVED = datetime.date(2024, 1, 31)
EXTENDED = dataclasses.replace(samples.TALKS, deadline=APPROVED, original_deadline=COMMITTED)
ROUND = [
    CategoryItem(
        1,
        "贯彻落实党中央决策部署方面",
        (dataclasses.replace(samples.DUTY_PROBLEM, measures=(EXTENDED, samples.READING)),),
    )
]


def test_the_excel_ledger_has_the_committed_date_in_its_own_column():
    lines = [
        LedgerLine(
            "1-1",
            "方面",
            "问题",
            "周明",
            "1-1.1",
            "措施甲",
            "市委政法委",
            deadline=APPROVED,
            original_deadline=COMMITTED,
        ),
        LedgerLine(
            "1-1", "方面", "问题", "周明", "1-1.2", "措施乙", "市委政法委", deadline=COMMITTED
        ),
    ]
    out = io.BytesIO()
    write_ledger(LedgerSheet("台账", "", 1, "", datetime.datetime(2024, 2, 1)), iter(lines), out)
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["整改台账"]
    header = [cell.value for cell in sheet[3]]
    deadline, original = header.index("完成时限") + 1, header.index("原定完成时限") + 1
    assert original == deadline + 1
    assert sheet.cell(4, deadline).value == datetime.datetime(2024, 1, 31)
    assert sheet.cell(4, original).value == datetime.datetime(2023, 10, 31)
    assert sheet.cell(4, original).number_format == 'yyyy"年"m"月"d"日"'
    assert sheet.cell(5, original).value in (None, "")


def texts(document) -> str:
    return "\n".join(block.text for block in document.blocks)


def test_the_plan_says_the_committed_date_beside_the_approved_one():
    plan = texts(rectification_plan(samples.ROUND, ROUND))
    assert "完成时限：2024年1月31日（原定2023年10月31日，经批准延期）" in plan
    # A measure never extended says its deadline alone.
    assert "完成时限：长期坚持）" in plan


def test_the_report_says_the_extension_was_approved():
    report = texts(rectification_report(samples.ROUND, samples.FIGURES, ROUND, samples.LEADER))
    assert "经批准，完成时限由原定2023年10月31日延至2024年1月31日。" in report
    assert report.count("经批准") == 1

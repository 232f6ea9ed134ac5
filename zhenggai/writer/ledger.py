"""The Excel ledger (整改台账): one row per measure in the columns offices use, a problem's
cells merged across its measures, the header frozen and filtered, set for A4 landscape with
the header repeated on every page.

Written with XlsxWriter in constant_memory mode: each row goes to disk as it is written and
only one problem's measures are held at a time, so 100,000 measures take the memory of a
few. (bench/bench_documents.py measures it against openpyxl's write-only mode.)

A hidden sheet 导出信息 records what was exported (round, filters, time, the measures' codes),
so that the same file edited and brought back is compared with exactly those measures."""

import datetime
import io
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import BinaryIO

import openpyxl
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

COLUMNS: tuple[tuple[str, int], ...] = (
    ("序号", 9),
    ("问题类别", 14),
    ("问题描述", 40),
    ("整改措施", 44),
    ("责任领导", 10),
    ("责任单位", 16),
    ("配合单位", 16),
    ("完成时限", 14),
    # Kept once an extension is approved, so that the reader sees what was committed.
    ("原定完成时限", 14),
    ("整改状态", 11),
    ("进展情况", 36),
)
# The problem's columns: merged over the rows of its measures; the measure's own; centred.
MERGED = (1, 2, 4)
OWN = tuple(col for col in range(len(COLUMNS)) if col not in MERGED)
CENTERED = (0, 4, 9)
TITLE_ROW, NOTE_ROW, HEADER_ROW = 0, 1, 2
MARK_SHEET = "导出信息"
MARK_KEYS = {"round": "轮次编号", "filters": "筛选条件", "exported_at": "导出时间"}
_CODES_KEY = "措施编号"
_CODES_PER_CELL = 2000
_FONT = {"font_name": "仿宋_GB2312", "font_charset": 134}
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
LINE_HEIGHT = 14.5  # points, for 11 pt text


@dataclass(frozen=True)
class LedgerSheet:
    title: str
    # One line under the title: the view, its filters, when it was exported.
    note: str
    round_id: int
    filters: str
    exported_at: datetime.datetime


@dataclass(frozen=True)
class LedgerLine:
    """One measure with its problem; a problem without measures has empty measure fields."""

    problem_code: str
    category: str
    problem: str
    lead_leader: str
    measure_code: str = ""
    measure: str = ""
    lead_unit: str = ""
    cooperating_units: str = ""
    deadline: datetime.date | None = None
    # What the deadline cell says when there is no date: 长期坚持.
    deadline_text: str = ""
    # The committed deadline of a measure whose deadline an approved extension moved.
    original_deadline: datetime.date | None = None
    status: str = ""
    progress: str = ""


@dataclass(frozen=True)
class ExportMark:
    round_id: int
    filters: str
    exported_at: str
    codes: tuple[str, ...]


def write_ledger(sheet: LedgerSheet, lines: Iterable[LedgerLine], out: str | BinaryIO) -> int:
    """Writes the workbook to a path or binary stream; returns the number of measure rows.
    Lines of one problem must come together (they are merged as they come)."""
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False})
    book.set_properties({"title": sheet.title, "comments": "整改系统导出"})
    formats = _formats(book)
    worksheet = book.add_worksheet("整改台账")
    _setup(worksheet, sheet, formats)
    row = HEADER_ROW + 1
    codes: list[str] = []
    for _, group in groupby(lines, key=lambda line: line.problem_code):
        problem_lines = list(group)
        _write_group(worksheet, row, problem_lines, formats)
        codes += [line.measure_code for line in problem_lines if line.measure_code]
        row += len(problem_lines)
    last = max(row - 1, HEADER_ROW)
    worksheet.autofilter(HEADER_ROW, 0, last, len(COLUMNS) - 1)
    _write_mark(book, sheet, codes)
    book.close()
    return row - HEADER_ROW - 1


def _formats(book: xlsxwriter.Workbook) -> dict:
    cell = {**_FONT, "font_size": 11, "text_wrap": True, "valign": "vcenter", "border": 1}
    return {
        "title": book.add_format(
            {"font_name": "方正小标宋简体", "font_charset": 134, "font_size": 18}
            | {"align": "center", "valign": "vcenter"}
        ),
        "note": book.add_format({**_FONT, "font_size": 10, "align": "left", "valign": "vcenter"}),
        "header": book.add_format(
            {"font_name": "黑体", "font_charset": 134, "font_size": 11, "bold": True}
            | {"align": "center", "valign": "vcenter", "border": 1, "text_wrap": True}
            | {"bg_color": "#D9D9D9"}
        ),
        "cell": book.add_format(cell),
        "center": book.add_format({**cell, "align": "center"}),
        "date": book.add_format({**cell, "align": "center", "num_format": DATE_FORMAT}),
    }


def _setup(worksheet: Worksheet, sheet: LedgerSheet, formats: dict) -> None:
    for col, (_, width) in enumerate(COLUMNS):
        worksheet.set_column(col, col, width)
    last_col = len(COLUMNS) - 1
    worksheet.set_row(TITLE_ROW, 36)
    worksheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last_col, sheet.title, formats["title"])
    worksheet.merge_range(NOTE_ROW, 0, NOTE_ROW, last_col, sheet.note, formats["note"])
    worksheet.set_row(HEADER_ROW, 30)
    for col, (name, _) in enumerate(COLUMNS):
        worksheet.write_string(HEADER_ROW, col, name, formats["header"])
    worksheet.freeze_panes(HEADER_ROW + 1, 0)
    # A4 landscape, one page wide, the header row on every page, page numbers below.
    worksheet.set_landscape()
    worksheet.set_paper(9)
    worksheet.fit_to_pages(1, 0)
    worksheet.repeat_rows(HEADER_ROW)
    worksheet.center_horizontally()
    worksheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    worksheet.set_footer("&C第 &P 页，共 &N 页")


def _write_group(worksheet: Worksheet, first: int, lines: list[LedgerLine], formats) -> None:
    """One problem's rows. In constant_memory mode a row cannot be written to once the next
    has begun, so merge_range(), which writes the whole range at once, cannot be used: the
    first row carries the problem's values, the rows below formatted blanks, and the range is
    recorded for the <mergeCells> list that XlsxWriter writes at the end."""
    last = first + len(lines) - 1
    rows = [_values(line) for line in lines]
    for offset, (values, height) in enumerate(zip(rows, _heights(rows), strict=True)):
        row = first + offset
        worksheet.set_row(row, height)
        for col, value in enumerate(values):
            style = formats["center"] if col in CENTERED else formats["cell"]
            if col in MERGED and offset:
                worksheet.write_blank(row, col, None, style)
            elif isinstance(value, datetime.date):
                worksheet.write_datetime(row, col, value, formats["date"])
            else:
                worksheet.write_string(row, col, value, style)
    if last > first:
        for col in MERGED:
            worksheet.merge.append([first, col, last, col])


def _heights(rows: list[list]) -> list[float]:
    """Row heights that show all the text: neither Excel nor LibreOffice fits a wrapped row
    on opening a file, and a merged problem's text must fit across its rows together."""
    own = [max(_lines(values[col], col) for col in OWN) for values in rows]
    merged = max(_lines(rows[0][col], col) for col in MERGED)
    short = merged - sum(own)
    if short > 0:
        own = [
            n + short // len(own) + (1 if i < short % len(own) else 0) for i, n in enumerate(own)
        ]
    return [max(n, 1) * LINE_HEIGHT + 4 for n in own]


def _lines(value, col: int) -> int:
    """How many lines a cell's text takes: a CJK character is about two of Excel's width units
    at 11 pt, a Latin letter or digit one."""
    if not isinstance(value, str) or not value:
        return 1
    width = COLUMNS[col][1] - 1
    if len(value) * 2 <= width and "\n" not in value:
        return 1  # one line, whatever its script
    total = 0
    for paragraph in value.splitlines() or [""]:
        # Two more UTF-8 bytes for each CJK character: one more width unit, counted in C.
        units = len(paragraph) + (len(paragraph.encode()) - len(paragraph)) // 2
        total += max(1, -(-units // width))
    return total


def _values(line: LedgerLine) -> list:
    return [
        line.measure_code or line.problem_code,
        line.category,
        line.problem,
        line.measure,
        line.lead_leader,
        line.lead_unit,
        line.cooperating_units,
        line.deadline if line.deadline else line.deadline_text,
        line.original_deadline or "",
        line.status,
        line.progress,
    ]


def _write_mark(book: xlsxwriter.Workbook, sheet: LedgerSheet, codes: list[str]) -> None:
    mark = book.add_worksheet(MARK_SHEET)
    mark.write_row(0, 0, ["本工作表由整改系统生成，用于比对修改后重新导入的台账，请勿改动。"])
    values = {
        "round": str(sheet.round_id),
        "filters": sheet.filters,
        "exported_at": sheet.exported_at.isoformat(timespec="seconds"),
    }
    for row, (key, label) in enumerate(MARK_KEYS.items(), 1):
        mark.write_row(row, 0, [label, values[key]])
    row = len(MARK_KEYS) + 1
    for start in range(0, len(codes), _CODES_PER_CELL):
        mark.write_row(row, 0, [_CODES_KEY, " ".join(codes[start : start + _CODES_PER_CELL])])
        row += 1
    mark.very_hidden()


def read_mark(data: bytes) -> ExportMark | None:
    """The 导出信息 sheet of a ledger zhenggai exported, or None for any other workbook."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # not a workbook openpyxl can open: certainly not ours
        return None
    try:
        if MARK_SHEET not in book.sheetnames:
            return None
        rows = book[MARK_SHEET].iter_rows(min_row=2, max_col=2, values_only=True)
        return _mark(rows)
    finally:
        book.close()


def _mark(rows: Iterator[tuple]) -> ExportMark | None:
    labels = {label: key for key, label in MARK_KEYS.items()}
    values: dict[str, str] = {}
    codes: list[str] = []
    for label, value in rows:
        if label == _CODES_KEY:
            codes += str(value or "").split()
        elif label in labels:
            values[labels[label]] = "" if value is None else str(value)
    try:
        round_id = int(values.get("round", ""))
    except ValueError:
        return None
    return ExportMark(
        round_id, values.get("filters", ""), values.get("exported_at", ""), tuple(codes)
    )

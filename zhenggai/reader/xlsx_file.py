"""Excel ledgers (.xlsx): the rows of a 整改台账, whatever the office called its columns.

Offices merge the cells of a problem over the rows of its measures and put a category in a
row of its own across the table; both are read as a person reads them."""

import datetime
import io
import warnings
from dataclasses import dataclass

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from zhenggai.reader.columns import find_header
from zhenggai.reader.dates import parse_deadline
from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import Limits
from zhenggai.reader.markers import recognize
from zhenggai.reader.model import LedgerRow, Paragraph, ReadWarning
from zhenggai.reader.ooxml import open_package
from zhenggai.reader.placeholders import find_placeholders

type Cell = object
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Serial numbers of 1955 … 2119: a deadline typed as a number without a date format.
_SERIALS = range(20_000, 80_000)


@dataclass
class Ledger:
    title: str
    rows: list[LedgerRow]
    warnings: list[ReadWarning]


@dataclass(frozen=True)
class _Sheet:
    name: str
    grid: list[list[Cell]]
    texts: list[list[str]]
    header: int
    columns: dict[str, int]


def read_xlsx(data: bytes, limits: Limits) -> Ledger:
    # Bombs are refused from the zip directory before openpyxl inflates anything.
    open_package(data, limits).close()
    workbook = _load(data)
    sheets, skipped = [], []
    for worksheet in workbook.worksheets:
        if not isinstance(worksheet, Worksheet):
            continue
        grid = _grid(worksheet, limits)
        texts = [[_text(value) for value in row] for row in grid]
        found = find_header(texts)
        if found:
            sheets.append(_Sheet(worksheet.title, grid, texts, *found))
        else:
            skipped.append(worksheet.title)
    if not sheets:
        raise ReaderError(
            "没有在工作簿中找到整改台账的表头。表头应包含“问题”“整改措施”“责任单位”“完成时限”等列。"
        )
    notes = [
        ReadWarning("sheet_skipped", f"工作表“{name}”没有台账表头，未读取", None, name)
        for name in skipped
    ]
    rows = [row for sheet in sheets for row in _rows(sheet, sheet.name if len(sheets) > 1 else "")]
    lines = [Paragraph("\t".join(_row_texts(row)), row.line) for row in rows]
    return Ledger(_title(sheets[0]), rows, notes + find_placeholders(lines))


def _load(data: bytes) -> openpyxl.Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    # openpyxl raises many unrelated types on a broken workbook.
    except Exception as error:
        raise ReaderError("Excel 文件已损坏或格式不受支持，无法读取。") from error


def _grid(worksheet: Worksheet, limits: Limits) -> list[list[Cell]]:
    last_row = min(worksheet.max_row, limits.max_sheet_rows)
    last_col = min(worksheet.max_column, limits.max_sheet_columns)
    grid = [
        list(row)
        for row in worksheet.iter_rows(max_row=last_row, max_col=last_col, values_only=True)
    ]
    for merged in worksheet.merged_cells.ranges:
        if merged.min_row > last_row or merged.min_col > last_col:
            continue
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, min(merged.max_row, last_row)):
            for c in range(merged.min_col - 1, min(merged.max_col, last_col)):
                grid[r][c] = value
    return grid


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _title(sheet: _Sheet) -> str:
    for row in sheet.texts[: sheet.header]:
        distinct = {text for text in row if text}
        if len(distinct) == 1:
            return distinct.pop()
    return ""


def _rows(sheet: _Sheet, sheet_category: str) -> list[LedgerRow]:
    columns = sheet.columns
    rows: list[LedgerRow] = []
    category = sheet_category
    for index in range(sheet.header + 1, len(sheet.texts)):
        texts = sheet.texts[index]
        section = _section_title(texts, columns)
        if section is not None:
            category = section
            continue
        cells = {key: texts[col] if col < len(texts) else "" for key, col in columns.items()}
        if not cells.get("problem") and not cells.get("measure"):
            continue
        previous = rows[-1] if rows else None
        # A problem written once above the measures that follow it, without merging.
        if not cells.get("problem") and previous:
            cells["problem"], cells["number"] = previous.problem, previous.number
        deadline, deadline_text = _deadline(sheet.grid[index], columns)
        rows.append(
            LedgerRow(
                line=index + 1,
                number=cells.get("number", ""),
                category=cells.get("category") or category,
                problem=cells.get("problem", ""),
                measure=cells.get("measure", ""),
                lead_leader=cells.get("lead_leader", ""),
                lead_unit=cells.get("lead_unit", ""),
                cooperating_units=cells.get("cooperating_units", ""),
                deadline=deadline,
                deadline_text=deadline_text,
                status=cells.get("status", ""),
                progress=cells.get("progress", ""),
            )
        )
    return rows


def _section_title(texts: list[str], columns: dict[str, int]) -> str | None:
    """A row that only names a category: one text, spread across the row or in the first
    columns ("一、贯彻落实党中央决策部署方面")."""
    filled = [(col, text) for col, text in enumerate(texts) if text]
    if not filled or len({text for _, text in filled}) != 1:
        return None
    first_columns = {columns.get("number", 0), columns.get("category", 0), 0}
    if len(filled) < 2 and filled[0][0] not in first_columns:
        return None
    text = filled[0][1]
    if text.isdigit():
        return None
    found = recognize(text)
    return text[found.end :].strip() if found else text


def _deadline(row: list[Cell], columns: dict[str, int]) -> tuple[datetime.date | None, str]:
    col = columns.get("deadline")
    value = row[col] if col is not None and col < len(row) else None
    if isinstance(value, datetime.datetime):
        return value.date(), value.date().isoformat()
    if isinstance(value, datetime.date):
        return value, value.isoformat()
    if isinstance(value, int | float) and int(value) in _SERIALS:
        day = _EXCEL_EPOCH + datetime.timedelta(days=int(value))
        return day, day.isoformat()
    text = _text(value)
    return parse_deadline(text).date, text


def _row_texts(row: LedgerRow) -> list[str]:
    return [value for value in vars(row).values() if isinstance(value, str)]

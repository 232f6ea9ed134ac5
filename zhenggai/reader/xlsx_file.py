"""Excel ledgers (.xlsx): the rows of a 整改台账, whatever the office called its columns.

Offices merge the cells of a problem over the rows of its measures and put a category in a
row of its own across the table; both are read as a person reads them (columns.py, which
Word tables share)."""

import datetime
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Protocol

import openpyxl
from openpyxl.chartsheet import Chartsheet
from openpyxl.utils.cell import range_boundaries

from zhenggai.reader.columns import find_header, ledger_rows
from zhenggai.reader.dates import parse_deadline
from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import Limits
from zhenggai.reader.model import LedgerRow, Paragraph, ReadWarning
from zhenggai.reader.ooxml import main_part, open_package, parse_xml, read_part, targets_by_id
from zhenggai.reader.placeholders import find_placeholders

type Cell = object
type Ranges = list[tuple[int, int, int, int]]
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})\"")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_BROKEN = "Excel 文件已损坏或格式不受支持，无法读取。"
# Serial numbers of 1955 … 2119: a deadline typed as a number without a date format.
_SERIALS = range(20_000, 80_000)


class _Sheetlike(Protocol):
    """What the reader uses of openpyxl's read-only worksheet."""

    title: str

    def iter_rows(self, *, max_col: int, values_only: bool) -> Iterator[tuple[Cell, ...]]: ...


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
    with open_package(data, limits) as package:
        merges = _merged_ranges(package)
    workbook = _load(data)
    sheets, skipped, cut = [], [], []
    try:
        for worksheet in workbook.worksheets:
            if isinstance(worksheet, Chartsheet):
                continue
            grid = _grid(worksheet, merges.get(worksheet.title, []), limits)
            if len(grid) > limits.max_sheet_rows:
                cut.append(worksheet.title)
                del grid[limits.max_sheet_rows :]
            texts = [[_text(value) for value in row] for row in grid]
            found = find_header(texts)
            if found:
                sheets.append(_Sheet(worksheet.title, grid, texts, *found))
            else:
                skipped.append(worksheet.title)
    finally:
        workbook.close()
    if not sheets:
        raise ReaderError(
            "没有在工作簿中找到整改台账的表头。表头应包含“问题”“整改措施”“责任单位”“完成时限”等列。"
        )
    notes = [
        ReadWarning("sheet_skipped", f"工作表“{name}”没有台账表头，未读取", None, name)
        for name in skipped
    ] + [
        ReadWarning(
            "rows_truncated",
            f"工作表“{name}”超过 {limits.max_sheet_rows} 行，其后的行未读取",
            None,
            name,
        )
        for name in cut
    ]
    rows = [
        row
        for sheet in sheets
        for row in ledger_rows(
            sheet.texts,
            sheet.header,
            sheet.columns,
            category=sheet.name if len(sheets) > 1 else "",
            deadline=partial(_sheet_deadline, sheet),
        )
    ]
    lines = [Paragraph("\t".join(_row_texts(row)), row.line) for row in rows]
    unfilled = find_placeholders(lines, limits.max_warnings_per_code)
    return Ledger(_title(sheets[0]), rows, notes + unfilled)


def _load(data: bytes) -> openpyxl.Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # openpyxl raises many unrelated types on a broken workbook.
    except Exception as error:
        raise ReaderError(_BROKEN) from error


def _merged_ranges(package: zipfile.ZipFile) -> dict[str, Ranges]:
    """Each sheet's merged cells, by sheet name. openpyxl's read-only mode, the only fast
    one for a large ledger, does not give them, so they are read from the sheet's XML."""
    book = main_part(package, "xl/workbook.xml")
    workbook_xml = read_part(package, book)
    if workbook_xml is None:
        raise ReaderError(_BROKEN)
    parts = targets_by_id(package, book)
    merges = {}
    for sheet in parse_xml(workbook_xml).iter(_SHEET):
        xml = read_part(package, parts.get(sheet.get(_REL_ID, ""), ""))
        found = _MERGE.findall(xml) if xml else []
        merges[sheet.get("name", "")] = [_boundaries(ref.decode()) for ref in found]
    return merges


def _boundaries(ref: str) -> tuple[int, int, int, int]:
    """(min_col, min_row, max_col, max_row); an impossible range comes out empty."""
    try:
        return range_boundaries(ref)
    except ValueError:
        return (1, 1, 0, 0)


def _grid(worksheet: _Sheetlike, merges: Ranges, limits: Limits) -> list[list[Cell]]:
    width = limits.max_sheet_columns
    try:
        rows = worksheet.iter_rows(max_col=width, values_only=True)
        # One row more than the limit tells that rows were cut.
        grid = [list(row) for row in islice(rows, limits.max_sheet_rows + 1)]
    # openpyxl reads rows lazily, so a broken sheet shows only here, in many types.
    except Exception as error:
        raise ReaderError(_BROKEN) from error
    # A merged range shows its first cell's value over the whole range. Real merges never
    # overlap, so together they cover the grid at most once; more is a hostile file.
    budget = len(grid) * width
    for min_col, min_row, max_col, max_row in merges:
        last_row, last_col = min(max_row, len(grid)), min(max_col, width)
        budget -= max(0, last_row - min_row + 1) * max(0, last_col - min_col + 1)
        if budget < 0:
            break
        if min_row < 1 or min_col < 1 or min_row > last_row or min_col > last_col:
            continue
        value = _at(grid, min_row - 1, min_col - 1)
        for r in range(min_row - 1, last_row):
            row = grid[r]
            row.extend([None] * (last_col - len(row)))
            row[min_col - 1 : last_col] = [value] * (last_col - min_col + 1)
    return grid


def _at(grid: list[list[Cell]], row: int, col: int) -> Cell:
    return grid[row][col] if col < len(grid[row]) else None


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


def _sheet_deadline(sheet: _Sheet, index: int) -> tuple[datetime.date | None, str]:
    return _deadline(sheet.grid[index], sheet.columns)


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

"""Ledger columns by their usual names and synonyms, the header row that holds them, and the
rows below it: what an Excel ledger and a Word table of 整改任务 have in common."""

import datetime
import re
from collections.abc import Callable

from zhenggai.reader.dates import parse_deadline
from zhenggai.reader.inline import split_inline
from zhenggai.reader.markers import recognize
from zhenggai.reader.model import LedgerRow

type Deadline = tuple[datetime.date | None, str]

# Exact names first; otherwise the longest name the header contains decides.
COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "问题编号"),
    "category": ("问题类别", "问题类型", "类别", "方面", "所属方面", "问题分类", "领域"),
    "problem": (
        "问题", "问题描述", "存在问题", "存在的问题", "反馈问题", "问题内容", "问题表现",
        "具体问题", "主要问题", "问题清单", "具体表现",
    ),
    "measure": ("整改措施", "措施", "整改举措", "具体措施", "整改任务", "整改目标及措施"),
    "lead_leader": ("责任领导", "牵头领导", "分管领导", "包保领导", "领导"),
    "lead_unit": ("责任单位", "牵头单位", "责任部门", "牵头部门", "主责单位", "承办单位"),
    "cooperating_units": ("配合单位", "协办单位", "配合部门", "协同单位", "协助单位"),
    "deadline": ("完成时限", "整改时限", "完成时间", "时限", "整改期限", "完成期限"),
    # Beside an extended deadline (zhenggai's own export): read as its own column, never as the
    # deadline, and not carried into the rows.
    "original_deadline": ("原定完成时限", "原完成时限", "原定时限", "原时限"),
    "status": ("整改状态", "完成情况", "状态", "是否完成", "整改结果"),
    "progress": ("进展情况", "整改进展", "工作进展", "进度", "整改情况", "落实情况", "推进情况"),
}  # fmt: skip
_NAMES = sorted(
    ((name, key) for key, names in COLUMNS.items() for name in names),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_NOISE = re.compile(r"\s+|[（(][^)）]*[)）]|[：:*＊]")
# Header cells are short; a long cell is data even if it contains 问题.
_HEADER_MAX = 12
SEARCHED_ROWS = 30


def column_key(header: str) -> str | None:
    name = _NOISE.sub("", header)
    if not name or len(name) > _HEADER_MAX:
        return None
    for key, names in COLUMNS.items():
        if name in names:
            return key
    return next((key for synonym, key in _NAMES if synonym in name), None)


def find_header(grid: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The last header row and each known column's index. A second header row below the
    first (责任主体 over 责任领导 | 责任单位) adds the columns it names."""
    for index, row in enumerate(grid[:SEARCHED_ROWS]):
        columns = _columns(row)
        if len(columns) >= 3 and ("problem" in columns or "measure" in columns):
            below = grid[index + 1] if index + 1 < len(grid) else []
            # A row with one text across it is a category row, however it is worded.
            names = _columns(below) if len({cell for cell in below if cell}) > 1 else {}
            extra = {key: col for key, col in names.items() if key not in columns}
            if extra:
                return index + 1, columns | extra
            return index, columns
    return None


def _columns(row: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = column_key(cell)
        if key and key not in columns:
            columns[key] = index
    return columns


def ledger_rows(
    texts: list[list[str]],
    header: int,
    columns: dict[str, int],
    *,
    category: str = "",
    deadline: Callable[[int], Deadline] | None = None,
    lines: list[int] | None = None,
) -> list[LedgerRow]:
    """The rows under the header. A row naming only a category sets it for the rows below;
    a problem written once above its measures, or merged over them, holds for each; a cell
    holding numbered measures ("1.……；2.……") gives one row per measure. `deadline` reads
    a row's deadline from its typed cell; `lines` gives each row's place in the document."""
    rows: list[LedgerRow] = []
    for index in range(header + 1, len(texts)):
        row_texts = texts[index]
        section = _section_title(row_texts, columns)
        if section is not None:
            category = section
            continue
        cells = {
            key: row_texts[col] if col < len(row_texts) else "" for key, col in columns.items()
        }
        if not cells.get("problem") and not cells.get("measure"):
            continue
        previous = rows[-1] if rows else None
        if not cells.get("problem") and previous:
            cells["problem"], cells["number"] = previous.problem, previous.number
        due, due_text = deadline(index) if deadline else _text_deadline(cells.get("deadline", ""))
        for measure in _measures(cells.get("measure", "")):
            rows.append(
                LedgerRow(
                    line=lines[index] if lines else index + 1,
                    number=cells.get("number", ""),
                    category=cells.get("category") or category,
                    problem=cells.get("problem", ""),
                    measure=measure,
                    lead_leader=cells.get("lead_leader", ""),
                    lead_unit=cells.get("lead_unit", ""),
                    cooperating_units=cells.get("cooperating_units", ""),
                    deadline=due,
                    deadline_text=due_text,
                    status=cells.get("status", ""),
                    progress=cells.get("progress", ""),
                )
            )
    return rows


def _text_deadline(text: str) -> Deadline:
    return parse_deadline(text).date, text


def _measures(cell: str) -> list[str]:
    """The measures a cell holds: several when they are numbered ("1.……；2.……")."""
    lead, items = split_inline(cell.replace("\n", "；"))
    found = [item.text for item in items if item.text and item.marker.family != "shi"]
    if len(found) < 2 or lead.strip(" ；;："):
        return [cell.strip()]
    return found


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

"""Ledger columns by their usual names and synonyms, and the header row that holds them."""

import re

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

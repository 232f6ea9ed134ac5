"""The reader's result as the `zhenggai parse` contract (JSON-ready) and as readable text."""

from typing import Any

from zhenggai.reader.genre import LABELS as GENRE_LABELS
from zhenggai.reader.model import LedgerRow, Node, ParsedDocument, ReadWarning, walk

KIND_LABELS = {
    "problem": "问题",
    "cause": "原因",
    "measure": "措施",
    "progress": "进展",
    "other": "其他",
}
ROW_KEYS = (
    "number",
    "category",
    "problem",
    "measure",
    "lead_leader",
    "lead_unit",
    "cooperating_units",
    "deadline",
    "deadline_text",
    "status",
    "progress",
)


def to_contract(document: ParsedDocument) -> dict[str, Any]:
    """file, format, encoding, title, genre and its evidence, warnings, outline, and rows
    for spreadsheets and Word ledgers only."""
    out: dict[str, Any] = {
        "file": document.file,
        "format": document.format,
        "encoding": document.encoding,
        "title": document.title,
        "genre": document.genre,
        "evidence": [_warning(warning) for warning in document.evidence],
        "warnings": [_warning(warning) for warning in document.warnings],
        "outline": [_node(node) for node in document.outline],
    }
    if document.rows is not None:
        out["rows"] = [_row(row) for row in document.rows]
    return out


def _warning(warning: ReadWarning) -> dict[str, Any]:
    return {
        "code": warning.code,
        "message": warning.message,
        "line": warning.line,
        "text": warning.text,
    }


def _node(node: Node) -> dict[str, Any]:
    # Depth is bounded by Limits.max_depth, so recursion is safe here.
    return {
        "marker": node.marker,
        "level": node.level,
        "kind": node.kind,
        "title": node.title,
        "text": node.text,
        "line": node.line,
        "children": [_node(child) for child in node.children],
    }


def _row(row: LedgerRow) -> dict[str, Any]:
    values = {key: getattr(row, key) for key in ROW_KEYS}
    values["deadline"] = row.deadline.isoformat() if row.deadline else None
    return values


def to_text(document: ParsedDocument) -> str:
    """An indented outline for a person at a terminal."""
    lines = [f"标题：{document.title or '（无）'}", f"格式：{document.format}"]
    lines.append(f"体裁：{GENRE_LABELS[document.genre]}")
    lines += [f"  依据：{reason.message}" for reason in document.evidence]
    if document.encoding:
        lines.append(f"编码：{document.encoding}")
    for warning in document.warnings:
        lines.append(f"⚠ {warning.message}")
    for node in walk(document.outline):
        indent = "  " * (node.level - 1)
        where = f"第 {node.line} 段"
        lines.append(f"{indent}{node.marker}{node.title}〔{KIND_LABELS[node.kind]}，{where}〕")
    for row in document.rows or []:
        deadline = row.deadline.isoformat() if row.deadline else row.deadline_text
        lines.append(f"第 {row.line} 行｜{row.category}｜{row.problem}｜{row.measure}｜{deadline}")
    return "\n".join(lines)

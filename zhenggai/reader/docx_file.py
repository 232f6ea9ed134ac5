"""Word (.docx): paragraphs and tables in document order, with Word's automatic numbers.

A table whose header names ledger columns (问题, 整改措施, 责任单位, 完成时限 …) is a ledger
kept in Word, as most 整改方案 carry their 整改任务清单: it is read into rows the way an
Excel ledger is (columns.py). Any other table is read as text, and a warning says so."""

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from xml.etree import ElementTree as ET

from zhenggai.reader.columns import find_header, ledger_rows
from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import Limits
from zhenggai.reader.model import LedgerRow, Paragraph, ReadWarning
from zhenggai.reader.numbering import Numbering
from zhenggai.reader.ooxml import (
    W,
    main_part,
    open_package,
    parse_xml,
    read_part,
    relationships,
    to_int,
    val,
)
from zhenggai.reader.styles import Styles, outline_level

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Wrappers whose content belongs to the flow around them.
_CONTAINERS = {f"{W}{tag}" for tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo")}
# Deleted text, field codes and text boxes are not what the page shows in its flow.
_SKIPPED = {f"{W}{tag}" for tag in ("del", "moveFrom", "instrText", "txbxContent", "pPr", "rPr")}
_SKIPPED.add(MC_FALLBACK)
_MAX_SPAN = 64
_TEXT_BOX_CONTENT = f"{W}txbxContent"
_CHARS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


@dataclass
class WordText:
    paragraphs: list[Paragraph] = field(default_factory=list)
    # None when no table is a ledger.
    rows: list[LedgerRow] | None = None
    warnings: list[ReadWarning] = field(default_factory=list)


def read_docx(data: bytes, limits: Limits) -> WordText:
    package = open_package(data, limits)
    main = main_part(package, "word/document.xml")
    raw = read_part(package, main)
    body = None if raw is None else parse_xml(raw).find(f"{W}body")
    if body is None:
        raise ReaderError("文件不是有效的 Word 文档（缺少正文部分）。")
    parts = relationships(package, main)
    styles_xml = read_part(package, parts.get("styles", ""))
    numbering_xml = read_part(package, parts.get("numbering", ""))
    return _Walker(
        Styles.parse(None if styles_xml is None else parse_xml(styles_xml)),
        Numbering.parse(None if numbering_xml is None else parse_xml(numbering_xml)),
    ).read(body)


class _Walker:
    def __init__(self, styles: Styles, numbering: Numbering):
        self._styles = styles
        self._numbering = numbering
        self._line = 0

    def read(self, body: ET.Element) -> WordText:
        out = WordText()
        for element in _blocks(body):
            if element.tag == f"{W}p":
                self._line += 1
                out.paragraphs.extend(self._paragraph(element))
                out.paragraphs.extend(self._text_boxes(element))
            else:
                self._table(element, out)
        return out

    def _table(self, table: ET.Element, out: WordText) -> None:
        rows: list[list[list[Paragraph]]] = []
        lines: list[int] = []
        for row in _own_rows(table):
            self._line += 1
            lines.append(self._line)
            rows.append(self._cells(row))
        texts = _grid(table, rows)
        found = find_header(texts)
        if found:
            read = ledger_rows(texts, *found, lines=lines)
            out.rows = (out.rows or []) + read
            return
        data_rows = sum(1 for row in texts if len({text for text in row if text}) > 1)
        if data_rows >= 2:
            line = lines[0]
            message = (
                f"第 {line} 段起的表格没有台账表头（问题、整改措施、责任单位、完成时限等），"
                "未作为台账读取，按正文读取"
            )
            out.warnings.append(ReadWarning("table_not_ledger", message, line, ""))
        for cells, line in zip(rows, lines, strict=True):
            out.paragraphs.extend(self._row(cells, line))

    def _cells(self, row: ET.Element) -> list[list[Paragraph]]:
        return [
            [p for piece in (self._paragraph(p) for p in cell.iter(f"{W}p")) for p in piece]
            for cell in row.findall(f"{W}tc")
        ]

    def _paragraph(self, p: ET.Element) -> list[Paragraph]:
        p_pr = p.find(f"{W}pPr")
        style = val(None if p_pr is None else p_pr.find(f"{W}pStyle")) or self._styles.default
        marker, level = self._list_marker(p_pr, style)
        heading = outline_level(p_pr) or self._styles.heading_level(style)
        is_title = self._styles.is_title(style)
        # Soft line breaks (Shift+Enter) separate what readers take for paragraphs.
        pieces = [piece.strip() for piece in paragraph_text(p).split("\n")]
        if marker:
            pieces[0] = marker + pieces[0]
        return [
            Paragraph(
                text=piece,
                line=self._line,
                heading_level=heading,
                list_marker=marker if i == 0 else None,
                list_level=level if i == 0 and marker else None,
                is_title=is_title,
            )
            for i, piece in enumerate(pieces)
        ]

    def _text_boxes(self, p: ET.Element) -> list[Paragraph]:
        """The paragraphs of text boxes anchored in a paragraph, after it. Word writes each
        box twice (DrawingML and, for old readers, VML under mc:Fallback): read it once."""
        out: list[Paragraph] = []
        for box in _boxes(p):
            for inner in box.iter(f"{W}p"):
                out.extend(piece for piece in self._paragraph(inner) if piece.text)
        return out

    def _list_marker(self, p_pr: ET.Element | None, style: str | None) -> tuple[str | None, int]:
        num_pr = None if p_pr is None else p_pr.find(f"{W}numPr")
        style_num, style_ilvl = self._styles.numbering(style)
        num_id, ilvl = style_num, style_ilvl
        if num_pr is not None:
            num_id = val(num_pr.find(f"{W}numId")) or style_num
            ilvl = to_int(val(num_pr.find(f"{W}ilvl")), style_ilvl)
        if num_id is None or num_id == "0":
            return None, 0
        level = ilvl or 0
        return self._numbering.number(num_id, level) or None, level + 1

    def _row(self, cells: list[list[Paragraph]], line: int) -> list[Paragraph]:
        filled = [cell for cell in cells if any(p.text for p in cell)]
        # A one-cell row is a layout table: its paragraphs are ordinary paragraphs.
        if len(filled) == 1:
            return [replace(p, line=line) for p in filled[0]]
        texts = [" ".join(p.text for p in cell if p.text) for cell in filled]
        return [Paragraph("\t".join(texts), line, table_row=True)] if texts else []


def _blocks(parent: ET.Element) -> Iterator[ET.Element]:
    """Body paragraphs and tables in document order. Nested tables stay inside their cell."""
    stack = [iter(parent)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag in (f"{W}p", f"{W}tbl"):
            yield element
        elif element.tag in _CONTAINERS:
            stack.append(iter(element))


def _boxes(p: ET.Element) -> Iterator[ET.Element]:
    if next(p.iter(_TEXT_BOX_CONTENT), None) is None:
        return
    stack = [iter(p)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == _TEXT_BOX_CONTENT:
            yield element
        elif element.tag != MC_FALLBACK:
            stack.append(iter(element))


def _own_rows(table: ET.Element) -> Iterator[ET.Element]:
    """The table's own rows, not those of a table nested in one of its cells."""
    stack = [iter(table)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == f"{W}tr":
            yield element
        elif element.tag in _CONTAINERS:
            stack.append(iter(element))


def _grid(table: ET.Element, rows: list[list[list[Paragraph]]]) -> list[list[str]]:
    """Each row's cell texts by grid column: a cell spanning columns (gridSpan) fills them
    all, and a cell merged with the one above (vMerge) shows that cell's text."""
    grid: list[list[str]] = []
    for row, cells in zip(_own_rows(table), rows, strict=True):
        texts: list[str] = []
        for cell, paragraphs in zip(row.findall(f"{W}tc"), cells, strict=True):
            props = cell.find(f"{W}tcPr")
            span = to_int(val(None if props is None else props.find(f"{W}gridSpan")), 1)
            merge = None if props is None else props.find(f"{W}vMerge")
            text = "\n".join(p.text for p in paragraphs if p.text)
            column = len(texts)
            if merge is not None and val(merge) != "restart" and grid:
                above = grid[-1]
                text = above[column] if column < len(above) else text
            texts.extend([text] * max(1, min(span, _MAX_SPAN)))
        grid.append(texts)
    return grid


def paragraph_text(p: ET.Element) -> str:
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == f"{W}t":
            parts.append(element.text or "")
        elif element.tag in _CHARS:
            parts.append(_CHARS[element.tag])
        elif element.tag not in _SKIPPED and len(element):
            stack.append(iter(element))
    return "".join(parts)

"""Word (.docx): paragraphs and tables in document order, with Word's automatic numbers."""

from collections.abc import Iterator
from xml.etree import ElementTree as ET

from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import Limits
from zhenggai.reader.model import Paragraph
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
_CHARS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def read_docx(data: bytes, limits: Limits) -> list[Paragraph]:
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

    def read(self, body: ET.Element) -> list[Paragraph]:
        out: list[Paragraph] = []
        for element in _blocks(body):
            self._line += 1
            if element.tag == f"{W}p":
                out.extend(self._paragraph(element))
            else:
                out.extend(self._row(element))
        return out

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

    def _row(self, row: ET.Element) -> list[Paragraph]:
        cells = [
            [p for piece in (self._paragraph(p) for p in cell.iter(f"{W}p")) for p in piece]
            for cell in row.findall(f"{W}tc")
        ]
        filled = [cell for cell in cells if any(p.text for p in cell)]
        # A one-cell row is a layout table: its paragraphs are ordinary paragraphs.
        if len(filled) == 1:
            return filled[0]
        texts = [" ".join(p.text for p in cell if p.text) for cell in filled]
        return [Paragraph("\t".join(texts), self._line, table_row=True)] if texts else []


def _blocks(parent: ET.Element) -> Iterator[ET.Element]:
    """Body paragraphs and table rows in document order. Nested tables stay inside their row."""
    stack = [iter(parent)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag in (f"{W}p", f"{W}tr"):
            yield element
        elif element.tag == f"{W}tbl" or element.tag in _CONTAINERS:
            stack.append(iter(element))


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

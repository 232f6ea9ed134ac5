"""The document reader: a pure package that turns an uploaded document into a structured
outline (and a spreadsheet into ledger rows), plus a draft ledger built from it.

It imports nothing from Django or HTTP: plain functions over bytes and paths. Everything that
goes wrong comes out as ReaderError, with a message in Chinese.

    read_file(path) / read_bytes(data, filename) -> ParsedDocument
    build_draft(document) -> Draft
    to_contract(document) -> dict   (the `zhenggai parse --json` shape)
    to_text(document) -> str
    simplified(text) -> str         (a simplified-character copy, for matching)

`encoding` names the decoding chosen for plain text (utf-8, utf-8-sig, gbk, gb18030,
utf-16-le ...). It is None for docx, xlsx and pdf: those formats declare their own encoding
inside the container, so the reader chooses nothing there.
"""

from zhenggai.reader.chinese import simplified
from zhenggai.reader.draft import Draft, build_draft
from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import DEFAULT_LIMITS, Limits
from zhenggai.reader.model import LedgerRow, Node, ParsedDocument, ReadWarning
from zhenggai.reader.output import to_contract, to_text
from zhenggai.reader.read import read_bytes, read_file

__all__ = [
    "DEFAULT_LIMITS",
    "Draft",
    "LedgerRow",
    "Limits",
    "Node",
    "ParsedDocument",
    "ReadWarning",
    "ReaderError",
    "build_draft",
    "read_bytes",
    "read_file",
    "simplified",
    "to_contract",
    "to_text",
]

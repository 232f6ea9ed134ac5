"""Reading helpers for the reader's tests: each test states a document and reads it."""

from zhenggai.reader import ParsedDocument, read_bytes
from zhenggai.reader.model import Node, walk


def read_text(text: str, encoding: str = "utf-8", name: str = "文档.txt") -> ParsedDocument:
    return read_bytes(text.encode(encoding), name)


def outline_of(text: str) -> list[tuple[int, str, str]]:
    """(level, marker, title) of every node, in document order."""
    return [(node.level, node.marker, node.title) for node in walk(read_text(text).outline)]


def nodes(document: ParsedDocument) -> list[Node]:
    return list(walk(document.outline))


def codes(document: ParsedDocument) -> list[str]:
    return [warning.code for warning in document.warnings]

"""What the reader produces: paragraphs of a source, warnings, the outline tree, ledger rows."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

MeasureKind = Literal["immediate", "time_bound", "ongoing"]
Kind = Literal["problem", "cause", "measure", "progress", "other"]
Format = Literal["txt", "docx", "pdf", "xlsx"]
Genre = Literal["feedback", "plan", "speech", "progress", "self_examination", "other"]


# Not frozen, though never changed: a frozen dataclass is several times slower to make, and
# a text makes one for every line. Hashable all the same.
@dataclass(slots=True, unsafe_hash=True)
class Paragraph:
    """One paragraph of the source as a reader sees it. `line` is its 1-based position."""

    text: str
    line: int
    # From a Heading N / 标题 N style or an outline level: a heading even without a marker.
    heading_level: int | None = None
    # Word's automatic number as shown on screen; `text` already starts with it.
    list_marker: str | None = None
    list_level: int | None = None
    is_title: bool = False
    # A table row with several filled cells: content, never numbered structure.
    table_row: bool = False


@dataclass(frozen=True)
class ReadWarning:
    code: str
    message: str
    line: int | None
    text: str


@dataclass
class Node:
    marker: str
    family: str
    level: int
    line: int
    text: str
    title: str = ""
    kind: Kind = "other"
    children: list[Node] = field(default_factory=list)
    # The words that lead into a run inside a paragraph ("会议要求，"): they act as its heading.
    lead: str = ""


@dataclass(frozen=True)
class LedgerRow:
    line: int
    number: str = ""
    category: str = ""
    problem: str = ""
    measure: str = ""
    lead_leader: str = ""
    lead_unit: str = ""
    cooperating_units: str = ""
    deadline: datetime.date | None = None
    deadline_text: str = ""
    status: str = ""
    progress: str = ""


@dataclass
class ParsedDocument:
    file: str
    format: Format
    # The decoding chosen for plain text; None for docx, xlsx and pdf, which carry their own.
    encoding: str | None
    title: str
    warnings: list[ReadWarning]
    outline: list[Node]
    # Only for spreadsheets, and for Word documents whose table is a ledger.
    rows: list[LedgerRow] | None = None
    genre: Genre = "other"
    # The words that decided the genre, shaped as warnings so a page can show why.
    evidence: list[ReadWarning] = field(default_factory=list)


def walk(nodes: list[Node]) -> Iterator[Node]:
    """Every node, parents before children, in document order."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))

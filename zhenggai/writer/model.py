"""What the writer takes and what it makes: plain data about a round, and a document as a list
of blocks that the checks read and the official-format renderer sets."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

# title: 小标宋 二号; h1 黑体; h2 楷体; h3 仿宋 bold; body 仿宋; addressee flush left;
# signer and date: the signature block, right; note: 仿宋 with no indent (an attachment line).
Style = Literal[
    "title", "subtitle", "addressee", "h1", "h2", "h3", "body", "note", "signer", "date"
]
HEADINGS: tuple[Style, ...] = ("h1", "h2", "h3")


@dataclass(frozen=True)
class Block:
    style: Style
    text: str
    # How a warning names the place: "问题 1-2", "开头语", "二、原因剖析".
    where: str = ""
    # A heading run in front of the text, in the heading's font: "（一）在理论武装上存在差距。"
    lead: str = ""
    lead_style: Style = "h3"
    # Closing words and the signature: after every section, part of none.
    outside: bool = False


@dataclass(frozen=True)
class Finding:
    """Something to fix before a document goes out."""

    code: Literal["placeholder", "empty_section", "no_measures", "missing"]
    message: str


@dataclass
class Document:
    kind: str
    title: str
    blocks: list[Block]
    # Found while building: a problem without measures, nothing to list at all ...
    findings: list[Finding] = field(default_factory=list)
    # Left out on purpose (the public disclosure's withheld problems): shown, never a warning.
    omitted: list[str] = field(default_factory=list)


# The data documents are built from.


@dataclass(frozen=True)
class RoundInfo:
    name: str
    team: str
    organization: str
    feedback_date: datetime.date
    rectification_deadline: datetime.date | None
    report_deadline: datetime.date | None
    # Who signs (发文机关署名) and the date written under it (成文日期).
    issuer: str
    date: datetime.date
    # The word the fixed texts use for the inspection: 巡察 for a city or county committee's.
    inspection: str = "巡视"


@dataclass(frozen=True)
class MeasureItem:
    code: str
    text: str
    kind_label: str
    deadline: datetime.date | None
    lead_unit: str
    cooperating_units: tuple[str, ...] = ()
    # The committed deadline, kept once an approved extension moved `deadline`.
    original_deadline: datetime.date | None = None
    lead_leader: str = ""
    status_label: str = ""
    done: bool = False
    closed: bool = False
    # The latest progress report, and how the latest passing verification checked it.
    progress: str = ""
    verification: str = ""


@dataclass(frozen=True)
class ProblemItem:
    code: str
    text: str
    manifestations: str = ""
    lead_leader: str = ""
    lead_unit: str = ""
    status_label: str = ""
    closed: bool = False
    measures: tuple[MeasureItem, ...] = ()
    mechanisms: tuple[str, ...] = ()
    # Why the problem is left out of the public disclosure, "" when it is not.
    withheld: str = ""


@dataclass(frozen=True)
class CategoryItem:
    number: int
    title: str
    problems: tuple[ProblemItem, ...]


@dataclass(frozen=True)
class Figures:
    problems: int = 0
    problems_closed: int = 0
    measures: int = 0
    measures_done: int = 0
    measures_closed: int = 0
    measures_overdue: int = 0
    mechanisms: int = 0
    verifications_on_site: int = 0
    notices: int = 0
    reminders: int = 0
    escalations: int = 0


@dataclass(frozen=True)
class PersonInfo:
    name: str
    title: str = ""
    unit: str = ""


@dataclass(frozen=True)
class NoticeInfo:
    number: str
    unit: str
    content: str
    problems: tuple[str, ...]
    reply_deadline: datetime.date
    issued_on: datetime.date
    issuer: str

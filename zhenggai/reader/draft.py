"""A draft ledger from a read document, for a person to review before anything is saved.

From an outline: the problem section's second-level headings are categories and their items
problems (without such headings the section is one category); each item's first sentence is
the problem and the rest its manifestations; cause and measure sections give causes and
measures. From ledger rows: categories, problems and measures as the columns say."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from zhenggai.reader.dates import Deadline, find_deadline, parse_deadline
from zhenggai.reader.kinds import is_heading, names_section
from zhenggai.reader.model import Kind, LedgerRow, MeasureKind, Node, ParsedDocument
from zhenggai.reader.outline import title_of
from zhenggai.reader.units import KNOWN_UNITS, find_units, split_units

# Lines such as 责任单位：市法院 that a rectification plan writes under each problem.
_FIELD_NAMES = {
    **dict.fromkeys(("责任领导", "牵头领导", "分管领导"), "leader"),
    **dict.fromkeys(
        ("责任单位", "牵头单位", "责任部门", "牵头部门", "配合单位", "协办单位"), "units"
    ),
    **dict.fromkeys(("完成时限", "整改时限", "完成时间", "整改期限"), "deadline"),
}
_FIELD = re.compile(f"(?P<name>{'|'.join(_FIELD_NAMES)})\\s*[：:]\\s*(?P<value>.*)")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_DEFAULT_CATEGORY = "问题清单"


@dataclass
class DraftMeasure:
    text: str
    kind: MeasureKind | None
    deadline: datetime.date | None
    units: list[str]
    line: int | None


@dataclass
class DraftProblem:
    number: int
    text: str
    manifestations: list[str] = field(default_factory=list)
    measures: list[DraftMeasure] = field(default_factory=list)
    lead_leader: str = ""
    line: int | None = None


@dataclass
class DraftCategory:
    number: int
    title: str
    problems: list[DraftProblem] = field(default_factory=list)


@dataclass
class DraftCause:
    text: str
    line: int | None


@dataclass
class Draft:
    title: str
    categories: list[DraftCategory]
    causes: list[DraftCause]
    # Measures a speech states for all its problems together, not for one of them.
    measures: list[DraftMeasure]


def build_draft(document: ParsedDocument, units: tuple[str, ...] = KNOWN_UNITS) -> Draft:
    if document.rows is not None:
        return draft_from_rows(document.title, document.rows)
    return draft_from_outline(document.title, document.outline, units)


def draft_from_outline(
    title: str, outline: list[Node], units: tuple[str, ...] = KNOWN_UNITS
) -> Draft:
    groups = _problem_groups(outline)
    # What a category holds besides its problems (a feedback's 一要……二要……) is the
    # document's requirement for all of them.
    asked = [node for _, items in groups for node in items if node.kind == "measure"]
    groups = [(heading, [n for n in items if n.kind != "measure"]) for heading, items in groups]
    categories = [
        DraftCategory(number, heading, [_problem(n, i, units) for i, n in enumerate(items, 1)])
        for number, (heading, items) in enumerate(groups, 1)
        if items
    ]
    causes = [
        DraftCause(_content(node), node.line)
        for node in _leaves(_sections(outline, "cause"))
        if _content(node)
    ]
    stated = _leaves(_sections(outline, "measure")) + _leaves(asked)
    measures = [_measure(node, {}, units) for node in sorted(stated, key=lambda n: n.line)]
    return Draft(title, categories, causes, [m for m in measures if m.text])


def draft_from_rows(title: str, rows: list[LedgerRow]) -> Draft:
    categories: dict[str, DraftCategory] = {}
    for row in rows:
        name = row.category or title or _DEFAULT_CATEGORY
        category = categories.setdefault(name, DraftCategory(len(categories) + 1, name))
        problems = category.problems
        if not problems or problems[-1].text != row.problem:
            number = len(problems) + 1
            problems.append(
                DraftProblem(number, row.problem, lead_leader=row.lead_leader, line=row.line)
            )
        if row.measure:
            problems[-1].measures.append(_row_measure(row))
    return Draft(title, list(categories.values()), [], [])


def _sections(outline: list[Node], kind: Kind) -> list[Node]:
    return [node for node in outline if node.kind == kind]


def _named_sections(outline: list[Node], kind: Kind) -> list[Node]:
    return [node for node in outline if node.kind == kind and names_section(node)]


def _problem_groups(outline: list[Node]) -> list[tuple[str, list[Node]]]:
    sections = _named_sections(outline, "problem") or _named_sections(outline, "progress")
    if sections:
        return [group for section in sections for group in _groups(section) if group[1]]
    # A feedback document goes straight into its categories, without a 问题 section; its
    # genre made them problems, or nothing did.
    found = [n for n in outline if n.kind in ("problem", "other") and not names_section(n)]
    headings = [node for node in found if node.children]
    if headings:
        return [(node.title, node.children) for node in headings]
    return [(_DEFAULT_CATEGORY, found)] if found else []


def _groups(section: Node) -> list[tuple[str, list[Node]]]:
    children = section.children
    if children and all(is_heading(child) and child.children for child in children):
        return [(child.title, child.children) for child in children]
    return [(section.title, children)]


def _leaves(nodes: list[Node]) -> list[Node]:
    """The nodes that carry content: a heading with items below it only introduces them."""
    out: list[Node] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if node.children:
            stack.extend(reversed(node.children))
        else:
            out.append(node)
    return out


def _content(node: Node) -> str:
    """A node's own text for the draft: without 责任单位：… lines, without the label of a
    label line, and without a section heading, which only names what follows."""
    lines = [line for line in node.text.split("\n") if not _FIELD.match(line)]
    if node.level == 1 and is_heading(node):
        lines = lines[1:]
    text = "\n".join(lines).strip()
    if node.family == "label":
        text = re.split("[：:]", text, maxsplit=1)[-1].strip()
    return text


def _problem(node: Node, number: int, units: tuple[str, ...]) -> DraftProblem:
    fields = _fields(node)
    problem = DraftProblem(number, title_of(node.text), line=node.line)
    problem.lead_leader = fields.get("leader", "")
    own = "\n".join(line for line in node.text.split("\n") if not _FIELD.match(line))
    rest = own[len(problem.text) :].lstrip("。！？!? \n")
    sentences = (sentence.strip() for sentence in _SENTENCE.findall(rest))
    # "主要表现在：" only leads into the items below it.
    problem.manifestations = [s for s in sentences if s and not s.endswith(("：", ":"))]
    for child in node.children:
        if child.kind == "measure":
            problem.measures += [_measure(leaf, fields, units) for leaf in _leaves([child])]
        elif child.kind in ("problem", "other"):
            problem.manifestations += [_content(leaf) for leaf in _leaves([child])]
    return problem


def _fields(node: Node) -> dict[str, str]:
    """责任领导：… 责任单位：… 完成时限：… lines anywhere under a problem."""
    fields: dict[str, str] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        stack.extend(current.children)
        for line in current.text.split("\n"):
            match = _FIELD.match(line)
            if match:
                key, value = _FIELD_NAMES[match["name"]], match["value"].strip()
                joined = key == "units" and key in fields
                fields[key] = f"{fields[key]}、{value}" if joined else value
    return fields


def _measure(node: Node, fields: dict[str, str], units: tuple[str, ...]) -> DraftMeasure:
    text = _content(node)
    said = find_deadline(text)
    given = parse_deadline(fields.get("deadline", ""))
    deadline = Deadline(said.date or given.date, said.kind or given.kind)
    named = find_units(text, units) + split_units(fields.get("units", ""))
    return DraftMeasure(text, _kind(deadline), deadline.date, list(dict.fromkeys(named)), node.line)


def _row_measure(row: LedgerRow) -> DraftMeasure:
    said = parse_deadline(row.deadline_text)
    deadline = Deadline(row.deadline, said.kind or find_deadline(row.measure).kind)
    named = split_units(row.lead_unit) + split_units(row.cooperating_units)
    return DraftMeasure(row.measure, _kind(deadline), row.deadline, named, row.line)


def _kind(deadline: Deadline) -> MeasureKind | None:
    """As the document says it; a written deadline with no other word makes it time-bound."""
    return deadline.kind or ("time_bound" if deadline.date else None)

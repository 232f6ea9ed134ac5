"""The draft a person reviews, as the JSON kept in ImportBatch.draft:

    {"title": "…",
     "categories": [{"key": "c1", "accepted": true, "number": 1, "title": "…",
                     "target": "new" | <id of a category of the round>,
                     "problems": [PROBLEM, …]}],
     "measures": [MEASURE with "problem": "<key of a problem>" | ""],
     "causes": [{"key": "r1", "accepted": true, "line": 19, "text": "…"}]}

    PROBLEM = {"key": "p1", "accepted": true, "number": 1, "line": 5, "text": "…",
               "manifestations": "one per line", "lead_leader_text": "…",
               "lead_leader": <person id> | null, "lead_unit": <unit id> | null,
               "is_key": false, "measures": [MEASURE, …]}
    MEASURE = {"key": "m1", "accepted": true, "line": 23, "text": "…",
               "said_kind": what the document said | null, "kind": "" | Measure.Kind,
               "deadline": "2024-03-31" | "",
               "units": [{"name": "市法院", "unit": <id> | null}] (the names the text gave, the
               first the lead, and what each matched: what the review shows as 原文),
               "lead_unit": <unit id>, "cooperating_units": [<unit id>, …],
               "person_in_charge": <person id> | null}

Top-level "measures" are those a speech states for all its problems together; they reach the
ledger only when the person ties each to a problem. Causes stay in the batch (the ledger has
no model for them yet). Keys are unique within a draft and never change."""

from collections.abc import Iterator
from itertools import count

from zhenggai.importer.matching import RoundMatcher
from zhenggai.reader import Draft
from zhenggai.reader.draft import DraftMeasure, DraftProblem


def plain(value):
    """Text fit for a JSON column on any database: PostgreSQL refuses NUL in jsonb, and a
    lone surrogate cannot be encoded at all."""
    if isinstance(value, str):
        return value.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def new_draft(draft: Draft, matcher: RoundMatcher) -> dict:
    keys = {prefix: count(1) for prefix in "cpmr"}

    def key(prefix: str) -> str:
        return f"{prefix}{next(keys[prefix])}"

    def measure(found: DraftMeasure) -> dict:
        units = [{"name": name, "unit": matcher.unit_for(name)} for name in found.units]
        # A measure must have a lead unit: where the text names none (or none that matched),
        # the round's office leads until the person picks another.
        lead = (units[0]["unit"] if units else None) or matcher.round.office_id
        cooperating = [row["unit"] for row in units[1:] if row["unit"] not in (None, lead)]
        return {
            "key": key("m"),
            "accepted": True,
            "line": found.line,
            "text": found.text,
            "said_kind": found.kind,
            "kind": found.kind or "",
            "deadline": found.deadline.isoformat() if found.deadline else "",
            "units": units,
            "lead_unit": lead,
            "cooperating_units": list(dict.fromkeys(cooperating)),
            "person_in_charge": None,
        }

    def problem(found: DraftProblem) -> dict:
        return {
            "key": key("p"),
            "accepted": True,
            "number": found.number,
            "line": found.line,
            "text": found.text,
            "manifestations": "\n".join(found.manifestations),
            "lead_leader_text": found.lead_leader,
            "lead_leader": matcher.leader_for(found.lead_leader),
            "lead_unit": None,
            "is_key": False,
            "measures": [measure(m) for m in found.measures],
        }

    categories = [
        {
            "key": key("c"),
            "accepted": True,
            "number": category.number,
            "title": category.title,
            "target": matcher.category_for(category.title) or "new",
            "problems": [problem(p) for p in category.problems],
        }
        for category in draft.categories
    ]
    return plain(
        {
            "title": draft.title,
            "categories": categories,
            "measures": [measure(m) | {"problem": ""} for m in draft.measures],
            "causes": [
                {"key": key("r"), "accepted": True, "line": c.line, "text": c.text}
                for c in draft.causes
            ],
        }
    )


def problems(draft: dict) -> Iterator[tuple[dict, dict]]:
    """(category, problem) for every problem of the draft, in order."""
    for category in draft["categories"]:
        for problem in category["problems"]:
            yield category, problem


def items(draft: dict) -> Iterator[tuple[str, dict]]:
    """(kind, item) for everything a person can accept, drop or edit."""
    for category in draft["categories"]:
        yield "category", category
        for problem in category["problems"]:
            yield "problem", problem
            for measure in problem["measures"]:
                yield "measure", measure
    for measure in draft["measures"]:
        yield "speech_measure", measure
    for cause in draft["causes"]:
        yield "cause", cause


def find(draft: dict, key: str) -> tuple[str, dict]:
    for kind, item in items(draft):
        if item["key"] == key:
            return kind, item
    raise KeyError(key)


def code(category: dict, problem: dict) -> str:
    """The number a person sees in the draft, as in the ledger: 2-3."""
    return f"{category['number']}-{problem['number']}"


def short(text: str, length: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"


def summary(draft: dict) -> dict[str, int]:
    """How much the draft proposes, counting what is accepted."""
    accepted = [(kind, item) for kind, item in items(draft) if item["accepted"]]
    return {
        kind: sum(1 for k, _ in accepted if k == kind)
        for kind in ("category", "problem", "measure", "speech_measure", "cause")
    }

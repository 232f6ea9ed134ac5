"""What the review page shows: the source beside the draft, each draft item with its form."""

from dataclasses import dataclass, field

from zhenggai.importer import drafts, items
from zhenggai.importer.forms import Choices, ItemForm, item_form
from zhenggai.importer.models import ImportBatch

# Deeper source levels are indented as the sixth: a phone has no room for more.
MAX_INDENT = 6


@dataclass
class Entry:
    kind: str
    item: dict
    form: ItemForm
    missing: dict[str, str]
    code: str = ""
    children: list["Entry"] = field(default_factory=list)


def entry(kind: str, item: dict, choices: Choices, form: ItemForm | None = None, **extra):
    form = form or item_form(kind, item, choices)
    return Entry(kind, item, form, items.missing(kind, item), **extra)


def draft_entries(batch: ImportBatch, bound: ItemForm | None = None) -> dict:
    """Categories → problems → measures, the speech's own measures, and the causes; `bound`
    is a form just posted with errors, shown in place of its item's fresh form."""
    choices = Choices.for_batch(batch)

    def make(kind: str, item: dict, **extra) -> Entry:
        form = bound if bound is not None and bound.item["key"] == item["key"] else None
        return entry(kind, item, choices, form, **extra)

    draft = batch.draft
    categories = []
    for category in draft["categories"]:
        problems = [
            make(
                "problem",
                problem,
                code=drafts.code(category, problem),
                children=[make("measure", m) for m in problem["measures"]],
            )
            for problem in category["problems"]
        ]
        categories.append(make("category", category, children=problems))
    return {
        "categories": categories,
        "speech_measures": [make("speech_measure", m) for m in draft["measures"]],
        "causes": [make("cause", c) for c in draft["causes"]],
    }


def source_rows(batch: ImportBatch) -> tuple[list[dict], set[int]]:
    """The source rows, the first of each paragraph carrying its anchor (inline items share
    a paragraph), and the set of anchored lines so warnings link only where a row exists."""
    rows, anchors = [], set()
    for row in batch.source:
        rows.append(
            row | {"anchor": row["line"] not in anchors, "indent": min(row["level"], MAX_INDENT)}
        )
        anchors.add(row["line"])
    return rows, anchors


def warnings(batch: ImportBatch, anchors: set[int]) -> list[dict]:
    """The reader's warnings, each naming its paragraph once: where the message starts with
    “第 5 段” those words become the link to the source row, else the link goes before it."""
    shown = []
    for warning in batch.warnings:
        line, message = warning.get("line"), warning["message"]
        said = f"第 {line} 段"
        linked = line in anchors
        rest = message.removeprefix(said) if message.startswith(said) else f"：{message}"
        shown.append(warning | {"linked": linked, "rest": rest if linked else message})
    return shown


def kept(batch: ImportBatch) -> dict:
    """After applying: what stays in the batch only, not in the ledger."""
    return {
        "causes": [c for c in batch.draft["causes"] if c["accepted"]],
        "unattached": [m for m in batch.draft["measures"] if m["accepted"] and not m["problem"]],
    }

"""docs/roles.md states the field-authority table exactly as zhenggai.authority.fields holds
it: the table is rendered here from TABLE and ASK_INSTEAD and must stand in the page as it is,
so the two cannot drift. When this fails, paste the rendered table (in the message) into the
page."""

from pathlib import Path

from zhenggai.authority.fields import ASK_INSTEAD, COMMITMENTS, TABLE, Setter
from zhenggai.ledger.models import InspectionRound, Measure, Problem

DOC = Path(__file__).resolve().parents[2] / "docs" / "roles.md"
ITEMS = {"round": ("Round", InspectionRound), "problem": ("Problem", Problem)}
ITEMS["measure"] = ("Measure", Measure)
HEAD = (
    "| Item | Field | 中文 | Office (整改办 running the round) | The measure's lead unit "
    "| Leader, verifier, observer, cooperating unit, administrator |\n"
    "| --- | --- | --- | --- | --- | --- |\n"
)


def label(model, name: str) -> str:
    if name == "cooperating_units":
        return "配合单位"
    return str(model._meta.get_field(name).verbose_name)


def lead_unit_column(name: str, setters) -> str:
    if Setter.LEAD_UNIT in setters:
        return "sets"
    if name in ASK_INSTEAD:
        return f"asks: {ASK_INSTEAD[name]}"
    return "—"


def rendered() -> str:
    rows = []
    for kind, fields in TABLE.items():
        item, model = ITEMS[kind]
        for name, setters in fields.items():
            office = "sets" if Setter.OFFICE in setters else "—"
            if kind == "measure" and name in COMMITMENTS:
                office += f" (asks: {ASK_INSTEAD[name]}, where its own unit leads)"
            lead = lead_unit_column(name, setters) if kind == "measure" else "—"
            rows.append(f"| {item} | `{name}` | {label(model, name)} | {office} | {lead} | — |\n")
    return HEAD + "".join(rows)


def test_the_doc_states_the_table_as_the_policy_holds_it():
    table = rendered()
    assert table in DOC.read_text(encoding="utf-8"), "docs/roles.md should hold:\n" + table


def test_the_table_names_only_fields_that_exist():
    for kind, fields in TABLE.items():
        model = ITEMS[kind][1]
        for name in fields:
            model._meta.get_field(name)

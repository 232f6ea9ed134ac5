"""Field-level authority: who may set each field of a round, a problem and a measure, as one
table that anyone can read.

A ledger is a set of commitments the inspected organization made to the inspection, so the
unit that must do the work does not rewrite them. The office (整改办) that runs the round
sets every field. A measure's lead unit (a reporter for it, or an office of a tree that holds
it without running the round) only assigns its own person in charge, chosen from its own
tree; anything else it asks the office for, through an extension request (延期申请) for a
deadline or a change request (变更申请) for the text, kind or deliverable. Leaders, observers
and verifiers set nothing; a system administrator manages accounts and base data, not the
ledger.

The office too is answerable for a measure whose lead unit is its user's own unit or below it
(policy.answerable_for): there it keeps the office's column except the commitments
(COMMITMENTS: deadline, text, kind, deliverable), which it asks for like any lead unit, and
someone else decides (zhenggai.requests.policy.can_decide).

The domain services refuse a change of a field the user may not set (PermissionDenied with
the reason in Chinese, a 403 in the API); the forms show only the fields the user may set."""

from enum import StrEnum

from django.core.exceptions import PermissionDenied

from zhenggai.ledger import policy
from zhenggai.ledger.models import InspectionRound, Measure, Problem


class Setter(StrEnum):
    OFFICE = "office"  # runs the round (zhenggai.ledger.policy.supervises)
    LEAD_UNIT = "lead_unit"  # acts for the measure's lead unit (policy.acts_for) otherwise


OFFICE = frozenset({Setter.OFFICE})
OFFICE_AND_LEAD_UNIT = frozenset({Setter.OFFICE, Setter.LEAD_UNIT})

# Who may set each field. A field missing here is set by nobody through an edit.
TABLE: dict[str, dict[str, frozenset[Setter]]] = {
    "round": {
        "name": OFFICE,
        "kind": OFFICE,
        "team": OFFICE,
        "organization": OFFICE,
        "office": OFFICE,
        "visit_start": OFFICE,
        "visit_end": OFFICE,
        "feedback_date": OFFICE,
        "rectification_deadline": OFFICE,
        "report_deadline": OFFICE,
        "status": OFFICE,
        "rhythm_days": OFFICE,
        "rhythm_days_after": OFFICE,
        "due_soon_workdays": OFFICE,
        "onsite_required_for_key": OFFICE,
    },
    "problem": {
        "category": OFFICE,
        "number": OFFICE,
        "text": OFFICE,
        "manifestations": OFFICE,
        "source": OFFICE,
        "is_key": OFFICE,
        "lead_leader": OFFICE,
        "lead_unit": OFFICE,
    },
    "measure": {
        "number": OFFICE,
        "text": OFFICE,
        "kind": OFFICE,
        "deadline": OFFICE,
        "deliverable": OFFICE,
        "status": OFFICE,
        "lead_unit": OFFICE,
        "cooperating_units": OFFICE,
        "person_in_charge": OFFICE_AND_LEAD_UNIT,
    },
}

# What the lead unit asks for instead of changing a field it may not set.
ASK_INSTEAD = {
    "deadline": "延期申请",
    "text": "变更申请",
    "kind": "变更申请",
    "deliverable": "变更申请",
}
# The fields that state what the lead unit committed to: whoever answers for it asks.
COMMITMENTS = frozenset(ASK_INSTEAD)
NO_SETTER = "您在本轮没有修改台账的权限。"


def kind_of(obj) -> str:
    return {InspectionRound: "round", Problem: "problem", Measure: "measure"}[type(obj)]


def round_of(obj) -> InspectionRound:
    return obj if isinstance(obj, InspectionRound) else obj.round


def setters(user, obj) -> frozenset[Setter]:
    """As whom the user may set fields of this round, problem or measure."""
    round_ = round_of(obj)
    if policy.supervises(user, round_):
        return OFFICE
    if isinstance(obj, Measure) and policy.acts_for(user, obj.lead_unit, round_):
        return frozenset({Setter.LEAD_UNIT})
    return frozenset()


def editable_fields(user, obj) -> list[str]:
    """The fields of the object the user may set, in the table's order."""
    mine = setters(user, obj)
    names = [name for name, who in TABLE[kind_of(obj)].items() if who & mine]
    if _answerable_office(user, obj, mine):
        return [name for name in names if name not in COMMITMENTS]
    return names


def _answerable_office(user, obj, mine) -> bool:
    return Setter.OFFICE in mine and isinstance(obj, Measure) and policy.answerable_for(user, obj)


def refusal(user, obj, names) -> str | None:
    """Why the user may not set these fields of the object, or None when it may."""
    allowed = set(editable_fields(user, obj))
    refused = [name for name in names if name not in allowed]
    if not refused:
        return None
    if not allowed:
        return NO_SETTER
    labels = "、".join(f"“{_label(obj, name)}”" for name in refused)
    if _answerable_office(user, obj, setters(user, obj)):
        return (
            f"您不能修改{labels}：该措施由您所在单位（或其下级单位）牵头，这些是本单位向"
            f"{obj.round.inspection}作出的承诺，不能自行更改。"
            f"{_advice(obj, refused, OTHERS_DECIDE)}"
        )
    return f"您无权修改{labels}：这些内容由本轮整改办确定。{_advice(obj, refused)}"


OTHERS_DECIDE = "由本轮审批领导或本单位以外的整改办同志审批"


def _advice(obj, refused, decider="由整改办审批") -> str:
    """Which request to make instead, one sentence for all the fields refused."""
    asks: dict[str, list[str]] = {}
    for name in refused:
        if name in ASK_INSTEAD:
            asks.setdefault(ASK_INSTEAD[name], []).append(_label(obj, name))
    if not asks:
        return ""
    ways = "；".join(f"如需调整{'、'.join(labels)}，请提出{ask}" for ask, labels in asks.items())
    return f"{ways}，{decider}。"


def require_fields(user, obj, names) -> None:
    reason = refusal(user, obj, names)
    if reason:
        raise PermissionDenied(reason)


def _label(obj, name: str) -> str:
    if name == "cooperating_units":
        return "配合单位"
    return str(type(obj)._meta.get_field(name).verbose_name)

"""One request as its page and the round's list show it: the measure now beside what is asked,
and the actions the user may take."""

from dataclasses import dataclass, field

from django.urls import reverse

from zhenggai.ledger.models import Measure
from zhenggai.ledger.versions import display
from zhenggai.requests import policy
from zhenggai.requests.forms import DecisionForm, RefusalForm
from zhenggai.requests.models import ChangeRequest, ExtensionRequest
from zhenggai.requests.services import CHANGED_FIELDS, LABELS

SORTS = {ExtensionRequest: "extension", ChangeRequest: "change"}


@dataclass
class Side:
    """One field: as the measure has it now, and as asked."""

    label: str
    now: str
    asked: str
    changed: bool


@dataclass
class Item:
    request: ExtensionRequest | ChangeRequest
    sort: str
    noun: str
    measure: Measure
    sides: list[Side]
    can_decide: bool
    decide_refusal: str
    can_withdraw: bool
    deciders: list[str]
    decision_form: DecisionForm | None = None
    refusal_form: RefusalForm | None = None
    urls: dict = field(default_factory=dict)


def sides(request) -> list[Side]:
    measure = request.measure
    if isinstance(request, ExtensionRequest):
        now = measure.deadline if request.is_open else request.current_deadline
        return [
            Side(
                "完成时限",
                display(measure, "deadline", _iso(now)),
                _iso(request.new_deadline),
                True,
            )
        ]
    rows = []
    for name in CHANGED_FIELDS:
        asked = getattr(request, name)
        if name == "deadline" and asked is None:
            continue
        now = display(measure, name, _iso(getattr(measure, name)))
        asked = display(measure, name, _iso(asked))
        rows.append(Side(LABELS[name], now, asked, now != asked))
    return rows


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def ids(action: str, request) -> str:
    """Ids for a form's fields that no other request's form on the list page shares."""
    return f"{action}-{SORTS[type(request)]}{request.pk}-%s"


def item_of(user, request, decision_form=None, refusal_form=None, candidates=None) -> Item:
    """`candidates`: policy.decision_candidates of the request's round, when a list holds
    many."""
    can_decide, refusal = policy.can_decide(user, request)
    sort = SORTS[type(request)]
    plural = f"{sort}s"
    measure = request.measure
    return Item(
        request=request,
        sort=sort,
        noun=policy.NOUNS[type(request)],
        measure=measure,
        sides=sides(request),
        can_decide=can_decide,
        decide_refusal=refusal if policy.decides_for(user, request.round) else "",
        can_withdraw=policy.can_withdraw(user, request)[0],
        deciders=policy.deciders(request, candidates) if request.is_open else [],
        decision_form=decision_form
        or (DecisionForm(measure=measure, auto_id=ids("approve", request)) if can_decide else None),
        refusal_form=refusal_form
        or (RefusalForm(auto_id=ids("refuse", request)) if can_decide else None),
        urls={
            action: reverse(f"requests:{plural}_{action}", args=[request.pk])
            for action in ("detail", "approve", "refuse", "withdraw")
        },
    )

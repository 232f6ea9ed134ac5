"""Lists and counts of requests: the round's list, the count on its home page, and what the
dashboard counts per lead unit (measures with an extension asked, measures extended)."""

from dataclasses import dataclass
from itertools import chain

from django.db.models import Count, Q

from zhenggai.ledger.models import Measure
from zhenggai.ledger.policy import rows_in_rounds, sees_whole
from zhenggai.requests import policy
from zhenggai.requests.models import ChangeRequest, ExtensionRequest

Status = ExtensionRequest.Status
MODELS = (ExtensionRequest, ChangeRequest)
STATUS_FILTERS = {"pending": "待审批", "decided": "已处理", "all": "全部"}
SHOWN = 100
RELATED = (
    "round__office",
    "measure__round__office",
    "measure__problem__category",
    "measure__lead_unit",
    "asked_by__person",
    "decided_by__person",
)


@dataclass
class Found:
    rows: list
    more: bool


def round_requests(user, round_, status: str) -> Found:
    """The round's requests the user sees, newest first, both sorts together."""
    found = []
    for model in MODELS:
        rows = policy.requests_in(model, user, round_)
        if status == "pending":
            rows = rows.filter(status=Status.PENDING)
        elif status == "decided":
            rows = rows.exclude(status=Status.PENDING)
        found.append(list(rows.select_related(*RELATED).order_by("-asked_at", "-pk")[: SHOWN + 1]))
    more = any(len(rows) > SHOWN for rows in found)
    merged = sorted(
        chain(*(rows[:SHOWN] for rows in found)), key=lambda r: r.asked_at, reverse=True
    )
    return Found(merged, more)


def pending_count(user, round_) -> int:
    return sum(policy.requests_in(model, user, round_, Status.PENDING).count() for model in MODELS)


def extension_counts(user, rounds) -> list[dict]:
    """Per round and lead unit, the measures with an extension asked (any outcome) and the
    measures extended (an extension approved), of the measures the user sees. Read from the
    requests, which are few, so the dashboard's scans of the measures stay as they are."""
    whole = [r.pk for r in rounds if sees_whole(user, r)]
    others = [r for r in rounds if r.pk not in whole]
    rows = ExtensionRequest.objects.filter(round__in=whole)
    if others:
        # Elsewhere the measures the user's trees answer for: a semi-join on few rows.
        seen = rows_in_rounds(Measure, user, others).values("pk")
        rows = rows | ExtensionRequest.objects.filter(
            round__in=[r.pk for r in others], measure__in=seen
        )
    return list(
        rows.values("round_id", "measure__lead_unit_id")
        .annotate(
            extension_asked=Count("measure", distinct=True),
            extended=Count("measure", distinct=True, filter=Q(status=Status.APPROVED)),
        )
        .order_by()
    )

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
STATUS_FILTERS = {
    "pending": "待审批",
    "mine": "待我审批",
    "others": "待他人审批",
    "decided": "已处理",
    "all": "全部",
}
# The list's tabs, the first the default: whoever decides for the round sees the open
# requests split by whose decision they wait for (few enough tabs for a phone's width).
DECIDER_TABS = {key: STATUS_FILTERS[key] for key in ("mine", "others", "decided", "all")}
ASKER_TABS = {key: STATUS_FILTERS[key] for key in ("pending", "decided", "all")}
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


def _rows(model, user, round_, status: str):
    """The round's requests of this sort the user sees, under the tab `status`: 待我审批 are
    the open ones the user may decide, 待他人审批 the other open ones."""
    # The open tabs ask the scope about the open requests' measures only, not every one
    # ever asked about in the round.
    is_open = status in ("mine", "others", "pending")
    rows = policy.requests_in(model, user, round_, Status.PENDING if is_open else "")
    if status == "mine":
        return rows.filter(policy.deciding_q(user, [round_]))
    if status == "others":
        return rows.exclude(policy.deciding_q(user, [round_]))
    if status == "pending":
        return rows
    if status == "decided":
        return rows.exclude(status=Status.PENDING)
    return rows


def round_requests(user, round_, status: str) -> Found:
    """The round's requests the user sees, newest first, both sorts together."""
    found = []
    for model in MODELS:
        rows = _rows(model, user, round_, status)
        found.append(list(rows.select_related(*RELATED).order_by("-asked_at", "-pk")[: SHOWN + 1]))
    more = any(len(rows) > SHOWN for rows in found)
    merged = sorted(
        chain(*(rows[:SHOWN] for rows in found)), key=lambda r: r.asked_at, reverse=True
    )
    return Found(merged, more)


def tabs(user, round_) -> dict[str, str]:
    return DECIDER_TABS if policy.decides_for(user, round_) else ASKER_TABS


def count(user, round_, status: str = "pending") -> int:
    """How many requests the tab `status` lists (all of them, not only the SHOWN)."""
    return sum(_rows(model, user, round_, status).count() for model in MODELS)


def waiting_by_round(user, rounds) -> dict[int, dict[str, int]]:
    """Per round, its open requests waiting for the user's decision ("mine") and for someone
    else's ("others"), for rounds the user sees whole (its office's home page)."""
    mine = policy.deciding_q(user, rounds)
    waiting: dict[int, dict[str, int]] = {r.pk: {"mine": 0, "others": 0} for r in rounds}
    for model in MODELS:
        rows = model.objects.filter(round__in=list(waiting), status=Status.PENDING)
        grouped = rows.values("round_id").annotate(
            mine=Count("pk", filter=mine), others=Count("pk", filter=~mine)
        )
        for row in grouped.order_by():
            for key in ("mine", "others"):
                waiting[row["round_id"]][key] += row[key]
    return waiting


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

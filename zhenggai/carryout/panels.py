"""The carry-out parts of the problem page: in each measure's card, its latest report with
evidence, its last check or reopening and the buttons the user may press; below the measures,
the last check and reopening of the whole problem.

All of it comes from one query for the whole page: the latest report of each measure joined
with its evidence, everything else as subqueries on the same rows. While nothing has been
reported on the page's measures there can be no checks or reopenings either, and there is no
query at all."""

import json
from dataclasses import dataclass, field

from django.db.models import Count, JSONField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, JSONObject, NullIf

from zhenggai.carryout import policy
from zhenggai.carryout.models import ProgressReport, Reopening, Verification
from zhenggai.ledger.panels import measure_panel, problem_panel

METHOD_LABELS = dict(Verification.Method.choices)
RESULT_LABELS = dict(Verification.Result.choices)
REPORT_STATUS_LABELS = dict(ProgressReport.Status.choices)


@dataclass
class MeasureState:
    report: dict | None = None
    evidence: list[dict] = field(default_factory=list)
    report_count: int = 0
    check: dict | None = None
    reopening: dict | None = None
    can_report: bool = False
    can_verify: bool = False
    can_reopen: bool = False


def _latest(queryset, **fields) -> Subquery:
    values = queryset.order_by("-pk").values(row=JSONObject(**fields))[:1]
    return Subquery(values, output_field=JSONField())


def _count(queryset, by: str) -> Subquery:
    return Subquery(queryset.order_by().values(by).annotate(n=Count("pk")).values("n")[:1])


CHECK = {"result": "result", "findings": "findings", "on": "verified_on", "methods": "methods"}
REOPENING = {"reason": "reason", "is_rebound": "is_rebound", "previously": "previously_closed_on"}


def _rows(measure_ids: list[int]):
    reports = ProgressReport.objects.filter(measure=OuterRef("measure"))
    of_problem = Q(problem=OuterRef("measure__problem"))
    return (
        ProgressReport.objects.filter(measure__in=measure_ids)
        .filter(pk=Subquery(reports.order_by("-pk").values("pk")[:1]))
        .annotate(
            report_count=_count(reports, "measure"),
            check=_latest(Verification.objects.filter(measure=OuterRef("measure")), **CHECK),
            reopening=_latest(Reopening.objects.filter(measure=OuterRef("measure")), **REOPENING),
            problem_check=_latest(Verification.objects.filter(of_problem), **CHECK),
            # Reopenings of the problem and of the measures on the page, which the user sees.
            problem_reopening=_latest(
                Reopening.objects.filter(of_problem | Q(measure__in=measure_ids)),
                measure="measure__number",
                **REOPENING,
            ),
            reporter=Coalesce(
                "submitted_by__person__name",
                NullIf("submitted_by__first_name", Value("")),
                "submitted_by__username",
            ),
        )
        .values(
            "measure_id",
            "as_of",
            "text",
            "status",
            "percent",
            "corrects_id",
            "report_count",
            "check",
            "reopening",
            "problem_check",
            "problem_reopening",
            "reporter",
            "evidence__pk",
            "evidence__original_name",
            "evidence__size",
        )
        .order_by("measure_id", "evidence__pk")
    )


def _labelled_check(check: dict | None) -> dict | None:
    if check:
        methods = check["methods"]
        if isinstance(methods, str):
            # SQLite's json_object() nests a JSON column as a string; PostgreSQL as JSON.
            methods = json.loads(methods)
        check["result_label"] = RESULT_LABELS.get(check["result"], check["result"])
        check["methods_label"] = "、".join(METHOD_LABELS.get(m, m) for m in methods)
    return check


def _attach(user, measures) -> dict:
    """Gives each measure its `carryout` state and returns what concerns the whole problem.
    Measures that have their state already (the problem panel ran first) cost nothing."""
    if all(hasattr(measure, "carryout") for measure in measures):
        return {}
    problem_level: dict = {}
    states = {measure.pk: MeasureState() for measure in measures}
    reported = [measure.pk for measure in measures if measure.last_reported_on]
    for row in _rows(reported) if reported else []:
        state = states[row["measure_id"]]
        if state.report is None:
            state.report = {
                "as_of": row["as_of"],
                "text": row["text"],
                "status_label": REPORT_STATUS_LABELS.get(row["status"], row["status"]),
                "percent": row["percent"],
                "is_correction": row["corrects_id"] is not None,
                "reporter": row["reporter"],
            }
            state.report_count = row["report_count"]
            state.check = _labelled_check(row["check"])
            state.reopening = row["reopening"]
            problem_level = {
                "check": _labelled_check(row["problem_check"]),
                "reopening": row["problem_reopening"],
            }
        if row["evidence__pk"]:
            state.evidence.append(
                {
                    "pk": row["evidence__pk"],
                    "original_name": row["evidence__original_name"],
                    "size": row["evidence__size"],
                }
            )
    for measure in measures:
        state = states[measure.pk]
        state.can_report = bool(policy.report_statuses(user, measure))
        state.can_verify = policy.can_verify(user, measure)[0]
        state.can_reopen = policy.can_reopen(user, measure)[0]
        measure.carryout = state
    return problem_level


@problem_panel("carryout/_problem_panel.html")
def problem_part(request, problem, measures) -> dict:
    problem_level = _attach(request.user, measures)
    return {
        "check": problem_level.get("check"),
        "reopening": problem_level.get("reopening"),
        "can_verify": policy.can_verify_problem(request.user, problem)[0],
        "can_reopen": policy.can_reopen_problem(request.user, problem)[0],
    }


@measure_panel("carryout/_measure_panel.html")
def measure_part(request, measures) -> None:
    _attach(request.user, measures)

"""From the scoped querysets to the writer's plain data. Every list here starts from what the
user may see (zhenggai.ledger.policy), so a document never shows more than the pages do."""

from collections import defaultdict

from django.db.models import Count, OuterRef, Q, Subquery

from zhenggai.carryout.models import ProgressReport, Verification
from zhenggai.documents.models import DocumentSettings
from zhenggai.ledger import policy
from zhenggai.ledger.models import InspectionRound, Measure, Person, Problem
from zhenggai.ledger.queries import overdue_q, today
from zhenggai.mechanisms.models import Mechanism
from zhenggai.rules.status import (
    CLOSED_MEASURE_STATUSES,
    DONE_MEASURE_STATUSES,
    MEASURE_STATUS_LABELS,
    MeasureStatus,
)
from zhenggai.supervision.models import Escalation, Reminder, SupervisionNotice
from zhenggai.writer.model import (
    CategoryItem,
    Figures,
    MeasureItem,
    PersonInfo,
    ProblemItem,
    RoundInfo,
)

METHOD_LABELS = dict(Verification.Method.choices)


def settings_of(round_: InspectionRound) -> DocumentSettings:
    found = DocumentSettings.objects.filter(round=round_).select_related("principal").first()
    return found or DocumentSettings(round=round_)


def round_info(round_: InspectionRound, settings: DocumentSettings) -> RoundInfo:
    return RoundInfo(
        name=round_.name,
        team=round_.team,
        organization=round_.organization,
        feedback_date=round_.feedback_date,
        rectification_deadline=round_.rectification_deadline,
        report_deadline=round_.report_deadline,
        issuer=settings.issuer or round_.organization,
        date=settings.date or today(),
        inspection=round_.inspection,
    )


def person_info(person: Person | None) -> PersonInfo | None:
    if person is None:
        return None
    return PersonInfo(person.name, person.title, person.unit.name if person.unit_id else "")


def latest_progress():
    reports = ProgressReport.objects.filter(measure=OuterRef("pk")).order_by("-as_of", "-pk")
    return Subquery(reports.values("text")[:1])


def measure_rows(measures):
    return (
        measures.select_related("lead_unit", "problem__category", "problem__lead_leader")
        .prefetch_related("cooperating_units")
        .annotate(progress=latest_progress())
    )


def categories(problems, measures) -> list[CategoryItem]:
    """The problems in ledger order, grouped by category, each with its visible measures,
    the methods of its measures' latest passing verification and its mechanisms."""
    # Subqueries rather than lists of ids: a province's round has more problems than SQLite
    # takes parameters.
    ids = problems.values("pk")
    measures = measures.filter(problem__in=ids)
    problems = list(
        problems.select_related("category", "lead_leader", "lead_unit", "withholding").order_by(
            "position"
        )
    )
    rows = list(measure_rows(measures).order_by("position"))
    checked = _verification_methods(measures)
    by_problem: dict[int, list[MeasureItem]] = defaultdict(list)
    for measure in rows:
        by_problem[measure.problem_id].append(measure_item(measure, checked.get(measure.pk, "")))
    mechanisms: dict[int, list[str]] = defaultdict(list)
    links = Mechanism.problems.through.objects.filter(problem__in=ids).order_by("mechanism_id")
    for problem_id, name in links.values_list("problem_id", "mechanism__name"):
        mechanisms[problem_id].append(name)
    grouped: dict[int, tuple[int, str, list[ProblemItem]]] = {}
    for problem in problems:
        entry = grouped.setdefault(
            problem.category_id, (problem.category.number, problem.category.title, [])
        )
        entry[2].append(
            problem_item(problem, tuple(by_problem[problem.pk]), tuple(mechanisms[problem.pk]))
        )
    return [
        CategoryItem(number, title, tuple(items))
        for number, title, items in sorted(grouped.values(), key=lambda entry: entry[0])
    ]


def _verification_methods(measures) -> dict[int, str]:
    closed = measures.filter(status__in=CLOSED_MEASURE_STATUSES).values("pk")
    passing = Verification.objects.filter(
        measure__in=closed, result=Verification.Result.PASS
    ).order_by("measure_id", "verified_on", "pk")
    methods = {}
    for measure_id, chosen in passing.values_list("measure_id", "methods"):
        methods[measure_id] = "、".join(METHOD_LABELS.get(m, m) for m in chosen or [])
    return methods


def measure_item(measure: Measure, verification: str = "") -> MeasureItem:
    return MeasureItem(
        code=measure.code,
        text=measure.text,
        kind_label=measure.get_kind_display(),
        deadline=measure.deadline,
        original_deadline=measure.original_deadline,
        lead_unit=measure.lead_unit.name,
        cooperating_units=tuple(unit.name for unit in measure.cooperating_units.all()),
        lead_leader=measure.problem.lead_leader.name if measure.problem.lead_leader else "",
        status_label=MEASURE_STATUS_LABELS[MeasureStatus(measure.status)],
        done=measure.status in DONE_MEASURE_STATUSES,
        closed=measure.status in CLOSED_MEASURE_STATUSES,
        progress=getattr(measure, "progress", None) or "",
        verification=verification,
    )


def problem_item(
    problem: Problem, measures: tuple[MeasureItem, ...], mechanisms: tuple[str, ...]
) -> ProblemItem:
    withholding = getattr(problem, "withholding", None)
    return ProblemItem(
        code=problem.code,
        text=problem.text,
        manifestations=problem.manifestations,
        lead_leader=problem.lead_leader.name if problem.lead_leader else "",
        lead_unit=problem.lead_unit.name if problem.lead_unit else "",
        status_label=problem.get_status_display(),
        closed=problem.status == "closed",
        measures=measures,
        mechanisms=mechanisms,
        withheld=withholding.get_reason_display() if withholding else "",
    )


def figures(round_: InspectionRound, problems, measures) -> Figures:
    on = today()
    problem_counts = problems.aggregate(
        total=Count("pk"), closed=Count("pk", filter=Q(status="closed"))
    )
    measure_counts = measures.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status__in=DONE_MEASURE_STATUSES)),
        closed=Count("pk", filter=Q(status__in=CLOSED_MEASURE_STATUSES)),
        overdue=Count("pk", filter=overdue_q(on)),
    )
    on_site = Verification.objects.filter(
        measure__in=measures.values("pk"), result=Verification.Result.PASS, on_site=True
    )
    return Figures(
        problems=problem_counts["total"],
        problems_closed=problem_counts["closed"],
        measures=measure_counts["total"],
        measures_done=measure_counts["done"],
        measures_closed=measure_counts["closed"],
        measures_overdue=measure_counts["overdue"],
        mechanisms=Mechanism.objects.filter(problems__in=problems.values("pk")).distinct().count(),
        verifications_on_site=on_site.values("measure").distinct().count(),
        notices=SupervisionNotice.objects.filter(round=round_).count(),
        reminders=Reminder.objects.filter(measure__round=round_).count(),
        escalations=Escalation.objects.filter(round=round_).count(),
    )


def leader_problems(user, round_: InspectionRound, person: Person):
    """The problems of the round the person claimed or leads, as far as the user sees them."""
    return policy.problems_in(user, round_).filter(
        Q(lead_leader=person) | Q(pk__in=person.claim_set.values("problem"))
    )

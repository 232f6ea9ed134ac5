"""The ledger's three views, their filters and counts. Every query starts from the policy's
scoped querysets; filter state comes from the URL, so a view can be bookmarked."""

import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import timezone

from zhenggai.ledger.forms import PlainLabels
from zhenggai.ledger.models import (
    InspectionRound,
    Measure,
    MeasureCooperation,
    Person,
    Problem,
    Unit,
)
from zhenggai.rules.status import (
    DONE_MEASURE_STATUSES,
    MEASURE_STATUS_CHOICES,
    MeasureStatus,
)

VIEWS = [("problems", "问题清单"), ("measures", "任务清单"), ("responsibility", "责任清单")]
PROBLEM_SORTS = {
    "code": ["position"],
    "status": ["status", "position"],
    "-updated": ["-updated_at"],
}
MEASURE_SORTS = {
    "code": ["position"],
    "deadline": ["deadline", "position"],
    "-deadline": ["-deadline", "position"],
    "status": ["status", "position"],
    "unit": ["lead_unit__path", "position"],
    "-updated": ["-updated_at"],
}
SORT_LABELS = {
    "code": "按编号",
    "deadline": "按时限（早→晚）",
    "-deadline": "按时限（晚→早）",
    "status": "按状态",
    "unit": "按牵头单位",
    "-updated": "最近更新",
}


def today() -> datetime.date:
    return timezone.localdate()


class LedgerFilterForm(PlainLabels, forms.Form):
    empty_label = "全部"
    view = forms.ChoiceField(label="视图", choices=VIEWS, required=False)
    q = forms.CharField(label="关键词", max_length=100, required=False)
    category = forms.ModelChoiceField(label="方面", queryset=None, required=False)
    unit = forms.ModelChoiceField(
        label="单位（含下级）", queryset=Unit.objects.all(), required=False
    )
    leader = forms.ModelChoiceField(
        label="牵头领导", queryset=Person.objects.filter(is_leader=True), required=False
    )
    status = forms.ChoiceField(
        label="状态", choices=[("", "全部")] + MEASURE_STATUS_CHOICES, required=False
    )
    kind = forms.ChoiceField(
        label="措施类型", choices=[("", "全部")] + Measure.Kind.choices, required=False
    )
    due_from = forms.DateField(
        label="时限从", required=False, widget=forms.DateInput({"type": "date"})
    )
    due_to = forms.DateField(
        label="时限至", required=False, widget=forms.DateInput({"type": "date"})
    )
    overdue = forms.BooleanField(label="仅看超期", required=False)
    sort = forms.ChoiceField(label="排序", choices=SORT_LABELS.items(), required=False)

    def __init__(self, *args, round_: InspectionRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = round_.categories.all()

    def clean(self):
        data = super().clean()
        due_from, due_to = data.get("due_from"), data.get("due_to")
        if due_from and due_to and due_to < due_from:
            self.add_error("due_to", "结束日期不能早于开始日期。")
        return data


@dataclass
class LedgerQuery:
    view: str = "problems"
    q: str = ""
    category: object = None
    unit: Unit | None = None
    leader: Person | None = None
    status: str = ""
    kind: str = ""
    due_from: datetime.date | None = None
    due_to: datetime.date | None = None
    overdue: bool = False
    sort: str = "code"

    @classmethod
    def from_form(cls, form: LedgerFilterForm) -> "LedgerQuery":
        data = form.cleaned_data if form.is_valid() else {}
        values = {k: v for k, v in data.items() if v not in (None, "", False)}
        return cls(**values)


def _unit_q(unit: Unit, prefix: str = "") -> Q:
    cooperating = MeasureCooperation.objects.filter(
        unit__path__startswith=unit.path, measure=OuterRef(f"{prefix}pk")
    )
    return (
        Q(**{f"{prefix}lead_unit__path__startswith": unit.path})
        | Q(**{f"{prefix}problem__lead_unit__path__startswith": unit.path})
        | Q(Exists(cooperating))
    )


def overdue_q(on: datetime.date) -> Q:
    return Q(deadline__lt=on) & ~Q(status__in=DONE_MEASURE_STATUSES)


def _measure_conditions(query: LedgerQuery, on: datetime.date) -> Q:
    """Conditions on a measure's own fields; the problem view asks for any measure matching."""
    conditions = Q()
    if query.kind:
        conditions &= Q(kind=query.kind)
    if query.due_from:
        conditions &= Q(deadline__gte=query.due_from)
    if query.due_to:
        conditions &= Q(deadline__lte=query.due_to)
    if query.overdue:
        conditions &= overdue_q(on)
    return conditions


def _text_q(words: str, fields: list[str]) -> Q:
    condition = Q()
    for word in words.split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


def filter_measures(queryset, query: LedgerQuery, on: datetime.date):
    queryset = queryset.filter(_measure_conditions(query, on))
    if query.category:
        queryset = queryset.filter(problem__category=query.category)
    if query.unit:
        queryset = queryset.filter(_unit_q(query.unit))
    if query.leader:
        queryset = queryset.filter(problem__lead_leader=query.leader)
    if query.status:
        queryset = queryset.filter(status=query.status)
    if query.q:
        queryset = queryset.filter(_text_q(query.q, ["text", "deliverable", "problem__text"]))
    return queryset.order_by(*MEASURE_SORTS.get(query.sort, MEASURE_SORTS["code"]))


def filter_problems(queryset, query: LedgerQuery, on: datetime.date):
    measure_conditions = _measure_conditions(query, on)
    if measure_conditions:
        matching = Measure.objects.filter(measure_conditions, problem=OuterRef("pk"))
        queryset = queryset.filter(Exists(matching))
    if query.category:
        queryset = queryset.filter(category=query.category)
    if query.unit:
        in_unit = Measure.objects.filter(_unit_q(query.unit), problem=OuterRef("pk"))
        queryset = queryset.filter(
            Q(lead_unit__path__startswith=query.unit.path) | Q(Exists(in_unit))
        )
    if query.leader:
        queryset = queryset.filter(lead_leader=query.leader)
    if query.status:
        queryset = _filter_problem_status(queryset, query.status)
    if query.q:
        queryset = queryset.filter(_text_q(query.q, ["text", "manifestations"]))
    return queryset.order_by(*PROBLEM_SORTS.get(query.sort, PROBLEM_SORTS["code"]))


def _filter_problem_status(queryset, status: str):
    """Problem statuses are a subset of measure statuses; the other two mean "has such a
    measure"."""
    if status in (MeasureStatus.ONGOING, MeasureStatus.RETURNED):
        with_status = Measure.objects.filter(status=status, problem=OuterRef("pk"))
        return queryset.filter(Exists(with_status))
    return queryset.filter(status=status)


def measure_rows(queryset):
    return queryset.select_related(
        "round", "problem__category", "problem__lead_leader", "lead_unit", "person_in_charge"
    ).prefetch_related("cooperating_units")


def problem_rows(queryset):
    return queryset.select_related("category", "lead_leader", "lead_unit").prefetch_related(
        "claims__person"
    )


def attach_measure_stats(problems: list[Problem], visible_measures, on: datetime.date) -> None:
    """Counts for one page of problems, in one grouped query."""
    stats = (
        visible_measures.filter(problem__in=problems)
        .values("problem")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(status__in=DONE_MEASURE_STATUSES)),
            overdue=Count("pk", filter=overdue_q(on)),
            next_deadline=Min("deadline", filter=~Q(status__in=DONE_MEASURE_STATUSES)),
        )
        .order_by()
    )
    by_problem = {row["problem"]: row for row in stats}
    empty = {"total": 0, "done": 0, "overdue": 0, "next_deadline": None}
    for problem in problems:
        problem.stats = by_problem.get(problem.pk, empty)


def round_counts(problems, measures, on: datetime.date) -> dict:
    """The figures on a round's home page, from the user's visible problems and measures."""
    problem_counts = problems.aggregate(
        total=Count("pk"),
        key=Count("pk", filter=Q(is_key=True)),
        closed=Count("pk", filter=Q(status="closed")),
    )
    measure_counts = measures.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status__in=DONE_MEASURE_STATUSES)),
        closed=Count("pk", filter=Q(status__in=["closed", "ongoing"])),
        overdue=Count("pk", filter=overdue_q(on)),
        not_started=Count("pk", filter=Q(status="not_started")),
    )
    return {"problems": problem_counts, "measures": measure_counts}

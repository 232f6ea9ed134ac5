"""The ledger's three views, their filters and counts. Every query starts from the policy's
scoped querysets; filter state comes from the URL, so a view can be bookmarked."""

import datetime
import functools
import operator
from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q
from django.utils import timezone

from zhenggai.authority.roles import scope_path
from zhenggai.carryout.models import Reopening, Verification
from zhenggai.ledger.forms import PlainLabels
from zhenggai.ledger.models import (
    LIGHT_CHOICES,
    Category,
    Claim,
    InspectionRound,
    Measure,
    Person,
    Problem,
    Unit,
)
from zhenggai.ledger.policy import (
    responsible_measures,
    responsible_problems,
    subtree,
    subtree_ids,
)
from zhenggai.ledger.widgets import (
    ListedChoiceField,
    QuickCheckboxInput,
    QuickDateInput,
    QuickSelect,
    QuickTextInput,
)
from zhenggai.mechanisms.models import Mechanism
from zhenggai.requests.models import ExtensionRequest
from zhenggai.rules.deadlines import problem_due
from zhenggai.rules.figures import REPORTING_STATUSES, level_label
from zhenggai.rules.status import (
    CLOSED_MEASURE_STATUSES,
    DONE_MEASURE_STATUSES,
    MEASURE_STATUS_CHOICES,
    OPEN_MEASURE_STATUSES,
    MeasureStatus,
    ProblemStatus,
)
from zhenggai.supervision.lights import rhythm_days

VIEWS = [("problems", "问题清单"), ("measures", "任务清单"), ("responsibility", "责任清单")]
PROBLEM_SORTS = {
    "code": ["position"],
    "status": ["status", "position"],
    "-updated": ["-updated_at"],
}
MEASURE_SORTS = {
    "code": ["position"],
    # Measures without a deadline (长期坚持) go last either way, on SQLite and PostgreSQL alike.
    "deadline": [F("deadline").asc(nulls_last=True), "position"],
    "-deadline": [F("deadline").desc(nulls_last=True), "position"],
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
STAGES = {
    "open": "未完成",
    "done": "已完成（含已销号）",
    "closed": "已销号（含长期坚持）",
}
# Conditions that the dashboard counts and links to, one at a time. Those about measures
# select, in the problem list, the problems with such a measure; those about problems
# select, in the task list, the measures of such problems.
MEASURE_FLAGS = {
    "silent": "未按期报送进展",
    "reported": "报送过进展",
    "briefing_only": "仅凭听取汇报销号",
    "unverified": "无核查通过记录即销号",
    "extension_asked": "申请过延期",
    "extended": "已延期（完成时限经批准调整）",
}
PROBLEM_FLAGS = {
    "no_mechanism": "问题已销号但无长效机制",
    "rebound": "变异反弹",
}
MAX_LEVEL = 9


def today() -> datetime.date:
    return timezone.localdate()


class LedgerFilterForm(PlainLabels, forms.Form):
    """Every widget is a Quick one (zhenggai.ledger.widgets): rendered by Django's templates,
    the filter form's selects and inputs cost as much as the ledger's fifty rows."""

    empty_label = "全部"
    view = forms.ChoiceField(label="视图", choices=VIEWS, required=False, widget=QuickSelect)
    q = forms.CharField(label="关键词", max_length=100, required=False, widget=QuickTextInput)
    category = ListedChoiceField(
        Category.objects.none(),
        label_fields=("number", "title"),
        label_of=Category.label,
        label="方面",
        required=False,
        widget=QuickSelect,
    )
    unit = ListedChoiceField(
        Unit.objects.all(),
        label_fields=("name",),
        label_of=str,
        label="单位（含下级）",
        required=False,
        widget=QuickSelect,
    )
    leader = ListedChoiceField(
        Person.objects.filter(is_leader=True),
        label_fields=("name", "title"),
        label_of=Person.label,
        label="牵头领导",
        required=False,
        widget=QuickSelect,
    )
    status = forms.ChoiceField(
        label="状态",
        choices=[("", "全部")] + MEASURE_STATUS_CHOICES,
        required=False,
        widget=QuickSelect,
    )
    kind = forms.ChoiceField(
        label="措施类型",
        choices=[("", "全部")] + Measure.Kind.choices,
        required=False,
        widget=QuickSelect,
    )
    due_from = forms.DateField(label="时限从", required=False, widget=QuickDateInput)
    due_to = forms.DateField(label="时限至", required=False, widget=QuickDateInput)
    overdue = forms.BooleanField(label="仅看超期", required=False, widget=QuickCheckboxInput)
    open_on = forms.DateField(
        label="截至当日未销号",
        required=False,
        widget=QuickDateInput,
        help_text="自反馈日期起、到当日结束时仍未销号的措施，即整改进度趋势图上的一点。",
    )
    light = forms.ChoiceField(
        label="亮灯", choices=[("", "全部")] + LIGHT_CHOICES, required=False, widget=QuickSelect
    )
    stage = forms.ChoiceField(
        label="完成情况",
        choices=[("", "全部"), *STAGES.items()],
        required=False,
        widget=QuickSelect,
    )
    unit_role = forms.ChoiceField(
        label="单位范围",
        choices=[("", "牵头、配合均计"), ("lead", "仅计牵头")],
        required=False,
        help_text="选择单位后，是否只看该单位（含下级）牵头的措施。",
        widget=QuickSelect,
    )
    level = forms.TypedChoiceField(
        label="牵头单位层级",
        choices=[("", "全部")] + [(n, level_label(n)) for n in range(1, MAX_LEVEL + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="相对本轮整改牵头单位（整改办按其所属单位）：第1级为其本级，第2级为其下一级。",
        widget=QuickSelect,
    )
    flag = forms.ChoiceField(
        label="重点关注",
        choices=[("", "全部"), *MEASURE_FLAGS.items(), *PROBLEM_FLAGS.items()],
        required=False,
        widget=QuickSelect,
    )
    sort = forms.ChoiceField(
        label="排序", choices=SORT_LABELS.items(), required=False, widget=QuickSelect
    )

    def __init__(self, *args, round_: InspectionRound, units, leaders, **kwargs):
        """`units`: those the user sees; `leaders`: those of the problems it sees in the round
        (policy.problem_leaders)."""
        super().__init__(*args, **kwargs)
        # By number alone: the model's ordering starts with the round's, a join for nothing.
        self.fields["category"].queryset = round_.categories.order_by("number")
        self.fields["unit"].queryset = units
        self.fields["leader"].queryset = leaders
        self.fields["level"].choices = [("", "全部")] + [
            (n, level_label(n)) for n in range(1, levels_of(round_) + 1)
        ]
        self.round_ = round_

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
    open_on: datetime.date | None = None
    light: str = ""
    stage: str = ""
    unit_role: str = ""
    level: int | None = None
    flag: str = ""
    sort: str = "code"
    # Silence is measured against the round's reporting rhythm.
    round: InspectionRound | None = None
    # The user sees only what the unit's tree answers for (policy.answers_within): the unit
    # filter keeps every row and is left out.
    unit_holds_scope: bool = False

    @classmethod
    def from_form(cls, form: LedgerFilterForm) -> "LedgerQuery":
        data = form.cleaned_data if form.is_valid() else {}
        values = {k: v for k, v in data.items() if v not in (None, "", False)}
        return cls(round=form.round_, **values)


def overdue_q(on: datetime.date) -> Q:
    return Q(deadline__lt=on) & ~Q(status__in=DONE_MEASURE_STATUSES)


def overdue_count_q(on: datetime.date) -> Q:
    """overdue_q said by the open statuses, for counting a round's measures: the database
    reads each status's passed deadlines from the (round, status, deadline) index, not every
    passed deadline. Not for a list ordered by position: SQLite would then read the list from
    that index and sort it."""
    return Q(deadline__lt=on, status__in=OPEN_MEASURE_STATUSES)


def stage_q(stage: str) -> Q:
    if stage == "open":
        return ~Q(status__in=DONE_MEASURE_STATUSES)
    if stage == "done":
        return Q(status__in=DONE_MEASURE_STATUSES)
    return Q(status__in=CLOSED_MEASURE_STATUSES)


def level_root(office: Unit) -> str:
    """The path of the unit whose tree a round's levels count down: the round's office, or
    for a 整改办 the unit it works for, as the policy scopes its users."""
    return scope_path(office)


def levels_of(round_: InspectionRound) -> int:
    """How many levels the round's tree has (3: the committee, its bureaus, their stations),
    so the filter offers only levels a unit can sit on."""
    root = level_root(round_.office)
    tree = Unit.objects.filter(path__startswith=root)
    depths = tree.aggregate(top=Min("depth"), bottom=Max("depth"))
    if depths["top"] is None:
        return 1
    return min(depths["bottom"] - depths["top"] + 1, MAX_LEVEL)


def level_q(level: int) -> Q:
    """The lead unit sits `level` levels down the tree of the round's office (1 = its root)."""
    below = level - 1
    is_office = Q(round__office__kind=Unit.Kind.OFFICE, round__office__parent__isnull=False)
    office_tree = Q(
        lead_unit__path__startswith=F("round__office__path"),
        lead_unit__depth=F("round__office__depth") + below,
    )
    parent_tree = Q(
        lead_unit__path__startswith=F("round__office__parent__path"),
        lead_unit__depth=F("round__office__parent__depth") + below,
    )
    return (is_office & parent_tree) | (~is_office & office_tree)


def start_of_day(day: datetime.date) -> datetime.datetime:
    """The first instant of `day` in the installation's time zone: 16:00 UTC the day before
    in Shanghai. A timestamp is on or after `day` exactly when it is not before this."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def open_on_q(day: datetime.date) -> Q:
    """Open at the end of `day`, as the dashboard's burn-down counts it: on or after the
    round's feedback date, whenever the measure was entered, and not closed by then."""
    since_feedback = Q(round__feedback_date__lte=day)
    return since_feedback & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))


def silent_q(rounds, on: datetime.date) -> Q:
    """Silent (沉默), as the yellow light has it (supervision.lights): a measure that owes
    reports (not started, in progress, returned, or closed as ongoing) whose last report, or
    whose entry into the ledger if it never reported, is more than the round's reporting
    rhythm old: rhythm_days up to the end of the concentrated period, rhythm_days_after
    from then on. For the measures of `rounds` only: the query asking says which those are."""
    by_cutoff: dict[datetime.date, list[int]] = {}
    for round_ in rounds:
        cutoff = on - datetime.timedelta(days=rhythm_days(round_, on))
        by_cutoff.setdefault(cutoff, []).append(round_.pk)
    if not by_cutoff:
        return Q(pk__in=[])
    # Rounds sharing a cutoff share a condition: the SQL stays short across many rounds. When
    # they all share one, naming them again would cost every row of a dashboard's scan a test.
    terms = [
        _reported_before(cutoff)
        if len(by_cutoff) == 1
        else Q(round_id__in=round_ids) & _reported_before(cutoff)
        for cutoff, round_ids in by_cutoff.items()
    ]
    return Q(status__in=REPORTING_STATUSES) & functools.reduce(operator.or_, terms)


def _reported_before(cutoff: datetime.date) -> Q:
    """Last reported before the cutoff, or, never reported, entered before it."""
    return Q(last_reported_on__lt=cutoff) | Q(
        last_reported_on__isnull=True, created_at__lt=start_of_day(cutoff)
    )


def _passed(**kind):
    """Measures with a passing verification of their own: carry-out closes a measure only by
    verifying that measure. Flags are "in this set" tests, computed once per query rather than
    once per row, and free of NULLs, which would blind a NOT IN."""
    passing = Verification.objects.filter(result=Verification.Result.PASS, measure__isnull=False)
    return passing.filter(**kind).values("measure")


def measure_flag_q(flag: str, rounds, on: datetime.date) -> Q:
    if flag == "silent":
        return silent_q(rounds, on)
    if flag == "reported":
        return Q(last_reported_on__isnull=False)
    if flag == "extension_asked":
        return Q(pk__in=ExtensionRequest.objects.values("measure"))
    if flag == "extended":
        # Only an approved extension keeps a committed deadline aside.
        return Q(original_deadline__isnull=False)
    closed = Q(status__in=CLOSED_MEASURE_STATUSES)
    if flag == "briefing_only":
        # Closed on the strength of briefings (听汇报) alone: the close-out rule forbids it.
        return (
            closed & Q(pk__in=_passed(briefing_only=True)) & ~Q(pk__in=_passed(briefing_only=False))
        )
    # "unverified": closed with no passing verification at all.
    return closed & ~Q(pk__in=_passed())


def problem_flag_q(flag: str) -> Q:
    if flag == "no_mechanism":
        linked = Mechanism.problems.through.objects.values("problem")
        return Q(status=ProblemStatus.CLOSED) & ~Q(pk__in=linked)
    rebounds = Reopening.objects.filter(is_rebound=True)
    return Q(pk__in=rebounds.filter(problem__isnull=False).values("problem")) | Q(
        pk__in=rebounds.filter(measure__isnull=False).values("measure__problem")
    )


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
    if query.stage:
        conditions &= stage_q(query.stage)
    if query.open_on:
        conditions &= open_on_q(query.open_on)
    if query.level:
        conditions &= level_q(query.level)
    if query.flag in MEASURE_FLAGS:
        conditions &= measure_flag_q(query.flag, [query.round] if query.round else [], on)
    return conditions


def _text_q(words: str, fields: list[str]) -> Q:
    condition = Q()
    for word in words.split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


def lists_tree(query: LedgerQuery) -> bool:
    """The unit filter lists what the unit's tree answers for (policy.responsible_measures):
    its keys are listed once, as a scope's are."""
    return bool(query.unit) and query.unit_role != "lead" and not query.unit_holds_scope


def _in(query: LedgerQuery) -> list[int] | None:
    """The round a unit filter narrows to: what the unit answers for in other rounds is not
    on the page, and listing it would cost the database as much as the whole ledger."""
    return [query.round.pk] if query.round else None


def filter_measures(queryset, query: LedgerQuery, on: datetime.date):
    conditions = _measure_conditions(query, on)
    queryset = queryset.filter(conditions)
    if query.category:
        queryset = queryset.filter(problem__category=query.category)
    if query.unit and query.unit_role == "lead":
        queryset = queryset.filter(lead_unit__in=subtree(query.unit.path))
    elif lists_tree(query):
        tree = responsible_measures(subtree_ids(query.unit.path), rounds=_in(query))
        queryset = queryset.filter(pk__in=tree)
    if query.leader:
        queryset = queryset.filter(problem__lead_leader=query.leader)
    if query.status:
        queryset = queryset.filter(status=query.status)
    if query.light:
        queryset = queryset.filter(lit_q(query.light))
    if query.flag in PROBLEM_FLAGS:
        flagged = Problem.objects.filter(problem_flag_q(query.flag), pk=OuterRef("problem_id"))
        queryset = queryset.filter(Exists(flagged))
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
    if query.unit and query.unit_role == "lead":
        led = Measure.objects.filter(lead_unit__in=subtree(query.unit.path))
        queryset = queryset.filter(pk__in=led.values("problem_id"))
    elif lists_tree(query):
        tree = responsible_problems(subtree_ids(query.unit.path), rounds=_in(query))
        queryset = queryset.filter(pk__in=tree)
    if query.leader:
        queryset = queryset.filter(lead_leader=query.leader)
    if query.status:
        queryset = _filter_problem_status(queryset, query.status)
    if query.light:
        queryset = lit_problems(queryset, query.light)
    if query.flag in PROBLEM_FLAGS:
        queryset = queryset.filter(problem_flag_q(query.flag))
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


def page_of(ordered, number, rows, size: int, scoped: bool = False, count: int | None = None):
    """One page of an ordered queryset: paged through primary keys alone, then the page's rows
    loaded with their joins, so a deep page costs an index walk, not a join of every row
    before the offset. A `scoped` queryset (a user's scope, or a unit filter: what trees answer
    for) costs that subquery for the count and again for the page: its keys, a few
    thousand, are read once and counted and paged here. `count`: how many rows there are,
    when the caller has counted them already."""
    ids = ordered.values_list("pk", flat=True)
    if scoped:
        ids = list(ids)
    paginator = Paginator(ids, size)
    if count is not None:
        paginator.count = count
    page = paginator.get_page(number)
    page.object_list = rows_in_order(ordered.model, list(page.object_list), rows)
    return page


def rows_in_order(model, ids: list, rows) -> list:
    """The rows of `ids`, in that order. Put in order here, not by the model's own ordering:
    that would join the rounds once more to sort 20 rows, and PostgreSQL spends longer
    planning the joins than reading the rows."""
    loaded = rows(model.objects.order_by()).in_bulk(ids)
    return [loaded[pk] for pk in ids]


def has_measures() -> Exists:
    return Exists(Measure.objects.filter(problem=OuterRef("pk")))


def with_measure_flag(problems):
    """A problem with no measures has no light to show (its stored light is the default)."""
    return problems.annotate(has_measures=has_measures())


def lit_q(light: str) -> Q:
    """The measures or problems showing this light: a closed one shows 已销号 instead."""
    return Q(light=light) & ~Q(status=MeasureStatus.CLOSED)


def lit_problems(problems, light: str):
    """The problems showing this light: one without measures shows none."""
    return problems.filter(has_measures(), lit_q(light))


def task_rows(queryset):
    """What the task list (任务清单) shows of a measure: its problem's code and its lead unit."""
    return queryset.select_related("problem__category", "lead_unit")


def measure_rows(queryset):
    return queryset.select_related(
        "round", "problem__category", "problem__lead_leader", "lead_unit", "person_in_charge"
    ).prefetch_related("cooperating_units")


def problem_rows(queryset):
    return queryset.select_related("category", "lead_leader", "lead_unit")


def attach_claimants(problems: list[Problem]) -> None:
    """Who claimed each problem of a page (`problem.claimants`, names), in one query of names:
    a prefetch of the claims would build three objects per claim and a queryset per problem,
    a tenth of the page's time for a few badges."""
    names = Claim.objects.filter(problem__in=problems).values_list(
        "problem_id", "person__name", "unit__name"
    )
    by_problem: dict[int, list[str]] = {}
    for problem_id, person, unit in names.order_by("pk"):
        by_problem.setdefault(problem_id, []).append(person or unit)
    for problem in problems:
        problem.claimants = by_problem.get(problem.pk, [])


def attach_measure_stats(problems: list[Problem], visible_measures, on: datetime.date) -> None:
    """What each problem of a page says of the measures the user sees (`problem.stats`,
    rules.deadlines.ProblemDue), from one list of their dates and statuses: no aggregate pairs
    the nearest deadline with the commitment an extension moved it from."""
    rows = visible_measures.filter(problem__in=problems).values_list(
        "problem_id", "deadline", "original_deadline", "status"
    )
    by_problem: dict[int, list] = {}
    for problem_id, *facts in rows.order_by():
        by_problem.setdefault(problem_id, []).append(facts)
    for problem in problems:
        problem.stats = problem_due(by_problem.get(problem.pk, []), on)


def round_counts(problems, measures, on: datetime.date, whole: bool) -> dict:
    """The figures on a round's home page, from the user's visible problems and measures.
    For whoever sees the round `whole`, measures are counted per status and the overdue ones
    apart: both read an index of the round alone, where one count with five filters reads
    every row. For the others the scope's subquery is the cost, and one count evaluates
    it once."""
    # Counted by status (never empty), not by id: PostgreSQL then reads the (round, status,
    # is_key) index alone, where an id would send it to every row.
    problem_counts = problems.aggregate(
        total=Count("status"),
        key=Count("status", filter=Q(is_key=True)),
        closed=Count("status", filter=Q(status="closed")),
    )
    if whole:
        by_status = dict(measures.values_list("status").annotate(n=Count("*")).order_by())
        overdue = measures.filter(overdue_count_q(on)).count()
    else:
        statuses = {
            status: Count("pk", filter=Q(status=status)) for status, _ in MEASURE_STATUS_CHOICES
        }
        by_status = measures.aggregate(**statuses, overdue=Count("pk", filter=overdue_q(on)))
        overdue = by_status.pop("overdue")
    measure_counts = {
        "total": sum(by_status.values()),
        "done": sum(by_status.get(status, 0) for status in DONE_MEASURE_STATUSES),
        "closed": by_status.get("closed", 0) + by_status.get("ongoing", 0),
        "overdue": overdue,
        "not_started": by_status.get("not_started", 0),
    }
    return {"problems": problem_counts, "measures": measure_counts}

"""Who may see and change what. Every list, count and page of ledger data starts here.

Scoping: a superuser sees everything. A user whose unit is a round's office (or above
it) sees that whole round; users of an office unit (整改办) act for the unit it belongs to.
Any other user sees the problems and measures that their unit or one of its sub-units
leads or cooperates on, and nothing else. Users without a unit see nothing.

Permissions are plain functions that return (allowed, reason in Chinese)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from zhenggai.ledger.models import (
    InspectionRound,
    Measure,
    MeasureCooperation,
    Person,
    Problem,
    Unit,
)
from zhenggai.rules.status import CLOSED_MEASURE_STATUSES

NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Actor:
    """What the policy needs to know about a user, resolved once per request."""

    user_id: int | None
    is_superuser: bool
    unit_path: str | None
    person_id: int | None
    is_leader: bool
    is_office: bool


def actor_of(user) -> Actor:
    cached = getattr(user, "_zhenggai_actor", None)
    if cached is not None:
        return cached
    person = None
    if user.is_authenticated:
        person = Person.objects.select_related("unit").filter(user=user).first()
        if person:
            # Pages read user.person too; this spares them a second query.
            user.person = person
    actor = Actor(
        user_id=user.pk if user.is_authenticated else None,
        is_superuser=bool(user.is_authenticated and user.is_superuser),
        unit_path=scope_path(person.unit) if person else None,
        person_id=person.pk if person else None,
        is_leader=bool(person and person.is_leader),
        is_office=bool(person and person.unit.kind in (Unit.Kind.OFFICE, Unit.Kind.COMMITTEE)),
    )
    if user.is_authenticated:
        user._zhenggai_actor = actor
    return actor


def scope_path(unit: Unit) -> str:
    if unit.kind == Unit.Kind.OFFICE and unit.parent_id:
        return unit.path.rsplit("/", 2)[0] + "/"
    return unit.path


def subtree(path: str):
    return Unit.objects.filter(path__startswith=path).values("pk")


def supervised_rounds(path: str):
    return InspectionRound.objects.filter(office__in=subtree(path)).values("pk")


# Each scope is "a round the user's unit supervises" OR "an item its subtree answers for",
# the second as a UNION of indexed foreign-key lookups: an OR across joined tables would
# make the database scan every measure.


def responsible_measures(path: str):
    units = subtree(path)
    return (
        Measure.objects.filter(lead_unit__in=units)
        .values("pk")
        .order_by()
        .union(
            Measure.objects.filter(problem__lead_unit__in=units).values("pk").order_by(),
            MeasureCooperation.objects.filter(unit__in=units).values("measure_id").order_by(),
        )
    )


def responsible_problems(path: str, column: str = "pk"):
    units = subtree(path)
    measure_column = "problem_id" if column == "pk" else column
    return (
        Problem.objects.filter(lead_unit__in=units)
        .values(column)
        .order_by()
        .union(
            Measure.objects.filter(lead_unit__in=units).values(measure_column).order_by(),
            MeasureCooperation.objects.filter(unit__in=units)
            .values(f"measure__{measure_column}")
            .order_by(),
        )
    )


def measure_scope(user) -> Q:
    actor = actor_of(user)
    if actor.is_superuser:
        return Q()
    if actor.unit_path is None:
        return NOTHING
    path = actor.unit_path
    return Q(round__in=supervised_rounds(path)) | Q(pk__in=responsible_measures(path))


def problem_scope(user) -> Q:
    actor = actor_of(user)
    if actor.is_superuser:
        return Q()
    if actor.unit_path is None:
        return NOTHING
    path = actor.unit_path
    return Q(round__in=supervised_rounds(path)) | Q(pk__in=responsible_problems(path))


def round_scope(user) -> Q:
    actor = actor_of(user)
    if actor.is_superuser:
        return Q()
    if actor.unit_path is None:
        return NOTHING
    units = subtree(actor.unit_path)
    # Per round, EXISTS stops at the first row it finds; the UNION the other scopes use would
    # list every problem, measure and cooperation of the subtree first.
    answers_for = (
        Exists(Problem.objects.filter(round=OuterRef("pk"), lead_unit__in=units))
        | Exists(Measure.objects.filter(round=OuterRef("pk"), lead_unit__in=units))
        | Exists(MeasureCooperation.objects.filter(measure__round=OuterRef("pk"), unit__in=units))
    )
    return Q(office__in=units) | Q(answers_for)


def rounds_visible_to(user):
    return InspectionRound.objects.filter(round_scope(user))


def rows_in_rounds(model, user, rounds):
    """The user's rows of `model` (Measure or Problem) in these rounds: every row of a round
    the user supervises, with no scope query, and the scoped rows of the others."""
    supervised = [r.pk for r in rounds if supervises(user, r)]
    others = [r.pk for r in rounds if r.pk not in supervised]
    rows = model.objects.filter(round__in=supervised)
    path = actor_of(user).unit_path
    if others and path is not None:
        # In a round it does not supervise, the user's scope is only what its subtree answers
        # for: a plain semi-join, which the database can drive from the few rows it names.
        answered = {Measure: responsible_measures, Problem: responsible_problems}[model](path)
        rows = rows | model.objects.filter(round__in=others, pk__in=answered)
    return rows.order_by()


def measures_in(user, round_: InspectionRound):
    return rows_in_rounds(Measure, user, [round_])


def problems_in(user, round_: InspectionRound):
    return rows_in_rounds(Problem, user, [round_])


def supervises(user, round_: InspectionRound) -> bool:
    """The round's office (or a unit above it) runs the round."""
    actor = actor_of(user)
    if actor.is_superuser:
        return True
    return actor.unit_path is not None and round_.office.path.startswith(actor.unit_path)


# Permissions: (allowed, reason).


def can_create_round(user) -> tuple[bool, str]:
    actor = actor_of(user)
    if actor.is_superuser or actor.is_office:
        return True, ""
    return False, "只有整改办（督查室）的用户可以新建巡视轮次。"


def can_edit_round(user, round_: InspectionRound) -> tuple[bool, str]:
    if supervises(user, round_):
        return True, ""
    return False, "只有本轮整改牵头单位的用户可以修改轮次和问题清单。"


def can_edit_problem(user, problem: Problem) -> tuple[bool, str]:
    return can_edit_round(user, problem.round)


def can_edit_measure(user, measure: Measure) -> tuple[bool, str]:
    if measure.status in CLOSED_MEASURE_STATUSES:
        return False, "该措施已销号，不能直接修改；如需修改请先重新打开。"
    if supervises(user, measure.round):
        return True, ""
    actor = actor_of(user)
    if actor.unit_path and measure.lead_unit.path.startswith(actor.unit_path):
        return True, ""
    return False, "只有整改牵头单位或该措施的牵头单位可以修改措施。"


def can_claim(user, problem: Problem) -> tuple[bool, str]:
    actor = actor_of(user)
    if actor.person_id is None:
        return False, "您的账号没有关联人员信息，无法认领问题。"
    if problem.claims.filter(person_id=actor.person_id).exists():
        return False, "您已经认领过这个问题。"
    return True, ""


# Lookups: outside the scope is a 404, a refused write is a 403 with the reason.


def require(allowed_reason: tuple[bool, str]) -> None:
    """A refused (allowed, reason) becomes a 403 carrying the reason."""
    allowed, reason = allowed_reason
    if not allowed:
        raise PermissionDenied(reason)


def get_visible(queryset, pk):
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("没有找到该记录，或您无权查看。") from exc


def _get_in_scope(queryset, pk, user, scope, round_of):
    """Load by primary key, then check the scope only when the user does not run the round:
    the office's pages skip the scope query entirely."""
    item = get_visible(queryset, pk)
    if supervises(user, round_of(item)):
        return item
    if not queryset.model.objects.filter(scope(user), pk=item.pk).exists():
        raise Http404("没有找到该记录，或您无权查看。")
    return item


def get_round_for(user, pk, write: bool = False) -> InspectionRound:
    queryset = InspectionRound.objects.select_related("office")
    round_ = _get_in_scope(queryset, pk, user, round_scope, lambda round_: round_)
    if write:
        require(can_edit_round(user, round_))
    return round_


def get_problem_for(user, pk, write: bool = False) -> Problem:
    queryset = Problem.objects.select_related(
        "round__office", "category", "lead_leader", "lead_unit"
    )
    problem = _get_in_scope(queryset, pk, user, problem_scope, lambda problem: problem.round)
    if write:
        require(can_edit_problem(user, problem))
    return problem


def get_measure_for(user, pk, write: bool = False) -> Measure:
    queryset = Measure.objects.select_related(
        "round__office", "problem__category", "lead_unit", "person_in_charge"
    )
    measure = _get_in_scope(queryset, pk, user, measure_scope, lambda measure: measure.round)
    if write:
        require(can_edit_measure(user, measure))
    return measure


def sees_all_of(user, unit: Unit) -> bool:
    """Whether everything the unit's subtree leads or cooperates on is visible to the user,
    so that the unit's page needs no scope query."""
    actor = actor_of(user)
    return actor.is_superuser or bool(actor.unit_path and unit.path.startswith(actor.unit_path))


def get_unit_for(user, pk) -> Unit:
    """A unit page is visible to its own users, users above it, and the offices."""
    actor = actor_of(user)
    unit = get_visible(Unit.objects.all(), pk)
    if actor.is_superuser or actor.is_office:
        return unit
    if actor.unit_path and unit.path.startswith(actor.unit_path):
        return unit
    raise Http404("没有找到该单位，或您无权查看。")


def units_visible_to(user):
    """The same rule as get_unit_for, as a queryset: offices see every unit, others their
    own subtree."""
    actor = actor_of(user)
    if actor.is_superuser or actor.is_office:
        return Unit.objects.all()
    if actor.unit_path:
        return Unit.objects.filter(path__startswith=actor.unit_path)
    return Unit.objects.none()


def persons_visible_to(user):
    return Person.objects.filter(unit__in=units_visible_to(user))


def get_person_for(user, pk) -> Person:
    """A person's page is visible where the person's unit is, and to those who can see a
    problem the person leads: a unit's users follow their lead leader's name."""
    person = get_visible(Person.objects.select_related("unit"), pk)
    if units_visible_to(user).filter(pk=person.unit_id).exists():
        return person
    if Problem.objects.visible_to(user).filter(lead_leader=person).exists():
        return person
    raise Http404("没有找到该人员，或您无权查看。")

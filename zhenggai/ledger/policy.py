"""Who may see and change what. Every list, count and page of ledger data starts here.

Roles come from zhenggai.authority.roles, as assignments over an organization or a round.
Scoping: whoever runs a round (office), verifies it (a verification group's member) or observes
it sees that whole round. Otherwise a user sees the problems and measures that the tree of a
unit it holds a role for leads or cooperates on (in the rounds the role covers), and a leader
the problems it leads too. Users without a role see nothing.

Permissions are plain functions that return (allowed, reason in Chinese)."""

from functools import reduce
from operator import or_

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from zhenggai.authority.models import Role
from zhenggai.authority.roles import ACTING_UNIT_ROLES, SEEING_UNIT_ROLES, Actor, actor_of
from zhenggai.ledger.models import (
    InspectionRound,
    Measure,
    Person,
    Problem,
    Responsibility,
    Unit,
)
from zhenggai.rules.status import CLOSED_MEASURE_STATUSES

NOTHING = Q(pk__in=[])


def any_of(parts: list[Q]) -> Q:
    return reduce(or_, parts) if parts else NOTHING


def units_under(paths) -> Q:
    return any_of([Q(path__startswith=path) for path in paths])


def subtree(paths):
    """The units of one tree, or of several (a path or a list of paths)."""
    paths = [paths] if isinstance(paths, str) else paths
    return Unit.objects.filter(units_under(paths)).values("pk")


def subtree_ids(paths) -> list[int]:
    """The units of a tree listed first, for a query that names them: a few ids cost less to
    plan than a subquery of units, and let the database count them."""
    return list(subtree(paths).values_list("pk", flat=True))


def _whole_rounds(actor: Actor) -> Q | None:
    """The rounds the user sees whole, as a condition on InspectionRound; None for none."""
    office_paths = sorted({g.path for g in actor.holding(Role.OFFICE) if not g.round_id and g.path})
    round_ids = [
        g.round_id
        for g in actor.grants
        if g.round_id and g.role in (Role.OFFICE, Role.VERIFIER, Role.OBSERVER)
    ]
    observed = [g.organization_id for g in actor.holding(Role.OBSERVER) if not g.round_id]
    parts = []
    if office_paths:
        parts.append(Q(office__in=subtree(office_paths)))
    if round_ids:
        parts.append(Q(pk__in=sorted(set(round_ids))))
    if observed:
        parts.append(Q(office__organization_id__in=sorted(set(observed))))
    return any_of(parts) if parts else None


def whole_rounds(user):
    """The rounds whose every item the user sees, as a subquery."""
    whole = _whole_rounds(actor_of(user))
    return InspectionRound.objects.filter(whole if whole is not None else NOTHING).values("pk")


def run_rounds(user):
    """The rounds the user runs as their office, as a subquery."""
    parts = [
        Q(pk=g.round_id) if g.round_id else Q(office__in=subtree(g.path))
        for g in actor_of(user).holding(Role.OFFICE)
    ]
    return InspectionRound.objects.filter(any_of(parts)).values("pk")


def rows_by_unit(user, unit_field: str, round_field: str = "round", roles=None) -> Q:
    """Rows whose unit (`unit_field`) is in a tree the user holds a role for, in the rounds
    that role covers."""
    actor = actor_of(user)
    paths = actor.paths(roles) if roles else actor.paths()
    parts = []
    for round_id, trees in paths.items():
        part = any_of([Q(**{f"{unit_field}__path__startswith": path}) for path in trees])
        parts.append(part if round_id is None else part & Q(**{f"{round_field}_id": round_id}))
    return any_of(parts)


def rows_of_whole_rounds(user, round_field: str = "round") -> Q:
    if _whole_rounds(actor_of(user)) is None:
        return NOTHING
    return Q(**{f"{round_field}__in": whole_rounds(user)})


# Each scope is "a round the user sees whole" OR "an item a tree it holds a role for answers
# for", the second read off the units' responsibilities (one index range) and, for a leader,
# its problems: an OR across joined tables would make the database scan every measure.


def responsible_measures(
    units, leader_id: int | None = None, problems=None, rounds=None, among=None
):
    """What the `units` (the trees' units: `subtree`, or `subtree_ids`) answer for: the
    measures they lead, whose problems they lead, or they cooperate on (Responsibility), and,
    given a leader, the measures of the problems it leads.

    `problems` narrows it to the measures of those problems, so that a page of problems does
    not have the database list all that the trees answer for first; `among` (measures, a
    subquery) does the same for the measures of a few rows (pending requests); `rounds` (ids,
    or a subquery of them) to those rounds, so that a page of one round does not list what
    the trees answer for in every other round."""
    rows, led = Responsibility.objects.filter(unit__in=units), Measure.objects.all()
    if problems is not None:
        rows, led = rows.filter(problem__in=problems), led.filter(problem__in=problems)
    if among is not None:
        rows, led = rows.filter(measure__in=among), led.filter(pk__in=among)
    if rounds is not None:
        # The problem's round: the leader's measures are then read off the problem index.
        rows, led = rows.filter(round__in=rounds), led.filter(problem__round__in=rounds)
    answered = rows.values("measure_id").order_by()
    if leader_id is None:
        return answered
    return answered.union(led.filter(problem__lead_leader_id=leader_id).values("pk").order_by())


def responsible_problems(units, leader_id: int | None = None, rounds=None, among=None):
    """What the `units` answer for, as responsible_measures, and the problems they lead that
    have no measure yet. `among` (problems, ids or a subquery) narrows it to those problems,
    as for responsible_measures: asking about one problem does not list all the trees answer
    for."""
    problems, rows = Problem.objects.all(), Responsibility.objects.filter(unit__in=units)
    if among is not None:
        problems, rows = problems.filter(pk__in=among), rows.filter(problem__in=among)
    if rounds is not None:
        problems, rows = problems.filter(round__in=rounds), rows.filter(round__in=rounds)
    parts = [
        problems.filter(lead_unit__in=units).values("pk").order_by(),
        rows.values("problem_id").order_by(),
    ]
    if leader_id is not None:
        parts.append(problems.filter(lead_leader_id=leader_id).values("pk").order_by())
    return parts[0].union(*parts[1:])


def _answered_parts(actor: Actor, responsible, whole: Q | None) -> list[Q]:
    """What the user's trees (and, for a leader, its problems) answer for, round by round, in
    the rounds it does not see whole: those it sees whole need no such list (for the office
    that is also a leader of its committee, it would list every item of the organization)."""
    leader_id = actor.person_id if actor.leads else None
    by_round = actor.paths()
    if leader_id is not None and not by_round:
        by_round = {None: []}
    partial = InspectionRound.objects.exclude(whole) if whole is not None else None
    parts = []
    for round_id, trees in by_round.items():
        if round_id is not None:
            rounds = [round_id] if partial is None else partial.filter(pk=round_id).values("pk")
        else:
            rounds = None if partial is None else partial.values("pk")
        parts.append(Q(pk__in=responsible(subtree(trees), leader_id=leader_id, rounds=rounds)))
    return parts


def _scope(user, responsible) -> Q:
    actor = actor_of(user)
    whole = _whole_rounds(actor)
    parts = _answered_parts(actor, responsible, whole)
    if whole is not None:
        parts.insert(0, Q(round__in=whole_rounds(user)))
    return any_of(parts)


def measure_scope(user) -> Q:
    return _scope(user, responsible_measures)


def problem_scope(user) -> Q:
    return _scope(user, responsible_problems)


def _scope_by_row(user, answered, leader_field: str) -> Q:
    """_scope asked of each row: its rounds seen whole, whether its trees answer for it
    (`answered`, given their units), whether it leads it (`leader_field`)."""
    actor = actor_of(user)
    whole = _whole_rounds(actor)
    parts = [Q(round__in=whole_rounds(user))] if whole is not None else []
    for round_id, trees in actor.paths().items():
        # By their keys: PostgreSQL, given a subquery, lists what they answer for in every
        # round and hashes it rather than look at each row's few answers.
        part = answered(subtree_ids(trees))
        parts.append(part if round_id is None else part & Q(round_id=round_id))
    if actor.leads:
        parts.append(Q(**{leader_field: actor.person_id}))
    return any_of(parts)


def measure_scope_by_row(user) -> Q:
    """measure_scope for a few rows named otherwise (a person's measures): each is asked,
    where the listed scope would have the database list all that a city's tree answers for
    in every round first."""
    return _scope_by_row(user, lambda units: Q(answered_by(units)), "problem__lead_leader_id")


def problem_scope_by_row(user) -> Q:
    """problem_scope for a few rows named otherwise (a leader's problems), as
    measure_scope_by_row."""
    return _scope_by_row(user, problem_answered_by, "lead_leader_id")


def _parts_in_round(round_, units=None, leader_id=None) -> list:
    """What gives a user a part in a round (a round, or OuterRef to each round in turn): a
    problem its trees' units lead, a measure they answer for, a problem it leads."""
    parts = []
    if units is not None:
        parts += [
            Problem.objects.filter(round=round_, lead_unit__in=units),
            Responsibility.objects.filter(round=round_, unit__in=units),
        ]
    if leader_id is not None:
        parts.append(Problem.objects.filter(round=round_, lead_leader_id=leader_id))
    return parts


def round_scope(user) -> Q:
    actor = actor_of(user)
    parts = []
    whole = _whole_rounds(actor)
    if whole is not None:
        parts.append(whole)
    # Per round, EXISTS stops at the first row it finds; the semi-join the other scopes use
    # would list every problem and measure the tree answers for first.
    for round_id, trees in actor.paths().items():
        each = _parts_in_round(OuterRef("pk"), subtree(trees))
        answers_for = any_of([Q(Exists(part)) for part in each])
        parts.append(answers_for if round_id is None else answers_for & Q(pk=round_id))
    if actor.leads:
        led = _parts_in_round(OuterRef("pk"), leader_id=actor.person_id)
        parts += [Q(Exists(part)) for part in led]
    return any_of(parts)


def rounds_visible_to(user):
    return InspectionRound.objects.filter(round_scope(user))


def rows_in_rounds(model, user, rounds):
    """The user's rows of `model` (Measure or Problem) in these rounds: every row of a round
    the user sees whole, with no scope query, and the scoped rows of the others."""
    actor = actor_of(user)
    whole = [r.pk for r in rounds if sees_whole(user, r)]
    rows = model.objects.filter(round__in=whole)
    responsible = {Measure: responsible_measures, Problem: responsible_problems}[model]
    leader_id = actor.person_id if actor.leads else None
    by_trees: dict[tuple[str, ...], list[int]] = {}
    for round_ in rounds:
        if round_.pk not in whole:
            trees = tuple(actor.paths_in(round_))
            if trees or leader_id is not None:
                by_trees.setdefault(trees, []).append(round_.pk)
    for trees, round_ids in by_trees.items():
        covered = [pk for pk in round_ids if _covers(list(trees), pk)]
        if covered:
            rows = rows | model.objects.filter(
                _held_whole(model, trees, leader_id), round__in=covered
            )
        listed = [pk for pk in round_ids if pk not in covered]
        if not listed:
            continue
        # In a round it does not see whole, the user's scope is only what its trees answer
        # for: a plain semi-join, which the database can drive from the few rows it names.
        answered = responsible(subtree(list(trees)), leader_id=leader_id, rounds=listed)
        rows = rows | model.objects.filter(round__in=listed, pk__in=answered)
    return rows.order_by()


def _covers(trees: list[str], round_id: int) -> bool:
    """The trees answer for every measure of the round: one is the top of its organization
    (only then is it worth asking), and no unit outside them answers for any measure of it
    (each measure's lead unit answers for it). Listing such a scope would list the round."""
    if not any(tree.count("/") == 1 for tree in trees):
        return False
    outside = Unit.objects.exclude(units_under(trees)).values("pk")
    return not Responsibility.objects.filter(round=round_id, unit__in=outside).exists()


def _held_whole(model, trees, leader_id: int | None) -> Q:
    """What a scope that covers its round holds of it, asked of each row: every measure, and
    every problem but those without a measure that no unit of the trees leads (nor the user,
    as their leader)."""
    if model is Measure:
        return Q()
    held = Q(lead_unit__in=subtree(list(trees))) | Q(
        Exists(Measure.objects.filter(problem=OuterRef("pk")))
    )
    return held | Q(lead_leader_id=leader_id) if leader_id is not None else held


def covers_round(user, round_: InspectionRound) -> bool:
    """The user's trees answer for every measure of the round (a province committee's own
    reporter): its lists are the round's, as rows_in_rounds gives them, not a scope."""
    actor = actor_of(user)
    return not sees_whole(user, round_) and _covers(actor.paths_in(round_), round_.pk)


def measures_in(user, round_: InspectionRound):
    return rows_in_rounds(Measure, user, [round_])


def measures_of(user, round_: InspectionRound, problems: list[Problem]):
    """The user's measures of these problems of the round (a page of the problem list)."""
    # By id: each part of the query would turn every problem into its id once more.
    ids = [problem.pk for problem in problems]
    return _narrowed(user, round_, Measure.objects.filter(problem__in=ids), problems=ids)


def measures_among(user, round_: InspectionRound, among):
    """The user's measures among these (ids, or a subquery of a few measures of the round)."""
    return _narrowed(user, round_, Measure.objects.filter(pk__in=among), among=among)


def answered_by(units, measure: str = "pk") -> Exists:
    """Whether the `units` answer for the measure at `measure` (the path to it), asked of each
    row on its own rather than by listing all that the units answer for."""
    return Exists(Responsibility.objects.filter(measure=OuterRef(measure), unit__in=units))


def problem_answered_by(units, rounds=None) -> Q:
    """Whether the `units` lead the problem or answer for one of its measures, asked of each
    row on its own, as answered_by: a look at the problem's few answers (the
    responsibility_problem index). Given `rounds` (ids), the problems' own, PostgreSQL
    walking many of them may instead list the units' answers in those rounds once and hash
    them; it would otherwise list those of every round."""
    answering = Responsibility.objects.filter(problem=OuterRef("pk"), unit__in=units)
    if rounds is not None:
        answering = answering.filter(round__in=rounds)
    return Q(lead_unit__in=units) | Q(Exists(answering))


def measure_answered_q(user, round_: InspectionRound, measure: str = "measure") -> Q:
    """_narrowed's rule as a condition on rows that name a measure of the round (`measure`,
    the path to it), for a few rows (the open requests): each row is looked at once, where
    a semi-join would first list what the trees answer for among them."""
    if sees_whole(user, round_):
        return Q()
    actor = actor_of(user)
    trees = actor.paths_in(round_)
    parts = []
    if trees:
        parts.append(Q(answered_by(subtree(list(trees)), measure)))
    if actor.leads:
        parts.append(Q(**{f"{measure}__problem__lead_leader_id": actor.person_id}))
    return any_of(parts)


def problems_among(user, round_: InspectionRound, among):
    """The user's problems among these (ids, or a subquery of a few problems of the round)."""
    return _narrowed(user, round_, Problem.objects.filter(pk__in=among), among=among)


def _narrowed(user, round_: InspectionRound, rows, **narrow):
    if sees_whole(user, round_):
        return rows
    actor = actor_of(user)
    leader_id = actor.person_id if actor.leads else None
    trees = actor.paths_in(round_)
    if not trees and leader_id is None:
        return rows.none()
    responsible = {Measure: responsible_measures, Problem: responsible_problems}[rows.model]
    answered = responsible(subtree(list(trees)), leader_id=leader_id, rounds=[round_.pk], **narrow)
    return rows.filter(pk__in=answered)


def problems_in(user, round_: InspectionRound):
    return rows_in_rounds(Problem, user, [round_])


def answers_within(user, round_: InspectionRound, unit: Unit) -> bool:
    """All the user sees of the round is what the unit's tree answers for: the trees it sees
    lie in that tree, and it sees neither the whole round nor problems as their leader. A
    filter by that unit's tree then keeps every row (a county's reporter filtering by its
    county), and the database need not list the tree's work a second time."""
    actor = actor_of(user)
    if actor.leads or sees_whole(user, round_):
        return False
    trees = actor.paths_in(round_)
    return bool(trees) and all(tree.startswith(unit.path) for tree in trees)


# Up to this many answers, listing what trees answer for costs less than asking it of each
# row (and, for a page, than counting it and the round to decide), and PostgreSQL, asked for
# one page of so few, may walk the whole round for them.
FEW_KEYS = 3000


def answers_few(trees: list[str], round_: InspectionRound) -> bool:
    """The trees answer for at most FEW_KEYS measures of the round, by one reason or more:
    read off the index up to one past that, not counted."""
    answers = responsible_measures(subtree(trees), rounds=[round_.pk])
    return not answers[FEW_KEYS : FEW_KEYS + 1].exists()


def problem_leaders(user, round_: InspectionRound):
    """The leaders of the problems the user sees in the round, to choose among: not the
    names of those leading what another unit answers for. Each leader is asked whether it
    leads such a problem, stopping at the first, unless the user's trees answer for few:
    their problems are then listed once and name their leaders (a city's 5,900 problems
    listed cost PostgreSQL 23 ms, asked leader by leader 3–5 by the responsibility_problem
    index)."""
    leaders = Person.objects.filter(is_leader=True)
    in_round = Problem.objects.filter(round=round_)
    if not sees_whole(user, round_):
        actor = actor_of(user)
        trees = sorted(actor.paths_in(round_))
        if not trees or answers_few(trees, round_):
            return leaders.filter(pk__in=problems_in(user, round_).values("lead_leader_id"))
        seen = problem_answered_by(subtree_ids(trees))
        if actor.leads:
            seen |= Q(lead_leader_id=actor.person_id)
        in_round = in_round.filter(seen)
    return leaders.filter(Exists(in_round.filter(lead_leader=OuterRef("pk"))))


def unit_within_scope(user, round_: InspectionRound, unit: Unit) -> bool:
    """The unit's tree lies in a tree whose answers the user sees in the round: whatever that
    unit's tree answers for, or leads, the user sees, and a filter by it needs no scope of its
    own (a city's reporter narrowing to one of its counties, or to what its own tree leads
    and has let pass its deadline)."""
    return any(unit.path.startswith(tree) for tree in actor_of(user).paths_in(round_))


def scope_trees(user, round_: InspectionRound) -> list[str] | None:
    """The trees (paths) whose answers are all the user sees of the round, as _narrowed
    reads them: a reporter's. None for a user who sees the round whole, or who leads
    problems in it (a leader's scope has a part of its own)."""
    actor = actor_of(user)
    if actor.leads or sees_whole(user, round_):
        return None
    return sorted(actor.paths_in(round_)) or None


def supervises(user, round_: InspectionRound) -> bool:
    """The user runs the round as its office (整改办)."""
    return actor_of(user).runs(round_)


def sees_whole(user, round_: InspectionRound) -> bool:
    """Every item of the round is visible to the user: its office, verifiers and observers."""
    return actor_of(user).sees_whole(round_)


def approving_leader(user, round_: InspectionRound) -> bool:
    """The user may approve as the round's leader (e.g. an extension the office forwards)."""
    return actor_of(user).approves(round_)


def acts_for(user, unit: Unit | None, round_: InspectionRound) -> bool:
    """The unit is in a tree the user acts for (office or reporter) in the round."""
    if unit is None:
        return False
    return any(
        unit.path.startswith(path) for path in actor_of(user).paths_in(round_, ACTING_UNIT_ROLES)
    )


def answerable_for(user, measure: Measure) -> bool:
    """The measure's lead unit is the user's own unit or below it: its deadline, text and kind
    are a commitment the user's unit made, which the user does not change on its own say,
    even while running the round (zhenggai.authority.fields.COMMITMENTS). A login without a
    person sits in the units its roles are given for (Actor.own_paths)."""
    return any(measure.lead_unit.path.startswith(path) for path in actor_of(user).own_paths)


def answerable_q(user, lead_unit: str = "lead_unit") -> Q:
    """answerable_for as a filter on measures (or on rows that reach them by `lead_unit`)."""
    return any_of(
        [Q(**{f"{lead_unit}__path__startswith": path}) for path in actor_of(user).own_paths]
    )


# Permissions: (allowed, reason).


def can_create_round(user) -> tuple[bool, str]:
    if any(not g.round_id for g in actor_of(user).holding(Role.OFFICE)):
        return True, ""
    return False, "只有整改办（督查室）的用户可以新建轮次。"


def can_edit_round(user, round_: InspectionRound) -> tuple[bool, str]:
    if supervises(user, round_):
        return True, ""
    return False, "只有本轮整改牵头单位的用户可以修改轮次和问题清单。"


def can_act_on_many(user, round_: InspectionRound) -> tuple[bool, str]:
    """Batch work on the task list (催办, 配合单位, 责任人, 完成时限, 督办单): the office."""
    if supervises(user, round_):
        return True, ""
    return False, "只有本轮整改牵头单位（整改办）可以批量处理措施。"


def can_edit_problem(user, problem: Problem) -> tuple[bool, str]:
    return can_edit_round(user, problem.round)


def can_edit_measure(user, measure: Measure) -> tuple[bool, str]:
    if measure.status in CLOSED_MEASURE_STATUSES:
        return False, "该措施已销号，不能直接修改；如需修改请先重新打开。"
    if supervises(user, measure.round) or acts_for(user, measure.lead_unit, measure.round):
        return True, ""
    return False, "只有整改牵头单位或该措施的牵头单位可以修改措施。"


def can_delete_measure(user, measure: Measure) -> tuple[bool, str]:
    """Only the round's office removes a measure, and only one nothing was done on yet: a
    measure with progress, verifications or reminders stays, to be reopened or changed."""
    if not supervises(user, measure.round):
        return False, "只有本轮整改牵头单位可以删除措施。"
    if measure.status != "not_started" or measure.last_reported_on or measure.closed_on:
        return False, "该措施已有进展、核查或销号记录，不能删除；如需调整请修改措施。"
    return True, ""


def can_claim(user, problem: Problem) -> tuple[bool, str]:
    actor = actor_of(user)
    if actor.person_id is None:
        return False, "您的账号没有关联人员信息，无法认领问题。"
    if not actor.roles_in(problem.round) & SEEING_UNIT_ROLES:
        return False, "只有本轮的领导、整改办和责任单位可以认领问题。"
    if problem.claims.filter(person_id=actor.person_id).exists():
        return False, "您已经认领过这个问题。"
    return True, ""


# References: nothing crosses organizations.


def organization_of(round_: InspectionRound) -> int:
    """The organization a round belongs to: its office's."""
    return round_.office.organization_id


def _organization_of_ref(item) -> int:
    unit = item.unit if isinstance(item, Person) else item
    return unit.organization_id


def foreign_references(round_: InspectionRound, **refs) -> dict[str, str]:
    """The fields among `refs` (each a unit, a person, or a list of them) that name something
    of another organization than the round's, with the message to show."""
    organization = organization_of(round_)
    errors = {}
    for field, value in refs.items():
        items = value if isinstance(value, (list, tuple, set)) else [value]
        if any(i is not None and _organization_of_ref(i) != organization for i in items):
            errors[field] = "所选内容不属于本轮整改所在的组织，不能选择。"
    return errors


def units_of_round(round_: InspectionRound):
    """The units a round's references may name: those of its organization."""
    return Unit.objects.filter(organization_id=organization_of(round_))


def persons_of_round(round_: InspectionRound):
    return Person.objects.filter(unit__organization_id=organization_of(round_))


def office_trees(user) -> list[str]:
    """The trees whose units the user may make the office of a round (those it holds the
    office role for across an organization)."""
    actor = actor_of(user)
    return sorted({g.path for g in actor.holding(Role.OFFICE) if not g.round_id and g.path})


def offices_for(user):
    """The units the user may name as a round's office (整改牵头单位)."""
    offices = Unit.objects.filter(kind__in=[Unit.Kind.OFFICE, Unit.Kind.COMMITTEE])
    trees = office_trees(user)
    return offices.filter(units_under(trees)) if trees else offices.none()


def can_name_office(user, office: Unit | None) -> tuple[bool, str]:
    if office is None or offices_for(user).filter(pk=office.pk).exists():
        return True, ""
    return False, "只能选择本单位或其下级单位中的整改办、党委（政法委）作为整改牵头单位。"


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


def _get_in_scope(queryset, pk, user, visible, round_of):
    """Load by primary key, then check the scope only when the user does not see the round
    whole (the office's pages skip the scope query entirely), and then about that item of
    that round alone (`visible(user, round_, item)`)."""
    item = get_visible(queryset, pk)
    round_ = round_of(item)
    if sees_whole(user, round_):
        return item
    if not visible(user, round_, item):
        raise Http404("没有找到该记录，或您无权查看。")
    return item


def _has_part_in(user, round_: InspectionRound) -> bool:
    """round_scope's rule asked of one round: a few plain EXISTS of this round cost a third
    of round_scope's, built for every round."""
    actor = actor_of(user)
    by_round = actor.paths()
    trees = sorted({path for key in (None, round_.pk) for path in by_round.get(key, [])})
    units = subtree(trees) if trees else None
    leader_id = actor.person_id if actor.leads else None
    return any(part.exists() for part in _parts_in_round(round_, units, leader_id))


def _among(scoped):
    return lambda user, round_, item: scoped(user, round_, [item.pk]).exists()


def get_round_for(user, pk, write: bool = False) -> InspectionRound:
    queryset = InspectionRound.objects.select_related("office")
    round_ = _get_in_scope(
        queryset,
        pk,
        user,
        lambda user, round_, _: _has_part_in(user, round_),
        lambda round_: round_,
    )
    if write:
        require(can_edit_round(user, round_))
    return round_


def get_problem_for(user, pk, write: bool = False) -> Problem:
    queryset = Problem.objects.select_related(
        "round__office", "category", "lead_leader", "lead_unit"
    )
    problem = _get_in_scope(
        queryset, pk, user, _among(problems_among), lambda problem: problem.round
    )
    if write:
        require(can_edit_problem(user, problem))
    return problem


def get_measure_for(user, pk, write: bool = False) -> Measure:
    queryset = Measure.objects.select_related(
        "round__office", "problem__category", "lead_unit", "person_in_charge"
    )
    measure = _get_in_scope(
        queryset, pk, user, _among(measures_among), lambda measure: measure.round
    )
    if write:
        require(can_edit_measure(user, measure))
    return measure


def sees_all_of(user, unit: Unit) -> bool:
    """Whether everything the unit's tree leads or cooperates on is visible to the user, so
    that the unit's page needs no scope query."""
    trees = actor_of(user).paths().get(None, [])
    return any(unit.path.startswith(path) for path in trees)


def get_unit_for(user, pk) -> Unit:
    """A unit page is visible to the users of its tree and of the units above it, and to
    whoever sees whole rounds of its organization (office, verifiers, observers)."""
    try:
        return units_visible_to(user).get(pk=pk)
    except (Unit.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("没有找到该单位，或您无权查看。") from exc


def units_visible_to(user):
    """The units of the organizations whose rounds the user sees whole (as office, verifier or
    observer), and the trees of the units it holds a role for."""
    actor = actor_of(user)
    organizations = {
        g.organization_id
        for g in actor.grants
        if g.role in (Role.OFFICE, Role.VERIFIER, Role.OBSERVER)
    }
    trees = sorted({path for paths in actor.paths().values() for path in paths})
    parts = [units_under(trees)] if trees else []
    if organizations:
        parts.append(Q(organization_id__in=sorted(organizations)))
    return Unit.objects.filter(any_of(parts)) if parts else Unit.objects.none()


def persons_visible_to(user):
    return Person.objects.filter(unit__in=units_visible_to(user))


def get_person_for(user, pk) -> Person:
    """A person's page is visible where the person's unit is, and to those who can see a
    problem the person leads or a measure the person is in charge of: a unit's users follow
    the names their problems and measures show (a cooperating unit sees another unit's)."""
    person = get_visible(Person.objects.select_related("unit"), pk)
    if units_visible_to(user).filter(pk=person.unit_id).exists():
        return person
    if Problem.objects.filter(problem_scope_by_row(user), lead_leader=person).exists():
        return person
    if Measure.objects.filter(measure_scope_by_row(user), person_in_charge=person).exists():
        return person
    raise Http404("没有找到该人员，或您无权查看。")

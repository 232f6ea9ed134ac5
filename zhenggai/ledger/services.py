"""Domain actions on the ledger. Web views, the API and the command line all call these.

Each action takes the acting user and plain values, checks the policy, validates, saves and
records an Event in one transaction. Failures are ValidationError (Chinese messages per field)
or PermissionDenied (the reason in Chinese)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from zhenggai.authority import fields as field_authority
from zhenggai.ledger import policy, versions
from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import (
    Category,
    Claim,
    Event,
    InspectionRound,
    Measure,
    Person,
    Problem,
    Unit,
)
from zhenggai.rules.lifecycle import HAND_SET_STATUSES
from zhenggai.rules.status import problem_status

RECTIFICATION_MONTHS = 2


def _snapshot(obj, fields) -> dict:
    return {name: versions.snapshot_value(getattr(obj, name)) for name in fields}


def _stored(obj, fields) -> dict:
    """The snapshot of what the database holds, not of the instance in hand: a bound
    ModelForm writes the new values into its instance while validating, before the view
    calls the service, so the instance's own values are already the "after"."""
    related = [name for name in fields if obj._meta.get_field(name).is_relation]
    stored = type(obj)._default_manager.select_related(*related).get(pk=obj.pk)
    return _snapshot(stored, fields)


def _changes(before: dict, after: dict) -> dict:
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def record(kind, round_, user, *, problem=None, measure=None, changes=None, version=None) -> Event:
    """`version`: the version of the item the event changed (the measure, else the problem,
    else the round), for an event that moved it on (zhenggai.ledger.versions)."""
    return Event.objects.create(
        kind=kind,
        round=round_,
        problem=problem,
        measure=measure,
        actor=user if user and user.is_authenticated else None,
        changes=changes or {},
        version=version,
    )


def _changing(obj, values: dict) -> list[str]:
    """The fields among `values` whose value differs from what the database holds: a client
    may send a field back unchanged, which is no attempt to set it."""
    columns = {name: obj._meta.get_field(name).attname for name in values}
    stored = type(obj)._default_manager.filter(pk=obj.pk).values(*columns.values()).get()
    return [
        name
        for name, value in values.items()
        if stored[columns[name]] != (value.pk if hasattr(value, "pk") else value)
    ]


def _assign(obj, values: dict) -> list[str]:
    for name, value in values.items():
        setattr(obj, name, value)
    return list(values)


# Rounds

ROUND_FIELDS = [
    "name",
    "kind",
    "team",
    "organization",
    "office",
    "visit_start",
    "visit_end",
    "feedback_date",
    "rectification_deadline",
    "report_deadline",
    "status",
    # 督办设置: a change moves the round's lights at once (supervision.lights.on_round_saved).
    "rhythm_days",
    "rhythm_days_after",
    "due_soon_workdays",
    "onsite_required_for_key",
]


def default_deadlines(round_: InspectionRound) -> None:
    """Two months after feedback, rolled past holidays, unless someone set them."""
    if round_.feedback_date is None:
        return
    due = work_calendar().months_after(round_.feedback_date, RECTIFICATION_MONTHS).date
    round_.rectification_deadline = round_.rectification_deadline or due
    round_.report_deadline = round_.report_deadline or due


def _check_office(user, office: Unit | None, before: Unit | None = None) -> None:
    """A round's office is a unit the user may name (its own tree), and a round stays in its
    organization."""
    allowed, reason = policy.can_name_office(user, office)
    if allowed and before is not None and office is not None:
        allowed = office.organization_id == before.organization_id
        reason = "轮次不能移到另一个组织。"
    if not allowed:
        raise ValidationError({"office": reason})


@transaction.atomic
def create_round(user, **values) -> InspectionRound:
    policy.require(policy.can_create_round(user))
    _check_office(user, values.get("office"))
    round_ = InspectionRound()
    _assign(round_, values)
    default_deadlines(round_)
    round_.full_clean()
    round_.save()
    record(
        Event.Kind.ROUND_CREATED,
        round_,
        user,
        changes=_changes({}, _snapshot(round_, ROUND_FIELDS)),
    )
    return round_


@transaction.atomic
def update_round(user, round_: InspectionRound, *, version: int | None, **values):
    """`version`: the round's version the edit was made on (None: overwrite whatever it is)."""
    policy.require(policy.can_edit_round(user, round_))
    changing = _changing(round_, values)
    field_authority.require_fields(user, round_, changing)
    if "office" in changing:
        stored = InspectionRound.objects.select_related("office").get(pk=round_.pk)
        _check_office(user, values["office"], stored.office)
    versions.claim(round_, version)
    before = _stored(round_, ROUND_FIELDS)
    _assign(round_, values)
    default_deadlines(round_)
    round_.full_clean()
    round_.save()
    changes = _changes(before, _snapshot(round_, ROUND_FIELDS))
    if changes:
        record(Event.Kind.ROUND_UPDATED, round_, user, changes=changes, version=round_.version)
    else:
        versions.release(round_)
    return round_


@transaction.atomic
def create_category(user, round_: InspectionRound, title: str, number=None) -> Category:
    policy.require(policy.can_edit_round(user, round_))
    if number is None:
        number = (round_.categories.aggregate(n=Max("number"))["n"] or 0) + 1
    category = Category(round=round_, number=number, title=title)
    category.full_clean()
    category.save()
    return category


# Problems

PROBLEM_FIELDS = [
    "category",
    "number",
    "text",
    "manifestations",
    "source",
    "is_key",
    "lead_leader",
    "lead_unit",
]


def _check_problem_refs(round_: InspectionRound, problem: Problem) -> None:
    errors = {}
    if problem.category_id and problem.category.round_id != round_.pk:
        errors["category"] = "所选方面不属于本轮次。"
    if problem.lead_leader_id and not problem.lead_leader.is_leader:
        errors["lead_leader"] = "牵头领导必须是领导班子成员。"
    errors |= policy.foreign_references(
        round_, lead_unit=problem.lead_unit, lead_leader=problem.lead_leader
    )
    if errors:
        raise ValidationError(errors)


def _next_problem_number(category: Category) -> int:
    return (category.problems.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def create_problem(user, round_: InspectionRound, **values) -> Problem:
    policy.require(policy.can_edit_round(user, round_))
    problem = Problem(round=round_)
    _assign(problem, values)
    if problem.category_id and not problem.number:
        problem.number = _next_problem_number(problem.category)
    _check_problem_refs(round_, problem)
    problem.full_clean()
    problem.save()
    record(
        Event.Kind.PROBLEM_CREATED,
        round_,
        user,
        problem=problem,
        changes=_changes({}, _snapshot(problem, PROBLEM_FIELDS)),
    )
    return problem


@transaction.atomic
def update_problem(user, problem: Problem, *, version: int | None, **values) -> Problem:
    """`version`: as for update_round."""
    policy.require(policy.can_edit_problem(user, problem))
    field_authority.require_fields(user, problem, _changing(problem, values))
    versions.claim(problem, version)
    before = _stored(problem, PROBLEM_FIELDS)
    _assign(problem, values)
    _check_problem_refs(problem.round, problem)
    problem.full_clean()
    problem.save()
    changes = _changes(before, _snapshot(problem, PROBLEM_FIELDS))
    if changes:
        record(
            Event.Kind.PROBLEM_UPDATED,
            problem.round,
            user,
            problem=problem,
            changes=changes,
            version=problem.version,
        )
    else:
        versions.release(problem)
    return problem


def refresh_problem_status(problem: Problem) -> None:
    status = problem_status(problem.measures.values_list("status", flat=True))
    if status != problem.status:
        Problem.objects.filter(pk=problem.pk).update(status=status)
        problem.status = status


# Measures

MEASURE_FIELDS = [
    "number",
    "text",
    "kind",
    "deadline",
    "deliverable",
    "status",
    "lead_unit",
    "person_in_charge",
]


# An extension keeps the committed deadline beside the approved one.
AMENDED_FIELDS = [*MEASURE_FIELDS, "original_deadline"]


def _set_cooperating(measure: Measure, units) -> dict:
    if units is None:
        return {}
    before = sorted(u.name for u in measure.cooperating_units.all())
    measure.set_cooperating_units(units)
    after = sorted(u.name for u in units)
    return {"cooperating_units": [before, after]} if before != after else {}


def _cooperating_change(measure: Measure, units) -> bool:
    if units is None:
        return False
    lead = measure.lead_unit_id
    wanted = {u.pk for u in units if u.pk != lead}
    return wanted != set(measure.cooperating_units.exclude(pk=lead).values_list("pk", flat=True))


def _check_person_in_charge(user, measure: Measure, person: Person | None) -> None:
    """The lead unit assigns its person in charge from its own tree; the office from the
    whole organization (checked with the other references)."""
    if person is None or policy.supervises(user, measure.round):
        return
    lead_path = Measure.objects.filter(pk=measure.pk).values_list("lead_unit__path", flat=True)
    if not person.unit.path.startswith(lead_path.get()):
        raise ValidationError(
            {"person_in_charge": "责任人只能从本措施牵头单位及其下级单位中选择。"}
        )


def _check_measure_refs(measure: Measure, cooperating_units) -> None:
    errors = policy.foreign_references(
        measure.round,
        lead_unit=measure.lead_unit,
        cooperating_units=cooperating_units or [],
        person_in_charge=measure.person_in_charge,
    )
    if any(unit.pk == measure.lead_unit_id for unit in cooperating_units or ()):
        # Refused rather than dropped, so that nobody believes a unit cooperates that does not.
        errors.setdefault(
            "cooperating_units",
            f"“{measure.lead_unit}”是本措施的牵头单位，不能同时作为配合单位，请从配合单位中去掉。",
        )
    if errors:
        raise ValidationError(errors)


def _check_hand_set_status(before: str, after: str) -> None:
    """Done, closed, ongoing and returned come only from reports and verifications
    (zhenggai.carryout), so that nothing is closed without a verification behind it."""
    if before != after and not {before, after} <= HAND_SET_STATUSES:
        raise ValidationError(
            {"status": "“已完成待核查”“已销号”“长期坚持”“退回重改”只能由报送进展和核查产生。"}
        )


@transaction.atomic
def create_measure(user, problem: Problem, cooperating_units=None, **values) -> Measure:
    policy.require(policy.can_edit_problem(user, problem))
    measure = Measure(problem=problem, round=problem.round)
    _assign(measure, values)
    _check_hand_set_status(Measure.status.field.default, measure.status)
    if not measure.number:
        measure.number = (problem.measures.aggregate(n=Max("number"))["n"] or 0) + 1
    if measure.lead_unit_id is None and problem.lead_unit_id:
        measure.lead_unit = problem.lead_unit
    _check_measure_refs(measure, cooperating_units)
    measure.full_clean()
    measure.save()
    changes = _changes({}, _snapshot(measure, MEASURE_FIELDS))
    changes.update(_set_cooperating(measure, cooperating_units or []))
    record(
        Event.Kind.MEASURE_CREATED,
        problem.round,
        user,
        problem=problem,
        measure=measure,
        changes=changes,
    )
    refresh_problem_status(problem)
    return measure


@transaction.atomic
def update_measure(
    user, measure: Measure, cooperating_units=None, *, version: int | None, **values
) -> Measure:
    """`version`: as for update_round. Each changed field must be one the user may set
    (zhenggai.authority.fields)."""
    policy.require(policy.can_edit_measure(user, measure))
    changing = _changing(measure, values)
    if _cooperating_change(measure, cooperating_units):
        changing.append("cooperating_units")
    field_authority.require_fields(user, measure, changing)
    _check_person_in_charge(user, measure, values.get("person_in_charge"))
    return _change_measure(
        user, measure, version, Event.Kind.MEASURE_UPDATED, values, cooperating_units
    )


@transaction.atomic
def amend_measure(user, measure: Measure, *, version: int | None, event, note=None, **values):
    """A change decided on a unit's request (延期, 变更: zhenggai.requests), which has checked
    who may decide it: applied as an edit on `version`, recorded as `event` with before and
    after and what `note` adds (the request, the decider's words)."""
    return _change_measure(user, measure, version, event, values, None, note)


def _change_measure(user, measure, version, kind, values, cooperating_units, note=None):
    versions.claim(measure, version)
    before = _stored(measure, AMENDED_FIELDS)
    _assign(measure, values)
    _check_hand_set_status(before["status"], measure.status)
    _check_measure_refs(measure, cooperating_units)
    measure.full_clean()
    measure.save()
    changes = _changes(before, _snapshot(measure, AMENDED_FIELDS))
    changes.update(_set_cooperating(measure, cooperating_units))
    if changes or note:
        record(
            kind,
            measure.round,
            user,
            problem=measure.problem,
            measure=measure,
            changes={**changes, **(note or {})},
            version=measure.version,
        )
    else:
        versions.release(measure)
    refresh_problem_status(measure.problem)
    return measure


@transaction.atomic
def delete_measure(user, measure: Measure) -> None:
    """The record keeps what the measure was: the event stays on its problem."""
    policy.require(policy.can_delete_measure(user, measure))
    problem = measure.problem
    before = {"code": measure.code, **_snapshot(measure, MEASURE_FIELDS)}
    changes = {name: [value, None] for name, value in before.items()}
    measure.delete()
    record(Event.Kind.MEASURE_DELETED, problem.round, user, problem=problem, changes=changes)
    refresh_problem_status(problem)


# Claims


@transaction.atomic
def claim_problem(user, problem: Problem, note: str = "") -> Claim:
    """The user's person claims the problem, on behalf of the person's unit too."""
    policy.require(policy.can_claim(user, problem))
    person = Person.objects.select_related("unit").get(user=user)
    claim = Claim(problem=problem, person=person, unit=person.unit, note=note, claimed_by=user)
    claim.full_clean()
    claim.save()
    record(
        Event.Kind.CLAIMED,
        problem.round,
        user,
        problem=problem,
        changes={"claimant": [None, str(person)], "unit": [None, person.unit.name]},
    )
    return claim


# Units and persons (reference data; the admin and the API create them)


@transaction.atomic
def create_unit(name: str, kind: str = Unit.Kind.OTHER, parent: Unit | None = None) -> Unit:
    unit = Unit(name=name, kind=kind, parent=parent)
    unit.full_clean(exclude=["path", "depth"])
    unit.save()
    return unit

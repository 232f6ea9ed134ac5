"""Domain actions on lasting mechanisms and generalization (举一反三). Web views and the API
call these. Each takes the acting user and plain values, checks the policy, validates, saves
and records ledger Events in one transaction; failures are ValidationError (Chinese messages
per field) or PermissionDenied (the reason in Chinese)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from zhenggai.carryout.files import CheckedFile, check_file
from zhenggai.ledger import services as ledger
from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import Event, Problem, Unit
from zhenggai.ledger.policy import require, supervises
from zhenggai.ledger.queries import today
from zhenggai.mechanisms import policy, queries
from zhenggai.mechanisms.models import Generalization, GeneralizationAnswer, Mechanism
from zhenggai.rules.workdays import Deadline

Answer = GeneralizationAnswer.Answer
Review = GeneralizationAnswer.Review
ANSWER_WORKDAYS = 10
# What a unit may set on a measure it proposes; status and the rest stay the ledger's.
MEASURE_KEYS = ("text", "kind", "deadline", "deliverable")


def _text(errors: dict, field: str, value: str, max_length: int, missing: str = "") -> str:
    """Text fields are TextFields, whose length the model does not check by itself."""
    value = (value or "").strip()
    if missing and not value:
        errors[field] = missing
    elif len(value) > max_length:
        errors[field] = f"不能超过 {max_length} 个字符（现有 {len(value)} 个）。"
    elif "\x00" in value:
        errors[field] = "不能包含空字符（\\u0000）。"
    return value


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _checked(errors: dict, field: str, upload) -> CheckedFile | None:
    """The upload, once the carry-out checks (type by extension and content, size) accept
    it; stored, as evidence is, under a random name, with its cleaned uploaded name and its
    digest beside it."""
    if upload is None:
        return None
    try:
        checked = check_file(upload)
    except ValidationError as error:
        errors[field] = error.messages
        return None
    return checked


# Mechanisms


def _label(mechanism: Mechanism) -> str:
    number = f"（{mechanism.document_number}）" if mechanism.document_number else ""
    return f"{mechanism.name}{number}"


def _record_link(user, mechanism: Mechanism, problem: Problem, linked: bool) -> None:
    # One event kind serves both directions; before/after tells a link from an unlink.
    change = [None, _label(mechanism)] if linked else [_label(mechanism), None]
    ledger.record(
        Event.Kind.MECHANISM_LINKED,
        problem.round,
        user,
        problem=problem,
        changes={"mechanism": change},
    )


@transaction.atomic
def register_mechanism(
    user,
    round_,
    *,
    name: str,
    kind: str,
    issuing_unit: Unit | None,
    issued_on: datetime.date | None,
    problems,
    document_number: str = "",
    description: str = "",
    file=None,
) -> Mechanism:
    """Registers a mechanism and links it to at least one problem of the round it prevents."""
    require(policy.can_register_mechanism(user, round_))
    errors: dict = {}
    mechanism = Mechanism(
        round=round_,
        name=(name or "").strip(),
        kind=kind,
        document_number=(document_number or "").strip(),
        issuing_unit=issuing_unit,
        issued_on=issued_on,
        description=_text(errors, "description", description, 5000),
        created_by=user,
    )
    if issuing_unit is not None:
        require(policy.can_issue_as(user, round_, issuing_unit))
    problems = list(problems or [])
    for problem in problems:
        require(policy.can_link(user, mechanism, problem))
    try:
        mechanism.full_clean(exclude=["file"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if issued_on and issued_on > today():
        errors["issued_on"] = "印发日期不能晚于今天：请在机制印发后再登记。"
    if not problems:
        errors["problems"] = "请至少选择一个该机制针对的问题。"
    elif any(problem.round_id != round_.pk for problem in problems):
        errors["problems"] = "只能关联本轮的问题。"
    checked = _checked(errors, "file", file)
    _raise(errors)
    if checked:
        mechanism.file = checked.content(checked.storage_name())
        mechanism.file_name, mechanism.file_sha256 = checked.name, checked.sha256
    mechanism.save()
    mechanism.problems.set(problems)
    for problem in problems:
        _record_link(user, mechanism, problem, linked=True)
    return mechanism


@transaction.atomic
def link_mechanism(user, mechanism: Mechanism, problem: Problem) -> None:
    require(policy.can_link(user, mechanism, problem))
    if problem.round_id != mechanism.round_id:
        raise ValidationError({"problem": "只能关联本轮的问题。"})
    if mechanism.problems.filter(pk=problem.pk).exists():
        raise ValidationError({"problem": f"该机制已经关联问题 {problem.code}。"})
    mechanism.problems.add(problem)
    _record_link(user, mechanism, problem, linked=True)


@transaction.atomic
def unlink_mechanism(user, mechanism: Mechanism, problem: Problem) -> None:
    require(policy.can_link(user, mechanism, problem))
    if not mechanism.problems.filter(pk=problem.pk).exists():
        raise ValidationError({"problem": f"该机制没有关联问题 {problem.code}。"})
    mechanism.problems.remove(problem)
    _record_link(user, mechanism, problem, linked=False)


# Generalization


def default_answer_deadline(on: datetime.date | None = None) -> Deadline:
    return work_calendar().add_workdays(on or today(), ANSWER_WORKDAYS)


@transaction.atomic
def ask_generalization(
    user,
    source: Problem,
    *,
    units=(),
    kind: str = "",
    within: Unit | None = None,
    note: str = "",
    answer_deadline: datetime.date | None = None,
) -> Generalization:
    """Asks units to check themselves for the source problem: the units chosen, and every
    unit of `kind` (within `within`'s subtree when given). Units already asked about this
    problem, and the unit that leads it, are left out."""
    require(policy.can_ask(user, source))
    errors: dict = {}
    askable = queries.askable_units(user, source.round)
    chosen = {unit.pk for unit in units or []}
    outside = Unit.objects.filter(pk__in=chosen).exclude(pk__in=askable.values("pk"))
    if outside:
        names = "、".join(unit.name for unit in outside)
        errors["units"] = f"不能要求这些单位自查：{names}。只能要求本单位管辖范围内的单位，"
        errors["units"] += "整改办和本轮整改牵头单位不能被要求自查。"
    if kind and kind not in Unit.Kind.values:
        errors["kind"] = "不是可选的单位类别。"
    if within is not None and not kind:
        errors["kind"] = "选择了范围时，请同时选择单位类别。"
    if not chosen and not kind:
        errors["units"] = "请选择要求自查的单位，或选择一类单位。"
    deadline = answer_deadline or default_answer_deadline().date
    if deadline < today():
        errors["answer_deadline"] = "答复期限不能早于今天。"
    note = _text(errors, "note", note, 2000)
    _raise(errors)

    selected = Q(pk__in=chosen)
    if kind:
        selected |= Q(kind=kind) & (Q(path__startswith=within.path) if within else Q())
    already_asked = GeneralizationAnswer.objects.filter(generalization__source=source)
    targets = askable.filter(selected).exclude(pk__in=already_asked.values("unit"))
    if source.lead_unit_id:
        targets = targets.exclude(pk=source.lead_unit_id)
    targets = list(targets.order_by("path"))
    if not targets:
        _raise({"units": "所选单位都已被要求过自查或是该问题的牵头单位，没有新的单位可以要求。"})
    generalization = Generalization.objects.create(
        source=source, note=note, answer_deadline=deadline, asked_by=user
    )
    GeneralizationAnswer.objects.bulk_create(
        GeneralizationAnswer(generalization=generalization, unit=unit) for unit in targets
    )
    ledger.record(
        Event.Kind.GENERALIZATION_ASKED,
        source.round,
        user,
        problem=source,
        changes={
            "units": [None, "、".join(unit.name for unit in targets)],
            "answer_deadline": [None, deadline.isoformat()],
            "note": [None, note],
        },
    )
    return generalization


def _lock(answer: GeneralizationAnswer) -> None:
    """Reads the answer's state again under a row lock, so that two people of one unit
    answering at once cannot both answer."""
    fresh = GeneralizationAnswer.objects.select_for_update().get(pk=answer.pk)
    answer.answer, answer.review = fresh.answer, fresh.review


def _record_answer(user, answer: GeneralizationAnswer, problem: Problem, changes: dict) -> None:
    changes = {"unit": [None, answer.unit.name]} | changes
    ledger.record(
        Event.Kind.GENERALIZATION_ANSWERED, problem.round, user, problem=problem, changes=changes
    )


@transaction.atomic
def answer_found(
    user, answer: GeneralizationAnswer, *, manifestations: str, measures, text: str = ""
) -> Problem:
    """The unit found the same problem at home. A unit may not create problems itself, so
    the problem and its measures are created in the name of the office user who asked
    (whose round it is), led by the unit; the answer, and the events that say so on both
    problems, carry the unit's user who answered."""
    _lock(answer)
    require(policy.can_answer(user, answer))
    generalization = answer.generalization
    source, on_behalf = generalization.source, generalization.asked_by
    errors: dict = {}
    manifestations = _text(
        errors, "manifestations", manifestations, 20000, "请写明本单位存在同类问题的具体表现。"
    )
    text = _text(errors, "text", text, 2000) or source.text
    measures = [
        {key: values[key] for key in MEASURE_KEYS if values.get(key) is not None}
        for values in measures or []
    ]
    if not measures:
        errors["measures"] = "请至少提出一条整改措施。"
    _raise(errors)
    if not supervises(on_behalf, source.round):
        raise ValidationError("发起这次举一反三的人员已不再负责本轮整改，请联系整改办重新发起。")

    problem = ledger.create_problem(
        on_behalf,
        source.round,
        category=source.category,
        text=text,
        manifestations=manifestations,
        source=Problem.Source.SELF_FOUND,
        lead_unit=answer.unit,
    )
    for number, values in enumerate(measures, start=1):
        try:
            ledger.create_measure(on_behalf, problem, lead_unit=answer.unit, **values)
        except ValidationError as error:
            messages = [f"第{number}条措施：{message}" for message in error.messages]
            raise ValidationError({"measures": messages}) from error

    answer.answer, answer.linked_problem = Answer.FOUND, problem
    answer.review, answer.review_note = Review.PENDING, ""
    answer.answered_by, answer.answered_at = user, timezone.now()
    answer.save()
    found = {"answer": [None, Answer.FOUND.label]}
    _record_answer(user, answer, source, found | {"linked_problem": [None, problem.code]})
    _record_answer(user, answer, problem, found | {"generalized_from": [None, source.code]})
    return problem


@transaction.atomic
def answer_not_present(user, answer: GeneralizationAnswer, *, reasons: str, evidence=None):
    _lock(answer)
    require(policy.can_answer(user, answer))
    errors: dict = {}
    reasons = _text(errors, "reasons", reasons, 5000, "请说明本单位不存在同类问题的理由。")
    checked = _checked(errors, "evidence", evidence)
    _raise(errors)
    answer.answer, answer.reasons = Answer.NOT_PRESENT, reasons
    answer.review, answer.review_note = Review.PENDING, ""
    answer.answered_by, answer.answered_at = user, timezone.now()
    if checked is not None:
        answer.evidence = checked.content(checked.storage_name())
        answer.evidence_name, answer.evidence_sha256 = checked.name, checked.sha256
    answer.save()
    changes = {"answer": [None, Answer.NOT_PRESENT.label], "reasons": [None, reasons]}
    _record_answer(user, answer, answer.generalization.source, changes)
    return answer


@transaction.atomic
def review_answer(user, answer: GeneralizationAnswer, *, accept: bool, note: str = ""):
    """The office accepts a "not present", or rejects it with a reason: then the unit must
    answer again."""
    _lock(answer)
    require(policy.can_review(user, answer))
    errors: dict = {}
    missing = "" if accept else "不认可时请写明理由，单位将据此重新答复。"
    note = _text(errors, "note", note, 500, missing)
    _raise(errors)
    answer.review = Review.ACCEPTED if accept else Review.REJECTED
    answer.review_note, answer.reviewed_by = note, user
    if not accept:
        answer.answer = Answer.PENDING
    answer.save()
    changes = {
        "review": [Review.PENDING.label, answer.get_review_display()],
        "review_note": [None, note],
    }
    _record_answer(user, answer, answer.generalization.source, changes)
    return answer

"""Carrying measures out: progress reports with evidence, verification, close-out, reopening.
Web views, the API and the demo all call these.

Each action takes the acting user and plain values, checks the policy, validates, saves and
records an Event in one transaction; a refusal raises PermissionDenied or ValidationError
(Chinese messages) and leaves nothing behind, not even an uploaded file.

Decisions where the issue is silent:
- last_reported_on is the latest as-of date reported, so a late report about an earlier day
  does not make a measure look fresher than it is;
- a problem's status follows its measures (zhenggai.rules.status): it is closed out (销号)
  when its last measure closes, and gets its closed_on then. Verifying a whole problem is
  optional and only possible once all its measures are closed: a pass is recorded, a fail
  returns every measure of the problem (退回重改), so a closed problem never stands on a
  failed check;
- reopening a problem reopens all its closed measures."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from zhenggai.authority.roles import actor_of
from zhenggai.carryout import policy, writes
from zhenggai.carryout.files import check_files
from zhenggai.carryout.models import Evidence, ProgressReport, Reopening, Verification
from zhenggai.ledger import services as ledger
from zhenggai.ledger.models import Event, Measure, Person, Problem, Unit
from zhenggai.ledger.policy import supervises
from zhenggai.rules import lifecycle
from zhenggai.rules.closeout import NO_UNIT, REPORTED_IT, REPORTS_FOR, SAME_UNIT, closeout_refusal
from zhenggai.rules.lifecycle import Action
from zhenggai.rules.status import CLOSED_MEASURE_STATUSES, ProblemStatus

SNAPSHOT_TEXT = 500
# Refusals about who verifies, not about how: the whole form's, not the methods field's.
VERIFIER_REFUSALS = {SAME_UNIT, NO_UNIT, REPORTED_IT, REPORTS_FOR}


def _check_problem(user, problem: Problem, allowed_reason: tuple[bool, str]) -> None:
    """A refusal to the office is about the problem's state; to anyone else, about them."""
    allowed, reason = allowed_reason
    if not allowed:
        raise (ValidationError if supervises(user, problem.round) else PermissionDenied)(reason)


def _check_step(user, measure: Measure, action: Action, target: str) -> None:
    """The policy's answer, as a 403 when it is about the user and a 422 when about the
    measure's state."""
    reason = lifecycle.role_refusal(action, measure.status, target, policy.roles_of(user, measure))
    if reason:
        raise PermissionDenied(reason)
    reason = lifecycle.state_refusal(action, measure.status, target)
    if reason:
        raise ValidationError(reason)


@transaction.atomic
def transition(
    user,
    measure: Measure,
    to_status: str,
    *,
    event_kind: str,
    reason: str = "",
    on: datetime.date | None = None,
    changes: dict | None = None,
) -> Event:
    """The one way a measure's status moves outside the edit form: checks the lifecycle table
    and the user's roles, moves the measure (closed_on set on closing, cleared on reopening),
    lets the problem's status follow, and records the event."""
    writes.lock(measure)
    action = Action(event_kind)
    _check_step(user, measure, action, to_status)
    on = on or timezone.localdate()
    before = measure.status
    if to_status in CLOSED_MEASURE_STATUSES and before not in CLOSED_MEASURE_STATUSES:
        measure.closed_on = on
    elif to_status not in CLOSED_MEASURE_STATUSES:
        measure.closed_on = None
    measure.status = to_status
    # A new status is a new version: an edit form opened before it is refused, not let to
    # put the old status back (zhenggai.ledger.versions).
    moved = before != to_status
    measure.version += moved
    Measure.objects.filter(pk=measure.pk).update(
        status=to_status,
        closed_on=measure.closed_on,
        updated_at=timezone.now(),
        version=measure.version,
    )
    changes = dict(changes or {})
    if before != to_status:
        changes["status"] = [before, to_status]
    if reason:
        changes["reason"] = [None, reason]
    event = ledger.record(
        action.value,
        measure.round,
        user,
        problem=measure.problem,
        measure=measure,
        changes=changes,
        version=measure.version if moved else None,
    )
    _follow(user, measure.problem)
    return event


def _follow(user, problem: Problem) -> None:
    """The problem's status follows its measures. It is closed out on the day its last measure
    closed, and that is an event of its own."""
    before = problem.status
    ledger.refresh_problem_status(problem)
    closed = problem.status == ProblemStatus.CLOSED
    if closed == (before == ProblemStatus.CLOSED):
        return
    problem.closed_on = problem.measures.aggregate(on=Max("closed_on"))["on"] if closed else None
    Problem.objects.filter(pk=problem.pk).update(closed_on=problem.closed_on)
    if closed:
        changes = {
            "status": [before, problem.status],
            "closed_on": [None, problem.closed_on.isoformat()],
        }
        ledger.record(Event.Kind.CLOSED, problem.round, user, problem=problem, changes=changes)


# Validation of plain values


def _text(value, field: str, label: str) -> str:
    value = str(value or "").strip()
    if not value:
        raise ValidationError({field: f"请填写{label}。"})
    if "\x00" in value:
        raise ValidationError({field: f"{label}不能包含空字符。"})
    return value


def _date(value, field: str, label: str, round_) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise ValidationError({field: f"{label}应为有效日期。"})
    if value > timezone.localdate():
        raise ValidationError({field: f"{label}不能晚于今天。"})
    if value < round_.feedback_date:
        raise ValidationError(
            {field: f"{label}不能早于本轮反馈日期（{round_.feedback_date:%Y-%m-%d}）。"}
        )
    return value


def _methods(values) -> list[str]:
    methods = list(dict.fromkeys(str(v) for v in values or []))
    unknown = [m for m in methods if m not in Verification.Method.values]
    if unknown:
        raise ValidationError({"methods": f"不支持的核查方式：{'、'.join(unknown)}。"})
    if not methods:
        raise ValidationError({"methods": "请至少选择一种核查方式。"})
    return methods


def _evidence_snapshot(evidence: list[Evidence]) -> list[dict]:
    return [{"pk": e.pk, "original_name": e.original_name, "size": e.size} for e in evidence]


# Progress reports


def submit_report(
    user,
    measure: Measure,
    as_of,
    text,
    status,
    percent=None,
    files=(),
    corrects: ProgressReport | None = None,
) -> ProgressReport:
    """A unit reports what it did, as of a day; a correction is a new report pointing at the
    one it corrects, since a report is never edited."""
    checked = check_files(files)
    return writes.serialized(
        lambda written: _submit_report(
            written, user, measure, as_of, text, status, percent, checked, corrects
        )
    )


def _submit_report(written, user, measure, as_of, text, status, percent, checked, corrects):
    writes.lock(measure)
    if status not in ProgressReport.Status.values:
        raise ValidationError({"status": "请选择进展状态。"})
    target = lifecycle.report_target(measure.status, status)
    _check_step(user, measure, Action.REPORT, target)
    if corrects is not None and corrects.measure_id != measure.pk:
        raise ValidationError({"corrects": "只能更正本措施的进展报告。"})
    report = ProgressReport(
        measure=measure,
        as_of=_date(as_of, "as_of", "截至日期", measure.round),
        text=_text(text, "text", "进展情况"),
        status=status,
        percent=percent,
        corrects=corrects,
        submitted_by=user,
    )
    report.full_clean(exclude=["measure", "corrects", "submitted_by"])
    report.save()
    evidence = written.store(checked, user, report=report)
    latest = max(filter(None, [measure.last_reported_on, report.as_of]))
    Measure.objects.filter(pk=measure.pk).update(last_reported_on=latest)
    measure.last_reported_on = latest
    snapshot = {
        "id": report.pk,
        "as_of": report.as_of.isoformat(),
        "status": status,
        "percent": percent,
        "text": report.text[:SNAPSHOT_TEXT],
        "corrects": corrects.pk if corrects else None,
        "evidence": _evidence_snapshot(evidence),
    }
    transition(
        user,
        measure,
        target,
        event_kind=Action.REPORT,
        on=report.as_of,
        changes={"report": [None, snapshot]},
    )
    return report


# Verification


def _verifier_unit(user) -> Unit | None:
    person = Person.objects.select_related("unit").filter(user=user).first()
    return person.unit if person else None


def _refuse_closeout(user, methods, responsible: list[str], problem, round_, reported_latest=False):
    reason = closeout_refusal(
        methods,
        actor_of(user).unit_path,
        responsible,
        problem.is_key,
        round_.onsite_required_for_key,
        in_group=actor_of(user).verifies(round_),
        reported_latest=reported_latest,
        reports_for=policy.reporting_trees(user, round_),
    )
    if reason:
        raise ValidationError(reason if reason in VERIFIER_REFUSALS else {"methods": reason})


def _new_verification(user, round_, *, methods, verified_on, findings, result, **subject):
    if result not in Verification.Result.values:
        raise ValidationError({"result": "请选择核查结论。"})
    verification = Verification(
        methods=_methods(methods),
        verifier=user,
        verifier_unit=_verifier_unit(user),
        verified_on=_date(verified_on, "verified_on", "核查日期", round_),
        findings=_text(findings, "findings", "核查情况"),
        result=result,
        **subject,
    )
    verification.full_clean(exclude=["measure", "problem", "verifier", "verifier_unit"])
    return verification


def _verification_snapshot(verification: Verification, evidence: list[Evidence]) -> dict:
    return {
        "id": verification.pk,
        "methods": verification.methods,
        "result": verification.result,
        "verified_on": verification.verified_on.isoformat(),
        "findings": verification.findings[:SNAPSHOT_TEXT],
        "evidence": _evidence_snapshot(evidence),
    }


def verify_measure(
    user, measure: Measure, *, methods, verified_on, findings, result, files=(), members=()
) -> Verification:
    """A pass closes the measure (as ongoing for 长期坚持 measures) when the close-out rule
    allows; a refused pass saves nothing. A fail returns the measure with its findings."""
    checked = check_files(files)
    return writes.serialized(
        lambda written: _verify_measure(
            written, user, measure, methods, verified_on, findings, result, checked, members
        )
    )


def _verify_measure(
    written, user, measure, methods, verified_on, findings, result, checked, members
):
    writes.lock(measure)
    passed = result == Verification.Result.PASS
    action = Action.VERIFY if passed else Action.FAIL
    target = lifecycle.verified_status(measure.kind) if passed else "returned"
    _check_step(user, measure, action, target)
    verification = _new_verification(
        user,
        measure.round,
        methods=methods,
        verified_on=verified_on,
        findings=findings,
        result=result,
        measure=measure,
    )
    if passed:
        _refuse_closing_before_report(verification.verified_on, measure.last_reported_on)
        _refuse_closeout(
            user,
            verification.methods,
            policy.responsible_paths(measure),
            measure.problem,
            measure.round,
            reported_latest=policy.reported_latest(user, measure),
        )
    verification.save()
    _record_members(verification, user, members)
    evidence = written.store(checked, user, verification=verification)
    transition(
        user,
        measure,
        target,
        event_kind=action,
        reason="" if passed else verification.findings,
        on=verification.verified_on,
        changes={"verification": [None, _verification_snapshot(verification, evidence)]},
    )
    return verification


def _record_members(verification: Verification, user, members) -> None:
    """The verification group that checked: members of the round's groups alone, the verifier
    always among them."""
    round_ = (verification.measure or verification.problem).round
    wanted = {member.pk for member in members}
    allowed = set(policy.group_members(round_).filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - allowed:
        raise ValidationError({"members": "核查组成员只能从本轮核查组中选择。"})
    verification.members.set(wanted | {user.pk})


def _refuse_closing_before_report(verified_on, last_reported_on) -> None:
    """A passing verification closes the measure on its date: before the unit last reported,
    the ledger would show it closed before the work it checked was reported."""
    if last_reported_on and verified_on < last_reported_on:
        raise ValidationError(
            {
                "verified_on": "核查日期不能早于该措施最近一次报送进展的截至日期"
                f"（{last_reported_on:%Y-%m-%d}）：通过核查应在单位报告完成之后。"
            }
        )


def verify_problem(
    user, problem: Problem, *, methods, verified_on, findings, result, files=(), members=()
) -> Verification:
    """The check of a whole problem once all its measures are closed."""
    checked = check_files(files)
    return writes.serialized(
        lambda written: _verify_problem(
            written, user, problem, methods, verified_on, findings, result, checked, members
        )
    )


def _verify_problem(
    written, user, problem, methods, verified_on, findings, result, checked, members
):
    writes.lock_problem(problem)
    _check_problem(user, problem, policy.can_verify_problem(user, problem))
    passed = result == Verification.Result.PASS
    verification = _new_verification(
        user,
        problem.round,
        methods=methods,
        verified_on=verified_on,
        findings=findings,
        result=result,
        problem=problem,
    )
    if passed:
        _refuse_closeout(
            user,
            verification.methods,
            _problem_unit_paths(problem),
            problem,
            problem.round,
        )
    verification.save()
    _record_members(verification, user, members)
    evidence = written.store(checked, user, verification=verification)
    snapshot = _verification_snapshot(verification, evidence)
    kind = Event.Kind.VERIFIED if passed else Event.Kind.VERIFICATION_FAILED
    ledger.record(
        kind, problem.round, user, problem=problem, changes={"verification": [None, snapshot]}
    )
    if not passed:
        for measure in _closed_measures(problem):
            transition(
                user,
                measure,
                "returned",
                event_kind=Action.FAIL,
                reason=verification.findings,
                on=verification.verified_on,
            )
    return verification


def _problem_unit_paths(problem: Problem) -> list[str]:
    in_problem = Q(led_measures__problem=problem) | Q(cooperating_measures__problem=problem)
    paths = set(Unit.objects.filter(in_problem).values_list("path", flat=True))
    if problem.lead_unit_id:
        paths.add(problem.lead_unit.path)
    return sorted(paths)


def _closed_measures(problem: Problem) -> list[Measure]:
    return list(
        problem.measures.filter(status__in=CLOSED_MEASURE_STATUSES)
        .select_related("round__office", "problem__round", "lead_unit")
        .prefetch_related("cooperating_units")
        .order_by("number")
    )


# Reopening


def reopen_measure(user, measure: Measure, reason, is_rebound: bool = False) -> Reopening:
    """A closed measure opened again, with the reason; a rebound (变异反弹) is marked so."""
    return writes.serialized(lambda written: _reopen_measure(user, measure, reason, is_rebound))


def _reopen_measure(user, measure, reason, is_rebound):
    writes.lock(measure)
    action = Action.REBOUND if is_rebound else Action.REOPEN
    _check_step(user, measure, action, "in_progress")
    reopening = Reopening.objects.create(
        measure=measure,
        reason=_text(reason, "reason", "重新打开的原因"),
        is_rebound=is_rebound,
        previous_status=measure.status,
        previously_closed_on=measure.closed_on,
        reopened_by=user,
    )
    transition(
        user,
        measure,
        "in_progress",
        event_kind=action,
        reason=reopening.reason,
        changes={"reopening": [None, reopening.pk]},
    )
    return reopening


def reopen_problem(user, problem: Problem, reason, is_rebound: bool = False) -> Reopening:
    """A closed-out problem opened again with all its measures; a rebound keeps the day it had
    been closed out on, so its earlier life stays visible."""
    return writes.serialized(lambda written: _reopen_problem(user, problem, reason, is_rebound))


def _reopen_problem(user, problem, reason, is_rebound):
    writes.lock_problem(problem)
    _check_problem(user, problem, policy.can_reopen_problem(user, problem))
    reopening = Reopening.objects.create(
        problem=problem,
        reason=_text(reason, "reason", "重新打开的原因"),
        is_rebound=is_rebound,
        previous_status=problem.status,
        previously_closed_on=problem.closed_on,
        reopened_by=user,
    )
    action = Action.REBOUND if is_rebound else Action.REOPEN
    changes = {
        "reason": [None, reopening.reason],
        "closed_on": [problem.closed_on.isoformat() if problem.closed_on else None, None],
        "reopening": [None, reopening.pk],
    }
    ledger.record(action.value, problem.round, user, problem=problem, changes=changes)
    for measure in _closed_measures(problem):
        transition(user, measure, "in_progress", event_kind=action, reason=reopening.reason)
    return reopening

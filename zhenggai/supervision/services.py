"""Supervision actions: manual reminders (催办), supervision notices (督办单), their replies and
the office's answer to a reply (办结, or 退回 to be answered again), escalations (约谈/通报/问责),
reading notifications. Web views, the API and the command line all call these.

Each action takes the acting user and plain values, checks the policy, validates, saves and
records an Event in one transaction. Failures are ValidationError (Chinese messages per field)
or PermissionDenied (the reason in Chinese)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from zhenggai.carryout import writes
from zhenggai.carryout.files import check_files
from zhenggai.ledger import policy as ledger_policy
from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import Event, InspectionRound, Measure, Person, Problem, Unit
from zhenggai.ledger.services import record
from zhenggai.supervision import policy, reminders
from zhenggai.supervision.models import Escalation, Notification, Reminder, SupervisionNotice
from zhenggai.supervision.notify import notify

REPLY_WORKDAYS = 5
RETURN_REASON_MAX = 2000
NUMBER_TRIES = 20
Status = SupervisionNotice.Status


def _unit_users(unit: Unit):
    return get_user_model().objects.filter(person__unit=unit, is_active=True)


def _required_text(errors: dict, field: str, value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = f"请填写{label}。"
    return value


# Reminders


@transaction.atomic
def remind(user, measure: Measure, note: str = "", today: datetime.date | None = None):
    """The office reminds the measure's person in charge and its problem's lead leader now,
    whatever its light, or, when neither has a login, the lead unit's reporters. Once a day
    per person: a second click the same day is refused."""
    policy.require(policy.can_remind(user, measure))
    today = today or timezone.localdate()
    note = (note or "").strip()
    people = policy.reminded(measure)
    if not people:
        raise ValidationError(policy.NOBODY_TO_REMIND)
    reminders.lock()
    done = set(
        Reminder.objects.filter(
            measure=measure, sent_on=today, reason=Reminder.Reason.MANUAL
        ).values_list("person_id", flat=True)
    )
    people = [p for p in people if p.pk not in done]
    if not people:
        raise ValidationError("今天已经催办过该措施，请明天再催。")
    detail = note or measure.light_reason or "整改办人工催办"
    leader = measure.problem.lead_leader_id
    pending = [
        reminders.Pending(
            Reminder(
                measure=measure,
                person=p,
                sent_on=today,
                reason=Reminder.Reason.MANUAL,
                sent_by=user,
            ),
            p.user,
            *reminders.message(measure, Reminder.Reason.MANUAL, detail, p.pk == leader),
        )
        for p in people
    ]
    reminders.save(pending)
    record(
        Event.Kind.REMINDED,
        measure.round,
        user,
        problem=measure.problem,
        measure=measure,
        changes={
            "reason": [None, Reminder.Reason.MANUAL.label],
            "persons": [None, "、".join(p.name for p in people)],
            **({"note": [None, note]} if note else {}),
        },
    )
    transaction.on_commit(lambda: reminders.email(pending))
    return [p.reminder for p in pending]


# Supervision notices


def suggested_number(round_: InspectionRound, year: int) -> str:
    """督办〔year〕n号, n counting the round's notices of that year, skipping numbers taken."""
    n = round_.notices.filter(issued_on__year=year).count() + 1
    taken = set(round_.notices.values_list("number", flat=True))
    while _number(year, n) in taken:
        n += 1
    return _number(year, n)


def _number(year: int, n: int) -> str:
    return f"督办〔{year}〕{n}号"


def default_reply_deadline(issued_on: datetime.date) -> datetime.date:
    return work_calendar().add_workdays(issued_on, REPLY_WORKDAYS).date


def issue_notice(
    user,
    round_: InspectionRound,
    *,
    unit: Unit,
    content: str,
    problems=(),
    reply_deadline: datetime.date | None = None,
    number: str = "",
    today: datetime.date | None = None,
) -> SupervisionNotice:
    """Issue a numbered notice to a unit. Without a number the next one of the year is taken;
    without a reply deadline, five working days."""
    policy.require(policy.can_supervise(user, round_))
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    content = _required_text(errors, "content", content, "督办事项")
    problems = list(problems)
    if unit is None:
        errors["unit"] = "请选择被督办单位。"
    if any(p.round_id != round_.pk for p in problems):
        errors["problems"] = "所选问题不属于本轮次。"
    elif unit is not None:
        errors |= _addressee_refusals(round_, unit, problems)
    reply_deadline = reply_deadline or default_reply_deadline(today)
    if reply_deadline < today:
        errors["reply_deadline"] = "回复期限不能早于下发日期。"
    if errors:
        raise ValidationError(errors)
    number = (number or "").strip()
    tries = 0
    while True:
        notice = SupervisionNotice(
            round=round_,
            number=number or suggested_number(round_, today.year),
            unit=unit,
            content=content,
            reply_deadline=reply_deadline,
            issued_by=user,
            issued_on=today,
        )
        notice.full_clean()
        try:
            # A savepoint: when two clerks take the same number at once, the later one
            # takes the next number instead of failing.
            with transaction.atomic():
                _issue(user, notice, problems)
            return notice
        except IntegrityError:
            tries += 1
            if number or tries == NUMBER_TRIES:
                raise ValidationError({"number": "本轮已有相同编号的督办单。"}) from None


def _addressee_refusals(round_: InspectionRound, unit: Unit, problems: list[Problem]) -> dict:
    """A notice goes to a unit of the round's organization and cites only problems that unit's
    tree answers for: the unit reads their titles on the notice."""
    errors = ledger_policy.foreign_references(round_, unit=unit)
    if errors or not problems:
        return errors
    cited = Problem.objects.filter(pk__in=[p.pk for p in problems])
    answered = set(
        cited.filter(
            pk__in=ledger_policy.responsible_problems(ledger_policy.subtree(unit.path))
        ).values_list("pk", flat=True)
    )
    unseen = [p.code for p in problems if p.pk not in answered]
    if unseen:
        codes = "、".join(unseen)
        errors["problems"] = (
            f"问题 {codes} 不由被督办单位（或其下级单位）负责，不能在督办单中引用。"
        )
    return errors


def _issue(user, notice: SupervisionNotice, problems: list[Problem]) -> None:
    notice.save()
    notice.problems.set(problems)
    changes = {
        "notice": [None, notice.number],
        "unit": [None, notice.unit.name],
        "reply_deadline": [None, notice.reply_deadline.isoformat()],
    }
    record_for_problems(Event.Kind.NOTICE_ISSUED, notice.round, user, problems, changes)
    notify(
        _unit_users(notice.unit),
        f"督办单：{notice.number}",
        f"{notice.round.name}\n{notice.content[:300]}\n请于{notice.reply_deadline:%Y-%m-%d}前"
        "在系统中回复。",
        _notice_link(notice),
    )


def _notice_link(notice: SupervisionNotice) -> str:
    return reverse("supervision:notice_detail", args=[notice.pk])


def reply_notice(user, notice: SupervisionNotice, reply: str, files=()) -> SupervisionNotice:
    """The addressed unit's written reply, with files as a progress report takes them."""
    checked = check_files(files)
    return writes.serialized(lambda written: _reply_notice(written, user, notice, reply, checked))


def _reply_notice(written, user, notice, reply, checked) -> SupervisionNotice:
    # Locked and read again: two people of the unit replying at once must not both succeed.
    notice = SupervisionNotice.objects.select_for_update().get(pk=notice.pk)
    policy.require(policy.can_reply(user, notice))
    errors: dict[str, str] = {}
    reply = _required_text(errors, "reply", reply, "回复内容")
    if errors:
        raise ValidationError(errors)
    before = notice.status
    notice.reply = reply
    notice.replied_by = user
    notice.replied_at = timezone.now()
    notice.status = Status.REPLIED
    notice.full_clean()
    notice.save()
    stored = written.store(checked, user, notice=notice)
    changes = {"notice": [None, notice.number], "status": [before, notice.status]}
    if stored:
        changes["files"] = [None, "、".join(e.original_name for e in stored)]
    record_for_notice(Event.Kind.NOTICE_REPLIED, notice, user, changes)
    recipients = {notice.issued_by, *policy.office_users(notice.round)}
    notify(
        [u for u in recipients if u.is_active],
        f"督办单已回复：{notice.number}",
        f"{notice.unit}回复：{reply[:300]}",
        _notice_link(notice),
    )
    return notice


@transaction.atomic
def close_notice(user, notice: SupervisionNotice, note: str = "") -> SupervisionNotice:
    """The office is satisfied with the reply: the notice is closed (办结) for good."""
    notice = _locked_for_review(user, notice, "办结")
    note = (note or "").strip()
    before = notice.status
    notice.status = Status.CLOSED
    notice.closed_by = user
    notice.closed_at = timezone.now()
    notice.closing_note = note
    notice.full_clean()
    notice.save()
    changes = {
        "notice": [None, notice.number],
        "status": [before, notice.status],
        **({"note": [None, note]} if note else {}),
    }
    record_for_notice(Event.Kind.NOTICE_CLOSED, notice, user, changes)
    detail = f"办结意见：{note[:300]}" if note else "整改办已办结该督办单。"
    notify(
        _unit_users(notice.unit),
        f"督办单已办结：{notice.number}",
        f"{notice.round.name}\n{detail}",
        _notice_link(notice),
    )
    return notice


@transaction.atomic
def return_reply(
    user,
    notice: SupervisionNotice,
    reason: str,
    reply_deadline: datetime.date | None = None,
    today: datetime.date | None = None,
) -> SupervisionNotice:
    """The reply is not good enough: the notice goes back to the unit, to be answered again
    by a new deadline. The reply sent back stays in the events, the notice keeps none."""
    notice = _locked_for_review(user, notice, "退回")
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    reason = _required_text(errors, "reason", reason, "退回理由")
    if len(reason) > RETURN_REASON_MAX:
        errors["reason"] = f"退回理由不能超过 {RETURN_REASON_MAX} 字。"
    reply_deadline = reply_deadline or default_reply_deadline(today)
    if reply_deadline < today:
        errors["reply_deadline"] = "回复期限不能早于今天。"
    if errors:
        raise ValidationError(errors)
    changes = {
        "notice": [None, notice.number],
        "status": [notice.status, Status.ISSUED],
        "reply": [notice.reply, None],
        "replied_by": [_name(notice.replied_by), None],
        "replied_at": [notice.replied_at.isoformat(), None],
        "reason": [None, reason],
        "reply_deadline": [notice.reply_deadline.isoformat(), reply_deadline.isoformat()],
    }
    notice.status = Status.ISSUED
    notice.reply, notice.replied_by, notice.replied_at = "", None, None
    notice.reply_deadline = reply_deadline
    notice.full_clean()
    notice.save()
    record_for_notice(Event.Kind.NOTICE_RETURNED, notice, user, changes)
    notify(
        _unit_users(notice.unit),
        f"督办回复被退回：{notice.number}",
        f"退回理由：{reason[:300]}\n请于{reply_deadline:%Y-%m-%d}前在系统中重新回复。",
        _notice_link(notice),
    )
    return notice


def _locked_for_review(user, notice: SupervisionNotice, action: str) -> SupervisionNotice:
    # Locked and read again: two clerks acting on one reply at once must not both succeed.
    notice = SupervisionNotice.objects.select_for_update().get(pk=notice.pk)
    policy.require(policy.can_supervise(user, notice.round))
    refusal = policy.review_refusal(notice, action)
    if refusal:
        raise ValidationError(refusal)
    return notice


def record_for_problems(kind: str, round_, user, problems, changes: dict) -> None:
    """One event on each problem's timeline, or one for the round when there is none."""
    for problem in list(problems) or [None]:
        record(kind, round_, user, problem=problem, changes=changes)


def record_for_notice(kind: str, notice: SupervisionNotice, user, changes: dict) -> None:
    """An event of the notice on the timeline of each problem it cites."""
    record_for_problems(kind, notice.round, user, notice.problems.all(), changes)


# Escalations


def decision_makers(round_: InspectionRound, user):
    """Who may be named as having decided an escalation: the recording user, or a leader
    with a login in the round's office unit or below it."""
    leaders = Person.objects.filter(is_leader=True, unit__path__startswith=round_.office.path)
    return get_user_model().objects.filter(
        is_active=True, pk__in=[user.pk, *leaders.values_list("user", flat=True)]
    )


@transaction.atomic
def escalate(
    user,
    round_: InspectionRound,
    *,
    kind: str,
    unit: Unit | None = None,
    reason: str,
    notice: SupervisionNotice | None = None,
    problem: Problem | None = None,
    decided_by=None,
    decided_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Escalation:
    """Record an escalation decided by a person, with the reason, about a notice and/or a
    problem. A notice not yet closed becomes "escalated"."""
    policy.require(policy.can_supervise(user, round_))
    if notice is not None:
        notice = SupervisionNotice.objects.select_for_update().get(pk=notice.pk)
        policy.require(policy.can_escalate(user, notice))
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    reason = _required_text(errors, "reason", reason, "升级督办的事由")
    if notice is None and problem is None:
        errors["__all__"] = "请选择所涉及的督办单或问题（至少一项）。"
    if notice is not None and notice.round_id != round_.pk:
        errors["notice"] = "所选督办单不属于本轮次。"
    if problem is not None and problem.round_id != round_.pk:
        errors["problem"] = "所选问题不属于本轮次。"
    unit = unit or (notice.unit if notice else None) or (problem.lead_unit if problem else None)
    if unit is None:
        errors["unit"] = "请选择对象单位。"
    else:
        errors |= ledger_policy.foreign_references(round_, unit=unit)
    decided_by = decided_by or user
    if not decision_makers(round_, user).filter(pk=decided_by.pk).exists():
        errors["decided_by"] = "决定人应为本人或本轮整改牵头单位的领导。"
    decided_on = decided_on or today
    if decided_on > today:
        errors["decided_on"] = "决定日期不能晚于今天。"
    if errors:
        raise ValidationError(errors)
    escalation = Escalation(
        round=round_,
        kind=kind,
        unit=unit,
        notice=notice,
        problem=problem,
        reason=reason,
        decided_by=decided_by,
        decided_on=decided_on,
    )
    escalation.full_clean()
    escalation.save()
    if notice is not None and notice.status != Status.CLOSED:
        notice.status = Status.ESCALATED
        notice.save(update_fields=["status"])
    changes = {
        "kind": [None, escalation.get_kind_display()],
        "unit": [None, unit.name],
        "reason": [None, reason],
        "decided_by": [None, _name(decided_by)],
        "decided_on": [None, decided_on.isoformat()],
        **({"notice": [None, notice.number]} if notice else {}),
    }
    problems = [problem] if problem else list(notice.problems.all()) if notice else []
    record_for_problems(Event.Kind.ESCALATED, round_, user, problems, changes)
    notify(
        _unit_users(unit),
        f"升级督办：{escalation.get_kind_display()}",
        f"{round_.name}\n事由：{reason[:300]}",
        _notice_link(notice) if notice else reverse("ledger:problem_detail", args=[problem.pk]),
    )
    return escalation


def _name(user) -> str:
    person = Person.objects.filter(user=user).first()
    return person.name if person else user.get_username()


# Notifications


def mark_read(user, notification: Notification) -> Notification:
    if notification.recipient_id != user.pk:
        raise ValidationError("只能标记自己的通知。")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )

"""The daily work behind `zhenggai tick`: lights, reminders, overdue supervision notices.

Safe to run any number of times a day: lights are recomputed from scratch, a reminder is
sent once per person, measure, day and reason (and again only after a reporting rhythm has
passed), and a notice is marked overdue, with the office told, only once."""

import datetime
import time
from dataclasses import asdict, dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from zhenggai.ledger.models import Event, InspectionRound, Measure, Person
from zhenggai.ops.statistics import refresh_statistics
from zhenggai.rules.deadlines import Assessment
from zhenggai.supervision import reminders
from zhenggai.supervision.lights import Flagged, refresh_lights, rhythm_days
from zhenggai.supervision.models import Reminder, SupervisionNotice, TickRun
from zhenggai.supervision.notify import notify
from zhenggai.supervision.policy import office_users
from zhenggai.supervision.services import record_for_notice

# Rounds still being rectified; a round being prepared or finished gets lights, no reminders.
ACTIVE = (InspectionRound.Status.CONCENTRATED, InspectionRound.Status.ONGOING)
# Measures per transaction while reminding: short enough not to hold up people's writes.
CHUNK = 1000


@dataclass
class Summary:
    day: str
    measures: int = 0
    red: int = 0
    yellow: int = 0
    green: int = 0
    lights_changed: int = 0
    problems_changed: int = 0
    reminders: int = 0
    unreachable: int = 0
    emails: int = 0
    overdue_notices: int = 0
    seconds: float = 0.0


def already_ran(day: datetime.date) -> bool:
    return TickRun.objects.filter(day=day, finished_at__isnull=False).exists()


def run(today: datetime.date) -> Summary:
    started = time.monotonic()
    record = TickRun.objects.create(day=today)
    summary = Summary(day=today.isoformat())
    refreshed = refresh_lights(Measure.objects.all(), today, every_problem=True)
    summary.measures = refreshed.measures
    summary.red, summary.yellow, summary.green = (
        refreshed.counts[k] for k in ("red", "yellow", "green")
    )
    summary.lights_changed = refreshed.changed
    summary.problems_changed = refreshed.problems_changed
    sent, summary.unreachable = send_reminders(refreshed.flagged, today)
    summary.reminders = len(sent)
    summary.emails = reminders.email(sent)
    summary.overdue_notices = mark_overdue_notices(today)
    refresh_statistics()
    summary.seconds = round(time.monotonic() - started, 2)
    record.summary = asdict(summary)
    record.finished_at = timezone.now()
    record.save(update_fields=["summary", "finished_at"])
    return summary


def reason_for(assessment: Assessment) -> str | None:
    """One reminder per measure a day, for its most pressing warning."""
    if assessment.overdue:
        return Reminder.Reason.OVERDUE
    if assessment.due_soon:
        return Reminder.Reason.DUE_SOON
    if assessment.silent:
        return Reminder.Reason.SILENT
    return None


def send_reminders(flagged: list[Flagged], today: datetime.date):
    """Remind the person in charge and the lead leader of each flagged measure in an active
    round, unless they were reminded for the same reason within the round's reporting
    rhythm. Returns the reminders sent and how many measures had nobody with a login."""
    rounds = {r.pk: r for r in InspectionRound.objects.filter(status__in=ACTIVE)}
    reachable = Person.objects.filter(user__isnull=False, user__is_active=True)
    logins = {pk: (user, name) for pk, user, name in reachable.values_list("pk", "user", "name")}
    users = _users({user for user, _ in logins.values()})
    due, unreachable = [], 0
    for item in flagged:
        reason = reason_for(item.assessment)
        if item.round_id not in rounds or reason is None:
            continue
        people = {p for p in (item.person_in_charge_id, item.lead_leader_id) if p in logins}
        if not people:
            unreachable += 1
            continue
        due.append((item, reason, people))
    sent: list[reminders.Pending] = []
    for start in range(0, len(due), CHUNK):
        sent += _remind_chunk(due[start : start + CHUNK], rounds, logins, users, today)
    return sent, unreachable


def _users(ids: set[int]) -> dict:
    return {u.pk: u for u in get_user_model().objects.filter(pk__in=ids)}


@transaction.atomic
def _remind_chunk(chunk, rounds, logins, users, today) -> list[reminders.Pending]:
    reminders.lock()
    measure_ids = [item.measure_id for item, _, _ in chunk]
    longest = max(rhythm_days(rounds[item.round_id], today) for item, _, _ in chunk)
    recent = Reminder.objects.filter(
        measure_id__in=measure_ids,
        sent_on__gt=today - datetime.timedelta(days=longest),
        sent_on__lte=today,
    ).values_list("measure_id", "person_id", "reason", "sent_on")
    last_sent = {}
    for measure_id, person_id, reason, sent_on in recent:
        key = (measure_id, person_id, reason)
        last_sent[key] = max(sent_on, last_sent.get(key, sent_on))
    facts = reminders.facts_of(measure_ids)
    pending, events = [], []
    for item, reason, people in chunk:
        rhythm = datetime.timedelta(days=rhythm_days(rounds[item.round_id], today))
        fresh = [
            p
            for p in sorted(people)
            if (item.measure_id, p, reason) not in last_sent
            or today - last_sent[(item.measure_id, p, reason)] >= rhythm
        ]
        if not fresh:
            continue
        names = "、".join(logins[p][1] for p in fresh)
        for person_id in fresh:
            title, body, link = reminders.message(
                facts[item.measure_id],
                reason,
                item.assessment.reason,
                to_leader=person_id == item.lead_leader_id,
            )
            reminder = Reminder(
                measure_id=item.measure_id, person_id=person_id, sent_on=today, reason=reason
            )
            user = users[logins[person_id][0]]
            pending.append(reminders.Pending(reminder, user, title, body, link))
        events.append(
            Event(
                kind=Event.Kind.REMINDED,
                round_id=item.round_id,
                problem_id=item.problem_id,
                measure_id=item.measure_id,
                changes={
                    "reason": [None, Reminder.Reason(reason).label],
                    "light_reason": [None, item.assessment.reason],
                    "persons": [None, names],
                },
            )
        )
    reminders.save(pending)
    Event.objects.bulk_create(events)
    return pending


def mark_overdue_notices(today: datetime.date) -> int:
    """Notices past their reply deadline without a reply become overdue, and the round's office
    is told, so that it can decide on an escalation (约谈/通报/问责)."""
    marked = 0
    late = SupervisionNotice.objects.filter(
        status=SupervisionNotice.Status.ISSUED, reply_deadline__lt=today
    ).select_related("round__office", "unit")
    for notice in late:
        with transaction.atomic():
            # Conditional, so that of two ticks at once only one tells the office.
            changed = SupervisionNotice.objects.filter(
                pk=notice.pk, status=SupervisionNotice.Status.ISSUED
            ).update(status=SupervisionNotice.Status.OVERDUE)
            if not changed:
                continue
            changes = {
                "notice": [None, notice.number],
                "status": [SupervisionNotice.Status.ISSUED, SupervisionNotice.Status.OVERDUE],
                "reply_deadline": [None, notice.reply_deadline.isoformat()],
            }
            record_for_notice(Event.Kind.NOTICE_OVERDUE, notice, None, changes)
            notify(
                office_users(notice.round),
                f"督办单逾期未回复：{notice.number}",
                f"{notice.unit}未在{notice.reply_deadline:%Y-%m-%d}前回复督办单{notice.number}。"
                "请研究是否升级督办（约谈、通报、问责），并在系统中记录决定人和事由。",
                reverse("supervision:notice_detail", args=[notice.pk]),
            )
            marked += 1
    return marked

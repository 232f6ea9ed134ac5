"""Reminders (催办): one per person, measure, day and reason (the table's unique constraint),
delivered as an in-app notification and, when SMTP is configured, by email. The tick and the
office's manual reminder both come through here."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.urls import reverse

from zhenggai.ledger.models import Measure
from zhenggai.supervision import notify
from zhenggai.supervision.models import Notification, Reminder

# Any fixed number: it names the lock that serializes the decision "is this reminder due?".
LOCK_KEY = 20260502


@dataclass
class Pending:
    """A reminder decided on, not yet saved, with its recipient's login and its message."""

    reminder: Reminder
    user: object
    title: str
    body: str
    link: str


def lock() -> None:
    """Called inside a transaction before checking which reminders already exist, so that two
    ticks at once (two app servers), or two clicks, cannot both decide to send the same one.
    PostgreSQL gets an advisory lock held until the transaction ends; SQLite needs nothing,
    since zhenggai opens its transactions IMMEDIATE, which takes the write lock at once."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


# A reminder is worded by whom it goes to: the lead leader is asked to push the unit on, not
# to do the unit's task itself.
ASKS = {
    False: "请抓紧办理，并及时在系统中报送进展。",
    True: "请督促牵头单位抓紧办理，并及时在系统中报送进展。",
}


def message(
    measure: Measure | dict, reason: str, detail: str, to_leader: bool = False
) -> tuple[str, str, str]:
    """Title, body and link of a reminder about a measure (a Measure, or a dict with the
    fields of measure_facts())."""
    facts = measure if isinstance(measure, dict) else measure_facts(measure)
    label = Reminder.Reason(reason).label
    title = f"催办：整改措施 {facts['code']}（{label}）"
    body = f"{facts['code']} {facts['text'][:80]}\n{detail}。{_deadline(facts)}{ASKS[to_leader]}"
    link = reverse("ledger:problem_detail", args=[facts["problem_id"]]) + f"#measure-{facts['pk']}"
    return title, body, link


def _deadline(facts: dict) -> str:
    """The deadline in force, and the committed one where an extension moved it."""
    if facts["deadline"] is None:
        return ""
    text = f"完成时限：{facts['deadline']:%Y-%m-%d}"
    if facts["original_deadline"]:
        text += f"（原定 {facts['original_deadline']:%Y-%m-%d}，已延期）"
    return text + "。"


def measure_facts(measure: Measure) -> dict:
    return {
        "pk": measure.pk,
        "problem_id": measure.problem_id,
        "code": measure.code,
        "text": measure.text,
        "deadline": measure.deadline,
        "original_deadline": measure.original_deadline,
    }


FACT_FIELDS = ("problem_id", "text", "deadline", "original_deadline")


def facts_of(measure_ids) -> dict[int, dict]:
    """measure_facts() for many measures in one query."""
    rows = Measure.objects.filter(pk__in=measure_ids).values(
        "pk", *FACT_FIELDS, "problem__category__number", "problem__number", "number"
    )
    return {
        row["pk"]: {
            "pk": row["pk"],
            "code": f"{row['problem__category__number']}-{row['problem__number']}.{row['number']}",
            **{name: row[name] for name in FACT_FIELDS},
        }
        for row in rows
    }


def save(pending: list[Pending]) -> None:
    """Save the reminders and their notifications (inside the caller's transaction)."""
    Reminder.objects.bulk_create([p.reminder for p in pending])
    Notification.objects.bulk_create(
        Notification(recipient=p.user, title=p.title[:200], body=p.body[:2000], link=p.link)
        for p in pending
    )


def email(pending: list[Pending]) -> int:
    """One email per person listing his or her reminders; marks those emailed. Returns the
    number of emails sent."""
    if not notify.email_enabled():
        return 0
    by_user = defaultdict(list)
    for p in pending:
        if p.user.email:
            by_user[p.user.pk].append(p)
    groups = list(by_user.values())
    mails = [_digest(group) for group in groups]
    sent = notify.send(mails)
    emailed = [p.reminder.pk for i in sent for p in groups[i]]
    Reminder.objects.filter(pk__in=emailed).update(emailed=True)
    return len(sent)


def _digest(group: list[Pending]) -> notify.Mail:
    if len(group) == 1:
        only = group[0]
        return notify.Mail(only.user.email, only.title, notify.text_of(only.body, only.link))
    items = "\n\n".join(
        f"{i}. {p.body}\n详情：{notify.absolute(p.link)}" for i, p in enumerate(group, 1)
    )
    body = f"您有 {len(group)} 项整改措施需要抓紧办理：\n\n{items}"
    return notify.Mail(
        group[0].user.email, f"催办：{len(group)} 项整改措施", notify.text_of(body, "")
    )

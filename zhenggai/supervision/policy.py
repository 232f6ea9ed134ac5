"""Who may see and do what in supervision, built on zhenggai.ledger.policy.

A supervision notice (督办单) is seen by whoever runs its round and by the users of the unit it
is addressed to or of a unit above that one (the court's users see notices to the court and to
its tribunals, not the police's). The round's office issues notices, reminds, records
escalations, and closes notices or sends unsatisfactory replies back; the addressed unit
replies. Notifications are their recipient's alone.

Permissions are plain functions that return (allowed, reason in Chinese)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404

from zhenggai.authority.models import Role, RoleAssignment
from zhenggai.ledger.models import InspectionRound, Measure, Person, Unit
from zhenggai.ledger.policy import (
    acts_for,
    require,
    rounds_visible_to,
    rows_by_unit,
    rows_of_whole_rounds,
    supervises,
)
from zhenggai.rules.status import DONE_MEASURE_STATUSES, MeasureStatus
from zhenggai.supervision.models import Escalation, Notification, SupervisionNotice

Status = SupervisionNotice.Status
# Where each action may start from; the status it leaves the notice in sits in services.
REPLYABLE = {Status.ISSUED, Status.OVERDUE, Status.ESCALATED}
ESCALATABLE = {Status.ISSUED, Status.OVERDUE, Status.REPLIED, Status.ESCALATED, Status.CLOSED}
# The office closes a notice or sends its reply back from these, and only once there is a reply.
REVIEWABLE = {Status.REPLIED, Status.OVERDUE, Status.ESCALATED}


def awaiting_reply_q() -> Q:
    """Notices the addressed unit still has to answer (待回复)."""
    return Q(status__in=REPLYABLE, reply="")


def _addressed_scope(user) -> Q:
    """Rows of a round, addressed to a unit: whoever sees the round whole sees them all, a
    unit those addressed to it or to a unit below it."""
    return rows_of_whole_rounds(user) | rows_by_unit(user, "unit")


def notices_visible_to(user):
    return SupervisionNotice.objects.filter(_addressed_scope(user))


def escalations_visible_to(user):
    return Escalation.objects.filter(_addressed_scope(user))


def office_users(round_: InspectionRound):
    """The people who run a round day to day: staff (not leaders) who hold the office role for
    the round alone, or for its office unit or an 整改办 directly under it."""
    office_unit = Q(unit=round_.office) | Q(unit__parent=round_.office, unit__kind=Unit.Kind.OFFICE)
    held = RoleAssignment.objects.filter(
        Q(round=round_) | Q(office_unit, round__isnull=True), role=Role.OFFICE
    )
    return (
        get_user_model()
        .objects.filter(pk__in=held.values("user_id"), is_active=True)
        .exclude(person__is_leader=True)
    )


NOBODY_TO_REMIND = "该措施的责任人、牵头领导和牵头单位填报人都没有登录账号，无法在系统中催办。"


def reminded(measure: Measure) -> list[Person]:
    """Whom a reminder about the measure goes to: its person in charge and its problem's lead
    leader, those with an active login; when neither has one, the lead unit's reporters."""
    return [person for _, person in recipients([measure])[measure.pk]]


def recipients(measures) -> dict[int, list[tuple[str, Person]]]:
    """reminded() for many measures (their problems loaded) in two queries, each person with
    the part it plays (责任人, 牵头领导, 牵头单位填报人), so a page can say beforehand whom a
    催办 will reach."""
    named = {
        m.pk: (("责任人", m.person_in_charge_id), ("牵头领导", m.problem.lead_leader_id))
        for m in measures
    }
    reachable = Person.objects.filter(user__is_active=True).select_related("user")
    persons = reachable.in_bulk({p for pair in named.values() for _, p in pair if p})
    found = {
        pk: [(part, persons[p]) for part, p in pair if p in persons] for pk, pair in named.items()
    }
    # Neither has a login: the lead unit's reporters are reminded instead.
    units = {m.pk: m.lead_unit_id for m in measures if not found[m.pk]}
    held = (
        RoleAssignment.objects.filter(
            role=Role.REPORTER,
            unit__in=set(units.values()),
            user__is_active=True,
            user__person__isnull=False,
        )
        .select_related("user__person")
        .order_by("user__person__name")
    )
    by_unit: dict[int, list[Person]] = {}
    for assignment in held if units else ():
        by_unit.setdefault(assignment.unit_id, []).append(assignment.user.person)
    for pk, unit in units.items():
        found[pk] = [("牵头单位填报人", person) for person in by_unit.get(unit, [])]
    return {pk: _once(people) for pk, people in found.items()}


def _once(people: list[tuple[str, Person]]) -> list[tuple[str, Person]]:
    """One reminder each, though a person be both in charge and the lead leader."""
    first: dict[int, tuple[str, Person]] = {}
    for part, person in people:
        first.setdefault(person.pk, (part, person))
    return list(first.values())


# Permissions: (allowed, reason).


def can_supervise(user, round_: InspectionRound) -> tuple[bool, str]:
    if supervises(user, round_):
        return True, ""
    return (
        False,
        "只有本轮整改牵头单位（整改办、督查室）的用户可以催办、下发或办结督办单、升级督办。",
    )


def can_remind(user, measure: Measure) -> tuple[bool, str]:
    allowed, reason = can_supervise(user, measure.round)
    # Closed as ongoing (长期坚持) still reports on a rhythm, so it may still be pushed.
    if allowed and measure.status in DONE_MEASURE_STATUSES - {MeasureStatus.ONGOING}:
        return False, f"该措施{measure.get_status_display()}，无需催办。"
    return allowed, reason


def can_reply(user, notice: SupervisionNotice) -> tuple[bool, str]:
    if notice.status == Status.CLOSED:
        return False, "该督办单已办结，不能再回复。"
    if notice.reply:
        return False, "该督办单已经回复过；如需补充，请联系整改办。"
    if notice.status not in REPLYABLE:
        return False, f"该督办单状态为“{notice.get_status_display()}”，不能回复。"
    if supervises(user, notice.round):
        return False, "督办单应由被督办单位回复，整改办不能代为回复。"
    if acts_for(user, notice.unit, notice.round):
        return True, ""
    return False, "只有被督办单位的用户可以回复督办单。"


def can_escalate(user, notice: SupervisionNotice) -> tuple[bool, str]:
    allowed, reason = can_supervise(user, notice.round)
    if allowed and notice.status not in ESCALATABLE:
        return False, f"该督办单状态为“{notice.get_status_display()}”，不能升级督办。"
    return allowed, reason


def review_refusal(notice: SupervisionNotice, action: str) -> str:
    """Why the office cannot act on the notice's reply (办结 or 退回) now; "" when it can. A
    state, not a permission: the services refuse it as invalid, not as forbidden."""
    if notice.status == Status.CLOSED:
        return f"该督办单已办结，不能再{action}。"
    if notice.status not in REVIEWABLE or not notice.reply:
        return f"被督办单位尚未回复，不能{action}。"
    return ""


def can_review(user, notice: SupervisionNotice) -> tuple[bool, str]:
    allowed, reason = can_supervise(user, notice.round)
    if not allowed:
        return allowed, reason
    refusal = review_refusal(notice, "办结或退回")
    return not refusal, refusal


# Lookups: outside the scope is a 404, a refused write is a 403 with the reason.


def _get(queryset, pk, message: str = "没有找到该记录，或您无权查看。"):
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(message) from exc


def get_notice_for(user, pk) -> SupervisionNotice:
    queryset = notices_visible_to(user).select_related(
        "round__office", "unit", "issued_by__person", "replied_by__person", "closed_by__person"
    )
    return _get(queryset, pk, "没有找到该督办单，或您无权查看。")


def get_supervised_round_for(user, pk) -> InspectionRound:
    """A round the user may supervise: invisible is a 404, visible but not run by the user
    a 403."""
    round_ = _get(rounds_visible_to(user).select_related("office"), pk)
    require(can_supervise(user, round_))
    return round_


def get_notification_for(user, pk) -> Notification:
    return _get(Notification.objects.filter(recipient=user), pk, "没有找到该通知。")

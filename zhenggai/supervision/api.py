"""Supervision in the HTTP API: notices (督办单), replies, the office closing a notice or sending
its reply back, escalations (约谈/通报/问责), the caller's notifications, and manual reminders
(催办). Same services and rules as the web."""

import datetime

from django.db.models import Prefetch
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from zhenggai.api.filters import in_round
from zhenggai.api.refs import Ref, values_of
from zhenggai.api.schemas import (
    Id,
    Input,
    Pagination,
    ProblemRef,
    RoundRef,
    UnitRef,
    bounded_text,
    choice_of,
    text_of,
)
from zhenggai.ledger import policy as ledger_policy
from zhenggai.ledger.models import Problem, Unit
from zhenggai.supervision import policy, services
from zhenggai.supervision.forms import MAX_CITED
from zhenggai.supervision.models import Escalation, Notification, SupervisionNotice

router = Router(tags=["督促督办"])


def _name(user) -> str | None:
    if user is None:
        return None
    person = getattr(user, "person", None)
    return person.name if person else user.get_username()


class NoticeOut(Schema):
    id: int
    round: RoundRef
    number: str
    unit: UnitRef
    problems: list[ProblemRef]
    content: str
    issued_on: datetime.date
    issued_by: str
    reply_deadline: datetime.date
    status: str
    status_label: str
    reply: str
    replied_by: str | None
    replied_at: datetime.datetime | None
    closed_by: str | None
    closed_at: datetime.datetime | None
    closing_note: str

    @staticmethod
    def resolve_problems(obj):
        return obj.problems.all()

    @staticmethod
    def resolve_issued_by(obj):
        return _name(obj.issued_by)

    @staticmethod
    def resolve_replied_by(obj):
        return _name(obj.replied_by)

    @staticmethod
    def resolve_closed_by(obj):
        return _name(obj.closed_by)

    @staticmethod
    def resolve_status_label(obj):
        return obj.get_status_display()


class NoticeIn(Input):
    """Without number, the next 督办〔年〕n号; without reply_deadline, 5 working days."""

    unit: Id
    content: text_of(SupervisionNotice, "content")
    problems: list[Id] = Field([], max_length=MAX_CITED)
    reply_deadline: datetime.date | None = None
    number: bounded_text(SupervisionNotice._meta.get_field("number").max_length) = ""


class ReplyIn(Input):
    reply: text_of(SupervisionNotice, "reply")


class CloseIn(Input):
    note: text_of(SupervisionNotice, "closing_note") = ""


class ReturnIn(Input):
    """Without reply_deadline, 5 working days from today."""

    reason: bounded_text(services.RETURN_REASON_MAX, required=True)
    reply_deadline: datetime.date | None = None


class NoticeFilters(Schema):
    round: Id | None = Field(None, description="轮次")
    status: choice_of(SupervisionNotice, "status") | None = Field(None, description="状态")
    unit: Id | None = Field(None, description="被督办单位（含下级单位）")


def _notices(user):
    problems = Problem.objects.select_related("category")
    return (
        policy.notices_visible_to(user)
        .select_related(
            "round", "unit", "issued_by__person", "replied_by__person", "closed_by__person"
        )
        .prefetch_related(Prefetch("problems", queryset=problems))
    )


@router.get("/notices", response=list[NoticeOut], summary="督办单列表")
@paginate(Pagination)
def list_notices(request, filters: Query[NoticeFilters]):
    user = request.auth
    notices = in_round(_notices(user), user, filters.round)
    if filters.status:
        notices = notices.filter(status=filters.status)
    if filters.unit is not None:
        unit = Ref(Unit.objects.all(), "单位").resolve("unit", filters.unit)
        notices = notices.filter(unit__path__startswith=unit.path)
    return notices


@router.get("/notices/{notice_id}", response=NoticeOut, summary="督办单详情")
def get_notice(request, notice_id: int):
    notice = policy.get_notice_for(request.auth, notice_id)
    return _notices(request.auth).get(pk=notice.pk)


@router.post("/rounds/{round_id}/notices", response={201: NoticeOut}, summary="下发督办单")
def issue_notice(request, round_id: int, payload: NoticeIn):
    user = request.auth
    round_ = policy.get_supervised_round_for(user, round_id)
    refs = {
        "unit": Ref(Unit.objects.all(), "被督办单位"),
        "problems": Ref(Problem.objects.filter(round=round_), "问题", many=True),
    }
    notice = services.issue_notice(user, round_, **values_of(payload, refs))
    return Status(201, _notices(user).get(pk=notice.pk))


@router.post("/notices/{notice_id}/reply", response=NoticeOut, summary="回复督办单")
def reply_notice(request, notice_id: int, payload: ReplyIn):
    user = request.auth
    notice = policy.get_notice_for(user, notice_id)
    services.reply_notice(user, notice, payload.reply)
    return _notices(user).get(pk=notice.pk)


@router.post("/notices/{notice_id}/close", response=NoticeOut, summary="办结督办单")
def close_notice(request, notice_id: int, payload: CloseIn):
    """The office closes a replied notice; a notice not yet answered, or already closed, is
    refused with 422."""
    user = request.auth
    notice = policy.get_notice_for(user, notice_id)
    services.close_notice(user, notice, payload.note)
    return _notices(user).get(pk=notice.pk)


@router.post("/notices/{notice_id}/return", response=NoticeOut, summary="退回督办回复")
def return_reply(request, notice_id: int, payload: ReturnIn):
    """The office sends the reply back to be answered again by a new deadline; the reply
    sent back stays in the problems' timelines."""
    user = request.auth
    notice = policy.get_notice_for(user, notice_id)
    services.return_reply(user, notice, payload.reason, payload.reply_deadline)
    return _notices(user).get(pk=notice.pk)


class EscalationOut(Schema):
    id: int
    round: RoundRef
    kind: str
    kind_label: str
    unit: UnitRef
    notice: int | None = Field(None, alias="notice_id")
    problem: ProblemRef | None
    reason: str
    decided_by: str
    decided_on: datetime.date

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_decided_by(obj):
        return _name(obj.decided_by)


class EscalationIn(Input):
    """Give a notice, a problem, or both. Without unit, the notice's unit or the problem's
    lead unit; without decided_by (a user id), the caller; without decided_on, today."""

    kind: choice_of(Escalation, "kind")
    reason: text_of(Escalation, "reason")
    unit: Id | None = None
    notice: Id | None = None
    problem: Id | None = None
    decided_by: Id | None = None
    decided_on: datetime.date | None = None


@router.get("/escalations", response=list[EscalationOut], summary="升级督办记录")
@paginate(Pagination)
def list_escalations(request, round: Id | None = None):
    user = request.auth
    escalations = policy.escalations_visible_to(user).select_related(
        "round", "unit", "problem__category", "decided_by__person"
    )
    return in_round(escalations, user, round)


@router.post(
    "/rounds/{round_id}/escalations", response={201: EscalationOut}, summary="记录升级督办"
)
def escalate(request, round_id: int, payload: EscalationIn):
    user = request.auth
    round_ = policy.get_supervised_round_for(user, round_id)
    refs = {
        "unit": Ref(Unit.objects.all(), "对象单位"),
        "notice": Ref(policy.notices_visible_to(user).filter(round=round_), "督办单"),
        "problem": Ref(Problem.objects.filter(round=round_), "问题"),
        "decided_by": Ref(services.decision_makers(round_, user), "决定人"),
    }
    return Status(201, services.escalate(user, round_, **values_of(payload, refs)))


class NotificationOut(Schema):
    id: int
    title: str
    body: str
    link: str
    created_at: datetime.datetime
    read_at: datetime.datetime | None


@router.get("/notifications", response=list[NotificationOut], summary="我的通知")
@paginate(Pagination)
def list_notifications(request, unread: bool = False):
    notifications = Notification.objects.filter(recipient=request.auth)
    return notifications.filter(read_at__isnull=True) if unread else notifications


@router.post("/notifications/{notification_id}/read", response=NotificationOut, summary="标为已读")
def read_notification(request, notification_id: int):
    notification = policy.get_notification_for(request.auth, notification_id)
    return services.mark_read(request.auth, notification)


class ReadAllOut(Schema):
    count: int = Field(description="本次标为已读的条数")


@router.post("/notifications/read-all", response=ReadAllOut, summary="全部标为已读")
def read_all_notifications(request):
    return {"count": services.mark_all_read(request.auth)}


class ReminderIn(Input):
    note: bounded_text(500) = ""


class ReminderOut(Schema):
    id: int
    measure: int = Field(alias="measure_id")
    person: str
    sent_on: datetime.date
    reason: str
    reason_label: str

    @staticmethod
    def resolve_person(obj):
        return obj.person.name

    @staticmethod
    def resolve_reason_label(obj):
        return obj.get_reason_display()


@router.post("/measures/{measure_id}/reminders", response={201: list[ReminderOut]}, summary="催办")
def remind(request, measure_id: int, payload: ReminderIn):
    """Reminds the measure's person in charge and its problem's lead leader (those with a
    login), once a day each."""
    measure = ledger_policy.get_measure_for(request.auth, measure_id)
    policy.require(policy.can_remind(request.auth, measure))
    return Status(201, services.remind(request.auth, measure, note=payload.note))

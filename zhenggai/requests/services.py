"""Asking to extend or change a measure, and deciding. Web views, the API and the command line
all call these.

Each action takes the acting user and plain values, checks the policy, validates, saves and
records an Event in one transaction, and tells the people concerned (zhenggai.supervision.notify):
a request goes to whoever decides for the round, a decision to the unit that asked. An
approval changes the measure through zhenggai.ledger.services.amend_measure, on the version of
the measure the decider saw (zhenggai.ledger.versions): an extension moves `deadline` and
keeps the committed date in `original_deadline` (set once, by the first extension), so that
lights, overdue counts, the tick and the dashboard, which read `deadline`, follow the
approved date. Failures are ValidationError (Chinese messages per field) or PermissionDenied
(the reason in Chinese)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from zhenggai.ledger import services as ledger
from zhenggai.ledger.models import Event, Measure
from zhenggai.ledger.policy import require
from zhenggai.ledger.versions import actor_name
from zhenggai.requests import policy
from zhenggai.requests.models import REASON_LENGTH, ChangeRequest, ExtensionRequest
from zhenggai.rules.status import CLOSED_MEASURE_STATUSES
from zhenggai.supervision.notify import notify
from zhenggai.supervision.policy import office_users

Status = ExtensionRequest.Status
# "Within reason": an extension reaches at most this far beyond the current deadline (or
# today, for a deadline already past). Longer than that is a different measure: a change
# request, e.g. to 长期坚持.
MAX_EXTENSION = datetime.timedelta(days=366)
EVENTS = {
    ExtensionRequest: {
        "asked": Event.Kind.EXTENSION_ASKED,
        Status.APPROVED: Event.Kind.EXTENSION_APPROVED,
        Status.REFUSED: Event.Kind.EXTENSION_REFUSED,
        Status.WITHDRAWN: Event.Kind.EXTENSION_WITHDRAWN,
    },
    ChangeRequest: {
        "asked": Event.Kind.CHANGE_ASKED,
        Status.APPROVED: Event.Kind.CHANGE_APPROVED,
        Status.REFUSED: Event.Kind.CHANGE_REFUSED,
        Status.WITHDRAWN: Event.Kind.CHANGE_WITHDRAWN,
    },
}
CHANGED_FIELDS = ("text", "kind", "deliverable", "deadline")


def _text(value, field: str, label: str, required: bool = True) -> str:
    value = str(value or "").strip()
    if required and not value:
        raise ValidationError({field: f"请填写{label}。"})
    if len(value) > REASON_LENGTH:
        raise ValidationError(
            {field: f"{label}不能超过 {REASON_LENGTH} 个字（现有 {len(value)} 个）。"}
        )
    if "\x00" in value:
        raise ValidationError({field: f"{label}不能包含空字符。"})
    return value


def _date(value, field: str) -> datetime.date:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise ValidationError({field: "请填写有效的日期，例如 2024-06-30。"})
    return value


def _later_deadline(value, current: datetime.date | None, field: str) -> datetime.date:
    """A new deadline: a real date, after the current one, not in the past, within reason."""
    value = _date(value, field)
    today = timezone.localdate()
    if current and value <= current:
        raise ValidationError({field: f"新的完成时限应晚于现在的完成时限（{current:%Y-%m-%d}）。"})
    if value < today:
        raise ValidationError({field: f"新的完成时限不能早于今天（{today:%Y-%m-%d}）。"})
    latest = max(filter(None, [current, today])) + MAX_EXTENSION
    if value > latest:
        raise ValidationError(
            {
                field: f"一次延期不能超过一年，最晚可申请延至 {latest:%Y-%m-%d}；"
                "确需更长时间的，请申请变更措施（如改为长期坚持）。"
            }
        )
    return value


def _open(request) -> None:
    """Save a new request; the database refuses a second open one on the same measure."""
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as error:
        noun = policy.NOUNS[type(request)]
        raise ValidationError(
            f"该措施已有一份待审批的{noun}，请等待整改办审批或先撤回。"
        ) from error


def _refuse_second(model, measure: Measure) -> None:
    if model.objects.filter(measure=measure, status=Status.PENDING).exists():
        noun = policy.NOUNS[model]
        raise ValidationError(f"该措施已有一份待审批的{noun}，请等待整改办审批或先撤回。")


def _record(kind, request, user, changes: dict) -> Event:
    measure = request.measure
    changes = {"request": [None, request.pk], **changes}
    return ledger.record(
        kind, measure.round, user, problem=measure.problem, measure=measure, changes=changes
    )


# Asking


@transaction.atomic
def ask_extension(user, measure: Measure, *, new_deadline, reason) -> ExtensionRequest:
    require(policy.can_ask_extension(user, measure))
    _refuse_second(ExtensionRequest, measure)
    request = ExtensionRequest(
        round_id=measure.round_id,
        measure=measure,
        current_deadline=measure.deadline,
        new_deadline=_later_deadline(new_deadline, measure.deadline, "new_deadline"),
        reason=_text(reason, "reason", "申请延期的理由"),
        asked_by=user,
    )
    _open(request)
    _record(
        EVENTS[ExtensionRequest]["asked"],
        request,
        user,
        {
            "reason": [None, request.reason],
            "asked_deadline": [measure.deadline.isoformat(), request.new_deadline.isoformat()],
        },
    )
    _tell_deciders(
        request,
        f"申请将完成时限由 {measure.deadline:%Y-%m-%d} 延至 {request.new_deadline:%Y-%m-%d}",
    )
    return request


@transaction.atomic
def ask_change(
    user, measure: Measure, *, text, kind, deliverable="", deadline=None, reason
) -> ChangeRequest:
    """The measure as the unit would have it. A deadline goes with it only when a measure
    without one would become one that needs one; a deadline in force moves by extension."""
    require(policy.can_ask_change(user, measure))
    _refuse_second(ChangeRequest, measure)
    request = ChangeRequest(
        round_id=measure.round_id,
        measure=measure,
        text=str(text or "").strip(),
        kind=kind,
        deliverable=str(deliverable or "").strip(),
        deadline=_proposed_deadline(measure, kind, deadline),
        reason=_text(reason, "reason", "申请变更的理由"),
        asked_by=user,
    )
    request.full_clean(exclude=["round", "measure", "asked_by", "decided_by"])
    proposed = proposal(request)
    if not proposed:
        raise ValidationError("变更后的措施与现在完全相同，请修改要变更的内容。")
    _open(request)
    _record(
        EVENTS[ChangeRequest]["asked"],
        request,
        user,
        {"reason": [None, request.reason], "proposed": [None, proposed]},
    )
    _tell_deciders(request, "申请变更" + "、".join(LABELS[name] for name in proposed))
    return request


LABELS = {name: str(Measure._meta.get_field(name).verbose_name) for name in CHANGED_FIELDS}


def _proposed_deadline(measure: Measure, kind, deadline):
    if deadline in (None, ""):
        if measure.deadline is None and kind != Measure.Kind.ONGOING:
            raise ValidationError({"deadline": "改为立行立改或限期整改的措施必须填写完成时限。"})
        return None
    if measure.deadline is not None:
        raise ValidationError({"deadline": "完成时限请通过延期申请调整，变更申请中不要填写。"})
    return _later_deadline(deadline, None, "deadline")


def proposal(request: ChangeRequest) -> dict:
    """The fields the request would change, each as [now, proposed] in the measure's terms."""
    measure = request.measure
    changes = {}
    for name in CHANGED_FIELDS:
        now, proposed = getattr(measure, name), getattr(request, name)
        if name == "deadline" and proposed is None:
            continue
        if now != proposed:
            changes[name] = [_plain(now), _plain(proposed)]
    return changes


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


# Deciding


def _locked(request):
    """The request as it is now, held for this transaction: two deciders cannot both act."""
    fresh = type(request).objects.select_for_update().get(pk=request.pk)
    request.status, request.decided_by_id = fresh.status, fresh.decided_by_id
    request.measure = Measure.objects.select_related("round__office", "problem", "lead_unit").get(
        pk=request.measure_id
    )
    return request


def _close(request, user, status, note: str) -> None:
    request.status = status
    request.decided_by = user
    request.decided_at = timezone.now()
    request.decision_note = note
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])


@transaction.atomic
def approve(user, request, *, version: int | None, note="") -> None:
    """Apply the request to the measure as it is at `version`, the version the decider saw."""
    request = _locked(request)
    require(policy.can_decide(user, request))
    note = _text(note, "note", "审批意见", required=False)
    measure = request.measure
    if measure.status in CLOSED_MEASURE_STATUSES:
        raise ValidationError("该措施已销号，不能再按申请调整；可以不予批准并说明理由。")
    record = {"request": [None, request.pk], **({"reason": [None, note]} if note else {})}
    event = EVENTS[type(request)][Status.APPROVED]
    if isinstance(request, ExtensionRequest):
        if measure.deadline and request.new_deadline <= measure.deadline:
            raise ValidationError(
                f"申请延至的日期（{request.new_deadline:%Y-%m-%d}）已不晚于现在的完成时限"
                f"（{measure.deadline:%Y-%m-%d}），无需批准；可以不予批准并说明理由。"
            )
        values = {
            "deadline": request.new_deadline,
            "original_deadline": measure.original_deadline or measure.deadline,
        }
    else:
        values = {name: getattr(request, name) for name in CHANGED_FIELDS}
        if request.deadline is None:
            values.pop("deadline")
    ledger.amend_measure(user, measure, version=version, event=event, note=record, **values)
    _close(request, user, Status.APPROVED, note)
    _tell_unit(request, user, "已批准", note)


@transaction.atomic
def refuse(user, request, *, note) -> None:
    request = _locked(request)
    require(policy.can_decide(user, request))
    note = _text(note, "note", "不予批准的理由")
    _close(request, user, Status.REFUSED, note)
    _record(EVENTS[type(request)][Status.REFUSED], request, user, {"reason": [None, note]})
    _tell_unit(request, user, "不予批准", note)


@transaction.atomic
def withdraw(user, request) -> None:
    request = _locked(request)
    require(policy.can_withdraw(user, request))
    _close(request, user, Status.WITHDRAWN, "")
    _record(EVENTS[type(request)][Status.WITHDRAWN], request, user, {})
    _tell_deciders(request, "已撤回", asked=False)


# Telling people


def link_of(request) -> str:
    name = "extensions_detail" if isinstance(request, ExtensionRequest) else "changes_detail"
    return reverse(f"requests:{name}", args=[request.pk])


def _subject(request) -> str:
    measure = request.measure
    return f"{policy.NOUNS[type(request)]}：措施 {measure.code}（{measure.lead_unit.name}）"


def _tell_deciders(request, what: str, asked: bool = True) -> None:
    users = [u for u in office_users(request.round) if u.pk != request.asked_by_id]
    body = f"{actor_name(request.asked_by)}{what}。"
    if asked:
        body += f"理由：{request.reason}"
    notify(users, _subject(request), body, link_of(request))


def _tell_unit(request, decider, outcome: str, note: str) -> None:
    unit = request.measure.lead_unit
    users = get_user_model().objects.filter(
        Q(pk=request.asked_by_id) | Q(person__unit=unit), is_active=True
    )
    body = f"{actor_name(decider)}{outcome}。" + (f"意见：{note}" if note else "")
    notify(
        [u for u in users.distinct() if u.pk != decider.pk],
        f"{_subject(request)} {outcome}",
        body,
        link_of(request),
    )

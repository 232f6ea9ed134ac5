"""Supervision notices (督办单): the list per round, issuing one, reading and replying, and the
office closing it (办结) or sending the reply back (退回)."""

import datetime
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenggai.carryout.views.common import good_files, say_refused
from zhenggai.ledger import policy as ledger_policy
from zhenggai.ledger.models import Event
from zhenggai.ledger.queries import today, with_measure_flag
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.supervision import policy, services
from zhenggai.supervision.forms import (
    AWAITING,
    CloseForm,
    NoticeFilterForm,
    NoticeForm,
    ReplyForm,
    ReturnForm,
)
from zhenggai.supervision.views.common import cited_problem

PAGE_SIZE = 50


@login_required
def notice_list(request, round_pk=None):
    round_ = ledger_policy.get_round_for(request.user, round_pk) if round_pk else None
    notices = policy.notices_visible_to(request.user).select_related("round", "unit")
    if round_:
        notices = notices.filter(round=round_)
    form = NoticeFilterForm(request.GET or None, user=request.user)
    if form.is_valid():
        status = form.cleaned_data["status"]
        if status == AWAITING:
            notices = notices.filter(policy.awaiting_reply_q())
        elif status:
            notices = notices.filter(status=status)
        if form.cleaned_data["unit"]:
            notices = notices.filter(unit__path__startswith=form.cleaned_data["unit"].path)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "round": round_,
        "form": form,
        "page": page,
        "querystring": params.urlencode(),
        "can_issue": round_ is not None and policy.can_supervise(request.user, round_)[0],
        "escalations": (
            policy.escalations_visible_to(request.user)
            .filter(round=round_)
            .select_related("unit", "notice", "problem__category", "decided_by__person")[:PAGE_SIZE]
            if round_
            else []
        ),
        "today": today(),
    }
    template = "supervision/notice_list.html"
    return render(request, f"{template}#results" if request.htmx else template, context)


@login_required
def notice_create(request, round_pk):
    round_ = policy.get_supervised_round_for(request.user, round_pk)
    on = today()
    initial = {
        "number": services.suggested_number(round_, on.year),
        "reply_deadline": services.default_reply_deadline(on),
    }
    cited = cited_problem(request, round_)
    if cited:
        initial |= {"problem_codes": cited.code, "unit": cited.lead_unit_id}
    form = NoticeForm(request.POST or None, round_=round_, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            notice = services.issue_notice(
                request.user,
                round_,
                unit=data["unit"],
                content=data["content"],
                problems=data["problem_codes"],
                reply_deadline=data["reply_deadline"],
                number=data["number"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已下发督办单 {notice.number}。")
            return redirect("supervision:notice_detail", notice.pk)
    return render(request, "supervision/notice_form.html", {"form": form, "round": round_})


@login_required
def notice_detail(request, pk, reply_form=None, close_form=None, return_form=None):
    notice = policy.get_notice_for(request.user, pk)
    can_reply, reply_refusal = policy.can_reply(request.user, notice)
    can_review = policy.can_review(request.user, notice)[0]
    on = today()
    returns = _returns(notice)
    context = {
        "notice": notice,
        "round": notice.round,
        "problems": with_measure_flag(notice.problems.select_related("category")),
        "escalations": notice.escalations.select_related("decided_by__person"),
        "returns": returns,
        "reply_files": _files_by_reply(notice, returns),
        "can_reply": can_reply,
        "reply_refusal": reply_refusal,
        "reply_form": reply_form or (ReplyForm() if can_reply else None),
        "close_form": close_form or (CloseForm() if can_review else None),
        "return_form": return_form
        or (
            ReturnForm(initial={"reply_deadline": services.default_reply_deadline(on)})
            if can_review
            else None
        ),
        "can_escalate": policy.can_escalate(request.user, notice)[0],
        "today": on,
    }
    return render(request, "supervision/notice_detail.html", context)


def _returns(notice) -> list[Event]:
    """The replies the office sent back, newest first. They are kept only in the events, one
    per cited problem, so the copies of one return are folded into one."""
    events = (
        Event.objects.filter(
            round=notice.round_id,
            kind=Event.Kind.NOTICE_RETURNED,
            changes__notice__1=notice.number,
        )
        .select_related("actor__person")
        .order_by("-at", "-pk")
    )
    folded: dict[str, Event] = {}
    for event in events:
        folded.setdefault(json.dumps(event.changes, sort_keys=True), event)
    return list(folded.values())


def _files_by_reply(notice, returns: list[Event]) -> list:
    """The files of the reply standing now; each reply sent back keeps its own (event.files).
    A reply's files are stored just after it, before any later return."""
    files = list(notice.evidence.all())
    for event in returns:
        since = datetime.datetime.fromisoformat(event.changes["replied_at"][0])
        event.files = [f for f in files if since <= f.uploaded_at <= event.at]
    if not notice.replied_at:
        return []
    return [f for f in files if f.uploaded_at >= notice.replied_at]


@login_required
@require_POST
def notice_reply(request, pk):
    form = ReplyForm(request.POST, request.FILES)
    files, refused = good_files(form) if form.is_valid() else ([], [])
    if files is None:
        return notice_detail(request, pk, reply_form=form)
    response = _act_on(
        request,
        pk,
        form,
        lambda notice, data: services.reply_notice(request.user, notice, data["reply"], files),
        done="已回复督办单 {notice.number}。",
        form_name="reply_form",
    )
    if response.status_code == 302:
        say_refused(request, refused)
    return response


@login_required
@require_POST
def notice_close(request, pk):
    return _act_on(
        request,
        pk,
        CloseForm(request.POST),
        lambda notice, data: services.close_notice(request.user, notice, data["note"]),
        done="已办结督办单 {notice.number}。",
        form_name="close_form",
    )


@login_required
@require_POST
def notice_return(request, pk):
    return _act_on(
        request,
        pk,
        ReturnForm(request.POST),
        lambda notice, data: services.return_reply(
            request.user, notice, data["reason"], data["reply_deadline"]
        ),
        done="已退回督办单 {notice.number} 的回复，新的回复期限为 "
        "{notice.reply_deadline:%Y-%m-%d}。",
        form_name="return_form",
    )


def _act_on(request, pk, form, act, *, done: str, form_name: str):
    """A form posted from the notice page: the service's field errors go back on the form; a
    refusal (PermissionDenied) is answered 403 with its reason, like every refused page;
    `done` is formatted with the notice as it is afterwards."""
    notice = policy.get_notice_for(request.user, pk)
    if form.is_valid():
        try:
            notice = act(notice, form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, done.format(notice=notice))
            return redirect("supervision:notice_detail", notice.pk)
    return notice_detail(request, pk, **{form_name: form})

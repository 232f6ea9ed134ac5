"""A request's page, where the office sees the measure now beside what is asked and decides;
the round's list of requests, where it can decide too (each request answers through htmx
in its own place); and the unit withdrawing its request."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenggai.ledger import policy as ledger_policy
from zhenggai.ledger.versions import StaleEdit
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.ledger.views.stale import Refusal
from zhenggai.requests import policy, queries, services
from zhenggai.requests.forms import DecisionForm, RefusalForm
from zhenggai.requests.models import ExtensionRequest
from zhenggai.requests.views.items import Item, ids, item_of

LIST = "requests/round_requests.html"


@login_required
def request_detail(request, pk, model):
    found = policy.get_request_for(model, request.user, pk)
    return render(request, "requests/request_detail.html", {"item": item_of(request.user, found)})


@login_required
def round_requests(request, pk):
    round_ = ledger_policy.get_round_for(request.user, pk)
    filters = queries.tabs(request.user, round_)
    status = request.GET.get("status", "")
    if status not in filters:
        status = next(iter(filters))
    found = queries.round_requests(request.user, round_, status)
    candidates = policy.decision_candidates(round_)
    context = {
        "round": round_,
        "items": [item_of(request.user, row, candidates=candidates) for row in found.rows],
        "more": found.more,
        "status": status,
        "filters": filters,
        "tab_label": filters[status],
        "count": queries.count(request.user, round_, status),
    }
    return render(request, LIST, context)


def _answer(request, item: Item, done: str = ""):
    """After an action: on the list (htmx) the request's own place again; on its page,
    the page with the outcome or the forms with their errors."""
    if request.htmx:
        return render(request, f"{LIST}#item", {"item": item, "done": done})
    if done:
        messages.success(request, done)
        return redirect(services.link_of(item.request))
    return render(request, "requests/request_detail.html", {"item": item})


@login_required
@require_POST
def request_approve(request, pk, model):
    found = policy.get_request_for(model, request.user, pk)
    form = DecisionForm(request.POST, measure=found.measure, auto_id=ids("approve", found))
    if form.is_valid():
        try:
            services.approve(
                request.user, found, version=form.version, note=form.cleaned_data["note"]
            )
        except StaleEdit as error:
            form = _again(form, error, found)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return _answer(request, item_of(request.user, found), "已批准，措施已按申请调整。")
    return _answer(request, item_of(request.user, found, decision_form=form))


def _again(form, error: StaleEdit, found):
    """The decider saw the measure at an older version: the page again, on the measure as
    it is now, saying what changed."""
    data = form.data.copy()
    data["version"] = str(error.current)
    again = DecisionForm(data, measure=found.measure, auto_id=form.auto_id)
    again.is_valid()
    again.stale = Refusal(error)
    return again


@login_required
@require_POST
def request_refuse(request, pk, model):
    found = policy.get_request_for(model, request.user, pk)
    form = RefusalForm(request.POST, auto_id=ids("refuse", found))
    if form.is_valid():
        try:
            services.refuse(request.user, found, note=form.cleaned_data["note"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return _answer(
                request, item_of(request.user, found), "已决定不予批准，并通知了申请单位。"
            )
    return _answer(request, item_of(request.user, found, refusal_form=form))


@login_required
@require_POST
def request_withdraw(request, pk, model):
    found = policy.get_request_for(model, request.user, pk)
    services.withdraw(request.user, found)
    noun = "延期申请" if model is ExtensionRequest else "变更申请"
    return _answer(request, item_of(request.user, found), f"已撤回{noun}。")

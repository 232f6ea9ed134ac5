from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from zhenggai.ledger import batch, policy
from zhenggai.ledger.models import Measure, Problem
from zhenggai.ledger.queries import (
    VIEWS,
    LedgerFilterForm,
    LedgerQuery,
    attach_claimants,
    attach_measure_stats,
    measure_rows,
    task_rows,
    today,
)
from zhenggai.ledger.tree_listing import measure_page, problem_page

PRINT_ROWS = 2000


@login_required
def ledger(request, pk):
    round_ = policy.get_round_for(request.user, pk)
    units = policy.units_visible_to(request.user)
    leaders = policy.problem_leaders(request.user, round_)
    form = LedgerFilterForm(request.GET or None, round_=round_, units=units, leaders=leaders)
    query = LedgerQuery.from_form(form)
    problems, measures, scoped = _rows(request.user, round_, query)
    scope = policy.scope_trees(request.user, round_) if scoped else None
    on = today()
    # The print layout lists every row on one page, as many as paper can sensibly take.
    printing = request.GET.get("print") == "1"
    size = PRINT_ROWS if printing else settings.LEDGER_PAGE_SIZE
    if query.view == "problems":
        number = request.GET.get("page")
        page = problem_page(problems, query, on, number, size, scoped, scope)
        measures = policy.measures_of(request.user, round_, page.object_list)
        attach_measure_stats(page.object_list, measures, on)
        attach_claimants(page.object_list)
    else:
        rows = task_rows if query.view == "measures" else measure_rows
        number = request.GET.get("page")
        page = measure_page(measures, query, on, number, rows, size, scoped, scope)
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("print", None)
    context = {
        "printing": printing,
        "print_rows": PRINT_ROWS,
        "round": round_,
        "form": form,
        "query": query,
        "views": VIEWS,
        "page": page,
        "today": on,
        "querystring": params.urlencode(),
        # The export carries the same filters.
        "filter_params": [(name, value) for name, values in params.lists() for value in values],
        "view_params": _without(params, "view"),
        # The batch form itself (thousands of persons to choose from at province scale)
        # loads only when opened: measure_batch answers a GET with it.
        "can_batch": query.view != "problems" and policy.can_act_on_many(request.user, round_)[0],
    }
    template = "ledger/ledger.html#results" if request.htmx else "ledger/ledger.html"
    return render(request, template, context)


def _rows(user, round_, query: LedgerQuery):
    """The problems and measures the list is cut from, and whether they are a scope (not the
    whole round)."""
    scoped = not policy.sees_whole(user, round_)
    if scoped and query.unit and policy.unit_within_scope(user, round_, query.unit):
        # All the unit filter keeps is the user's: the round's rows, narrowed as the office's.
        whole = [round_.pk]
        problems, measures = Problem.objects.all(), Measure.objects.all()
        return problems.filter(round__in=whole), measures.filter(round__in=whole), False
    if query.unit and policy.answers_within(user, round_, query.unit):
        query.unit_holds_scope = True
    if scoped and policy.covers_round(user, round_):
        # Its scope is the round (less a few problems nobody of it leads): listed as the
        # office's list is, not walked as a tree.
        scoped = False
    return policy.problems_in(user, round_), policy.measures_in(user, round_), scoped


@login_required
@require_http_methods(["GET", "POST"])
def measure_batch(request, pk):
    round_ = policy.get_round_for(request.user, pk)
    policy.require(policy.can_act_on_many(request.user, round_))
    if request.method == "GET":
        context = {
            "round": round_,
            # The person chosen stays chosen while the ticks change, if still in the tree.
            "batch_form": batch.BatchForm(
                user=request.user,
                round_=round_,
                ticked=request.GET.getlist("measures"),
                initial={"person_in_charge": request.GET.get("person_in_charge", "")},
            ),
            "querystring": request.GET.urlencode(),
        }
        return render(request, "ledger/_batch_form.html#form", context)
    form = batch.BatchForm(request.POST, user=request.user, round_=round_)
    if not form.is_valid():
        errors = [e for errors in form.errors.values() for e in errors]
        messages.error(request, "未能批量处理：" + "；".join(errors))
    else:
        try:
            outcome = batch.apply(request.user, round_, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            _tell(request, form.cleaned_data["action"], outcome)
    back = request.POST.get("query", "")
    return redirect(f"{reverse('ledger:ledger', args=[round_.pk])}?{back}")


def _tell(request, action: str, outcome) -> None:
    label = batch.ACTIONS[action]
    if outcome.done:
        done = "、".join(outcome.done)
        messages.success(request, f"{label}：已处理 {len(outcome.done)} 项（{done}）。")
    if outcome.refused:
        refused = "；".join(f"{code}：{reason}" for code, reason in outcome.refused)
        messages.error(request, f"{label}：{len(outcome.refused)} 项未处理。{refused}")


def _without(params, key):
    params = params.copy()
    params.pop(key, None)
    params.pop("sort", None)
    return params.urlencode()

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from zhenggai.ledger import policy
from zhenggai.ledger.models import Measure, Problem
from zhenggai.ledger.queries import (
    VIEWS,
    LedgerFilterForm,
    LedgerQuery,
    attach_measure_stats,
    filter_measures,
    filter_problems,
    measure_rows,
    problem_rows,
    today,
)


@login_required
def ledger(request, pk):
    round_ = policy.get_round_for(request.user, pk)
    form = LedgerFilterForm(request.GET or None, round_=round_)
    query = LedgerQuery.from_form(form)
    on = today()
    measures = Measure.objects.visible_to(request.user).filter(round=round_)
    if query.view == "problems":
        problems = Problem.objects.visible_to(request.user).filter(round=round_)
        rows = problem_rows(filter_problems(problems, query, on))
    else:
        rows = measure_rows(filter_measures(measures, query, on))
    page = Paginator(rows, settings.LEDGER_PAGE_SIZE).get_page(request.GET.get("page"))
    if query.view == "problems":
        attach_measure_stats(list(page.object_list), measures, on)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "round": round_,
        "form": form,
        "query": query,
        "views": VIEWS,
        "page": page,
        "today": on,
        "querystring": params.urlencode(),
        "view_params": _without(params, "view"),
    }
    template = "ledger/ledger.html#results" if request.htmx else "ledger/ledger.html"
    return render(request, template, context)


def _without(params, key):
    params = params.copy()
    params.pop(key, None)
    params.pop("sort", None)
    return params.urlencode()

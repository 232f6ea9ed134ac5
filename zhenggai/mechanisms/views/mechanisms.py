"""The mechanism registry of a round: the list with search, registration, a mechanism's page
with the problems it is linked to, its file, and the closed problems no mechanism backs."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenggai.ledger.models import Problem
from zhenggai.ledger.policy import get_problem_for, get_round_for, require
from zhenggai.ledger.queries import with_measure_flag
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.mechanisms import policy, services
from zhenggai.mechanisms.forms import LinkForm, MechanismForm, MechanismSearchForm
from zhenggai.mechanisms.queries import (
    closed_without_mechanism,
    issuing_units,
    linkable_problems,
    search_mechanisms,
)
from zhenggai.mechanisms.views.files import download


def _page(request, rows):
    return Paginator(rows, settings.LEDGER_PAGE_SIZE).get_page(request.GET.get("page"))


def _querystring(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def mechanism_list(request, round_pk):
    round_ = get_round_for(request.user, round_pk)
    form = MechanismSearchForm(request.GET or None)
    search = form.cleaned_data if form.is_valid() else {}
    mechanisms = policy.mechanisms_visible_to(request.user).filter(round=round_)
    rows = (
        search_mechanisms(mechanisms, search.get("q", ""), search.get("kind", ""))
        .select_related("issuing_unit")
        .annotate(problem_count=Count("problems"))
    )
    context = {
        "round": round_,
        "form": form,
        "page": _page(request, rows),
        "querystring": _querystring(request),
        "can_register": policy.can_register_mechanism(request.user, round_)[0],
    }
    template = "mechanisms/mechanism_list.html"
    return render(request, f"{template}#results" if request.htmx else template, context)


@login_required
def mechanism_create(request, round_pk):
    round_ = get_round_for(request.user, round_pk)
    require(policy.can_register_mechanism(request.user, round_))
    problems = linkable_problems(request.user, round_)
    form = MechanismForm(
        request.POST or None,
        request.FILES or None,
        problems=problems,
        units=issuing_units(request.user, round_),
        initial={"problems": request.GET.getlist("problem")},
    )
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        try:
            mechanism = services.register_mechanism(
                request.user,
                round_,
                **{name: values[name] for name in MechanismForm.Meta.fields if name != "problems"},
                problems=list(values["problems"]),
                file=values["file"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已登记长效机制“{mechanism.name}”。")
            return redirect("mechanisms:mechanism_detail", mechanism.pk)
    context = {"round": round_, "form": form, "has_problems": problems.exists()}
    return render(request, "mechanisms/mechanism_form.html", context)


@login_required
def mechanism_detail(request, pk):
    mechanism = policy.get_mechanism_for(request.user, pk)
    problems = list(
        with_measure_flag(mechanism.problems.visible_to(request.user))
        .select_related("round__office", "category", "lead_unit")
        .order_by("position")
    )
    for problem in problems:
        problem.unlinkable = policy.can_link(request.user, mechanism, problem)[0]
    link_form = None
    if mechanism.round and policy.can_manage_mechanism(request.user, mechanism)[0]:
        linkable = linkable_problems(request.user, mechanism.round).exclude(mechanisms=mechanism)
        link_form = LinkForm(problems=linkable)
    context = {
        "mechanism": mechanism,
        "round": mechanism.round,
        "problems": problems,
        "link_form": link_form,
    }
    return render(request, "mechanisms/mechanism_detail.html", context)


@login_required
@require_POST
def mechanism_link(request, pk):
    mechanism = policy.get_mechanism_for(request.user, pk, write=True)
    if mechanism.round is None:
        raise PermissionDenied("该机制所属的轮次已删除，不能再关联问题。")
    problems = linkable_problems(request.user, mechanism.round)
    form = LinkForm(request.POST, problems=problems)
    if not form.is_valid():
        messages.error(request, "请选择一个可以关联的问题。")
        return redirect("mechanisms:mechanism_detail", mechanism.pk)
    problem = form.cleaned_data["problem"]
    try:
        services.link_mechanism(request.user, mechanism, problem)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已关联问题 {problem.code}。")
    return redirect("mechanisms:mechanism_detail", mechanism.pk)


@login_required
@require_POST
def mechanism_unlink(request, pk, problem_pk):
    mechanism = policy.get_mechanism_for(request.user, pk, write=True)
    problem = get_problem_for(request.user, problem_pk)
    try:
        services.unlink_mechanism(request.user, mechanism, problem)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已取消与问题 {problem.code} 的关联。")
    return redirect("mechanisms:mechanism_detail", mechanism.pk)


@login_required
def mechanism_file(request, pk):
    mechanism = policy.get_mechanism_for(request.user, pk)
    return download(request.user, mechanism.file, mechanism.file_sha256, mechanism.file_name)


@login_required
def closed_without_mechanism_list(request, round_pk):
    round_ = get_round_for(request.user, round_pk)
    problems = closed_without_mechanism(
        Problem.objects.visible_to(request.user).filter(round=round_)
    )
    rows = problems.select_related("category", "lead_unit", "lead_leader").order_by("position")
    context = {
        "round": round_,
        "page": _page(request, rows),
        "querystring": _querystring(request),
        "can_register": policy.can_register_mechanism(request.user, round_)[0],
    }
    return render(request, "mechanisms/closed_without_mechanism.html", context)

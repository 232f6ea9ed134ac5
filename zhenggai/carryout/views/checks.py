"""Verification (核查) and reopening, of a measure or of a whole problem."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render

from zhenggai.carryout import policy, services
from zhenggai.carryout.forms import ReopenForm, VerificationForm
from zhenggai.carryout.models import Reopening
from zhenggai.carryout.views.common import back_to_problem, performed
from zhenggai.ledger import policy as ledger_policy


def _verify(request, subject, verify, done_message):
    form = VerificationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if performed(form, lambda: verify(request.user, subject, **data)):
            passed = data["result"] == "pass"
            messages.success(request, done_message if passed else "核查未通过，已退回重改。")
            return True, form
    return False, form


@login_required
def measure_verify(request, pk):
    measure = ledger_policy.get_measure_for(request.user, pk)
    ledger_policy.require(policy.can_verify(request.user, measure))
    done, form = _verify(
        request, measure, services.verify_measure, f"核查通过，措施 {measure.code} 已销号。"
    )
    if done:
        return back_to_problem(measure.problem_id, measure.pk)
    context = {"form": form, "measure": measure, "problem": measure.problem}
    return render(request, "carryout/verification_form.html", context)


@login_required
def problem_verify(request, pk):
    problem = ledger_policy.get_problem_for(request.user, pk)
    ledger_policy.require(policy.can_verify_problem(request.user, problem))
    done, form = _verify(
        request, problem, services.verify_problem, f"问题 {problem.code} 整体核查通过。"
    )
    if done:
        return back_to_problem(problem.pk)
    context = {"form": form, "problem": problem}
    return render(request, "carryout/verification_form.html", context)


def _reopen(request, subject, reopen):
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if performed(form, lambda: reopen(request.user, subject, **data)):
            label = "变异反弹" if data["is_rebound"] else "重新打开"
            messages.success(request, f"已{label}，原销号记录已保留。")
            return True, form
    return False, form


@login_required
def measure_reopen(request, pk):
    measure = ledger_policy.get_measure_for(request.user, pk)
    ledger_policy.require(policy.can_reopen(request.user, measure))
    done, form = _reopen(request, measure, services.reopen_measure)
    if done:
        return back_to_problem(measure.problem_id, measure.pk)
    context = {"form": form, "measure": measure, "problem": measure.problem}
    return render(request, "carryout/reopen_form.html", context)


@login_required
def problem_reopen(request, pk):
    problem = ledger_policy.get_problem_for(request.user, pk)
    ledger_policy.require(policy.can_reopen_problem(request.user, problem))
    done, form = _reopen(request, problem, services.reopen_problem)
    if done:
        return back_to_problem(problem.pk)
    return render(request, "carryout/reopen_form.html", {"form": form, "problem": problem})


@login_required
def problem_history(request, pk):
    """Every check of the whole problem and every reopening of it or its visible measures."""
    problem = ledger_policy.get_problem_for(request.user, pk)
    visible = problem.measures.visible_to(request.user)
    context = {
        "problem": problem,
        "verifications": problem.verifications.select_related("verifier__person", "verifier_unit")
        .prefetch_related("evidence")
        .order_by("-pk"),
        "reopenings": Reopening.objects.filter(Q(problem=problem) | Q(measure__in=visible))
        .select_related("reopened_by__person", "measure")
        .order_by("-pk"),
    }
    return render(request, "carryout/problem_history.html", context)

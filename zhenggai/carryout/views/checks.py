"""Verification (核查) and reopening, of a measure or of a whole problem."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render

from zhenggai.carryout import policy, services
from zhenggai.carryout.forms import ReopenForm, VerificationForm
from zhenggai.carryout.models import Reopening
from zhenggai.carryout.views.common import (
    back_to_problem,
    good_files,
    performed,
    refused_status,
    say_refused,
)
from zhenggai.ledger import policy as ledger_policy
from zhenggai.rules.status import MeasureStatus

REPORTS_SHOWN = 10
# A refusal, "not yet" as much as "no right", is told on the form's own page, with the
# subject above it, instead of the bare 无权操作 page.
REOPEN = "carryout/reopen_form.html"


def _verify(request, subject, verify, done_message):
    round_ = subject.round
    form = VerificationForm(
        request.POST or None,
        request.FILES or None,
        members=policy.group_members(round_),
        initial={"members": policy.groups_of(request.user, round_)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        files, refused = good_files(form)
        if files is not None and performed(
            form, lambda: verify(request.user, subject, **(data | {"files": files}))
        ):
            passed = data["result"] == "pass"
            messages.success(request, done_message if passed else "核查未通过，已退回重改。")
            say_refused(request, refused)
            return True, form
    return False, form


@login_required
def measure_verify(request, pk):
    measure = ledger_policy.get_measure_for(request.user, pk)
    allowed, reason = policy.can_verify(request.user, measure)
    context = {
        "measure": measure,
        "problem": measure.problem,
        "who_may_close": policy.who_may_close(measure),
        "refusal": policy.closing_refusal(request.user, measure) if allowed else reason,
    }
    if context["refusal"]:
        # Said before any typing, to a unit's reporter as to the office: who may close it, and
        # why this user may not.
        return render(request, "carryout/verification_form.html", context, status=403)
    done, form = _verify(
        request, measure, services.verify_measure, f"核查通过，措施 {measure.code} 已销号。"
    )
    if done:
        return back_to_problem(measure.problem_id, measure.pk)
    # What the unit submitted: its latest report first, with the evidence, then the rest.
    reports = list(
        measure.reports.select_related("submitted_by__person")
        .prefetch_related("evidence")
        .order_by("-pk")[: REPORTS_SHOWN + 1]
    )
    context |= {
        "form": form,
        "reports": reports[:REPORTS_SHOWN],
        "more_reports": len(reports) > REPORTS_SHOWN,
    }
    return render(request, "carryout/verification_form.html", context, status=refused_status(form))


@login_required
def problem_verify(request, pk):
    problem = ledger_policy.get_problem_for(request.user, pk)
    allowed, refusal = policy.can_verify_problem(request.user, problem)
    if not allowed:
        # Said on the check's own page: "not yet" (measures still open) is not "no right".
        context = {"problem": problem, "refusal": refusal, "open_measures": _open(request, problem)}
        return render(request, "carryout/verification_form.html", context, status=403)
    done, form = _verify(
        request, problem, services.verify_problem, f"问题 {problem.code} 整体核查通过。"
    )
    if done:
        return back_to_problem(problem.pk)
    context = {"form": form, "problem": problem}
    return render(request, "carryout/verification_form.html", context, status=refused_status(form))


def _open(request, problem) -> list[str]:
    """The codes of the problem's measures not yet closed that the user sees."""
    measures = problem.measures.visible_to(request.user).exclude(status=MeasureStatus.CLOSED)
    return [f"{problem.code}.{number}" for number in measures.values_list("number", flat=True)]


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
    context = {"measure": measure, "problem": measure.problem}
    allowed, refusal = policy.can_reopen(request.user, measure)
    if not allowed:
        return render(request, REOPEN, context | {"refusal": refusal}, status=403)
    done, form = _reopen(request, measure, services.reopen_measure)
    if done:
        return back_to_problem(measure.problem_id, measure.pk)
    return render(request, REOPEN, context | {"form": form}, status=refused_status(form))


@login_required
def problem_reopen(request, pk):
    problem = ledger_policy.get_problem_for(request.user, pk)
    allowed, refusal = policy.can_reopen_problem(request.user, problem)
    if not allowed:
        return render(request, REOPEN, {"problem": problem, "refusal": refusal}, status=403)
    done, form = _reopen(request, problem, services.reopen_problem)
    if done:
        return back_to_problem(problem.pk)
    context = {"form": form, "problem": problem}
    return render(request, REOPEN, context, status=refused_status(form))


@login_required
def problem_history(request, pk):
    """Every check of the whole problem and every reopening of it or its visible measures."""
    problem = ledger_policy.get_problem_for(request.user, pk)
    visible = problem.measures.visible_to(request.user)
    context = {
        "problem": problem,
        "verifications": problem.verifications.select_related("verifier__person", "verifier_unit")
        .prefetch_related("evidence", "members__person")
        .order_by("-pk"),
        "reopenings": Reopening.objects.filter(Q(problem=problem) | Q(measure__in=visible))
        .select_related("reopened_by__person", "measure")
        .order_by("-pk"),
    }
    return render(request, "carryout/problem_history.html", context)

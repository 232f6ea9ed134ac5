"""Measures are added and edited inline on the problem page through htmx; without htmx the
same views work as plain pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from zhenggai.ledger import policy, services
from zhenggai.ledger.forms import MeasureForm, field_values
from zhenggai.ledger.panels import measure_panels
from zhenggai.ledger.queries import today
from zhenggai.ledger.versions import StaleEdit
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.ledger.views.stale import refused

TEMPLATE = "ledger/measure_form.html"


def _units(units):
    """None when the form does not offer cooperating units: they stay as they are."""
    return None if units is None else list(units)


def _save(form, save):
    try:
        return save(
            **field_values(form, skip=("cooperating_units",)),
            cooperating_units=_units(form.cleaned_data.get("cooperating_units")),
        )
    except ValidationError as error:
        apply_service_errors(form, error)
        return None


@login_required
def measure_create(request, problem_pk):
    problem = policy.get_problem_for(request.user, problem_pk, write=True)
    form = MeasureForm(request.POST or None, problem=problem, user=request.user)
    if request.method == "POST" and form.is_valid():
        measure = _save(form, lambda **v: services.create_measure(request.user, problem, **v))
        if measure:
            messages.success(request, f"已新增措施 {measure.code}。")
            return redirect("ledger:problem_detail", problem.pk)
    template = f"{TEMPLATE}#form" if request.htmx else TEMPLATE
    return render(request, template, {"form": form, "problem": problem, "round": problem.round})


@login_required
def measure_edit(request, pk):
    measure = policy.get_measure_for(request.user, pk, write=True)
    form = MeasureForm(
        request.POST or None, instance=measure, problem=measure.problem, user=request.user
    )
    if request.method == "POST":
        form.refuse_withheld()
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(
                form,
                lambda **v: services.update_measure(
                    request.user, measure, version=form.version, **v
                ),
            )
        except StaleEdit as error:
            saved = None
            form = refused(form, error, lambda data: _form_now(request, pk, data))
        if saved:
            if request.htmx:
                return measure_card(request, saved)
            messages.success(request, "已保存措施。")
            return redirect("ledger:problem_detail", measure.problem_id)
    context = {"form": form, "measure": measure, "problem": measure.problem, "round": measure.round}
    template = f"{TEMPLATE}#form" if request.htmx else TEMPLATE
    return render(request, template, context)


def _form_now(request, pk, data):
    measure = policy.get_measure_for(request.user, pk)
    return MeasureForm(data, instance=measure, problem=measure.problem, user=request.user)


@login_required
def measure_row(request, pk):
    """The read-only row, for cancelling an inline edit."""
    return measure_card(request, policy.get_measure_for(request.user, pk))


def measure_card(request, measure):
    """A measure's card on the problem page, alone: what an inline change answers with."""
    measure.editable = policy.can_edit_measure(request.user, measure)[0]
    context = {
        "measure": measure,
        "today": today(),
        "measure_panels": measure_panels(request, [measure]),
    }
    return render(request, "ledger/problem_detail.html#measure_row", context)

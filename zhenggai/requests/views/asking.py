"""The lead unit asks from the measure's card on the problem page: the form opens in the card
through htmx and the card comes back with the open request; without htmx the same views work
as plain pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django_htmx.http import reswap, retarget

from zhenggai.ledger import policy as ledger_policy
from zhenggai.ledger.policy import require
from zhenggai.ledger.queries import today
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.ledger.views.measures import measure_card
from zhenggai.requests import policy, services
from zhenggai.requests.forms import ChangeForm, ExtensionForm

TEMPLATE = "requests/ask_form.html"


def _ask(request, pk, *, noun, sort, can_ask, make_form, save):
    measure = ledger_policy.get_measure_for(request.user, pk)
    require(can_ask(request.user, measure))
    form = make_form(request.POST or None, measure)
    if request.method == "POST" and form.is_valid():
        try:
            save(request.user, measure, form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if request.htmx:
                return reswap(
                    retarget(measure_card(request, measure), f"#measure-{pk}"), "outerHTML"
                )
            messages.success(request, f"已提交{noun}，请等待整改办审批。")
            return redirect(
                f"{reverse('ledger:problem_detail', args=[measure.problem_id])}#measure-{pk}"
            )
    context = {
        "form": form,
        "measure": measure,
        "problem": measure.problem,
        "round": measure.round,
        "noun": noun,
        "action": reverse(f"requests:{sort}_create", args=[pk]),
        "inline": bool(request.htmx),
        "today": today(),
    }
    return render(request, f"{TEMPLATE}#form" if request.htmx else TEMPLATE, context)


@login_required
def extension_create(request, pk):
    return _ask(
        request,
        pk,
        noun="延期申请",
        sort="extension",
        can_ask=policy.can_ask_extension,
        make_form=lambda data, measure: ExtensionForm(data),
        save=lambda user, measure, data: services.ask_extension(user, measure, **data),
    )


@login_required
def change_create(request, pk):
    return _ask(
        request,
        pk,
        noun="变更申请",
        sort="change",
        can_ask=policy.can_ask_change,
        make_form=lambda data, measure: ChangeForm(data, measure=measure),
        save=lambda user, measure, data: services.ask_change(user, measure, **data),
    )

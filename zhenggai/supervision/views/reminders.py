"""The office's manual reminder (催办) from a measure's card on the problem page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhenggai.ledger import policy as ledger_policy
from zhenggai.supervision import policy, services
from zhenggai.supervision.forms import ReminderForm
from zhenggai.supervision.panels import prepare_measures


@login_required
@require_POST
def measure_remind(request, pk):
    measure = ledger_policy.get_measure_for(request.user, pk)
    policy.require(policy.can_remind(request.user, measure))
    form = ReminderForm(request.POST)
    ok, text = False, "催办说明不能超过500字。"
    if form.is_valid():
        try:
            sent = services.remind(request.user, measure, note=form.cleaned_data["note"])
        except ValidationError as refusal:
            text = "；".join(refusal.messages)
        else:
            ok, text = True, f"已催办 {measure.code}（{len(sent)} 人）。"
    if request.htmx:
        prepare_measures(request, [measure])
        context = {"measure": measure, "remind_message": text, "remind_ok": ok}
        return render(request, "supervision/_measure_panel.html#panel", context)
    (messages.success if ok else messages.error)(request, text)
    url = reverse("ledger:problem_detail", args=[measure.problem_id])
    return redirect(f"{url}#measure-{measure.pk}")

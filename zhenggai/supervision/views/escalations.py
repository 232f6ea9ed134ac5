"""Recording an escalation (约谈/通报/问责): who decided it and why."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from zhenggai.ledger.queries import today
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.supervision import policy, services
from zhenggai.supervision.forms import EscalationForm
from zhenggai.supervision.views.common import cited_problem


@login_required
def escalation_create(request, round_pk):
    round_ = policy.get_supervised_round_for(request.user, round_pk)
    notice = _notice(request, round_)
    problem = cited_problem(request, round_)
    initial = {"decided_by": request.user.pk, "decided_on": today()}
    if notice:
        initial["unit"] = notice.unit_id
    if problem:
        initial |= {"problem_code": problem.code, "unit": initial.get("unit", problem.lead_unit_id)}
    form = EscalationForm(
        request.POST or None,
        round_=round_,
        decision_makers=services.decision_makers(round_, request.user),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.escalate(
                request.user,
                round_,
                kind=data["kind"],
                unit=data["unit"],
                reason=data["reason"],
                notice=notice,
                problem=data["problem_code"],
                decided_by=data["decided_by"],
                decided_on=data["decided_on"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已记录{dict(form.fields['kind'].choices)[data['kind']]}。")
            if notice:
                return redirect("supervision:notice_detail", notice.pk)
            return redirect("ledger:problem_detail", data["problem_code"].pk)
    context = {"form": form, "round": round_, "notice": notice, "problem": problem}
    return render(request, "supervision/escalation_form.html", context)


def _notice(request, round_):
    """The notice being escalated (?notice=pk), which must be the round's and visible."""
    pk = request.GET.get("notice", "")
    if not pk.isdigit():
        return None
    notices = policy.notices_visible_to(request.user).filter(round=round_, pk=pk)
    return notices.select_related("unit").first()

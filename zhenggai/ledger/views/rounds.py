from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from zhenggai.ledger import policy, services
from zhenggai.ledger.forms import RoundForm, field_values
from zhenggai.ledger.queries import round_counts, today
from zhenggai.ledger.versions import StaleEdit
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.ledger.views.stale import refused
from zhenggai.requests import queries as requests


@login_required
def round_list(request):
    rounds = policy.rounds_visible_to(request.user).select_related("office")
    can_create, _ = policy.can_create_round(request.user)
    return render(request, "ledger/round_list.html", {"rounds": rounds, "can_create": can_create})


@login_required
def round_create(request):
    policy.require(policy.can_create_round(request.user))
    form = RoundForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.create_round(request.user, **field_values(form))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已创建{round_.inspection}轮次“{round_.name}”。")
            return redirect("ledger:round_home", round_.pk)
    return render(request, "ledger/round_form.html", {"form": form})


@login_required
def round_edit(request, pk):
    round_ = policy.get_round_for(request.user, pk, write=True)
    form = RoundForm(request.POST or None, instance=round_, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_round(request.user, round_, version=form.version, **field_values(form))
        except ValidationError as error:
            apply_service_errors(form, error)
        except StaleEdit as error:
            form = refused(
                form,
                error,
                lambda data: RoundForm(
                    data, instance=policy.get_round_for(request.user, pk), user=request.user
                ),
            )
        else:
            messages.success(request, "已保存轮次信息。")
            return redirect("ledger:round_home", round_.pk)
    return render(request, "ledger/round_form.html", {"form": form, "round": round_})


@login_required
def round_home(request, pk):
    round_ = policy.get_round_for(request.user, pk)
    problems = policy.problems_in(request.user, round_)
    measures = policy.measures_in(request.user, round_)
    categories = round_.categories.all()
    context = {
        "round": round_,
        "counts": round_counts(
            problems, measures, today(), whole=policy.sees_whole(request.user, round_)
        ),
        "categories": categories,
        "can_edit": policy.can_edit_round(request.user, round_)[0],
        "requests_tab": _requests_tab(request.user, round_),
    }
    return render(request, "ledger/round_home.html", context)


def _requests_tab(user, round_) -> dict:
    """The requests' link counts what its list opens on: for whoever decides, those waiting
    for its decision."""
    status, label = next(iter(requests.tabs(user, round_).items()))
    return {"label": label, "count": requests.count(user, round_, status)}

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, Window
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenggai.ledger import policy, services
from zhenggai.ledger.forms import CategoryForm, ClaimForm, ProblemForm, field_values
from zhenggai.ledger.panels import measure_panels, problem_panels
from zhenggai.ledger.queries import today
from zhenggai.ledger.versions import StaleEdit
from zhenggai.ledger.views.common import apply_service_errors
from zhenggai.ledger.views.stale import refused

# The problem page shows the newest events; the timeline page has them all, oldest first.
EVENTS_ON_PROBLEM_PAGE = 50
EVENTS_PER_TIMELINE_PAGE = 100


def _events(user, problem, visible=None):
    """The problem's events, less those about measures the user may not see: a unit that
    cooperates on one measure sees the problem, not what happened to the others. `visible`:
    the ids of those it sees, when the page has them already."""
    events = problem.events.select_related("actor__person", "measure")
    if policy.supervises(user, problem.round):
        return events
    if visible is None:
        visible = policy.measures_of(user, problem.round, [problem]).values("pk")
    return events.filter(Q(measure__isnull=True) | Q(measure__in=visible))


@login_required
def problem_detail(request, pk):
    problem = policy.get_problem_for(request.user, pk)
    measures = (
        policy.measures_of(request.user, problem.round, [problem])
        .select_related("round__office", "lead_unit", "person_in_charge")
        .prefetch_related("cooperating_units")
        .order_by("number")
    )
    can_edit = policy.can_edit_problem(request.user, problem)[0]
    measures = list(measures)
    for measure in measures:
        measure.problem = problem  # loaded already, as the problem's own manager would set
        measure.editable = policy.can_edit_measure(request.user, measure)[0]
    # The newest events, each carrying the count of all (a window over the problem's rows,
    # taken before the limit), in one query; shown oldest first.
    newest = (
        _events(request.user, problem, [m.pk for m in measures])
        .annotate(total=Window(Count("pk")))
        .order_by("-at", "-pk")
    )
    events = list(newest[:EVENTS_ON_PROBLEM_PAGE])[::-1]
    context = {
        "panels": problem_panels(request, problem, measures),
        "measure_panels": measure_panels(request, measures),
        "problem": problem,
        "round": problem.round,
        "measures": measures,
        "claims": problem.claims.select_related("person", "unit"),
        "events": events,
        "event_count": events[0].total if events else 0,
        "can_edit": can_edit,
        "can_claim": policy.can_claim(request.user, problem)[0],
        "claim_form": ClaimForm(),
        "today": today(),
    }
    return render(request, "ledger/problem_detail.html", context)


@login_required
def problem_timeline(request, pk):
    """Every event of the problem in the order it happened, a hundred to a page."""
    problem = policy.get_problem_for(request.user, pk)
    events = _events(request.user, problem).order_by("at", "pk")
    page = Paginator(events, EVENTS_PER_TIMELINE_PAGE).get_page(request.GET.get("page"))
    context = {"problem": problem, "round": problem.round, "page": page}
    return render(request, "ledger/problem_timeline.html", context)


@login_required
def problem_create(request, round_pk):
    round_ = policy.get_round_for(request.user, round_pk, write=True)
    form = ProblemForm(request.POST or None, round_=round_, user=request.user)
    if not round_.categories.exists():
        messages.warning(request, "本轮还没有问题方面，请先添加方面。")
        return redirect("ledger:category_create", round_.pk)
    if request.method == "POST" and form.is_valid():
        try:
            problem = services.create_problem(request.user, round_, **field_values(form))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已新增问题 {problem.code}。")
            return redirect("ledger:problem_detail", problem.pk)
    return render(request, "ledger/problem_form.html", {"form": form, "round": round_})


@login_required
def problem_edit(request, pk):
    problem = policy.get_problem_for(request.user, pk, write=True)
    form = ProblemForm(
        request.POST or None, instance=problem, round_=problem.round, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_problem(
                request.user, problem, version=form.version, **field_values(form)
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        except StaleEdit as error:
            form = refused(form, error, lambda data: _form_now(request, pk, data))
        else:
            messages.success(request, "已保存问题。")
            return redirect("ledger:problem_detail", problem.pk)
    context = {"form": form, "round": problem.round, "problem": problem}
    return render(request, "ledger/problem_form.html", context)


def _form_now(request, pk, data):
    problem = policy.get_problem_for(request.user, pk)
    return ProblemForm(data, instance=problem, round_=problem.round, user=request.user)


@login_required
@require_POST
def problem_claim(request, pk):
    problem = policy.get_problem_for(request.user, pk)
    form = ClaimForm(request.POST)
    if not form.is_valid():
        messages.error(request, "认领说明不能超过500字。")
    else:
        # A refusal (PermissionDenied) is answered 403 with its reason.
        services.claim_problem(request.user, problem, note=form.cleaned_data["note"])
        messages.success(request, f"已认领问题 {problem.code}。")
    return redirect("ledger:problem_detail", problem.pk)


@login_required
def category_create(request, round_pk):
    round_ = policy.get_round_for(request.user, round_pk, write=True)
    form = CategoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            category = services.create_category(
                request.user, round_, title=form.cleaned_data["title"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"已添加方面“{category.title}”。")
            return redirect("ledger:round_home", round_.pk)
    return render(request, "ledger/category_form.html", {"form": form, "round": round_})

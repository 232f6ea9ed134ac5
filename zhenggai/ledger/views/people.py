"""Unit and leader pages: everything a unit or a leader answers for, in the user's scope."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from zhenggai.documents.policy import material_rounds
from zhenggai.ledger import policy
from zhenggai.ledger.models import LIGHT_CHOICES, Measure, MeasureCooperation, Problem
from zhenggai.ledger.queries import (
    MEASURE_SORTS,
    lit_problems,
    lit_q,
    measure_rows,
    overdue_q,
    page_of,
    today,
    with_measure_flag,
)

PAGE_SIZE = 20  # a unit's lists are long: each pages on its own
LIMIT = 50
LIGHTS = dict(LIGHT_CHOICES)
TABS = LIGHT_CHOICES[::-1]  # 红灯 first, as the home page's figures
# As the ledger's 按时限 sort: those without a deadline (长期坚持) last on either database.
SOONEST = MEASURE_SORTS["deadline"]


def _light(request) -> str:
    """The light the page is filtered by (亮灯筛选), or "" for all."""
    light = request.GET.get("light", "")
    return light if light in LIGHTS else ""


def _lit(queryset, light: str):
    return queryset.filter(lit_q(light)) if light else queryset


def _lit_problems(queryset, light: str):
    return lit_problems(queryset, light) if light else queryset


def _problem_rows(problems):
    """A page's problems, each with whether it has measures: asked of the page's 20, not of
    every problem the tree leads before they are sorted."""
    return with_measure_flag(problems).select_related("round", "category", "lead_leader")


def _cooperated_on(cooperations) -> int:
    """How many measures the cooperations name, counted off their own index: for a user who
    sees all of the tree, the measures it cooperates on, without looking each one up."""
    return cooperations.aggregate(n=Count("measure_id", distinct=True))["n"]


def _measure_lists(request, measures, subtree: list[int], whole: bool, light: str, on) -> dict:
    """What the tree leads (all, or the overdue ones: the 超期 figure links here) and what it
    cooperates on, each paged on its own; `whole`: the user sees all of the tree."""
    overdue = request.GET.get("overdue") == "on"
    led = measures.filter(lead_unit__in=subtree)
    led_counts = led.aggregate(total=Count("pk"), overdue=Count("pk", filter=overdue_q(on)))
    led_lit = _lit(led, light).filter(overdue_q(on)) if overdue else _lit(led, light)
    cooperations = MeasureCooperation.objects.filter(unit__in=subtree)
    cooperating = _lit(measures.filter(pk__in=cooperations.values("measure_id")), light)
    return {
        "overdue": overdue,
        "led_counts": led_counts,
        "led": page_of(
            led_lit.order_by(*SOONEST),
            request.GET.get("led"),
            measure_rows,
            PAGE_SIZE,
            # Counted with the figures above, unless a light narrows the list.
            count=None if light else led_counts["overdue" if overdue else "total"],
        ),
        "cooperating": page_of(
            cooperating.order_by(*SOONEST),
            request.GET.get("cooperating"),
            measure_rows,
            PAGE_SIZE,
            count=_cooperated_on(cooperations) if whole and not light else None,
        ),
    }


@login_required
def unit_detail(request, pk):
    unit = policy.get_unit_for(request.user, pk)
    whole = policy.sees_all_of(request.user, unit)
    if whole:
        measures, problems = Measure.objects.all(), Problem.objects.all()
    else:
        measures = Measure.objects.visible_to(request.user)
        problems = Problem.objects.visible_to(request.user)
    # By their keys: told how many units, the database knows how much of the ledger they lead.
    subtree = policy.subtree_ids(unit.path)
    on = today()
    light = _light(request)
    context = {
        "unit": unit,
        # A reporter may not see the unit above its own: no crumb leading to a 404.
        "parent": policy.units_visible_to(request.user).filter(pk=unit.parent_id).first(),
        "light": light,
        "lights": TABS,
        "children": unit.children.all(),
        **_measure_lists(request, measures, subtree, whole, light, on),
        "problems": page_of(
            _lit_problems(problems, light)
            .filter(lead_unit__in=subtree)
            .order_by("round", "position"),
            request.GET.get("problems"),
            _problem_rows,
            PAGE_SIZE,
        ),
        "today": on,
    }
    return render(request, "ledger/unit_detail.html", context)


@login_required
def person_detail(request, pk):
    person = policy.get_person_for(request.user, pk)
    light = _light(request)
    # A person's few rows, each asked whether the user sees it.
    seen = Problem.objects.filter(policy.problem_scope_by_row(request.user))
    visible = with_measure_flag(_lit_problems(seen, light))
    problems = visible.filter(lead_leader=person).select_related("round", "category", "lead_unit")
    claimed = visible.filter(claims__person=person).select_related("round", "category")
    measures = measure_rows(
        _lit(Measure.objects.visible_to(request.user), light).filter(person_in_charge=person)
    )
    context = {
        "person": person,
        "light": light,
        "lights": TABS,
        "material_rounds": material_rounds(request.user, person),
        "problems": problems[:LIMIT],
        "claimed": claimed[:LIMIT],
        "measures": measures.order_by(*SOONEST)[:LIMIT],
        "today": today(),
    }
    return render(request, "ledger/person_detail.html", context)

"""Unit and leader pages: everything a unit or a leader answers for, in the user's scope."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from zhenggai.documents.policy import material_rounds
from zhenggai.ledger import policy
from zhenggai.ledger.models import LIGHT_CHOICES, Measure, MeasureCooperation, Problem
from zhenggai.ledger.queries import (
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


@login_required
def unit_detail(request, pk):
    unit = policy.get_unit_for(request.user, pk)
    if policy.sees_all_of(request.user, unit):
        measures, problems = Measure.objects.all(), Problem.objects.all()
    else:
        measures = Measure.objects.visible_to(request.user)
        problems = Problem.objects.visible_to(request.user)
    subtree = unit.subtree().values("pk")
    led = measures.filter(lead_unit__in=subtree)
    cooperating = measures.filter(
        pk__in=MeasureCooperation.objects.filter(unit__in=subtree).values("measure_id")
    )
    on = today()
    light = _light(request)
    # The 超期 figure links here: the measures led, overdue only.
    overdue = request.GET.get("overdue") == "on"
    led_lit = _lit(led, light).filter(overdue_q(on)) if overdue else _lit(led, light)
    context = {
        "unit": unit,
        # A reporter may not see the unit above its own: no crumb leading to a 404.
        "parent": policy.units_visible_to(request.user).filter(pk=unit.parent_id).first(),
        "light": light,
        "overdue": overdue,
        "lights": TABS,
        "children": unit.children.all(),
        "led": page_of(
            led_lit.order_by("deadline", "position"),
            request.GET.get("led"),
            measure_rows,
            PAGE_SIZE,
        ),
        "led_counts": led.aggregate(total=Count("pk"), overdue=Count("pk", filter=overdue_q(on))),
        "cooperating": page_of(
            _lit(cooperating, light).order_by("deadline", "position"),
            request.GET.get("cooperating"),
            measure_rows,
            PAGE_SIZE,
        ),
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
    visible = with_measure_flag(_lit_problems(Problem.objects.visible_to(request.user), light))
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
        "measures": measures.order_by("deadline", "position")[:LIMIT],
        "today": today(),
    }
    return render(request, "ledger/person_detail.html", context)

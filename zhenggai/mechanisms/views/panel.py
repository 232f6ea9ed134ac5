"""The problem page's section on lasting mechanisms and generalization.

The problem page only holds a placeholder that loads this section with htmx, so the page's
own queries stay as they are; the section costs a few queries of its own, however many
mechanisms, generalizations and answers there are."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse

from zhenggai.ledger.policy import get_problem_for, supervises
from zhenggai.ledger.queries import today
from zhenggai.mechanisms import policy
from zhenggai.mechanisms.models import GeneralizationAnswer, Mechanism
from zhenggai.mechanisms.queries import (
    STATE_LABELS,
    answer_rows,
    state_of,
    total_reach,
    with_reach,
)


def placeholder(request, problem, measures) -> dict:
    """Registered as a problem panel; it needs no query."""
    return {"url": reverse("mechanisms:problem_panel", args=[problem.pk])}


@login_required
def problem_panel(request, pk):
    user = request.user
    problem = get_problem_for(user, pk)
    runs_round = supervises(user, problem.round)
    generalizations = with_reach(problem.generalizations.select_related("asked_by"))
    if runs_round:
        # Which unit answered what is the office's to see; the others see the totals.
        answers = answer_rows(GeneralizationAnswer.objects)
        generalizations = generalizations.prefetch_related(
            Prefetch("answers", queryset=answers.order_by("unit__path"))
        )
    generalizations = list(generalizations.order_by("pk"))
    if runs_round:
        for answer in (a for g in generalizations for a in g.answers.all()):
            answer.state = state_of(answer)
            answer.state_label = STATE_LABELS[answer.state]
    context = {
        "problem": problem,
        "mechanisms": Mechanism.objects.filter(problems=problem).select_related("issuing_unit"),
        "generalizations": generalizations,
        "reach": total_reach(generalizations),
        "origin": GeneralizationAnswer.objects.filter(linked_problem=problem)
        .select_related("generalization__source__category", "unit")
        .first(),
        "runs_round": runs_round,
        "can_register": runs_round or policy.covers(user, problem.lead_unit, problem.round),
        "can_ask": policy.can_ask(user, problem)[0],
        "today": today(),
    }
    return render(request, "mechanisms/problem_panel.html#content", context)

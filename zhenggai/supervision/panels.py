"""What supervision adds to the problem page (registered in apps.py): each measure's light with
the office's 催办 button, and below the measures the problem's light, the notices citing it,
recent reminders and escalations. Bounded queries for the whole page."""

from django.db.models import Q

from zhenggai.ledger.panels import measure_panel, problem_panel
from zhenggai.ledger.policy import supervises
from zhenggai.supervision import policy
from zhenggai.supervision.models import Reminder

SHOWN = 20


@measure_panel("supervision/_measure_panel.html")
def prepare_measures(request, measures) -> None:
    for measure in measures:
        measure.can_remind = policy.can_remind(request.user, measure)[0]
    # Who a 催办 will reach is said before the click, and a measure nobody can be reminded
    # about says so instead of offering the button.
    remindable = [m for m in measures if m.can_remind]
    reached = policy.recipients(remindable) if remindable else {}
    for measure in measures:
        measure.reminded = reached.get(measure.pk, [])
        measure.nobody_to_remind = policy.NOBODY_TO_REMIND


@problem_panel("supervision/_problem_panel.html")
def problem_supervision(request, problem, measures) -> dict:
    user = request.user
    notices = policy.notices_visible_to(user).filter(problems=problem).select_related("unit")
    escalations = (
        policy.escalations_visible_to(user)
        .filter(Q(problem=problem) | Q(notice__problems=problem))
        .distinct()
        .select_related("unit", "notice", "decided_by__person")
    )
    reminders = Reminder.objects.filter(measure__in=[m.pk for m in measures]).select_related(
        "person", "measure"
    )
    return {
        "notices": list(notices[:SHOWN]),
        "escalations": list(escalations[:SHOWN]),
        "reminders": list(reminders.order_by("-sent_on", "-pk")[:SHOWN]),
        "can_supervise": supervises(user, problem.round),
        # A problem with no measures has no light (its stored one is the default).
        "lit": bool(measures),
    }

"""Traffic lights (亮灯), recomputed daily by `zhenggai tick` and on every change of a measure.

A measure's light comes from zhenggai.rules.deadlines with its round's settings: the due-soon
window in working days, and the reporting rhythm (rhythm_days up to the end of the concentrated
period, rhythm_days_after from then on). Silence counts from the last progress report or, for a
measure never reported on, from the day it was created. A problem shows its worst measure's
light.

"On every change" is caught two ways (see apps.py): Measure.save(), and any Event recorded
about a measure, since every domain action records one (the carry-out services move status and
last_reported_on with QuerySet.update(), then record the event). Code that changes measures
with update() or bulk_create() and records no event must call refresh_lights() itself, or leave
it to the next tick. A day saved or deleted in the holiday table moves the lights of the
measures whose due-soon window it can fall in, once the change is committed.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Case, IntegerField, Max, Value, When
from django.utils import timezone

from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import Event, InspectionRound, Measure, Problem
from zhenggai.rules.deadlines import LIGHT_ORDER, Assessment, Light, assess

BATCH = 5000
# Rows per UPDATE … WHERE pk IN (…): well under SQLite's limit on query parameters.
UPDATE_CHUNK = 900
REASON_LENGTH = Measure._meta.get_field("light_reason").max_length
FIELDS = (
    "pk",
    "round_id",
    "problem_id",
    "deadline",
    "status",
    "last_reported_on",
    "created_at",
    "light",
    "light_reason",
    "person_in_charge_id",
    "problem__lead_leader_id",
)


@dataclass(frozen=True)
class Flagged:
    """A measure that is not green, with what the reminders need to know about it."""

    measure_id: int
    round_id: int
    problem_id: int
    person_in_charge_id: int | None
    lead_leader_id: int | None
    assessment: Assessment


@dataclass
class Refreshed:
    measures: int = 0
    changed: int = 0
    problems_changed: int = 0
    counts: dict = field(default_factory=lambda: {light.value: 0 for light in LIGHT_ORDER})
    flagged: list[Flagged] = field(default_factory=list)


def rhythm_days(round_: InspectionRound, today: datetime.date) -> int:
    """The reporting rhythm in force: the concentrated period's, then the one after."""
    concentrated = today <= round_.rectification_deadline
    return round_.rhythm_days if concentrated else round_.rhythm_days_after


def refresh_lights(measures, today: datetime.date, every_problem: bool = False) -> Refreshed:
    """Recompute the lights of the given measures (a queryset) and of the problems whose
    measures changed (of every problem, for the daily tick), writing only the rows whose light
    or reason changed. Returns counts and the non-green measures."""
    calendar = work_calendar()
    rounds = _Rounds()
    zone = timezone.get_current_timezone()
    result = Refreshed()
    changes: dict[tuple[str, str], list[int]] = {}
    touched_problems: set[int] = set()
    last_pk = 0
    while True:
        rows = list(measures.filter(pk__gt=last_pk).order_by("pk").values_list(*FIELDS)[:BATCH])
        if not rows:
            break
        last_pk = rows[-1][0]
        for row in rows:
            pk, round_id, problem_id, deadline, status, reported, created, light, reason = row[:9]
            round_ = rounds[round_id]
            since = reported or created.astimezone(zone).date()
            assessment = assess(
                deadline,
                status,
                today,
                calendar,
                round_.due_soon_workdays,
                since,
                rhythm_days(round_, today),
            )
            new_reason = assessment.reason[:REASON_LENGTH]
            result.measures += 1
            result.counts[assessment.light] += 1
            if (assessment.light, new_reason) != (light, reason):
                changes.setdefault((assessment.light, new_reason), []).append(pk)
                touched_problems.add(problem_id)
            if assessment.light != Light.GREEN:
                result.flagged.append(Flagged(pk, round_id, problem_id, *row[9:], assessment))
    if changes:
        _update(Measure, ("light", "light_reason"), changes)
    result.changed = sum(len(pks) for pks in changes.values())
    result.problems_changed = refresh_problem_lights(None if every_problem else touched_problems)
    return result


class _Rounds(dict):
    """Rounds fetched as the measures name them: one query per round, not per measure."""

    def __missing__(self, pk: int) -> InspectionRound:
        self[pk] = InspectionRound.objects.get(pk=pk)
        return self[pk]


def refresh_problem_lights(problem_ids=None) -> int:
    """Give each problem the worst light of its measures (green without any); None means all
    problems. Returns how many problems changed."""
    problems = Problem.objects.all()
    measures = Measure.objects.all()
    if problem_ids is not None:
        ids = list(problem_ids)
        if not ids:
            return 0
        problems = problems.filter(pk__in=ids)
        measures = measures.filter(problem_id__in=ids)
    rank = Case(
        *(When(light=light, then=Value(i)) for i, light in enumerate(LIGHT_ORDER)),
        output_field=IntegerField(),
    )
    worst = dict(
        measures.values("problem_id").annotate(worst=Max(rank)).values_list("problem_id", "worst")
    )
    changes: dict[tuple[str], list[int]] = {}
    for pk, light in problems.values_list("pk", "light").iterator(chunk_size=BATCH):
        new = LIGHT_ORDER[worst.get(pk, 0)]
        if new != light:
            changes.setdefault((new,), []).append(pk)
    if changes:
        _update(Problem, ("light",), changes)
    return sum(len(pks) for pks in changes.values())


@transaction.atomic
def _update(model, fields: tuple[str, ...], changes: dict[tuple, list[int]]) -> None:
    """One UPDATE per set of new values (a few hundred for a province), committed together."""
    for values, pks in changes.items():
        for start in range(0, len(pks), UPDATE_CHUNK):
            rows = model.objects.filter(pk__in=pks[start : start + UPDATE_CHUNK])
            rows.update(**dict(zip(fields, values, strict=True)))


def refresh_measure(measure: Measure) -> None:
    """After a measure is saved: its light, its problem's light, and the instance in hand."""
    refresh_lights(Measure.objects.filter(pk=measure.pk), timezone.localdate())
    measure.light, measure.light_reason = (
        Measure.objects.filter(pk=measure.pk).values_list("light", "light_reason").get()
    )


def on_measure_saved(sender, instance: Measure, raw: bool = False, **kwargs) -> None:
    # raw: loading fixtures, when related rows may not exist yet.
    if not raw:
        refresh_measure(instance)


# Events that cannot change a measure's light: supervision's own, and claims.
NEUTRAL_EVENTS = {
    Event.Kind.REMINDED,
    Event.Kind.NOTICE_ISSUED,
    Event.Kind.NOTICE_REPLIED,
    Event.Kind.NOTICE_RETURNED,
    Event.Kind.NOTICE_CLOSED,
    Event.Kind.NOTICE_OVERDUE,
    Event.Kind.ESCALATED,
    Event.Kind.CLAIMED,
}


def on_event_recorded(sender, instance: Event, created: bool, raw: bool = False, **kwargs):
    if created and not raw and instance.measure_id and instance.kind not in NEUTRAL_EVENTS:
        refresh_lights(Measure.objects.filter(pk=instance.measure_id), timezone.localdate())


# The widest due-soon window a round may set (60 working days) in calendar days, with room
# for the longest run of holidays.
CALENDAR_REACH = datetime.timedelta(days=120)


def on_calendar_changed(sender, raw: bool = False, **kwargs) -> None:
    """A holiday or 调休 day added, changed or removed: the measures due within reach of it
    may enter or leave their due-soon window."""
    if raw:
        return
    today = timezone.localdate()
    due = Measure.objects.filter(deadline__gte=today, deadline__lte=today + CALENDAR_REACH)
    transaction.on_commit(lambda: refresh_lights(due, timezone.localdate()))


def on_round_saved(sender, instance: InspectionRound, raw: bool = False, **kwargs) -> None:
    """The due-soon window, the rhythms or the concentrated period may have changed."""
    if not raw:
        refresh_lights(Measure.objects.filter(round=instance), timezone.localdate())

"""refresh_lights(): in bulk, only changed rows written; and kept up to date on every change."""

import datetime

from django.utils import timezone

from tests.factories import MeasureFactory
from zhenggai.ledger import services as ledger_services
from zhenggai.ledger.models import Event, InspectionRound, Measure, Problem
from zhenggai.supervision.lights import refresh_lights, refresh_problem_lights

D = datetime.date


def test_a_refresh_counts_the_lights_and_lists_the_measures_not_green(tracked):
    result = refresh_lights(Measure.objects.all(), D(2024, 4, 24))
    assert result.measures == 4
    assert sum(result.counts.values()) == 4
    flagged = {f.measure_id: f for f in result.flagged}
    assert flagged[tracked.pk].assessment.due_soon
    assert flagged[tracked.pk].person_in_charge_id == tracked.person_in_charge_id
    assert flagged[tracked.pk].lead_leader_id == tracked.problem.lead_leader_id


def test_a_second_refresh_the_same_day_writes_nothing(tracked, django_assert_max_num_queries):
    refresh_lights(Measure.objects.all(), D(2024, 4, 24))
    # Reading the measures, their round, and the problems' worst lights: no UPDATE.
    with django_assert_max_num_queries(4) as captured:
        result = refresh_lights(Measure.objects.all(), D(2024, 4, 24))
    assert result.changed == 0 and result.problems_changed == 0
    assert not [q for q in captured.captured_queries if q["sql"].startswith("UPDATE")]


def test_a_problem_takes_the_worst_light_of_its_measures(tracked):
    refresh_lights(Measure.objects.all(), D(2024, 4, 24))
    problem = Problem.objects.get(pk=tracked.problem_id)
    # Its other measure (deadline 2024-03-31) is overdue.
    assert problem.light == "red"
    Measure.objects.filter(problem=problem).exclude(pk=tracked.pk).update(status="closed")
    refresh_lights(Measure.objects.all(), D(2024, 4, 24))
    assert Problem.objects.get(pk=problem.pk).light == "yellow"


def test_the_daily_refresh_corrects_a_problem_light_gone_stale(tracked):
    refresh_lights(Measure.objects.all(), D(2024, 4, 24))
    Problem.objects.filter(pk=tracked.problem_id).update(light="green")
    assert refresh_lights(Measure.objects.all(), D(2024, 4, 24)).problems_changed == 0
    assert (
        refresh_lights(Measure.objects.all(), D(2024, 4, 24), every_problem=True).problems_changed
        == 1
    )
    assert Problem.objects.get(pk=tracked.problem_id).light == "red"


def test_a_problem_without_measures_turns_green(demo_round):
    problem = demo_round["problems"]["police"]
    Problem.objects.filter(pk=problem.pk).update(light="red")
    problem.measures.all().delete()
    assert refresh_problem_lights([problem.pk]) == 1
    assert Problem.objects.get(pk=problem.pk).light == "green"


def test_saving_a_measure_recomputes_its_light_and_its_problems(demo_round, office_clerk):
    measure = demo_round["problems"]["police"].measures.get()
    soon = timezone.localdate() + datetime.timedelta(days=1)
    ledger_services.update_measure(office_clerk, measure, deadline=soon, version=1)
    assert measure.light == "yellow"
    assert Problem.objects.get(pk=measure.problem_id).light == "yellow"
    later = soon.replace(year=soon.year + 1)
    ledger_services.update_measure(office_clerk, measure, deadline=later, version=2)
    assert Measure.objects.get(pk=measure.pk).light == "green"
    assert Problem.objects.get(pk=measure.problem_id).light == "green"


def test_an_event_about_a_measure_changed_by_update_recomputes_its_light(demo_round, office_clerk):
    """The carry-out services move status with update() and then record an event."""
    measure = demo_round["problems"]["police"].measures.get()
    assert Measure.objects.get(pk=measure.pk).light == "red"
    Measure.objects.filter(pk=measure.pk).update(status="done_pending")
    ledger_services.record(
        Event.Kind.VERIFIED, measure.round, office_clerk, problem=measure.problem, measure=measure
    )
    assert Measure.objects.get(pk=measure.pk).light == "green"


def test_changing_a_rounds_due_soon_window_recomputes_its_lights(demo_round, office_clerk):
    measure = demo_round["problems"]["police"].measures.get()
    in_ten_days = timezone.localdate() + datetime.timedelta(days=14)
    Measure.objects.filter(pk=measure.pk).update(deadline=in_ten_days, light="green")
    round_ = InspectionRound.objects.get(pk=measure.round_id)
    round_.due_soon_workdays = 20
    round_.save()
    assert Measure.objects.get(pk=measure.pk).light == "yellow"


def test_a_thousand_measures_are_refreshed_in_a_bounded_number_of_queries(
    demo_round, django_assert_max_num_queries
):
    problem = demo_round["problems"]["court"]
    Measure.objects.bulk_create(
        MeasureFactory.build(problem=problem, number=n, lead_unit=problem.lead_unit)
        for n in range(10, 1010)
    )
    with django_assert_max_num_queries(14):
        result = refresh_lights(Measure.objects.all(), D(2024, 5, 6))
    assert result.measures == 1004

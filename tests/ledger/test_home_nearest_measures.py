"""A reporter's home page lists its tree's open measures due soonest: the nearest deadline
first, those without one (长期坚持) last, ten at most, each with its problem and unit, and
nothing closed or led by another tree."""

import datetime

from django.utils import timezone

from tests.factories import MeasureFactory, ProblemFactory
from zhenggai.ledger.home import NEAREST, home_sections
from zhenggai.ledger.models import Measure
from zhenggai.rules.status import MeasureStatus


def test_the_tree_s_open_measures_due_soonest_come_first(
    demo_round, units, court_reporter, django_assert_max_num_queries
):
    round_, category = demo_round["round"], demo_round["category"]
    problem = ProblemFactory(round=round_, category=category, number=40, lead_unit=units["court"])
    today = timezone.localdate()
    Measure.objects.filter(round=round_).update(status=MeasureStatus.CLOSED)
    due = [today + datetime.timedelta(days=days) for days in (9, 3, 30, 1, 12, 5, 7, 2, 8, 4, 6)]
    made = [
        MeasureFactory(problem=problem, lead_unit=units[unit], deadline=deadline)
        for unit, deadline in zip(["court", "tribunal"] * 6, due, strict=False)
    ]
    MeasureFactory(problem=problem, lead_unit=units["court"], deadline=None)
    MeasureFactory(
        problem=problem, lead_unit=units["court"], deadline=today, status=MeasureStatus.CLOSED
    )
    MeasureFactory(problem=problem, lead_unit=units["police"], deadline=today)
    expected = sorted(made, key=lambda m: m.deadline)[:NEAREST]

    with django_assert_max_num_queries(20):
        (section,) = home_sections(court_reporter)
        shown = [(m.pk, m.problem.category.number, m.lead_unit.name) for m in section.measures]

    assert shown == [(m.pk, category.number, m.lead_unit.name) for m in expected]


def test_measures_without_a_deadline_come_last(demo_round, units, court_reporter):
    round_, category = demo_round["round"], demo_round["category"]
    problem = ProblemFactory(round=round_, category=category, number=41, lead_unit=units["court"])
    Measure.objects.filter(round=round_).update(status=MeasureStatus.CLOSED)
    today = timezone.localdate()
    lasting = MeasureFactory(problem=problem, lead_unit=units["court"], deadline=None)
    later = MeasureFactory(problem=problem, lead_unit=units["court"], deadline=today)
    sooner = MeasureFactory(
        problem=problem, lead_unit=units["tribunal"], deadline=today - datetime.timedelta(days=3)
    )

    (section,) = home_sections(court_reporter)

    assert [m.pk for m in section.measures] == [sooner.pk, later.pk, lasting.pk]

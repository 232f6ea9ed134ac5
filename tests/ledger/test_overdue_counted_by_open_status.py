"""The figures count overdue measures by their open statuses (an index range per status); the
lists keep saying "deadline passed, not done". Both name the same measures."""

import datetime

import pytest

from tests.factories import MeasureFactory, ProblemFactory
from zhenggai.ledger.models import Measure
from zhenggai.ledger.queries import overdue_count_q, overdue_q
from zhenggai.rules.status import MeasureStatus

ON = datetime.date(2026, 3, 31)


@pytest.mark.django_db
def test_every_status_and_deadline_is_overdue_alike_either_way():
    problem = ProblemFactory()
    deadlines = [ON - datetime.timedelta(days=1), ON, ON + datetime.timedelta(days=1), None]
    for status in MeasureStatus:
        for deadline in deadlines:
            MeasureFactory(problem=problem, status=status, deadline=deadline)
    overdue = set(Measure.objects.filter(overdue_q(ON)).values_list("pk", flat=True))
    counted = set(Measure.objects.filter(overdue_count_q(ON)).values_list("pk", flat=True))
    assert counted == overdue
    statuses = Measure.objects.filter(pk__in=overdue).values_list("status", flat=True)
    assert sorted(statuses) == ["in_progress", "not_started", "returned"]

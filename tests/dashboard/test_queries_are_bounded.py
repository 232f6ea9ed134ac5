"""The dashboards ask the database a fixed number of questions, however big the ledger."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CategoryFactory,
    MeasureFactory,
    PersonFactory,
    ProblemFactory,
    RoundFactory,
    UnitFactory,
)
from zhenggai.carryout.models import Verification


def _grow(known_round, units, office_clerk):
    """More of everything the dashboard groups by: units, leaders, categories, rounds."""
    round_ = known_round["round"]
    for n in range(3, 9):
        unit = UnitFactory(parent=units["police"], name=f"派出所{n}")
        leader = PersonFactory(unit=unit, is_leader=True)
        category = CategoryFactory(round=round_, number=n)
        problem = ProblemFactory(category=category, lead_unit=unit, lead_leader=leader)
        for m in range(1, 4):
            measure = MeasureFactory(problem=problem, number=m, lead_unit=unit, status="closed")
            Verification.objects.create(
                measure=measure,
                methods=["briefing"],
                verifier=office_clerk,
                verified_on=round_.feedback_date,
                findings="听取汇报",
                result="pass",
            )
    other = RoundFactory(office=units["committee"])
    ProblemFactory(category=CategoryFactory(round=other), lead_unit=units["court"])


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["round", "all"])
def test_the_number_of_queries_does_not_grow_with_the_data(
    client, known_round, units, office_clerk, name, django_assert_max_num_queries
):
    client.force_login(office_clerk)
    url = (
        reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
        if name == "round"
        else reverse("dashboard:dashboard")
    )
    before = _count(client, url)
    _grow(known_round, units, office_clerk)
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
    assert _count(client, url) == before


def test_a_unit_s_reporter_needs_no_more_queries(client, known_round, court_reporter):
    client.force_login(court_reporter)
    url = reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
    drilled = f"{url}?unit={known_round['m1'].lead_unit_id}"
    assert _count(client, drilled) <= _count(client, url) + 1  # the unit asked for

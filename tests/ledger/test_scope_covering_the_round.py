"""A reporter of the committee at the top of the organization answers for every measure of its
rounds: its lists are the round's, taken without listing its scope, and hold exactly what the
scope holds (not a problem without measures that none of its units leads, nor a measure a unit
of another organization leads)."""

import pytest
from django.urls import reverse

from tests.factories import MeasureFactory, ProblemFactory, UnitFactory, user_in
from zhenggai.authority.models import Role
from zhenggai.ledger import policy
from zhenggai.ledger.models import Measure, Problem


@pytest.fixture
def committee_reporter(units):
    return user_in(units["committee"], "committee", Role.REPORTER, name="吴干事")


@pytest.fixture
def round_(units, demo_round):
    """The demo round, with a problem the police leads without measures yet and one that
    neither has a lead unit nor measures."""
    category = demo_round["category"]
    ProblemFactory(round=demo_round["round"], category=category, number=4, lead_unit=None)
    ProblemFactory(
        round=demo_round["round"], category=category, number=5, lead_unit=units["police"]
    )
    return demo_round["round"]


def listed_scope(model, user, round_) -> set[int]:
    """What the user's trees answer for in the round, listed."""
    trees = policy.subtree(policy.scope_trees(user, round_))
    responsible = {Measure: policy.responsible_measures, Problem: policy.responsible_problems}
    answered = responsible[model](trees, rounds=[round_.pk])
    return set(model.objects.filter(pk__in=answered).values_list("pk", flat=True))


def page_ids(client, round_, view: str) -> list[int]:
    response = client.get(reverse("ledger:ledger", args=[round_.pk]), {"view": view})
    return [row.pk for row in response.context["page"].object_list]


def test_the_top_committee_s_reporter_covers_the_round_and_sees_its_scope(
    client, committee_reporter, round_
):
    assert policy.covers_round(committee_reporter, round_)
    for model, rows in [
        (Problem, policy.problems_in(committee_reporter, round_)),
        (Measure, policy.measures_in(committee_reporter, round_)),
    ]:
        expected = listed_scope(model, committee_reporter, round_)
        assert set(rows.values_list("pk", flat=True)) == expected
    orphan = Problem.objects.get(round=round_, number=4)
    assert orphan not in policy.problems_in(committee_reporter, round_)
    assert Problem.objects.get(round=round_, number=5) in policy.problems_in(
        committee_reporter, round_
    )
    client.force_login(committee_reporter)
    problems = page_ids(client, round_, "problems")
    assert set(problems) == listed_scope(Problem, committee_reporter, round_)
    assert orphan.pk not in problems
    assert set(page_ids(client, round_, "measures")) == listed_scope(
        Measure, committee_reporter, round_
    )


def test_a_measure_led_from_another_organization_keeps_the_scope_listed(
    client, committee_reporter, round_
):
    """Services refuse a unit of another organization; written past them, it is still not
    shown to a reporter whose trees do not hold it."""
    stranger = UnitFactory(name="外省某局")
    category = Problem.objects.get(round=round_, number=1).category
    problem = ProblemFactory(round=round_, category=category, number=6, lead_unit=stranger)
    foreign = MeasureFactory(problem=problem, number=1, lead_unit=stranger)
    assert not policy.covers_round(committee_reporter, round_)
    assert foreign not in policy.measures_in(committee_reporter, round_)
    assert problem not in policy.problems_in(committee_reporter, round_)
    client.force_login(committee_reporter)
    assert foreign.pk not in page_ids(client, round_, "measures")
    assert problem.pk not in page_ids(client, round_, "problems")


def test_a_reporter_below_the_top_keeps_its_scope_listed(police_reporter, round_):
    assert not policy.covers_round(police_reporter, round_)


def test_a_leader_reporting_for_the_committee_sees_the_bare_problem_it_leads(units, round_):
    chief = user_in(
        units["committee"], "chief", Role.REPORTER, Role.LEADER, name="何书记", is_leader=True
    )
    orphan = Problem.objects.get(round=round_, number=4)
    Problem.objects.filter(pk=orphan.pk).update(lead_leader=chief.person)
    assert policy.covers_round(chief, round_)
    assert orphan in policy.problems_in(chief, round_)

"""The scope asked of each row (for a person's few problems and measures) selects exactly what
the listed scope selects, for every kind of user: office, leader, reporters of a unit and of a
subtree, a reporter of one round only, a leader who also reports, and a login without roles."""

import pytest

from tests.factories import (
    CategoryFactory,
    MeasureFactory,
    ProblemFactory,
    RoundFactory,
    grant,
    user_in,
)
from zhenggai.authority.models import Role
from zhenggai.ledger import policy
from zhenggai.ledger.models import Measure, Problem


@pytest.fixture
def second_round(units, demo_round):
    """Another round: the station cooperates on the court's measure; a problem the police
    leads has no measure yet; one has neither a lead unit nor a measure."""
    round_ = RoundFactory(office=units["committee"], name="市委第二巡察组反馈意见整改")
    category = CategoryFactory(round=round_, number=1, title="基层党组织建设方面")
    court = ProblemFactory(round=round_, category=category, number=1, lead_unit=units["court"])
    MeasureFactory(
        problem=court, number=1, lead_unit=units["court"], cooperating_units=[units["station"]]
    )
    ProblemFactory(round=round_, category=category, number=2, lead_unit=units["police"])
    ProblemFactory(round=round_, category=category, number=3, lead_unit=None)
    return round_


@pytest.fixture
def users(units, demo_round, second_round, office_clerk, leader, court_reporter, outsider):
    station = user_in(units["station"], "station", Role.REPORTER, name="孙所长")
    # A reporter of the police's tree in the second round only.
    police_once = user_in(units["committee"], "police_once", name="郑干事")
    grant(police_once, Role.REPORTER, units["police"], round=second_round)
    # A leader who also reports for the tribunal, leading the police's problem of the first
    # round.
    chief = user_in(
        units["tribunal"], "chief", Role.REPORTER, Role.LEADER, name="林院长", is_leader=True
    )
    Problem.objects.filter(pk=demo_round["problems"]["police"].pk).update(lead_leader=chief.person)
    return [office_clerk, leader, court_reporter, station, police_once, chief, outsider]


def test_each_user_sees_the_same_problems_asked_row_by_row(users):
    for user in users:
        listed = set(Problem.objects.visible_to(user))
        by_row = set(Problem.objects.filter(policy.problem_scope_by_row(user)))
        assert by_row == listed, user.username


def test_each_user_sees_the_same_measures_asked_row_by_row(users):
    for user in users:
        listed = set(Measure.objects.visible_to(user))
        by_row = set(Measure.objects.filter(policy.measure_scope_by_row(user)))
        assert by_row == listed, user.username


def test_the_scopes_differ_between_users(users):
    """Not everyone sees everything: the comparison above has something to compare."""
    seen = {u.username: Problem.objects.visible_to(u).count() for u in users}
    assert seen["office"] == Problem.objects.count()
    assert seen["outsider"] == 0
    assert 0 < seen["station"] < seen["court"] < seen["office"]
    assert 0 < seen["police_once"] < seen["office"]

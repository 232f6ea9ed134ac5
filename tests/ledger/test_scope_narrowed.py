"""Asking the scope about a few rows of a round (one problem's or measure's page) answers as
the whole scope does: the same rows are visible, no more."""

import pytest
from django.http import Http404

from tests.factories import CategoryFactory, MeasureFactory, ProblemFactory, RoundFactory, user_in
from zhenggai.authority.models import Role
from zhenggai.ledger import policy
from zhenggai.ledger.models import InspectionRound, Measure, Problem


@pytest.fixture
def users(demo_round, units, court_reporter, tribunal_reporter, police_reporter, outsider):
    # A leader of the tribunal who leads the police's problem: it follows that problem too.
    tribunal_leader = user_in(units["tribunal"], "tribunal_leader", Role.LEADER, is_leader=True)
    police_problem = demo_round["problems"]["police"]
    police_problem.lead_leader = tribunal_leader.person
    police_problem.save()
    return [court_reporter, tribunal_reporter, police_reporter, tribunal_leader, outsider]


@pytest.mark.parametrize(
    ("model", "among"), [(Problem, policy.problems_among), (Measure, policy.measures_among)]
)
def test_one_row_is_visible_exactly_when_the_scope_holds_it(demo_round, users, model, among):
    round_ = demo_round["round"]
    for user in users:
        for row in model.objects.all():
            whole = model.objects.visible_to(user).filter(pk=row.pk).exists()
            assert among(user, round_, [row.pk]).exists() == whole


def _opens(user, round_) -> bool:
    try:
        policy.get_round_for(user, round_.pk)
    except Http404:
        return False
    return True


def test_one_round_is_visible_exactly_when_the_scope_of_rounds_holds_it(demo_round, users, units):
    # A second round where the police cooperate on the court's measure and the tribunal's
    # leader leads the court's problem, and a third where no unit has a part yet.
    other = RoundFactory(office=units["committee"], name="市委第二巡察组反馈意见整改")
    category = CategoryFactory(round=other, number=1, title="党的建设方面")
    problem = ProblemFactory(
        round=other,
        category=category,
        number=1,
        lead_unit=units["court"],
        lead_leader=users[3].person,
    )
    measure = MeasureFactory(problem=problem, number=1, lead_unit=units["court"])
    measure.set_cooperating_units([units["police"]])
    RoundFactory(office=units["committee"], name="市委第三巡察组反馈意见整改")
    seen = []
    for user in users:
        for round_ in InspectionRound.objects.all():
            whole = policy.rounds_visible_to(user).filter(pk=round_.pk).exists()
            assert _opens(user, round_) == whole, (user.username, round_.name)
            seen.append(whole)
    assert True in seen and False in seen


def test_a_leader_sees_the_problem_it_leads_outside_its_tree_and_its_page(
    demo_round, users, client
):
    tribunal_leader = users[3]
    police_problem = demo_round["problems"]["police"]
    client.force_login(tribunal_leader)
    assert client.get(f"/problems/{police_problem.pk}/").status_code == 200
    page = client.get(f"/persons/{tribunal_leader.person.pk}/").text
    assert f'href="/problems/{police_problem.pk}/"' in page
    assert "没有担任牵头领导的问题。" not in page
    client.force_login(users[0])  # the court's reporter does not see the police's problem
    assert client.get(f"/problems/{police_problem.pk}/").status_code == 404

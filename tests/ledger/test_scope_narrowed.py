"""Asking the scope about a few rows of a round (one problem's or measure's page) answers as
the whole scope does: the same rows are visible, no more."""

import pytest

from tests.factories import user_in
from zhenggai.authority.models import Role
from zhenggai.ledger import policy
from zhenggai.ledger.models import Measure, Problem


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

"""A page of one round asks the database only for what the user's trees answer for in that
round, and the rounds a user sees whole need no list of what its trees answer for at all
(policy.responsible_measures and responsible_problems, their `rounds`). Seen from outside,
nothing changes: a reporter still sees its tree's work in every round."""

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
    user_in,
)
from zhenggai.authority.models import Role
from zhenggai.ledger import policy
from zhenggai.ledger.models import Measure, Problem


@pytest.fixture
def other_round(units, demo_round):
    """A second round of the same committee in which the court leads a problem too."""
    round_ = RoundFactory(office=units["committee"], name="市委第一巡察组反馈意见整改")
    category = CategoryFactory(round=round_, number=1, title="全面从严治党方面")
    problem = ProblemFactory(round=round_, category=category, number=1, lead_unit=units["court"])
    measure = MeasureFactory(problem=problem, number=1, lead_unit=units["court"])
    return {"round": round_, "problem": problem, "measure": measure}


def test_what_a_tree_answers_for_in_a_round_leaves_out_its_other_rounds(
    units, demo_round, other_round
):
    court, first = policy.subtree(units["court"].path), [demo_round["round"].pk]
    measures = Measure.objects.filter(pk__in=policy.responsible_measures(court, rounds=first))
    problems = Problem.objects.filter(pk__in=policy.responsible_problems(court, rounds=first))
    assert demo_round["shared"] in measures
    assert other_round["measure"] not in measures
    assert demo_round["problems"]["court"] in problems
    assert other_round["problem"] not in problems


def test_a_reporter_still_sees_its_tree_in_every_round(court_reporter, demo_round, other_round):
    measures = Measure.objects.visible_to(court_reporter)
    assert {demo_round["shared"], other_round["measure"]} <= set(measures)
    assert other_round["problem"] in Problem.objects.visible_to(court_reporter)
    assert demo_round["problems"]["police"] not in Problem.objects.visible_to(court_reporter)


def test_the_office_that_leads_its_committee_sees_both_rounds_whole(
    leader, demo_round, other_round
):
    everything = Problem.objects.filter(round__in=[demo_round["round"], other_round["round"]])
    assert set(Problem.objects.visible_to(leader)) == set(everything)


def test_a_reporter_s_round_home_counts_its_measures_in_one_query(
    client, court_reporter, demo_round, other_round, django_assert_max_num_queries
):
    """Per status and overdue at once: each count of a scoped set evaluates its UNION."""
    client.force_login(court_reporter)
    url = reverse("ledger:round_home", args=[demo_round["round"].pk])
    client.get(url)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(("view", "rows"), [("measures", 3), ("problems", 2)])
def test_a_reporter_s_list_reads_its_keys_once_and_counts_them_in_python(
    client, court_reporter, demo_round, other_round, view, rows
):
    """A scoped list's UNION is evaluated once for the page and its count, not twice."""
    client.force_login(court_reporter)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"view": view})
    assert f"共 {rows} 条" in response.content.decode()  # the court's and its tribunal's
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(*)" in q["sql"]]
    assert not [sql for sql in counts if "UNION" in sql]


@pytest.mark.parametrize("few_keys", [3000, 0], ids=["scope listed", "leader by leader"])
def test_the_leader_filter_offers_the_leaders_of_the_problems_the_user_sees(
    client, units, office_clerk, court_reporter, demo_round, other_round, monkeypatch, few_keys
):
    """A small scope names its leaders from its own problems; a big one, and a whole round,
    ask each leader whether it leads one: the same names either way."""
    monkeypatch.setattr(policy, "FEW_KEYS", few_keys)
    court_chief = PersonFactory(unit=units["court"], name="陈院长", is_leader=True)
    police_chief = PersonFactory(unit=units["police"], name="刘局长", is_leader=True)
    other_chief = PersonFactory(unit=units["court"], name="李副院长", is_leader=True)
    Problem.objects.filter(pk=demo_round["problems"]["court"].pk).update(lead_leader=court_chief)
    Problem.objects.filter(pk=demo_round["problems"]["police"].pk).update(lead_leader=police_chief)
    Problem.objects.filter(pk=other_round["problem"].pk).update(lead_leader=other_chief)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    offered = {}
    for user in (office_clerk, court_reporter):
        client.force_login(user)
        form = client.get(url, {"view": "measures"}).context["form"]
        offered[user.username] = {p.name for p in form.fields["leader"].queryset}
    assert offered == {"office": {"陈院长", "刘局长"}, "court": {"陈院长"}}


@pytest.mark.parametrize("few_keys", [3000, 0], ids=["scope listed", "leader by leader"])
def test_a_leader_with_a_unit_is_offered_itself_and_its_units_leaders(
    client, units, demo_round, monkeypatch, few_keys
):
    monkeypatch.setattr(policy, "FEW_KEYS", few_keys)
    chief = user_in(
        units["police"], "chief", Role.REPORTER, Role.LEADER, name="刘局长", is_leader=True
    )
    commissar = PersonFactory(unit=units["police"], name="王政委", is_leader=True)
    court_chief = PersonFactory(unit=units["court"], name="陈院长", is_leader=True)
    problems = demo_round["problems"]
    # It leads the court's problem; the police's own is led by its commissar.
    Problem.objects.filter(pk=problems["court"].pk).update(lead_leader=chief.person)
    Problem.objects.filter(pk=problems["police"].pk).update(lead_leader=commissar)
    Problem.objects.filter(pk=problems["tribunal"].pk).update(lead_leader=court_chief)
    client.force_login(chief)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    form = client.get(url, {"view": "problems"}).context["form"]
    assert {p.name for p in form.fields["leader"].queryset} == {"刘局长", "王政委"}

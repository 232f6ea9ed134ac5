"""Problem, unit and leader pages show what their owner answers for, in bounded queries."""

import pytest
from django.urls import reverse

from tests.factories import MeasureFactory, ProblemFactory


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


def test_the_problem_page_shows_its_measures_and_responsibilities(office, demo_round):
    problem = demo_round["problems"]["court"]
    page = office.get(reverse("ledger:problem_detail", args=[problem.pk])).content.decode()
    assert "整改措施（2）" in page
    assert "临江市中级人民法院" in page
    assert "江北派出所" in page


def test_the_problem_page_queries_are_bounded(
    office, demo_round, units, django_assert_max_num_queries
):
    problem = demo_round["problems"]["court"]
    for number in range(3, 30):
        MeasureFactory(
            problem=problem,
            number=number,
            lead_unit=units["court"],
            cooperating_units=[units["station"], units["tribunal"]],
        )
    with django_assert_max_num_queries(18):
        response = office.get(reverse("ledger:problem_detail", args=[problem.pk]))
    assert response.status_code == 200


def test_the_unit_page_lists_what_the_unit_leads_and_cooperates_on(office, demo_round, units):
    page = office.get(reverse("ledger:unit_detail", args=[units["station"].pk])).content.decode()
    assert "1-1.2" in page
    assert "没有本单位牵头的整改措施" in page


def test_the_unit_page_queries_are_bounded(
    office, demo_round, units, django_assert_max_num_queries
):
    category = demo_round["category"]
    for number in range(4, 30):
        problem = ProblemFactory(
            round=category.round, category=category, number=number, lead_unit=units["court"]
        )
        MeasureFactory(problem=problem, number=1, lead_unit=units["tribunal"])
    # Each of the three lists pages on its own: a count, the page's keys, then their rows.
    with django_assert_max_num_queries(17):
        response = office.get(reverse("ledger:unit_detail", args=[units["court"].pk]))
    assert response.status_code == 200


def test_the_leader_page_lists_the_problems_the_leader_leads(office, demo_round, units):
    from tests.factories import PersonFactory

    chief = PersonFactory(name="周书记", unit=units["committee"], is_leader=True)
    problem = demo_round["problems"]["police"]
    problem.lead_leader = chief
    problem.save()
    page = office.get(reverse("ledger:person_detail", args=[chief.pk])).content.decode()
    assert problem.title in page


def test_a_unit_user_follows_the_lead_leader_of_a_problem_it_sees(client, demo_round, leader):
    from tests.factories import UserFactory, grant
    from zhenggai.authority.models import Role
    from zhenggai.ledger.models import Person

    problem = demo_round["problems"]["tribunal"]
    problem.lead_leader = leader.person
    problem.save()
    reporter = UserFactory(username="tribunal2")
    Person.objects.create(name="林书记员", unit=problem.lead_unit, user=reporter)
    grant(reporter, Role.REPORTER, problem.lead_unit)
    client.force_login(reporter)
    response = client.get(reverse("ledger:person_detail", args=[leader.person.pk]))
    assert response.status_code == 200
    assert problem.title in response.content.decode()


def test_a_leader_of_nothing_the_user_sees_stays_hidden(
    client, demo_round, leader, police_reporter
):
    client.force_login(police_reporter)
    response = client.get(reverse("ledger:person_detail", args=[leader.person.pk]))
    assert response.status_code == 404


def test_a_unit_user_follows_the_person_in_charge_of_a_measure_it_sees(
    client, demo_round, units, court_reporter
):
    from tests.factories import PersonFactory

    clerk = PersonFactory(name="黄科长", unit=units["committee"])
    measure = demo_round["problems"]["police"].measures.get()
    measure.person_in_charge = clerk
    measure.save()
    measure.set_cooperating_units([units["court"]])
    client.force_login(court_reporter)
    problem = client.get(reverse("ledger:problem_detail", args=[measure.problem_id]))
    link = reverse("ledger:person_detail", args=[clerk.pk])
    assert link in problem.content.decode()
    response = client.get(link)
    assert response.status_code == 200
    assert measure.code in response.content.decode()

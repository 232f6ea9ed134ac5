"""Who sees which mechanisms and which generalization requests."""

import datetime

import pytest

from zhenggai.mechanisms import policy, services
from zhenggai.mechanisms.models import Mechanism


@pytest.fixture
def police_rule(demo_round, units, police_reporter):
    return services.register_mechanism(
        police_reporter,
        demo_round["round"],
        name="接处警规范",
        kind=Mechanism.Kind.RULE,
        issuing_unit=units["police"],
        issued_on=datetime.date(2023, 10, 9),
        problems=[demo_round["problems"]["police"]],
    )


def test_the_office_sees_every_mechanism_of_its_round(police_rule, office_clerk):
    assert list(policy.mechanisms_visible_to(office_clerk)) == [police_rule]


def test_the_issuing_unit_sees_its_mechanism(police_rule, police_reporter):
    assert list(policy.mechanisms_visible_to(police_reporter)) == [police_rule]


def test_a_unit_sees_a_mechanism_linked_to_a_problem_it_works_on(
    police_rule, demo_round, office_clerk, court_reporter
):
    assert not policy.mechanisms_visible_to(court_reporter).exists()
    services.link_mechanism(office_clerk, police_rule, demo_round["problems"]["court"])
    assert list(policy.mechanisms_visible_to(court_reporter)) == [police_rule]


def test_a_user_without_a_unit_sees_no_mechanism(police_rule, outsider):
    assert not policy.mechanisms_visible_to(outsider).exists()


def test_a_unit_sees_only_its_own_generalization_requests(
    asked, units, tribunal_reporter, police_reporter, court_reporter, office_clerk
):
    assert [a.unit for a in policy.answers_visible_to(tribunal_reporter)] == [units["tribunal"]]
    assert not policy.answers_visible_to(police_reporter).exists()
    # The court sees the requests of the tribunals below it; the office sees them all.
    assert policy.answers_visible_to(court_reporter).count() == 2
    assert policy.answers_visible_to(office_clerk).count() == 2


def test_a_unit_may_answer_for_itself_and_the_units_above_it_may_too(
    tribunal_answer, tribunal_reporter, court_reporter, police_reporter
):
    assert policy.can_answer(tribunal_reporter, tribunal_answer) == (True, "")
    assert policy.can_answer(court_reporter, tribunal_answer)[0]
    assert policy.can_answer(police_reporter, tribunal_answer) == (
        False,
        "只有被要求自查的单位可以答复。",
    )


def test_only_the_office_may_ask(demo_round, office_clerk, leader, court_reporter):
    problem = demo_round["problems"]["court"]
    assert policy.can_ask(office_clerk, problem)[0]
    assert policy.can_ask(leader, problem)[0]
    assert not policy.can_ask(court_reporter, problem)[0]

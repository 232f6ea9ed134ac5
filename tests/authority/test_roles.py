"""Roles are assignments: what a login may do follows from them alone, read in one query."""

import importlib

from django.apps import apps

from tests.factories import PersonFactory, RoundFactory, UserFactory, VerificationGroupFactory
from zhenggai.authority.models import Role, RoleAssignment
from zhenggai.authority.roles import actor_of
from zhenggai.ledger import policy

migration = importlib.import_module("zhenggai.authority.migrations.0002_roles_from_units")


def _fresh(user):
    user.__dict__.pop("_zhenggai_actor", None)
    return UserFactory._meta.model.objects.get(pk=user.pk)


def test_the_person_and_every_role_come_in_one_query(django_assert_num_queries, demo_round, leader):
    VerificationGroupFactory(round=demo_round["round"], members=[leader])
    user = _fresh(leader)
    with django_assert_num_queries(1):
        actor = actor_of(user)
        assert user.person.name == "周书记"
    assert {grant.role for grant in actor.grants} == {Role.OFFICE, Role.LEADER, Role.VERIFIER}
    assert actor.roles_in(demo_round["round"]) == {Role.OFFICE, Role.LEADER, Role.VERIFIER}


def test_a_login_without_a_role_sees_nothing_even_with_a_person(demo_round, units):
    user = UserFactory(username="nobody")
    PersonFactory(unit=units["court"], user=user)
    assert not policy.rounds_visible_to(user).exists()
    assert not policy.units_visible_to(user).exists()


def test_a_role_over_one_round_holds_in_that_round_only(demo_round, units, court_reporter):
    other = RoundFactory(office=units["committee"], name="另一轮")
    RoleAssignment.objects.filter(user=court_reporter).update(round=other)
    user = _fresh(court_reporter)
    assert list(policy.rounds_visible_to(user)) == []
    problem = demo_round["problems"]["court"]
    assert not policy.problems_in(user, demo_round["round"]).filter(pk=problem.pk).exists()


def test_an_office_clerk_runs_the_rounds_of_its_committee(demo_round, office_clerk):
    assert policy.supervises(office_clerk, demo_round["round"])
    assert actor_of(office_clerk).roles_in(demo_round["round"]) == {Role.OFFICE}


def test_a_verifier_sees_the_whole_round_but_does_not_run_it(demo_round):
    inspector = UserFactory(username="inspector")
    VerificationGroupFactory(round=demo_round["round"], members=[inspector])
    round_ = demo_round["round"]
    assert policy.sees_whole(inspector, round_)
    assert not policy.supervises(inspector, round_)
    assert policy.measures_in(inspector, round_).count() == 4


def test_an_observer_of_the_organization_reads_every_round_and_runs_none(demo_round, units):
    team = UserFactory(username="team")
    RoleAssignment.objects.create(
        user=team, role=Role.OBSERVER, organization=units["committee"].organization
    )
    round_ = demo_round["round"]
    assert list(policy.rounds_visible_to(team)) == [round_]
    assert policy.problems_in(team, round_).count() == 3
    assert not policy.supervises(team, round_)
    assert not policy.can_edit_round(team, round_)[0]


def test_a_leader_follows_the_problems_it_leads_outside_its_unit(demo_round, units):
    chief = UserFactory(username="chief")
    person = PersonFactory(unit=units["police"], user=chief, is_leader=True)
    RoleAssignment.objects.create(
        user=chief,
        role=Role.LEADER,
        organization=units["police"].organization,
        unit=units["police"],
    )
    court_problem = demo_round["problems"]["court"]
    court_problem.lead_leader = person
    court_problem.save()
    visible = policy.problems_in(chief, demo_round["round"])
    assert set(visible) == {court_problem, demo_round["problems"]["police"]}


def test_the_migration_turns_units_into_the_roles_they_implied(units, demo_round):
    logins = {}
    for key, unit, leader in [
        ("clerk", "office", False),
        ("secretary", "committee", True),
        ("judge", "court", False),
        ("president", "tribunal", True),
    ]:
        logins[key] = UserFactory(username=key)
        PersonFactory(unit=units[unit], user=logins[key], is_leader=leader)
    migration.assign(apps, None)
    held = {
        (a.user.username, a.role, a.unit.name)
        for a in RoleAssignment.objects.select_related("user", "unit")
    }
    assert held == {
        ("clerk", Role.OFFICE, "整改办"),
        ("secretary", Role.OFFICE, "临江市委政法委"),
        ("secretary", Role.LEADER, "临江市委政法委"),
        ("judge", Role.REPORTER, "临江市中级人民法院"),
        ("president", Role.REPORTER, "城东人民法庭"),
        ("president", Role.LEADER, "城东人民法庭"),
    }


def test_the_committee_secretary_is_the_rounds_approving_leader(demo_round, leader, office_clerk):
    assert policy.approving_leader(leader, demo_round["round"])
    assert not policy.approving_leader(office_clerk, demo_round["round"])

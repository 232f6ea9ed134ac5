"""The system administrator manages organizations, role assignments and verification groups
in the admin; nothing it saves there crosses organizations."""

import pytest
from django.urls import reverse

from tests.factories import UnitFactory, UserFactory
from zhenggai.authority.models import Organization, Role, RoleAssignment, VerificationGroup


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", ["organization", "roleassignment", "verificationgroup"])
def test_every_admin_list_opens(admin_client, demo_round, office_clerk, model):
    response = admin_client.get(reverse(f"admin:authority_{model}_changelist"))
    assert response.status_code == 200


def test_a_root_unit_founds_an_organization_its_tree_shares(units):
    committee = units["committee"]
    assert committee.organization.name == "临江市委政法委"
    assert {u.organization_id for u in units.values()} == {committee.organization_id}


def test_the_admin_assigns_a_reporter_to_a_unit(admin_client, units):
    clerk = UserFactory(username="new-clerk")
    response = admin_client.post(
        reverse("admin:authority_roleassignment_add"),
        {
            "user": clerk.pk,
            "role": Role.REPORTER,
            "organization": units["court"].organization_id,
            "unit": units["court"].pk,
        },
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.get(user=clerk).unit == units["court"]


def test_a_unit_of_another_organization_is_refused(admin_client, units):
    elsewhere = UnitFactory(name="外市法院")
    response = admin_client.post(
        reverse("admin:authority_roleassignment_add"),
        {
            "user": UserFactory(username="x").pk,
            "role": Role.REPORTER,
            "organization": units["court"].organization_id,
            "unit": elsewhere.pk,
        },
    )
    assert "所选单位不属于该组织" in response.content.decode()
    assert not RoleAssignment.objects.exists()


def test_an_office_role_needs_a_unit(admin_client, units):
    response = admin_client.post(
        reverse("admin:authority_roleassignment_add"),
        {
            "user": UserFactory(username="x").pk,
            "role": Role.OFFICE,
            "organization": units["court"].organization_id,
        },
    )
    assert "必须指定所代表的单位" in response.content.decode()


def test_the_admin_names_a_verification_group_for_a_round(admin_client, demo_round):
    inspector = UserFactory(username="inspector")
    response = admin_client.post(
        reverse("admin:authority_verificationgroup_add"),
        {"round": demo_round["round"].pk, "name": "市纪委监委核查组", "members": [inspector.pk]},
    )
    assert response.status_code == 302
    assert list(VerificationGroup.objects.get().members.all()) == [inspector]


def test_a_unit_cannot_move_into_another_organization(admin_client, units):
    elsewhere = UnitFactory(name="外市政法委")
    court = units["court"]
    response = admin_client.post(
        reverse("admin:ledger_unit_change", args=[court.pk]),
        {"name": court.name, "kind": court.kind, "parent": elsewhere.pk, "order": 0},
    )
    assert "不能把单位移到另一个组织之下" in response.content.decode()
    court.refresh_from_db()
    assert court.organization == Organization.objects.get(name="临江市委政法委")

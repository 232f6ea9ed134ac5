"""The API of organizations, role assignments and verification groups: everyone reads its
own, the system administrator gives and takes roles."""

import pytest
from django.contrib.auth.models import Permission

from tests.factories import UnitFactory, UserFactory, VerificationGroupFactory
from zhenggai.authority.models import RoleAssignment, VerificationGroup


@pytest.fixture
def root(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


def test_a_user_reads_its_own_roles_only(api_as, court_reporter, office_clerk):
    answer = api_as(court_reporter).get("/api/role-assignments").json()
    assert [(a["user"], a["role"], a["unit"]["name"]) for a in answer["items"]] == [
        ("court", "reporter", "临江市中级人民法院")
    ]


def test_a_user_reads_the_organizations_it_works_in(api_as, court_reporter):
    UnitFactory(name="外市政法委")
    answer = api_as(court_reporter).get("/api/organizations").json()
    assert [o["name"] for o in answer["items"]] == ["临江市委政法委"]


def test_the_administrator_assigns_and_revokes_a_role(api_as, root, units, client):
    UserFactory(username="new-clerk")
    api = api_as(root)
    response = api.post(
        "/api/role-assignments",
        {"user": "new-clerk", "role": "reporter", "unit": units["court"].pk},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["organization"]["name"] == "临江市委政法委"
    deleted = api.client.delete(f"/api/role-assignments/{response.json()['id']}")
    assert deleted.status_code == 204
    assert not RoleAssignment.objects.filter(user__username="new-clerk").exists()


def test_a_role_over_a_unit_of_another_organization_is_refused(api_as, root, units):
    elsewhere = UnitFactory(name="外市法院")
    UserFactory(username="new-clerk")
    response = api_as(root).post(
        "/api/role-assignments",
        {
            "user": "new-clerk",
            "role": "reporter",
            "organization": units["court"].organization_id,
            "unit": elsewhere.pk,
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"]["unit"] == ["所选单位不属于该组织。"]


def test_only_the_administrator_gives_roles(api_as, office_clerk, units):
    response = api_as(office_clerk).post(
        "/api/role-assignments", {"user": "office", "role": "office", "unit": units["committee"].pk}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "只有系统管理员可以管理组织、角色和核查组。"


def test_staff_gives_roles_only_with_the_admins_permission_for_it(api_as, units):
    helper = UserFactory(username="helpdesk", is_staff=True)
    payload = {"user": "helpdesk", "role": "office", "unit": units["committee"].pk}
    assert api_as(helper).post("/api/role-assignments", payload).status_code == 403
    helper.user_permissions.add(Permission.objects.get(codename="add_roleassignment"))
    assert api_as(helper).post("/api/role-assignments", payload).status_code == 201


def test_an_unknown_login_is_named_in_the_refusal(api_as, root, units):
    response = api_as(root).post(
        "/api/role-assignments", {"user": "ghost", "role": "reporter", "unit": units["court"].pk}
    )
    assert response.status_code == 422
    assert response.json()["errors"]["user"] == ["没有名为“ghost”的登录账号。"]


def test_the_administrator_names_a_group_and_adds_a_verifier(api_as, root, demo_round):
    UserFactory(username="inspector")
    UserFactory(username="inspector2")
    api = api_as(root)
    created = api.post(
        "/api/verification-groups",
        {"round": demo_round["round"].pk, "name": "市纪委监委核查组", "members": ["inspector"]},
    )
    assert created.status_code == 201, created.json()
    group = created.json()["id"]
    added = api.post(f"/api/verification-groups/{group}/members", {"user": "inspector2"})
    assert added.json()["members"] == ["inspector", "inspector2"]
    removed = api.client.delete(f"/api/verification-groups/{group}/members/inspector")
    assert removed.json()["members"] == ["inspector2"]


def test_everyone_in_the_round_sees_who_verifies_it(api_as, court_reporter, demo_round):
    VerificationGroupFactory(round=demo_round["round"], members=[UserFactory(username="inspector")])
    answer = api_as(court_reporter).get("/api/verification-groups").json()
    assert [(g["name"], g["members"]) for g in answer["items"]] == [
        ("市纪委监委核查组", ["inspector"])
    ]


def test_a_group_of_a_round_out_of_sight_is_not_found(api_as, outsider, demo_round):
    group = VerificationGroupFactory(round=demo_round["round"])
    response = api_as(outsider).post(
        f"/api/verification-groups/{group.pk}/members", {"user": "outsider"}
    )
    assert response.status_code == 404
    assert not VerificationGroup.objects.get().members.exists()

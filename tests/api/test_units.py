"""Units: read in the user's scope, added only by a superuser."""

import pytest
from django.http import Http404

from tests.factories import UserFactory
from zhenggai.ledger import policy
from zhenggai.ledger.models import Unit

USERS = [
    "office_clerk",
    "leader",
    "court_reporter",
    "tribunal_reporter",
    "police_reporter",
    "outsider",
]


def _names(response):
    assert response.status_code == 200, response.json()
    return sorted(item["name"] for item in response.json()["items"])


@pytest.mark.parametrize("who", USERS)
def test_the_unit_list_agrees_with_the_policy_on_every_unit(who, request, units, api_as):
    user = request.getfixturevalue(who)
    listed = {item["id"] for item in api_as(user).get("/api/units").json()["items"]}
    for unit in Unit.objects.all():
        try:
            policy.get_unit_for(user, unit.pk)
            visible = True
        except Http404:
            visible = False
        assert (unit.pk in listed) == visible, unit.name


def test_a_tribunal_user_sees_only_the_tribunal(units, api_as, tribunal_reporter):
    assert _names(api_as(tribunal_reporter).get("/api/units")) == ["城东人民法庭"]


def test_it_answers_404_for_a_unit_out_of_scope(units, api_as, tribunal_reporter):
    assert api_as(tribunal_reporter).get(f"/api/units/{units['police'].pk}").status_code == 404


def test_it_shows_a_unit_with_its_parent_and_kind(units, api_as, court_reporter):
    body = api_as(court_reporter).get(f"/api/units/{units['tribunal'].pk}").json()
    assert body["kind_label"] == "基层法庭" and body["parent"]["name"] == "临江市中级人民法院"


def test_it_filters_units_by_parent_kind_and_name(units, api_as, office_clerk):
    api = api_as(office_clerk)
    assert _names(api.get("/api/units", parent=units["police"].pk)) == ["江北派出所"]
    assert _names(api.get("/api/units", kind="court")) == ["临江市中级人民法院"]
    assert _names(api.get("/api/units", q="法庭")) == ["城东人民法庭"]


def test_a_superuser_adds_a_unit_under_a_parent(units, api_as):
    admin = UserFactory(username="admin", is_superuser=True)
    payload = {"name": "城西派出所", "kind": "police_station", "parent": units["police"].pk}
    response = api_as(admin).post("/api/units", payload)
    assert response.status_code == 201, response.json()
    unit = Unit.objects.get(pk=response.json()["id"])
    assert unit.path.startswith(units["police"].path) and unit.depth == 3


def test_only_a_superuser_adds_units(units, api_as, office_clerk):
    response = api_as(office_clerk).post("/api/units", {"name": "城西派出所"})
    assert response.status_code == 403
    assert response.json()["detail"] == "只有系统管理员可以新增单位。"

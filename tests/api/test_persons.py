"""Persons in the user's scope, and who the caller is."""

from tests.factories import UserFactory

COURT_PEOPLE = ["林庭长", "陈法官"]


def _names(response):
    assert response.status_code == 200, response.json()
    return sorted(item["name"] for item in response.json()["items"])


def test_a_court_user_sees_the_people_of_the_court_and_its_tribunals(
    api_as, court_reporter, tribunal_reporter, police_reporter
):
    assert _names(api_as(court_reporter).get("/api/persons")) == sorted(COURT_PEOPLE)


def test_it_filters_persons_by_unit_including_sub_units(
    units, api_as, office_clerk, court_reporter, tribunal_reporter, leader
):
    api = api_as(office_clerk)
    assert _names(api.get("/api/persons", unit=units["court"].pk)) == sorted(COURT_PEOPLE)
    assert _names(api.get("/api/persons", is_leader="true")) == ["周书记"]


def test_it_refuses_a_person_filter_on_a_unit_out_of_scope(units, api_as, tribunal_reporter):
    response = api_as(tribunal_reporter).get("/api/persons", unit=units["police"].pk)
    assert response.status_code == 422
    assert "所选单位不存在" in response.json()["errors"]["unit"][0]


def test_it_answers_404_for_a_person_out_of_scope(api_as, tribunal_reporter, police_reporter):
    person = police_reporter.person
    assert api_as(tribunal_reporter).get(f"/api/persons/{person.pk}").status_code == 404


def test_it_shows_a_person_with_the_unit(api_as, court_reporter, tribunal_reporter):
    body = api_as(court_reporter).get(f"/api/persons/{tribunal_reporter.person.pk}").json()
    assert body == {
        "id": tribunal_reporter.person.pk,
        "name": "林庭长",
        "title": "",
        "unit": {"id": tribunal_reporter.person.unit_id, "name": "城东人民法庭"},
        "is_leader": False,
    }


def test_me_tells_a_user_without_a_unit_that_no_person_is_linked(api_as, outsider):
    assert api_as(outsider).get("/api/me").json() == {
        "username": "outsider",
        "is_system_administrator": False,
        "roles": [],
        "person": None,
    }


def test_me_lists_the_roles_a_login_holds(api_as, leader, units):
    body = api_as(leader).get("/api/me").json()
    organization = units["committee"].organization_id
    assert sorted(body["roles"], key=lambda role: role["role"]) == [
        {"role": "leader", "name": "领导", "organization": organization, "round": None},
        {"role": "office", "name": "整改办", "organization": organization, "round": None},
    ]
    assert body["is_system_administrator"] is False
    assert body["person"]["name"] == "周书记"


def test_me_tells_an_administrator_it_is_one_and_holds_no_role(api_as):
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    body = api_as(admin).get("/api/me").json()
    assert (body["is_system_administrator"], body["roles"]) == (True, [])

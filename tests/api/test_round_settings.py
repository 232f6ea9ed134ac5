"""A round's supervision settings (督办设置) through the API: read, set on creation, changed
with PATCH and recorded, refused out of range in Chinese."""

import pytest

from tests.api.test_rounds import NEW_ROUND
from zhenggai.ledger.models import Event, InspectionRound


def test_a_round_answers_its_settings(demo_round, api_as, court_reporter):
    body = api_as(court_reporter).get(f"/api/rounds/{demo_round['round'].pk}").json()
    assert body["rhythm_days"] == 7
    assert body["rhythm_days_after"] == 30
    assert body["due_soon_workdays"] == 5
    assert body["onsite_required_for_key"] is True


def test_a_new_round_takes_the_defaults_or_the_settings_sent(api_as, office_clerk, units):
    api = api_as(office_clerk)
    body = api.post("/api/rounds", NEW_ROUND | {"office": units["office"].pk}).json()
    assert (body["rhythm_days"], body["due_soon_workdays"]) == (7, 5)
    settings = {"rhythm_days": 14, "due_soon_workdays": 10, "onsite_required_for_key": False}
    response = api.post("/api/rounds", NEW_ROUND | {"office": units["office"].pk} | settings)
    assert response.status_code == 201, response.json()
    round_ = InspectionRound.objects.get(pk=response.json()["id"])
    assert (round_.rhythm_days, round_.due_soon_workdays) == (14, 10)
    assert round_.onsite_required_for_key is False


def test_the_office_changes_the_settings_and_the_change_is_recorded(
    demo_round, api_as, office_clerk
):
    round_ = demo_round["round"]
    payload = {
        "rhythm_days_after": 15,
        "due_soon_workdays": 8,
        "onsite_required_for_key": False,
        "version": round_.version,
    }
    response = api_as(office_clerk).patch(f"/api/rounds/{round_.pk}", payload)
    assert response.status_code == 200
    assert response.json()["due_soon_workdays"] == 8
    event = Event.objects.get(kind=Event.Kind.ROUND_UPDATED)
    assert event.changes == {
        "rhythm_days_after": [30, 15],
        "due_soon_workdays": [5, 8],
        "onsite_required_for_key": [True, False],
    }


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("rhythm_days", 0, "不能小于 1。"),
        ("rhythm_days", 367, "不能大于 366。"),
        ("rhythm_days_after", None, "应为整数。"),
        ("due_soon_workdays", 0, "不能小于 1。"),
        ("due_soon_workdays", 61, "不能大于 60。"),
        ("due_soon_workdays", True, "应为整数。"),
        ("onsite_required_for_key", None, "应为 true 或 false。"),
        ("onsite_required_for_key", "也许", "应为 true 或 false。"),
    ],
)
def test_a_setting_out_of_range_is_refused_in_chinese(
    demo_round, api_as, office_clerk, field, value, message
):
    response = api_as(office_clerk).patch(f"/api/rounds/{demo_round['round'].pk}", {field: value})
    assert response.status_code == 422
    assert response.json()["errors"] == {field: [message]}
    assert not Event.objects.filter(kind=Event.Kind.ROUND_UPDATED).exists()


def test_the_schema_states_the_settings_ranges(client):
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    due_soon = schemas["RoundPatch"]["properties"]["due_soon_workdays"]
    assert "临期预警" in due_soon["description"]
    assert schemas["RoundIn"]["properties"]["onsite_required_for_key"]["type"] == "boolean"

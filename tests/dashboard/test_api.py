"""The dashboard's figures as JSON: the same numbers as the page, for programs."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.dashboard.conftest import figures_table, tile
from zhenggai.api.models import ApiToken


@pytest.fixture
def court_api(court_reporter):
    _, raw = ApiToken.objects.issue(court_reporter, "数据大屏")
    return Client(headers={"authorization": f"Bearer {raw}"})


def test_a_round_s_figures_are_those_of_its_page(client, known_round, office_clerk):
    client.force_login(office_clerk)
    round_id = known_round["round"].pk
    data = client.get(f"/api/rounds/{round_id}/dashboard").json()
    page = client.get(f"/rounds/{round_id}/dashboard/")
    for name in ["total", "done", "closed", "overdue", "silent", "briefing_only", "rebound"]:
        assert data["totals"][name] == tile(page, name), name
    assert data["totals"]["briefing_only"] == 1
    assert [c["counts"]["total"] for c in data["categories"]] == [4, 3]
    assert [(lvl["level"], lvl["silence_rate"]) for lvl in data["levels"]] == [(2, 0.0), (3, 75.0)]
    assert data["red_list"][0]["code"] == "1-1.2"
    assert data["red_list"][0]["days_overdue"] == 10
    assert data["unit"]["name"] == "临江市委政法委"
    assert {u["name"]: u["counts"]["total"] for u in data["sub_units"]} == {
        "临江市中级人民法院": 4,
        "临江市公安局": 3,
    }


def test_across_rounds_the_units_are_those_of_the_page(client, known_round, office_clerk, units):
    client.force_login(office_clerk)
    data = client.get("/api/dashboard", {"unit": units["police"].pk}).json()
    page = figures_table(client.get("/dashboard/", {"unit": units["police"].pk}), "units")
    assert data["unit"]["name"] == "临江市公安局"
    assert page["临江市公安局（合计）"][0] == data["unit"]["counts"]["total"] == 3
    assert {u["name"]: u["counts"]["total"] for u in data["sub_units"]} == {"江北派出所": 2}


def test_a_token_counts_what_its_user_may_see(court_api, known_round):
    data = court_api.get("/api/dashboard").json()
    assert data["totals"]["total"] == 4
    assert [r["counts"]["problems"] for r in data["rounds"]] == [2]


def test_a_round_the_user_cannot_see_is_not_found(court_api, known_round):
    response = court_api.get("/api/rounds/999999/dashboard")
    assert response.status_code == 404
    assert response.json()["detail"] == "没有找到该记录，或您无权查看。"


def test_bad_dates_are_explained_in_chinese(court_api, known_round):
    round_id = known_round["round"].pk
    response = court_api.get(f"/api/rounds/{round_id}/dashboard", {"since": "2024-02-30"})
    assert response.status_code == 422
    response = court_api.get("/api/dashboard", {"since": "2024-05-01", "until": "2024-01-01"})
    assert response.status_code == 422
    assert response.json()["errors"]["until"] == ["截止日期不能早于起始日期。"]


def test_without_a_token_it_asks_for_one(client, known_round):
    assert client.get("/api/dashboard").status_code == 401


def test_the_public_api_mounts_the_dashboard_router():
    assert reverse("api:round_dashboard", args=[1]) == "/api/rounds/1/dashboard"

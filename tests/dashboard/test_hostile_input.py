"""Bad URLs get a Chinese explanation or a 404, never a 500."""

import pytest
from django.urls import reverse

from tests.dashboard.conftest import tile


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


def test_an_unknown_round_is_not_found(office, known_round):
    assert office.get("/rounds/999999999/dashboard/").status_code == 404
    assert office.get("/rounds/99999999999999999999999/dashboard/").status_code == 404


@pytest.mark.parametrize("bad_date", ["2023-02-30", "2023-13-01", "明天", "9999-99-99", "1" * 50])
def test_a_date_that_does_not_exist_is_explained(office, known_round, bad_date):
    url = reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
    response = office.get(url, {"since": bad_date})
    assert response.status_code == 200
    assert "输入一个有效的日期" in response.content.decode()
    assert tile(response, "total") == 7


def test_a_trend_ending_before_it_starts_is_explained(office, known_round):
    response = office.get(
        reverse("dashboard:dashboard"), {"since": "2024-05-01", "until": "2024-01-01"}
    )
    assert response.status_code == 200
    assert "截止日期不能早于起始日期" in response.content.decode()


@pytest.mark.parametrize("dates", [{"since": "0001-01-01"}, {"until": "9999-12-31"}])
def test_a_trend_of_centuries_is_refused(office, known_round, dates):
    url = reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
    response = office.get(url, dates)
    assert response.status_code == 200
    assert "日期应在 2000-01-01 至" in response.content.decode()


@pytest.mark.parametrize("unit", ["abc", "-1", "1 OR 1=1", "99999999999999999999999", "0"])
def test_an_unknown_unit_leaves_the_unit_table_at_its_default(office, known_round, unit):
    url = reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
    response = office.get(url, {"unit": unit})
    assert response.status_code == 200
    assert "临江市委政法委（合计）" in response.content.decode()

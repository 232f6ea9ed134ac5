"""A user's dashboard counts what the user may see, and nothing else."""

import pytest
from django.urls import reverse

from tests.dashboard.conftest import figures_table, tile
from tests.factories import CategoryFactory, MeasureFactory, ProblemFactory, RoundFactory


def _get(client, known_round, **params):
    url = reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
    return client.get(url, params)


def test_a_court_reporter_counts_only_court_and_tribunal_items(client, known_round, court_reporter):
    client.force_login(court_reporter)
    response = _get(client, known_round)
    assert tile(response, "total") == 4  # m1, m2, m5, m6
    assert tile(response, "problems") == 2  # P1, P3
    assert tile(response, "overdue") == 1
    assert tile(response, "silent") == 2
    assert "刘局长（临江市公安局）" not in figures_table(response, "leaders")
    assert set(figures_table(response, "units")) == {"临江市中级人民法院（合计）", "城东人民法庭"}


def test_a_tribunal_reporter_counts_only_the_tribunal_s_measures(
    client, known_round, tribunal_reporter
):
    client.force_login(tribunal_reporter)
    response = _get(client, known_round)
    assert tile(response, "total") == 2  # m2, m6
    assert figures_table(response, "levels") == {"第3级": [2, 2, 100, 2, 100, 1, 50]}


def test_a_round_without_anything_of_the_user_s_is_not_found(client, units, police_reporter):
    other = RoundFactory(office=units["committee"])
    problem = ProblemFactory(category=CategoryFactory(round=other), lead_unit=units["court"])
    MeasureFactory(problem=problem, lead_unit=units["court"])
    client.force_login(police_reporter)
    response = client.get(reverse("dashboard:round_dashboard", args=[other.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("user", ["outsider", None])
def test_someone_without_a_unit_sees_no_figures(client, known_round, user, request):
    if user:
        client.force_login(request.getfixturevalue(user))
    response = client.get(reverse("dashboard:dashboard"))
    if user:
        assert response.status_code == 200
        assert "暂无您可以查看的巡视轮次" in response.content.decode()
    else:
        assert response.status_code == 302

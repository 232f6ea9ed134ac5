"""The ledger filters that the dashboard's figures link to, on the known round of conftest.py."""

import pytest
from django.urls import reverse

from tests.dashboard.conftest import ledger_count


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


def _codes(client, known_round, **params) -> set[str]:
    """The codes listed (problems 1-2, measures 1-1.2) and the count the page states."""
    url = reverse("ledger:ledger", args=[known_round["round"].pk])
    response = client.get(url, params)
    assert response.status_code == 200
    page = response.content.decode()
    codes = {
        code
        for code in ["1-1", "1-2", "2-1", "2-2"]
        + [f"{p}.{m}" for p in ["1-1", "1-2", "2-1", "2-2"] for m in (1, 2)]
        if f">{code}<" in page
    }
    assert ledger_count(response) == len(codes)
    return codes


M = {"view": "measures"}
P = {"view": "problems"}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({**M, "light": "red"}, {"1-1.2"}),
        ({**M, "stage": "open"}, {"1-1.2", "1-2.2"}),
        ({**M, "stage": "done"}, {"1-1.1", "1-2.1", "2-1.1", "2-1.2", "2-2.1"}),
        ({**M, "stage": "closed"}, {"1-1.1", "2-1.1", "2-1.2", "2-2.1"}),
        ({**M, "level": 2}, {"1-1.1", "1-2.1", "2-1.1"}),
        ({**M, "level": 3}, {"1-1.2", "1-2.2", "2-1.2", "2-2.1"}),
        ({**M, "level": 1}, set()),
        ({**M, "flag": "silent"}, {"1-1.2", "1-2.2", "2-1.2"}),
        ({**M, "flag": "reported"}, {"1-1.1", "1-1.2", "1-2.1", "2-1.1", "2-1.2", "2-2.1"}),
        ({**M, "flag": "briefing_only"}, {"2-1.1"}),
        ({**M, "flag": "unverified"}, {"2-1.2"}),
        ({**M, "flag": "rebound"}, {"1-1.1", "1-1.2"}),
        ({**M, "flag": "no_mechanism"}, {"2-1.1", "2-1.2"}),
        ({**M, "level": 3, "flag": "silent"}, {"1-1.2", "1-2.2", "2-1.2"}),
    ],
)
def test_the_task_list_filters_measures(office, known_round, params, expected):
    assert _codes(office, known_round, **params) == expected


@pytest.mark.parametrize(
    "params, expected",
    [
        ({**P, "light": "red"}, {"1-1"}),
        ({**P, "flag": "no_mechanism"}, {"2-1"}),
        ({**P, "flag": "rebound"}, {"1-1"}),
        ({**P, "flag": "silent"}, {"1-1", "1-2", "2-1"}),
        ({**P, "flag": "briefing_only"}, {"2-1"}),
        ({**P, "stage": "open"}, {"1-1", "1-2"}),
        ({**P, "level": 2}, {"1-1", "1-2", "2-1"}),
    ],
)
def test_the_problem_list_filters_problems_with_such_measures(
    office, known_round, params, expected
):
    assert _codes(office, known_round, **params) == expected


def test_a_unit_s_own_measures_leave_out_those_it_only_cooperates_on(office, known_round, units):
    known_round["m3"].set_cooperating_units([units["tribunal"]])
    court = units["court"].pk
    assert _codes(office, known_round, **M, unit=court) == {
        "1-1.1",
        "1-1.2",
        "1-2.1",
        "2-1.1",
        "2-1.2",
    }
    assert _codes(office, known_round, **M, unit=court, unit_role="lead") == {
        "1-1.1",
        "1-1.2",
        "2-1.1",
        "2-1.2",
    }


def test_the_level_filter_counts_from_the_round_s_office(office, known_round, units):
    known_round["round"].office = units["court"]
    known_round["round"].save()
    assert _codes(office, known_round, **M, level=1) == {"1-1.1", "2-1.1"}
    assert _codes(office, known_round, **M, level=2) == {"1-1.2", "2-1.2"}


@pytest.mark.parametrize(
    "params", [{"level": "0"}, {"level": "x"}, {"flag": "drop"}, {"stage": "1"}]
)
def test_an_unknown_filter_value_is_explained(office, known_round, params):
    url = reverse("ledger:ledger", args=[known_round["round"].pk])
    response = office.get(url, {**M, **params})
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()

"""Every figure links to the ledger list behind it, and that list holds exactly the items
counted: follow each link and compare."""

import pytest
from django.urls import reverse

from tests.dashboard.conftest import ledger_count, ledger_links


def _links(client, known_round, **params):
    url = reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
    return ledger_links(client.get(url, params))


def _follow(client, links):
    return {href: ledger_count(client.get(href)) for href, _ in links}


@pytest.mark.parametrize("user", ["office_clerk", "court_reporter"])
def test_each_figure_lists_exactly_the_items_it_counts(client, known_round, user, request):
    client.force_login(request.getfixturevalue(user))
    links = _links(client, known_round)
    assert len(links) > 40
    listed = _follow(client, links)
    assert {href: shown for href, shown in links} == listed


def test_the_figures_of_a_drilled_unit_list_their_items_too(
    client, known_round, office_clerk, units
):
    client.force_login(office_clerk)
    links = _links(client, known_round, unit=units["police"].pk)
    assert {href: shown for href, shown in links} == _follow(client, links)


def test_the_overdue_figure_links_to_the_overdue_task_list(client, known_round, office_clerk):
    client.force_login(office_clerk)
    url = reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
    ledger = reverse("ledger:ledger", args=[known_round["round"].pk])
    assert (f"{ledger}?view=measures&overdue=on", 1) in ledger_links(client.get(url))
    page = client.get(f"{ledger}?view=measures&overdue=on").content.decode()
    assert "1-1.2" in page and "1-1.1" not in page


def test_each_point_of_the_burn_down_lists_the_measures_open_that_day(
    client, known_round, office_clerk
):
    client.force_login(office_clerk)
    links = sorted((href, n) for href, n in _links(client, known_round) if "open_on=" in href)
    # Weekly from the feedback 90 days ago, then today: all seven until m1 closed, three today.
    assert len(links) == 14
    assert [n for _, n in links] == [7] * 10 + [6] * 3 + [3]
    assert {href: shown for href, shown in links} == _follow(client, links)
    page = client.get(links[-1][0]).content.decode()
    assert "1-1.2" in page and "1-1.1" not in page  # m2 is open today, m1 was closed

"""The dashboard counts, per lead unit, the measures on which an extension was asked and those
extended; each count links to the ledger's list of exactly those measures, and lights and
overdue counts follow the approved deadline."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.dashboard.conftest import figures_table, ledger_links, tile
from tests.requests.conftest import ask
from zhenggai.requests import services


@pytest.fixture
def office(office_clerk) -> Client:
    client = Client()
    client.force_login(office_clerk)
    return client


@pytest.fixture
def decided(measures, court_reporter, tribunal_reporter, police_reporter, office_clerk):
    """The court's measure extended, the tribunal's asked and refused, the police's asked."""
    services.approve(office_clerk, ask(court_reporter, measures["court"]), version=1)
    services.refuse(office_clerk, ask(tribunal_reporter, measures["tribunal"]), note="不同意。")
    ask(police_reporter, measures["police"])


def test_units_count_extensions_asked_and_granted(office, demo_round, decided):
    url = reverse("dashboard:round_dashboard", args=[demo_round["round"].pk])
    by_unit = figures_table(office.get(url), "units")

    # measures ... red; extension asked with its rate; extended with its rate
    assert by_unit["临江市中级人民法院"][-4:] == [2, 66.7, 1, 33.3]
    assert by_unit["临江市公安局"][-4:] == [1, 100, 0, 0]


def test_the_extended_measure_is_no_longer_overdue(office, demo_round, decided):
    url = reverse("dashboard:round_dashboard", args=[demo_round["round"].pk])
    response = office.get(url)
    # Of the four measures, all long past their deadlines but the court's extended one.
    assert tile(response, "overdue") == 3


def test_each_count_links_to_its_measures(office, demo_round, decided, units):
    round_ = demo_round["round"]
    links = ledger_links(office.get(reverse("dashboard:round_dashboard", args=[round_.pk])))
    for flag, unit, count in [
        ("extension_asked", "court", 2),
        ("extended", "court", 1),
        ("extension_asked", "police", 1),
    ]:
        [href] = [
            href
            for href, shown in links
            if f"flag={flag}" in href and f"unit={units[unit].pk}&" in href + "&"
        ]
        listed = office.get(href).content.decode().count('<td class="code">')
        assert listed == count, (flag, unit)


def test_the_api_gives_the_same_counts(office, demo_round, decided):
    data = office.get(f"/api/rounds/{demo_round['round'].pk}/dashboard").json()
    assert (data["totals"]["extension_asked"], data["totals"]["extended"]) == (3, 1)
    court = next(u for u in data["sub_units"] if u["name"] == "临江市中级人民法院")
    assert (court["counts"]["extension_asked"], court["counts"]["extended"]) == (2, 1)


def test_a_unit_counts_only_what_it_sees(demo_round, decided, police_reporter):
    client = Client()
    client.force_login(police_reporter)
    data = client.get("/api/dashboard").json()
    assert (data["totals"]["extension_asked"], data["totals"]["extended"]) == (1, 0)

"""The round dashboard on the known round of conftest.py: every figure, exactly."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.dashboard.conftest import figures_table, page, tile
from zhenggai.ledger.models import Measure


@pytest.fixture
def office(client, office_clerk):
    client.force_login(office_clerk)
    return client


def _get(client, known_round, **params):
    url = reverse("dashboard:round_dashboard", args=[known_round["round"].pk])
    return client.get(url, params)


def test_it_counts_measures_by_state(office, known_round):
    response = _get(office, known_round)
    shown = {name: tile(response, name) for name in ["total", "done", "closed", "overdue"]}
    assert shown == {"total": 7, "done": 5, "closed": 4, "overdue": 1}
    assert tile(response, "silent") == 3
    assert tile(response, "red") == 1


def test_it_counts_problems_and_their_close_out(office, known_round):
    response = _get(office, known_round)
    assert tile(response, "problems") == 4
    assert tile(response, "problems_closed") == 2


def test_it_shows_closing_on_a_briefing_alone_as_a_breach(office, known_round):
    response = _get(office, known_round)
    assert tile(response, "briefing_only") == 1
    assert tile(response, "unverified") == 1
    briefing = page(response).xpath('//a[@id="tile-briefing_only"]')[0]
    assert "tile-alarm" in briefing.get("class")
    assert "违反销号规则，应为 0" in briefing.text_content()


def test_closing_on_a_briefing_alone_reads_zero_when_every_closing_was_checked(office, known_round):
    known_round["m5"].verifications.update(methods=["briefing", "on_site"], briefing_only=False)
    known_round["m6"].verifications.create(
        methods=["document_review"],
        verifier=known_round["m1"].verifications.get().verifier,
        verified_on=known_round["m1"].verifications.get().verified_on,
        findings="查阅了台账",
        result="pass",
    )
    response = _get(office, known_round)
    assert tile(response, "briefing_only") == 0
    assert tile(response, "unverified") == 0
    briefing = page(response).xpath('//a[@id="tile-briefing_only"]')[0]
    assert "tile-ok" in briefing.get("class")
    assert "应为 0，符合销号规则" in briefing.text_content()


def test_it_counts_closed_problems_without_a_mechanism_and_rebounds(office, known_round):
    response = _get(office, known_round)
    assert tile(response, "no_mechanism") == 1
    assert tile(response, "rebound") == 1


def test_pressure_by_level_shows_the_grass_roots_falling_behind(office, known_round):
    levels = figures_table(_get(office, known_round), "levels")
    # measures; reported, silent and closed, each with its rate
    assert levels == {
        "第2级": [3, 3, 100, 0, 0, 2, 66.7],
        "第3级": [4, 3, 75, 3, 75, 2, 50],
    }


def test_a_round_run_by_a_rectification_office_counts_levels_from_the_unit_it_serves(
    office, known_round, units
):
    known_round["round"].office = units["office"]  # the 整改办 of the 政法委
    known_round["round"].save()
    levels = figures_table(_get(office, known_round), "levels")
    assert list(levels) == ["第2级", "第3级"]


def test_it_breaks_figures_down_by_category(office, known_round):
    categories = figures_table(_get(office, known_round), "categories")
    # measures; done, closed, overdue, silent, each with its rate; problems; closed problems
    # with their rate
    assert categories == {
        "1. 贯彻落实党中央决策部署方面": [4, 2, 50, 1, 25, 1, 25, 2, 50, 2, 0, 0],
        "2. 落实全面从严治党责任方面": [3, 3, 100, 3, 100, 0, 0, 1, 33.3, 2, 2, 100],
    }


def test_it_breaks_figures_down_by_lead_leader(office, known_round):
    leaders = figures_table(_get(office, known_round), "leaders")
    assert leaders == {
        "周书记（临江市委政法委）": [4, 3, 75, 3, 75, 1, 25, 2, 50, 2, 1, 50],
        "刘局长（临江市公安局）": [3, 2, 66.7, 1, 33.3, 0, 0, 1, 33.3, 2, 1, 50],
    }


def test_units_roll_up_their_sub_units(office, known_round):
    by_unit = figures_table(_get(office, known_round), "units")
    assert by_unit["临江市委政法委（合计）"][0] == 7
    assert by_unit["临江市中级人民法院"][0] == 4  # its own two and the tribunal's two
    assert by_unit["临江市公安局"][0] == 3  # its own and the station's two
    assert len(by_unit) == 3


def test_a_unit_can_be_drilled_into(office, known_round, units):
    by_unit = figures_table(_get(office, known_round, unit=units["court"].pk), "units")
    assert by_unit == {
        # ... and extensions asked, extensions granted, each with its rate: none here
        "临江市中级人民法院（合计）": [4, 3, 75, 3, 75, 1, 25, 2, 50, 1, 25, 0, 0, 0, 0],
        "城东人民法庭": [2, 1, 50, 1, 50, 1, 50, 2, 100, 1, 50, 0, 0, 0, 0],
    }


def test_the_burn_down_counts_open_measures_each_week(office, known_round):
    trend = figures_table(_get(office, known_round), "trend")
    # Weekly from the feedback 90 days ago, then today: all seven open from the feedback
    # (whenever entered) until m1 closed 20 days ago; m5, m6 and m7 closed this week.
    assert list(trend.values()) == [[7]] * 10 + [[6]] * 3 + [[3]]


def test_the_red_list_gives_days_overdue(office, known_round):
    doc = page(_get(office, known_round))
    rows = doc.xpath('//table[@data-table="red-list"]/tbody/tr')
    assert len(rows) == 1
    cells = [cell.text_content().strip() for cell in rows[0].xpath("td")]
    assert cells[:2] == ["1-1.2", "10"]  # the code, and the days overdue


def test_each_chart_has_its_data_beside_it(office, known_round):
    doc = page(_get(office, known_round))
    for chart in doc.xpath('//div[@class="chart"]'):
        data = doc.xpath(f'//script[@id="{chart.get("data-chart")}"]')
        assert data and data[0].get("type") == "application/json"


def test_the_page_loads_echarts_from_the_site_itself(office, known_round):
    doc = page(_get(office, known_round))
    sources = doc.xpath("//script/@src")
    assert "/static/vendor/echarts/echarts.min.js" in sources
    assert all(src.startswith("/static/") for src in sources)
    assert not doc.xpath("//script[not(@src) and not(@type='application/json')]")
    assert not doc.xpath("//*[@style]")


def test_a_ledger_imported_after_the_feedback_starts_full_on_the_feedback_date(office, known_round):
    """The day a measure was entered does not matter: a ledger imported today does not draw a
    line rising from nothing on the import day."""
    before = figures_table(_get(office, known_round), "trend")
    Measure.objects.filter(round=known_round["round"]).update(created_at=timezone.now())
    assert figures_table(_get(office, known_round), "trend") == before

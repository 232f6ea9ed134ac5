"""The dashboard in a real browser: charts drawn by the locally served ECharts, on a desktop
and on a phone, and a figure that leads to its list."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.dashboard.conftest import build_known_round
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def known_round(units, office_clerk, leader):
    """The round of tests/dashboard/conftest.py, whose every figure is known."""
    chief = PersonFactory(unit=units["police"], name="刘局长", is_leader=True)
    return build_known_round(units, office_clerk, leader.person, chief)


def _watch_console(page) -> list[str]:
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def _open(page, known_round):
    log_in(page, "office")
    page.goto(f"/rounds/{known_round['round'].pk}/dashboard/")


def test_the_charts_are_drawn_from_local_echarts(page, known_round, office_clerk):
    problems = _watch_console(page)
    scripts = []
    page.on("response", lambda r: scripts.append(r.url) if "echarts" in r.url else None)
    _open(page, known_round)
    for chart in ["levels", "trend", "categories", "units", "leaders"]:
        expect(page.locator(f"#{chart} .chart canvas").first).to_be_visible()
    assert any(url.endswith("/static/vendor/echarts/echarts.min.js") for url in scripts)
    assert problems == []


def test_the_dashboard_fits_a_phone(phone, known_round, office_clerk):
    problems = _watch_console(phone)
    _open(phone, known_round)
    expect(phone.locator("#levels .chart canvas").first).to_be_visible()
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    chart_width = phone.locator("#levels .chart").bounding_box()["width"]
    assert chart_width <= 375
    assert problems == []


def test_a_chart_follows_the_window_when_it_is_resized(page, known_round, office_clerk):
    page.set_viewport_size({"width": 1200, "height": 800})
    _open(page, known_round)
    canvas = page.locator("#categories .chart canvas").first
    expect(canvas).to_be_visible()
    wide = canvas.bounding_box()["width"]
    page.set_viewport_size({"width": 400, "height": 800})
    page.wait_for_function(
        "(wide) => document.querySelector('#categories .chart canvas').clientWidth < wide",
        arg=wide,
    )


def test_the_overdue_figure_leads_to_the_overdue_measures(page, known_round, office_clerk):
    _open(page, known_round)
    overdue = page.locator("#tile-overdue")
    expect(overdue.locator("strong")).to_have_text("1")
    overdue.click()
    page.wait_for_url("**/ledger/?view=measures&overdue=on")
    expect(page.locator(".count")).to_contain_text("共 1 条")
    expect(page.get_by_label("仅看超期")).to_be_checked()
    expect(page.locator("#results")).to_contain_text("1-1.2")


def test_the_table_of_a_chart_is_there_for_screen_readers(page, known_round, office_clerk):
    _open(page, known_round)
    levels = page.get_by_role("table").filter(has_text="第3级")
    expect(levels.get_by_role("rowheader", name="第3级")).to_be_visible()
    expect(page.locator("#levels .chart")).to_have_attribute("role", "img")

"""The dashboard across all rounds in a real browser: the figures add the rounds up, each
chart has its table beside it, a tile leads to the table by round and a round's figure to
that round's ledger list; on a phone the page does not scroll sideways."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIFTH = "省委第五巡视组反馈意见整改"  # known_round: 4 problems, 7 measures, 1 overdue
THIRD = "省委第三巡视组反馈意见整改"  # demo_round: 3 problems, 4 measures, all overdue


@pytest.fixture
def two_rounds(known_round, demo_round):
    return {"fifth": known_round["round"], "third": demo_round["round"]}


def open_dashboard(page):
    log_in(page, "office")
    page.get_by_role("link", name="看板", exact=True).click()
    expect(page.get_by_role("heading", name="整改看板（全部轮次）")).to_be_visible()


def expect_each_chart_drawn_with_its_table(page):
    charts = page.locator("section.figure:has(.chart)")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 3
    for figure in charts.all():
        caption = figure.get_by_role("heading").inner_text()
        expect(figure.locator(".chart canvas").first).to_be_visible()
        expect(figure.get_by_role("img", name=f"{caption}图表，数据见下表")).to_be_visible()
        table = figure.get_by_role("table", name=caption)
        expect(table.locator("tbody tr").first).to_be_attached()


def test_the_figures_add_up_and_lead_to_a_round_s_ledger(page, two_rounds, office_clerk):
    open_dashboard(page)
    expect(page.get_by_text("2 个巡视轮次")).to_be_visible()
    expect(page.locator("#tile-total strong")).to_have_text("11")
    expect(page.locator("#tile-problems strong")).to_have_text("7")
    expect(page.locator("#tile-overdue strong")).to_have_text("5")
    expect_each_chart_drawn_with_its_table(page)

    rounds = page.get_by_role("table", name="按轮次")
    expect(rounds.get_by_role("row", name=FIFTH).locator("td").first).to_have_text("7")
    expect(rounds.get_by_role("row", name=THIRD).locator("td").first).to_have_text("4")

    page.locator("#tile-overdue").click()
    expect(page).to_have_url("/dashboard/#rounds")
    overdue = rounds.locator("thead th").all_inner_texts().index("超期")
    cell = rounds.get_by_role("row", name=FIFTH).locator("th, td").nth(overdue)
    expect(cell.get_by_role("link")).to_have_text("1")
    cell.get_by_role("link").click()
    expect(page).to_have_url(f"/rounds/{two_rounds['fifth'].pk}/ledger/?view=measures&overdue=on")
    expect(page.locator("#results .count")).to_have_text("共 1 条")
    expect(page.locator("#results")).to_contain_text("1-1.2")

    page.go_back()
    rounds.get_by_role("link", name=THIRD).click()
    expect(page).to_have_url(f"/rounds/{two_rounds['third'].pk}/dashboard/")
    expect(page.locator("#tile-total strong")).to_have_text("4")


def test_the_dashboard_across_rounds_fits_a_phone(phone, two_rounds, office_clerk):
    errors = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    log_in(phone, "office")
    phone.goto("/dashboard/")
    expect(phone.locator("#tile-total strong")).to_have_text("11")
    expect_each_chart_drawn_with_its_table(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    for chart in phone.locator("section.figure .chart").all():
        assert chart.bounding_box()["width"] <= 375
    assert errors == []

"""The dashboard in a real browser: charts drawn by the locally served ECharts, on a desktop
and on a phone, and a figure that leads to its list."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


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


def test_a_point_of_the_burn_down_leads_to_the_measures_open_that_day(
    page, known_round, office_clerk
):
    _open(page, known_round)
    today = page.locator('table[data-table="trend"] tbody tr').last
    expect(today.locator("td a")).to_have_text("3")
    day = today.locator("th").inner_text()
    today.locator("td a").click()
    page.wait_for_url(f"**/ledger/?view=measures&open_on={day}")
    expect(page.locator(".count")).to_contain_text("共 3 条")
    expect(page.get_by_label("截至当日未销号")).to_have_value(day)
    expect(page.locator("#results")).to_contain_text("1-1.2")


def test_the_table_of_a_chart_is_there_for_screen_readers(page, known_round, office_clerk):
    _open(page, known_round)
    levels = page.get_by_role("table").filter(has_text="第3级")
    expect(levels.get_by_role("rowheader", name="第3级")).to_be_visible()
    expect(page.locator("#levels .chart")).to_have_attribute("role", "img")


def _closed_measures(page) -> tuple[int, set[str]]:
    """On the round dashboard: the figure of the closed-measures tile, then, having clicked
    it, the codes of the ledger list it leads to (whose count must be that figure)."""
    tile = page.locator("#tile-closed")
    expect(tile).to_contain_text("措施已销号")
    shown = int(tile.locator("strong").inner_text())
    tile.click()
    page.wait_for_url("**/ledger/?view=measures&stage=closed")
    expect(page.locator("#results .count")).to_have_text(f"共 {shown} 条")
    return shown, set(page.locator("#results td.code").all_inner_texts())


def _settle(page) -> None:
    """Waits for the page's own requests (the problem page loads its 长效机制 panel after it
    shows) before leaving it. On SQLite the live server's request threads share one connection
    (an in-memory database), and a request still running beside the next page's spoilt it
    once on CI: the round's dashboard answered 404."""
    page.wait_for_load_state("networkidle")


def test_a_measure_closed_through_the_pages_is_counted_and_listed(
    page, known_round, office_clerk, tribunal_reporter
):
    measure = known_round["m2"]  # the tribunal's, in progress
    _open(page, known_round)
    before, listed_before = _closed_measures(page)
    assert len(listed_before) == before and measure.code not in listed_before

    page.get_by_role("button", name="退出").click()
    log_in(page, "tribunal")
    page.goto(f"/problems/{measure.problem_id}/")
    page.locator(f"article#measure-{measure.pk}").get_by_role("link", name="报送进展").click()
    page.get_by_label("进展状态").select_option(label="已完成，申请核查")
    page.get_by_label("进展情况").fill("已逐案复查超期羁押案件，整改完毕。")
    page.get_by_role("button", name="提交进展").click()
    expect(page.get_by_text(f"已报送措施 {measure.code} 的进展。")).to_be_visible()
    _settle(page)

    page.get_by_role("button", name="退出").click()
    log_in(page, "office")
    page.goto(f"/problems/{measure.problem_id}/")
    page.locator(f"article#measure-{measure.pk}").get_by_role("link", name="核查").click()
    page.get_by_label("查阅资料").check()
    page.get_by_label("实地核查").check()
    page.get_by_label("核查情况").fill("查阅了复查台账，到法庭实地查看了案件卷宗。")
    page.get_by_label("核查结论").select_option(label="通过")
    page.get_by_role("button", name="提交核查结论").click()
    expect(page.get_by_text(f"核查通过，措施 {measure.code} 已销号。")).to_be_visible()
    _settle(page)

    page.goto(f"/rounds/{known_round['round'].pk}/dashboard/")
    after, listed_after = _closed_measures(page)
    assert after == before + 1
    assert listed_after == listed_before | {measure.code}

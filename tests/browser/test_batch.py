"""Batch work in a real browser: the office ticks the whole page of the task list, fifty
measures, and reminds every one at once."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import MeasureFactory
from zhenggai.supervision.models import Reminder

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_office_reminds_a_whole_page_of_fifty_at_once(
    page, demo_round, units, office_clerk, court_reporter
):
    problem = demo_round["problems"]["court"]
    for number in range(3, 50):
        MeasureFactory(problem=problem, number=number, lead_unit=units["court"])
    log_in(page, "office")
    page.goto(f"/rounds/{demo_round['round'].pk}/ledger/?view=measures&unit={units['court'].pk}")
    page.locator("details.batch summary").click()
    page.get_by_label("批量操作", exact=True).select_option(label="催办")
    page.get_by_label("全选本页").check()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 844})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.screenshot(path=f"/tmp/daily-batch-{width}.png", full_page=True)
    assert page.locator("input[name=measures]:checked").count() == 50
    page.get_by_role("button", name="执行").click()
    # The court's 49 reach its reporter; the tribunal's has nobody with a login, and says so.
    expect(page.get_by_text("催办：已处理 49 项")).to_be_visible()
    expect(page.get_by_text("1 项未处理。1-2.1：")).to_be_visible()
    assert Reminder.objects.filter(person__user=court_reporter).count() == 49

"""Batch work in a real browser: the office ticks the whole page of the task list, fifty
measures, and reminds every one at once."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, pick
from tests.factories import MeasureFactory, PersonFactory
from zhenggai.supervision.models import Reminder

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def open_batch(page, round_, action: str, query: str = "") -> None:
    """The office opens the task list's batch panel and chooses an action."""
    log_in(page, "office")
    page.goto(f"/rounds/{round_.pk}/ledger/?view=measures{query}")
    page.locator("details.batch summary").click()
    page.get_by_label("批量操作", exact=True).select_option(label=action)


def test_the_office_reminds_a_whole_page_of_fifty_at_once(
    page, demo_round, units, office_clerk, court_reporter
):
    problem = demo_round["problems"]["court"]
    for number in range(3, 50):
        MeasureFactory(problem=problem, number=number, lead_unit=units["court"])
    open_batch(page, demo_round["round"], "催办", f"&unit={units['court'].pk}")
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


def test_the_person_picker_narrows_to_the_ticked_measures_units(
    page, demo_round, units, office_clerk
):
    PersonFactory(unit=units["court"], name="吴法官")
    PersonFactory(unit=units["station"], name="赵所长")
    open_batch(page, demo_round["round"], "设置责任人")
    court = demo_round["problems"]["court"].measures.get(number=1)
    with page.expect_response(lambda response: "measures=" in response.url):
        page.get_by_label(f"选择 {court.code}").check()
    page.screenshot(path="/tmp/daily-batch-person-1366.png", full_page=True)
    person = page.locator("#id_person_in_charge-ts-dropdown")
    page.locator(".filter-person_in_charge .ts-control").click()
    expect(person.get_by_text("吴法官")).to_be_visible()
    expect(person.get_by_text("赵所长")).to_have_count(0)


@pytest.mark.parametrize("width", [1366, 390])
def test_the_chosen_person_stays_while_the_ticks_keep_them_in_the_tree(
    page, demo_round, units, office_clerk, width
):
    judge = PersonFactory(unit=units["tribunal"], name="吴法官")
    page.set_viewport_size({"width": width, "height": 844})
    open_batch(page, demo_round["round"], "设置责任人")
    measures = demo_round["problems"]
    court, tribunal = measures["court"].measures.get(number=1), measures["tribunal"].measures.get()
    police = measures["police"].measures.get()
    chosen = page.locator("#id_person_in_charge")

    def tick(measure, checked=True):
        with page.expect_response(lambda response: "measures=" in response.url):
            page.get_by_label(f"选择 {measure.code}").set_checked(checked)

    tick(tribunal)
    pick(page, "id_person_in_charge", "吴", "吴法官")
    # The court is above the tribunal: the judge is still in the ticked measures' tree.
    tick(court)
    expect(chosen).to_have_value(str(judge.pk))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=f"/tmp/batch-person-kept-{width}.png", full_page=True)
    # The court's and the tribunal's ticks off, the police's on: the judge is not in its tree.
    tick(court, checked=False)
    tick(police)
    tick(tribunal, checked=False)
    expect(chosen).to_have_value("")


def test_a_tick_made_while_the_person_list_is_on_its_way_still_counts(
    page, demo_round, units, office_clerk
):
    PersonFactory(unit=units["tribunal"], name="吴法官")
    PersonFactory(unit=units["station"], name="赵所长")
    open_batch(page, demo_round["round"], "设置责任人")
    problems = demo_round["problems"]
    tribunal, police = problems["tribunal"].measures.get(), problems["police"].measures.get()
    # A slow network: the answer to the first tick has not come when the second is made.
    held = []
    page.route(
        "**/ledger/batch/?*measures=*",
        lambda route: held.append(route) if not held else route.continue_(),
    )
    with page.expect_request(lambda request: "measures=" in request.url):
        page.get_by_label(f"选择 {tribunal.code}").check()
    with page.expect_response(lambda response: "measures=" in response.url):
        page.get_by_label(f"选择 {police.code}").check()
    person = page.locator("#id_person_in_charge-ts-dropdown")
    page.locator(".filter-person_in_charge .ts-control").click()
    expect(person.get_by_text("吴法官")).to_be_visible()
    expect(person.get_by_text("赵所长")).to_be_visible()
    page.unroute_all(behavior="ignoreErrors")

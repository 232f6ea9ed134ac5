"""Every home page and list on a desktop and a 390 px phone: no page wider than the screen,
lists as cards, the filters and the top bar's menu folded behind a button. Screenshots at 1366
and 390 px go to /tmp for a look."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import MeasureFactory, UserFactory, VerificationGroupFactory, grant
from zhenggai.authority.models import Role
from zhenggai.ledger.models import Measure, Problem
from zhenggai.mechanisms import services as mechanisms

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def fits_at_both_widths(page, name: str, shoot: bool) -> None:
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 844})
        assert fits(page), f"{name} at {width} px"
        if shoot:
            page.screenshot(path=f"/tmp/daily-{name}-{width}.png", full_page=True)


@pytest.fixture
def everyone(demo_round, office_clerk, leader, court_reporter, units):
    problem = demo_round["problems"]["court"]
    problem.lead_leader = leader.person
    problem.save()
    # Long words a phone must wrap rather than scroll.
    MeasureFactory(
        problem=problem,
        number=3,
        lead_unit=units["court"],
        text="建立" + "涉法涉诉信访事项终结备案审查" * 8 + "机制",
    )
    # An extended deadline, the problem's nearest: both dates stand in its cells.
    problem.measures.filter(number=1).update(
        deadline=datetime.date(2023, 6, 30), original_deadline=datetime.date(2023, 3, 31)
    )
    # A verification group's member with a measure waiting for it, and a read-only observer.
    Measure.objects.filter(pk=demo_round["shared"].pk).update(status="done_pending")
    jiwei = UserFactory(username="jiwei")
    VerificationGroupFactory(round=demo_round["round"], members=[jiwei])
    grant(UserFactory(username="observer"), Role.OBSERVER, round=demo_round["round"])
    return demo_round


def lists(demo_round, units, leader) -> dict[str, str]:
    round_pk = demo_round["round"].pk
    ledger = f"/rounds/{round_pk}/ledger/"
    return {
        "home": "/",
        "rounds": "/rounds/",
        "round": f"/rounds/{round_pk}/",
        "problems": f"{ledger}?view=problems",
        "measures": f"{ledger}?view=measures",
        "responsibility": f"{ledger}?view=responsibility",
        "unit": f"/units/{units['court'].pk}/",
        "leader": f"/persons/{leader.person.pk}/",
        "notices": f"/rounds/{round_pk}/notices/",
        "all-notices": "/notices/",
        "requests": f"/rounds/{round_pk}/requests/",
        "notifications": "/notifications/",
        "mechanisms": f"/rounds/{round_pk}/mechanisms/",
        "closed-without-mechanism": f"/rounds/{round_pk}/closed-without-mechanism/",
        "generalizations": f"/rounds/{round_pk}/generalization/",
        "generalization-inbox": "/generalization/",
        "reports": f"/measures/{demo_round['problems']['court'].measures.first().pk}/reports/",
        "checks": f"/problems/{demo_round['problems']['court'].pk}/checks/",
        "audit": "/audit/",
    }


# Each home page says what waits there, at both widths.
HOME = {
    "office": "待核查",
    "leader": "红灯问题",
    "court": "待报送",
    "jiwei": "待核查",
    "observer": "可查看的轮次",
}


@pytest.mark.parametrize("who", HOME)
def test_no_home_page_or_list_is_wider_than_the_screen(phone, everyone, units, leader, who):
    log_in(phone, who)
    expect(phone.locator("main")).to_contain_text(HOME[who])
    for name, path in lists(everyone, units, leader).items():
        response = phone.goto(path)
        # A page the role may not open answers with a page of its own, which fits too.
        assert response.status in (200, 403, 404), f"{who} {name}"
        fits_at_both_widths(phone, f"{who}-{name}", shoot=who == "office" or name == "home")


def test_a_list_is_a_pile_of_cards_on_a_phone(phone, everyone):
    phone.set_viewport_size(PHONE)
    log_in(phone, "office")
    phone.goto(f"/rounds/{everyone['round'].pk}/ledger/?view=measures")
    expect(phone.locator("table.cards thead")).to_be_hidden()
    card = phone.locator("table.cards tbody tr").first
    expect(card.locator("td[data-label='牵头单位']")).to_be_visible()
    assert card.bounding_box()["width"] <= 390


def test_the_filters_fold_behind_a_button_on_a_phone(phone, everyone):
    phone.set_viewport_size(PHONE)
    log_in(phone, "office")
    phone.goto(f"/rounds/{everyone['round'].pk}/ledger/?view=measures")
    expect(phone.get_by_label("关键词")).to_be_hidden()
    phone.get_by_role("button", name="筛选条件").click()
    phone.get_by_label("关键词").fill("终结备案")
    phone.get_by_label("关键词").press("Enter")
    expect(phone.locator(".count")).to_contain_text("共 1 条")


def test_every_list_with_filters_folds_them_on_a_phone_and_not_on_a_desktop(phone, everyone):
    round_pk = everyone["round"].pk
    log_in(phone, "office")
    for path in (
        f"/rounds/{round_pk}/ledger/?view=problems",
        f"/rounds/{round_pk}/ledger/?view=measures",
        f"/rounds/{round_pk}/ledger/?view=responsibility",
        f"/rounds/{round_pk}/notices/",
        "/notices/",
        f"/rounds/{round_pk}/mechanisms/",
        "/audit/",
    ):
        phone.goto(path)
        filters = phone.locator("form#filters")
        fold = phone.get_by_role("button", name="筛选条件")
        phone.set_viewport_size({"width": 1366, "height": 844})
        expect(filters).to_be_visible()
        expect(fold).to_be_hidden()
        phone.set_viewport_size(PHONE)
        expect(filters).to_be_hidden()
        fold.click()
        expect(filters).to_be_visible()
        expect(fold).to_have_attribute("aria-expanded", "true")


def test_the_top_bar_folds_into_a_menu_on_a_phone(phone, everyone):
    phone.set_viewport_size(PHONE)
    log_in(phone, "office")
    nav = phone.get_by_role("link", name="看板", exact=True)
    expect(nav).to_be_hidden()
    phone.get_by_role("button", name="菜单").click()
    nav.click()
    expect(phone.get_by_role("heading", name="整改看板（全部轮次）")).to_be_visible()


def test_a_long_unit_page_pages_each_list(page, demo_round, units, court_reporter):
    problem = demo_round["problems"]["court"]
    for number in range(3, 30):
        MeasureFactory(problem=problem, number=number, lead_unit=units["court"])
    log_in(page, "court")
    page.goto(f"/units/{units['court'].pk}/")
    led = page.locator("section", has=page.get_by_role("heading", name="牵头的整改措施"))
    expect(led.locator("tbody tr")).to_have_count(20)
    led.get_by_role("link", name="下一页").click()
    led = page.locator("section", has=page.get_by_role("heading", name="牵头的整改措施"))
    expect(led.locator("tbody tr")).to_have_count(10)  # 29 of the court's, and the tribunal's


@pytest.fixture
def lists_beyond_the_ledger(demo_round, units, office_clerk, tribunal_reporter):
    """A mechanism, a problem closed without one, a 举一反三 asked of the tribunal and a red
    measure: the lists of the mechanism, generalization and dashboard pages have rows."""
    problems = demo_round["problems"]
    mechanisms.register_mechanism(
        office_clerk,
        demo_round["round"],
        name="涉法涉诉信访事项终结备案审查办法",
        kind="rule",
        issuing_unit=units["court"],
        issued_on=datetime.date(2023, 11, 1),
        problems=[problems["court"]],
    )
    Problem.objects.filter(pk=problems["police"].pk).update(status="closed")
    mechanisms.ask_generalization(office_clerk, problems["court"], units=[units["tribunal"]])
    Measure.objects.filter(problem=problems["court"]).update(light="red")
    return demo_round


def test_every_list_is_a_pile_of_cards_on_a_phone(phone, lists_beyond_the_ledger):
    round_pk = lists_beyond_the_ledger["round"].pk
    pages = {
        "office": [
            f"/rounds/{round_pk}/mechanisms/",
            f"/rounds/{round_pk}/closed-without-mechanism/",
            f"/rounds/{round_pk}/generalization/",
            f"/rounds/{round_pk}/dashboard/",
        ],
        "tribunal": ["/generalization/"],
    }
    phone.set_viewport_size(PHONE)
    for who, paths in pages.items():
        log_in(phone, who)
        for path in paths:
            phone.goto(path)
            # Tables of figures (the dashboard's) stay tables; every list of items is cards.
            lists = phone.locator("main table.list:not(.figures)")
            expect(lists.first).to_be_visible()
            for table in lists.all():
                expect(table).to_have_class(re.compile(r"\bcards\b"))
                assert table.bounding_box()["width"] <= PHONE["width"], path
            phone.screenshot(
                path=f"/tmp/daily-cards{path.replace('/', '-')}390.png", full_page=True
            )
        phone.context.clear_cookies()

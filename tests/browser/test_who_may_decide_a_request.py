"""An open request says who may decide it (可审批：…), or that nobody in the round may, in a
line that wraps on a phone: at 1366 and 390 px, without horizontal scroll."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, no_horizontal_scroll
from tests.factories import MeasureFactory
from tests.requests.conftest import ask

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = "/tmp/requests-deciders-{}-{}.png"
NOBODY = (
    "本轮没有可以审批这份延期申请的人（申请人本人和本单位的整改办不能审批），"
    "请联系系统管理员指定审批领导。"
)


def shown_at_both_widths(page, url: str, name: str, text: str) -> None:
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(url)
        expect(page.locator("p.deciders")).to_have_text(text)
        page.screenshot(path=SHOTS.format(name, width), full_page=True)
        assert no_horizontal_scroll(page), width


def test_the_unit_reads_who_may_decide_its_request(
    page, court_measure, court_reporter, office_clerk, colleague, leader
):
    request = ask(court_reporter, court_measure)
    log_in(page, "court")
    shown_at_both_widths(
        page,
        reverse("requests:extensions_detail", args=[request.pk]),
        "named",
        "可审批：李干事、周书记、王文书",
    )


def test_a_request_nobody_may_decide_says_so(page, demo_round, units, office_clerk):
    own = MeasureFactory(
        problem=demo_round["problems"]["court"], number=3, lead_unit=units["office"]
    )
    request = ask(office_clerk, own)
    log_in(page, "office")
    shown_at_both_widths(
        page, reverse("requests:extensions_detail", args=[request.pk]), "nobody", NOBODY
    )
    # Not also sent to another clerk of the same 整改办, who may not decide it either.
    expect(page.get_by_text("请由整改办其他同志审批")).to_have_count(0)
    # In the round's list, under 待他人审批, its four tabs within a phone's width.
    listing = reverse("requests:round_requests", args=[demo_round["round"].pk])
    shown_at_both_widths(page, listing + "?status=others", "list", NOBODY)
    tabs = page.locator("nav.tabs")
    expect(tabs.locator("a")).to_have_text(["待我审批", "待他人审批", "已处理", "全部"])
    assert tabs.evaluate("nav => nav.scrollWidth <= nav.clientWidth")

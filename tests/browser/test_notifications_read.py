"""Notifications in a real browser: the court reads one by opening it, then marks the rest
read with one button; the count in the top bar follows, and nobody else's notifications are
touched. Marking read only answers a POST; opening its address explains so in Chinese."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from zhenggai.supervision import services
from zhenggai.supervision.models import Notification

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def notified(demo_round, units, office_clerk, court_reporter, police_reporter):
    """The court has a notice and an escalation (two notifications); the police a notice."""
    round_ = demo_round["round"]
    notice = services.issue_notice(office_clerk, round_, unit=units["court"], content="请整改。")
    services.escalate(
        office_clerk,
        round_,
        kind="admonition",
        reason="整改进度滞后。",
        problem=demo_round["problems"]["court"],
    )
    services.issue_notice(office_clerk, round_, unit=units["police"], content="请整改。")
    return notice


def test_the_court_marks_all_its_notifications_read(page, notified, court_reporter):
    log_in(page, "court")
    count = page.locator(".topnav .nav-count")
    expect(count).to_have_text("2")
    expect(count).to_have_attribute("aria-label", "2 条未读")
    page.locator(".topnav").get_by_role("link", name="通知").click()
    expect(page.get_by_role("heading", name="通知")).to_be_visible()
    items = page.locator("ul.notifications > li")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("升级督办：约谈")
    expect(items.first).to_contain_text("事由：整改进度滞后。")
    expect(items.locator(".badge", has_text="未读")).to_have_count(2)

    page.get_by_role("link", name=f"督办单：{notified.number}").click()
    expect(page.get_by_role("heading", name=f"督办单 {notified.number}")).to_be_visible()
    expect(count).to_have_text("1")
    page.go_back()
    page.reload()
    expect(page.locator("li.unread")).to_have_count(1)
    expect(page.locator("li.unread")).to_contain_text("升级督办：约谈")

    page.get_by_role("button", name="全部标为已读").click()
    expect(page.get_by_text("已将 1 条通知标为已读。")).to_be_visible()
    expect(items).to_have_count(2)
    expect(page.locator("li.unread")).to_have_count(0)
    expect(page.get_by_text("未读", exact=True)).to_have_count(0)
    expect(count).to_have_count(0)

    page.get_by_role("link", name="只看未读").click()
    expect(page.get_by_text("没有未读通知。")).to_be_visible()
    page.get_by_role("button", name="全部标为已读").click()
    expect(page.get_by_text("已将 0 条通知标为已读。")).to_be_visible()

    assert not Notification.objects.filter(recipient=court_reporter, read_at=None).exists()
    police = Notification.objects.get(recipient__username="police")
    assert police.read_at is None


def test_a_get_of_the_address_marks_nothing_read(page, notified, court_reporter):
    log_in(page, "court")
    assert page.evaluate("fetch('/notifications/read/').then(r => r.status)") == 405
    assert Notification.objects.filter(recipient=court_reporter, read_at=None).count() == 2
    page.reload()
    expect(page.locator(".topnav .nav-count")).to_have_text("2")


def test_opening_the_address_explains_in_chinese(page, notified, court_reporter):
    log_in(page, "court")
    response = page.goto("/notifications/read/")
    assert response.status == 405
    expect(page.locator("main h1")).to_have_text("无法直接打开此地址")
    expect(page.locator(".topnav .nav-count")).to_have_text("2")

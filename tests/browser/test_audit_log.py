"""The audit page in a real browser: the office finds a reporter's login and change through the
menu and the filters and exports the view; a system administrator on a phone finds a failed
login."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = "/tmp/audit-{}.png"


def test_the_office_finds_a_reporters_work_and_exports_it(
    page, demo_round, court_reporter, office_clerk
):
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, "court")
    page.goto(f"/problems/{demo_round['problems']['court'].pk}/")
    page.locator("#claims").get_by_role("button").click()
    expect(page.locator("#claims")).to_contain_text("认领")
    page.context.clear_cookies()

    log_in(page, "office")
    page.get_by_role("link", name="审计日志").click()
    expect(page.get_by_role("heading", name="审计日志")).to_be_visible()
    page.get_by_label("操作人").fill("陈法官")
    page.get_by_label("操作", exact=True).select_option(label="登录")
    results = page.locator("#results")
    expect(results).to_contain_text("共 1 条")
    expect(results).to_contain_text("陈法官")
    expect(results).to_contain_text("临江市中级人民法院 · court · 网页 127.0.0.1")
    page.get_by_label("操作", exact=True).select_option(label="新增")
    expect(results).to_contain_text("认领：")
    expect(results).to_contain_text("陈法官")
    page.screenshot(path=SHOTS.format("office-1366"), full_page=True)

    with page.expect_download() as download:
        results.get_by_role("link", name="导出 Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")


def test_on_a_phone_an_administrator_finds_a_failed_login(phone, office_clerk):
    UserFactory(username="root", is_staff=True)
    phone.set_viewport_size({"width": 390, "height": 800})
    phone.goto("/login/")
    phone.get_by_label("用户名").fill("office")
    phone.get_by_label("密码").fill("wrong-password")
    phone.get_by_role("button", name="登录").click()

    log_in(phone, "root")
    phone.goto("/audit/")
    phone.get_by_role("button", name="筛选条件").click()
    phone.get_by_label("操作", exact=True).select_option(label="登录失败")
    results = phone.locator("#results")
    expect(results).to_contain_text("共 1 条")
    expect(results.locator(".audit-entry")).to_contain_text("登录失败")
    expect(results.locator(".audit-entry")).to_contain_text("office")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    phone.screenshot(path=SHOTS.format("admin-390"), full_page=True)

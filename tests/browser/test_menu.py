"""The top menu of every demo login, at desktop width and folded on a phone: the round pages
to those holding a role, 系统管理 and 审计日志 to the administrator, and to a login with no role
its home page and 修改密码 only."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import UserFactory
from zhenggai.ops import demo
from zhenggai.ops.demo_data import ADMIN_USERNAME, DEMO_PASSWORD, USERS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOT = "/tmp/auth-tidy-menu-{}-{}.png"
ROUND_PAGES = ["工作台", "巡视轮次", "看板", "本单位", "督办单", "通知"]
AUDIT = ["审计日志", "修改密码"]
# The other organization's rounds are all 巡察, and so is the name of their list.
XUNCHA_PAGES = [page.replace("巡视", "巡察") for page in ROUND_PAGES]
EXPECTED = {
    "office": ROUND_PAGES + AUDIT,
    "leader": ROUND_PAGES + AUDIT,
    "jiangnan": XUNCHA_PAGES + AUDIT,
    "court": [*ROUND_PAGES, "修改密码"],
    "tribunal": [*ROUND_PAGES, "修改密码"],
    "police": [*ROUND_PAGES, "修改密码"],
    "jiwei": ROUND_PAGES + AUDIT,  # the verification group reads its round's trail
    ADMIN_USERNAME: ["工作台", "系统管理", *AUDIT],
    "nobody": ["工作台", "修改密码"],
}


def menu(page) -> list[str]:
    """The menu's links as shown, an unread count left off."""
    links = page.locator("#topnav a")
    expect(links.first).to_be_visible()
    return [re.sub(r"\d+$", "", text.strip()) for text in links.all_inner_texts()]


def test_each_login_is_offered_what_it_has_at_every_width(page):
    demo.load()
    UserFactory(username="nobody", password=DEMO_PASSWORD)
    assert set(EXPECTED) == {*USERS, ADMIN_USERNAME, "nobody"}
    for username, expected in EXPECTED.items():
        page.set_viewport_size({"width": 1366, "height": 800})
        log_in(page, username, DEMO_PASSWORD)
        assert menu(page) == expected, username
        page.screenshot(path=SHOT.format(username, 1366))
        page.set_viewport_size({"width": 390, "height": 844})
        expect(page.locator("#topnav a").first).to_be_hidden()
        page.get_by_role("button", name="菜单").click()
        assert menu(page) == expected, username
        page.screenshot(path=SHOT.format(username, 390), full_page=True)
        page.get_by_role("button", name=re.compile("^退出")).click()
        page.wait_for_url("**/login/**")

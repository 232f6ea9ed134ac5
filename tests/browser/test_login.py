"""The login page in a real browser, at 1366 and 390 px: five wrong passwords that lock the
account with the minutes left in Chinese, a login whose password the administrator set, sent to
change it before anything else, an administrator linking an authenticator app, and a
directory (LDAP) account logging in."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PASSWORD, UserFactory
from tests.ports import free_port
from zhenggai.accounts.models import PasswordChangeDue

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = "/tmp/login-{}.png"
SIZES = {1366: {"width": 1366, "height": 768}, 390: {"width": 390, "height": 844}}


def type_login(page, username, password):
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


@pytest.mark.parametrize("width", [1366, 390])
def test_a_wrong_password_warns_and_five_lock_the_account(page, court_reporter, width):
    page.set_viewport_size(SIZES[width])
    page.goto("/login/")
    page.screenshot(path=SHOTS.format(f"page-{width}"), full_page=True)

    type_login(page, "court", "Wrong-password-1")
    expect(page.get_by_role("alert")).to_contain_text("用户名或密码不正确")
    expect(page.get_by_role("alert")).to_contain_text("连续输错 5 次将锁定 15 分钟")
    for _ in range(4):
        type_login(page, "court", "Wrong-password-1")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("登录失败次数过多")
    expect(alert).to_contain_text("请在 15 分钟后")
    page.screenshot(path=SHOTS.format(f"locked-{width}"), full_page=True)

    type_login(page, "court", PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text("登录失败次数过多")
    assert page.url.endswith("/login/")


@pytest.mark.parametrize("width", [1366, 390])
def test_a_password_the_administrator_set_is_changed_first(page, court_reporter, width):
    page.set_viewport_size(SIZES[width])
    PasswordChangeDue.objects.create(user=court_reporter, reason=PasswordChangeDue.Reason.RESET)
    log_in(page, "court")

    expect(page).to_have_url("/password/")
    expect(page.get_by_role("alert")).to_contain_text("请先设置您自己的新密码")
    page.goto("/dashboard/")
    expect(page).to_have_url("/password/")
    page.get_by_label("当前密码").fill(PASSWORD)
    page.get_by_label("新密码", exact=True).fill("court12345")
    page.get_by_label("再输入一次新密码").fill("court12345")
    page.get_by_role("button", name="修改密码").click()
    expect(page.get_by_text("符号中的至少 3 类。")).to_be_visible()
    expect(page.get_by_text("密码不能包含用户名")).to_be_visible()
    page.screenshot(path=SHOTS.format(f"change-{width}"), full_page=True)

    page.get_by_label("当前密码").fill(PASSWORD)
    page.get_by_label("新密码", exact=True).fill("Chen-faguan-2026")
    page.get_by_label("再输入一次新密码").fill("Chen-faguan-2026")
    page.get_by_role("button", name="修改密码").click()

    expect(page.get_by_text("密码已修改")).to_be_visible()
    page.goto("/dashboard/")
    expect(page).to_have_url("/dashboard/")
    page.screenshot(path=SHOTS.format(f"changed-{width}"), full_page=True)


@pytest.mark.parametrize("width", [1366, 390])
def test_an_administrator_links_an_authenticator_app(page, settings, width):
    settings.ZHENGGAI_ADMIN_TOTP = True
    page.set_viewport_size(SIZES[width])
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    log_in(page, "root")

    expect(page).to_have_url("/second-factor/")
    expect(page.locator(".qr svg")).to_be_visible()
    page.screenshot(path=SHOTS.format(f"totp-{width}"), full_page=True)
    device = TOTPDevice.objects.get(user=root)
    page.get_by_label("六位验证码").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="验证").click()

    page.goto("/admin/")
    expect(page).to_have_url("/admin/")


def test_a_directory_account_logs_in_and_changes_its_password_in_the_directory(
    page, ldap_on, settings
):
    up = settings.ZHENGGAI_LDAP_URL
    settings.ZHENGGAI_LDAP_URL = [f"ldap://127.0.0.1:{free_port()}"]
    page.goto("/login/")
    type_login(page, "zhangsan", ldap_on.password_of("zhangsan"))
    expect(page.get_by_role("alert")).to_contain_text("暂时连不上单位的目录服务")
    for width, size in SIZES.items():
        page.set_viewport_size(size)
        page.screenshot(path=SHOTS.format(f"directory-down-{width}"), full_page=True)

    settings.ZHENGGAI_LDAP_URL = up
    page.set_viewport_size(SIZES[1366])
    type_login(page, "zhangsan", ldap_on.password_of("zhangsan"))
    expect(page.get_by_text("目前没有等您处理的事项")).to_be_visible()
    page.get_by_role("link", name="修改密码").click()

    expect(page.get_by_role("status")).to_contain_text("密码由目录服务管理")
    expect(page.get_by_label("当前密码")).to_have_count(0)
    for width, size in SIZES.items():
        page.set_viewport_size(size)
        page.screenshot(path=SHOTS.format(f"directory-password-{width}"), full_page=True)

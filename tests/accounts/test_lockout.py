"""Five failed logins within fifteen minutes lock the login name and the address they came from
for fifteen minutes; the login page says so in Chinese with the time left. Time passes by
moving the recorded failures back, never by sleeping."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

from tests.factories import PASSWORD

LOCKED = "登录失败次数过多"


def try_login(client, username, password="wrong-Password-1", **extra):
    return client.post("/login/", {"username": username, "password": password}, **extra)


def fail(client, username, times=5, **extra):
    return [try_login(client, username, **extra).status_code for _ in range(times)]


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def let_pass(minutes: int) -> None:
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=minutes)
    )


def test_a_wrong_password_warns_of_the_lockout(client, court_reporter):
    page = try_login(client, "court").content.decode()

    assert "用户名或密码不正确" in page
    assert "连续输错 5 次将锁定 15 分钟" in page


def test_five_failures_lock_the_account_even_with_the_right_password(client, court_reporter):
    assert fail(client, "court") == [200, 200, 200, 200, 429]

    response = try_login(client, "court", PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page and "请在 15 分钟后" in page and "联系系统管理员" in page
    assert not logged_in(client)


def test_four_failures_do_not_lock(client, court_reporter):
    fail(client, "court", times=4)

    try_login(client, "court", PASSWORD)

    assert logged_in(client)


def test_the_account_is_locked_from_every_address(court_reporter):
    for n in range(5):
        try_login(Client(), "court", REMOTE_ADDR=f"10.1.1.{n}")

    response = try_login(Client(), "court", PASSWORD, REMOTE_ADDR="10.1.1.99")

    assert response.status_code == 429


def test_the_address_is_locked_for_every_account(client, court_reporter):
    for n in range(5):
        try_login(client, f"guess{n}")

    response = try_login(client, "court", PASSWORD)

    assert response.status_code == 429 and LOCKED in response.content.decode()


def test_the_page_counts_down_the_time_left(client, court_reporter):
    fail(client, "court")
    let_pass(minutes=10)

    assert "请在 5 分钟后" in try_login(client, "court", PASSWORD).content.decode()


def test_the_lock_is_released_after_fifteen_minutes(client, court_reporter):
    fail(client, "court")
    let_pass(minutes=15)

    try_login(client, "court", PASSWORD)

    assert logged_in(client)


def test_an_administrator_unlocks_at_once(client, court_reporter):
    fail(client, "court")

    call_command("axes_reset_username", "court")
    call_command("axes_reset_ip", "127.0.0.1")
    try_login(client, "court", PASSWORD)

    assert logged_in(client)


def test_an_administrator_sees_the_lock_in_the_admin(client, court_reporter):
    fail(client, "court")
    admin = Client()
    admin.force_login(court_reporter.__class__.objects.create_superuser("root", password=PASSWORD))

    page = admin.get("/admin/axes/accessattempt/").content.decode()

    assert "court" in page


@pytest.mark.parametrize("limit, minutes", [(3, 30)])
def test_the_limit_and_the_time_are_settings(client, court_reporter, settings, limit, minutes):
    settings.AXES_FAILURE_LIMIT = limit
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=minutes)
    fail(client, "court", times=limit)

    assert "请在 30 分钟后" in try_login(client, "court", PASSWORD).content.decode()


def test_a_program_gets_the_lockout_as_chinese_json(client, court_reporter):
    fail(client, "court")

    response = try_login(client, "court", PASSWORD, HTTP_ACCEPT="application/json")

    assert response.status_code == 429
    assert response.json()["detail"].startswith(LOCKED)


def test_behind_nginx_each_browser_address_counts_apart(court_reporter, settings):
    settings.ZHENGGAI_CLIENT_ADDRESS_HEADER = "X-Real-IP"
    for n in range(5):
        try_login(Client(), f"guess{n}", HTTP_X_REAL_IP="10.2.2.2")

    try_login(proxied := Client(), "court", PASSWORD, HTTP_X_REAL_IP="10.2.2.3")

    assert logged_in(proxied)


def test_the_admin_login_is_locked_alike(client, court_reporter):
    for _ in range(5):
        client.post("/admin/login/", {"username": "court", "password": "wrong-Password-1"})

    response = try_login(client, "court", PASSWORD)

    assert response.status_code == 429 and LOCKED in response.content.decode()

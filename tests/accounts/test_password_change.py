"""Every login changes its own password from the top bar; one that an administrator created or
whose password an administrator reset must change it before doing anything else."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import PASSWORD, UserFactory
from zhenggai.accounts.models import PasswordChangeDue

NEW = "Another-secret-42"
FIRST = "Given-by-admin-1"


def change(client, old=PASSWORD, new=NEW, again=None):
    data = {"old_password": old, "new_password1": new, "new_password2": again or new}
    return client.post("/password/", data)


def log_in(username, password) -> Client:
    client = Client()
    client.post("/login/", {"username": username, "password": password})
    return client


@pytest.fixture
def administrator(db):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(root)
    return client


def test_the_top_bar_links_to_the_change_page(client, court_reporter):
    client.force_login(court_reporter)

    assert 'href="/password/"' in client.get("/").content.decode()


def test_a_person_changes_their_password(client, court_reporter):
    client.force_login(court_reporter)

    response = change(client)

    assert response.status_code == 302
    court_reporter.refresh_from_db()
    assert court_reporter.check_password(NEW)
    assert "密码已修改" in client.get(response["Location"]).content.decode()


def test_a_wrong_current_password_changes_nothing(client, court_reporter):
    client.force_login(court_reporter)

    page = change(client, old="Not-my-password-1").content.decode()

    assert "旧密码不正确" in page
    court_reporter.refresh_from_db()
    assert court_reporter.check_password(PASSWORD)


def test_a_new_password_against_the_rules_is_explained(client, court_reporter):
    client.force_login(court_reporter)

    page = change(client, new="court-2026").content.decode()

    assert "至少 10 位" in page and "不能包含用户名" in page and "至少 3 类" in page
    court_reporter.refresh_from_db()
    assert court_reporter.check_password(PASSWORD)


def test_the_page_states_the_rules(client, court_reporter):
    client.force_login(court_reporter)

    page = client.get("/password/").content.decode()

    assert "至少 10 位" in page and "不能与最近 5 次用过的密码相同" in page


def test_a_login_the_administrator_creates_must_change_at_first_login(administrator):
    administrator.post(
        "/admin/auth/user/add/",
        {"username": "newclerk", "usable_password": "true", "password1": FIRST, "password2": FIRST},
    )
    clerk = log_in("newclerk", FIRST)

    assert clerk.get("/").url == "/password/"
    assert "请先设置您自己的新密码" in clerk.get("/password/").content.decode()
    assert clerk.get("/api/me").json()["detail"].startswith("请先修改密码")

    change(clerk, old=FIRST)

    assert clerk.get("/").status_code == 200
    assert not PasswordChangeDue.objects.exists()


def test_a_password_the_administrator_resets_must_be_changed(administrator, court_reporter):
    response = administrator.post(
        f"/admin/auth/user/{court_reporter.pk}/password/",
        {"usable_password": "true", "password1": FIRST, "password2": FIRST},
    )
    assert response.status_code == 302

    court = log_in("court", FIRST)

    assert court.get("/dashboard/").url == "/password/"
    assert court.get("/", headers={"HX-Request": "true"})["HX-Redirect"] == "/password/"


def test_an_administrator_resetting_their_own_password_keeps_it(db):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(root)

    client.post(
        f"/admin/auth/user/{root.pk}/password/",
        {"usable_password": "true", "password1": FIRST, "password2": FIRST},
    )

    assert not PasswordChangeDue.objects.exists()
    assert log_in("root", FIRST).get("/").status_code == 200


def test_the_admin_refuses_a_password_against_the_rules(administrator):
    page = administrator.post(
        "/admin/auth/user/add/",
        {"username": "lazy", "usable_password": "true", "password1": "lazy", "password2": "lazy"},
    ).content.decode()

    assert "至少 10 位" in page
    assert not get_user_model().objects.filter(username="lazy").exists()


def test_a_person_may_log_out_before_changing(administrator, court_reporter):
    administrator.post(
        f"/admin/auth/user/{court_reporter.pk}/password/",
        {"usable_password": "true", "password1": FIRST, "password2": FIRST},
    )
    court = log_in("court", FIRST)

    assert court.post("/logout/").url == "/login/"

"""Who may call the API: a bearer token, or a logged-in browser session with CSRF."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from tests.api.conftest import ApiClient
from tests.factories import UserFactory
from zhenggai.api.models import ApiToken, digest_of


def test_it_asks_an_anonymous_caller_to_authenticate_in_chinese(anonymous):
    response = anonymous.get("/api/rounds")
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_it_accepts_a_bearer_token(api_as, court_reporter):
    response = api_as(court_reporter).get("/api/me")
    assert response.status_code == 200
    assert response.json()["person"]["name"] == "陈法官"


def test_it_stores_only_a_digest_and_a_short_prefix(court_reporter):
    token, raw = ApiToken.objects.issue(court_reporter, "大屏")
    assert token.digest == digest_of(raw) and raw not in token.digest
    assert raw.startswith(token.prefix) and len(token.prefix) < len(raw) // 3


def test_it_records_when_a_token_was_last_used(court_reporter):
    token, raw = ApiToken.objects.issue(court_reporter, "大屏")
    ApiClient(raw).get("/api/me")
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_it_refuses_a_wrong_token(db):
    response = ApiClient("zg_not-a-token").get("/api/rounds")
    assert response.status_code == 401
    assert response.json()["detail"] == "令牌无效、已过期或已被吊销。"


def test_it_refuses_a_revoked_token(court_reporter):
    token, raw = ApiToken.objects.issue(court_reporter, "大屏")
    token.revoke()
    assert ApiClient(raw).get("/api/rounds").status_code == 401


def test_it_refuses_an_expired_token(court_reporter):
    expired = timezone.now() - datetime.timedelta(seconds=1)
    _, raw = ApiToken.objects.issue(court_reporter, "大屏", expires_at=expired)
    assert ApiClient(raw).get("/api/rounds").status_code == 401


def test_it_refuses_the_token_of_a_deactivated_user(court_reporter):
    _, raw = ApiToken.objects.issue(court_reporter, "大屏")
    court_reporter.is_active = False
    court_reporter.save()
    assert ApiClient(raw).get("/api/rounds").status_code == 401


def test_it_accepts_a_logged_in_session_for_reading(demo_round, court_reporter):
    client = Client(enforce_csrf_checks=True)
    client.force_login(court_reporter)
    assert ApiClient(client=client).get("/api/rounds").status_code == 200


def test_it_refuses_a_session_write_without_the_csrf_token(demo_round, leader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader)
    response = ApiClient(client=client).post(
        f"/api/rounds/{demo_round['round'].pk}/categories", {"title": "新方面"}
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_it_accepts_a_session_write_with_the_csrf_token(demo_round, leader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader)
    client.get("/api/docs")  # the docs page sets the CSRF cookie it sends back
    response = client.post(
        f"/api/rounds/{demo_round['round'].pk}/categories",
        {"title": "新方面"},
        content_type="application/json",
        headers={"x-csrftoken": client.cookies["csrftoken"].value},
    )
    assert response.status_code == 201


def test_the_createtoken_command_prints_a_working_token_once(court_reporter):
    out = io.StringIO()
    call_command("createtoken", "court", "--name", "数据大屏", "--days", "30", stdout=out)
    raw = out.getvalue().strip()
    assert ApiClient(raw).get("/api/me").status_code == 200
    token = ApiToken.objects.get(user=court_reporter)
    assert token.name == "数据大屏" and token.expires_at > timezone.now()


def test_the_createtoken_command_refuses_an_unknown_user_in_chinese(db):
    with pytest.raises(CommandError, match="没有找到"):
        call_command("createtoken", "nobody", "--name", "x", stdout=io.StringIO())


def test_the_admin_shows_a_new_token_once_and_it_works(client, court_reporter):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    form = {"user": court_reporter.pk, "name": "数据大屏", "expires_at_0": "", "expires_at_1": ""}
    response = client.post("/admin/api/apitoken/add/", form, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    raw = re.search(r"zg_\S+", shown[0]).group()
    assert ApiClient(raw).get("/api/me").json()["username"] == "court"
    assert raw not in client.get("/admin/api/apitoken/").content.decode()


def test_the_admin_revokes_tokens(client, court_reporter):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    token, raw = ApiToken.objects.issue(court_reporter, "大屏")
    client.force_login(admin)
    form = {"action": "revoke", "_selected_action": [token.pk]}
    client.post("/admin/api/apitoken/", form)
    assert ApiClient(raw).get("/api/me").status_code == 401

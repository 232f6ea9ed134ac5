"""A session ends thirty minutes after its last use (ZHENGGAI_IDLE_MINUTES), and nothing a
logged-in person gets may be stored by the browser or a proxy. Time passes by moving the
session's recorded expiry, never by sleeping."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.api.conftest import ApiClient
from tests.carryout.conftest import report
from tests.carryout.samples import upload
from zhenggai.accounts.services import LAST_USE_KEY
from zhenggai.api.models import ApiToken
from zhenggai.carryout.models import Evidence

MINUTE = datetime.timedelta(minutes=1)


def session_row(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def minutes_left(client) -> float:
    return (session_row(client).expire_date - timezone.now()) / MINUTE


def idle_for(client, minutes: int) -> None:
    """As if the session had last been used `minutes` ago."""
    session = client.session
    session[LAST_USE_KEY] = int(timezone.now().timestamp()) - minutes * 60
    session.save()
    row = session_row(client)
    row.expire_date = timezone.now() + (30 - minutes) * MINUTE
    row.save()


@pytest.fixture
def as_court(client, court_reporter):
    client.force_login(court_reporter)
    return client


def test_a_session_lasts_thirty_minutes(as_court):
    as_court.get("/")

    assert 29.5 < minutes_left(as_court) <= 30


def test_using_the_session_moves_its_end(as_court):
    idle_for(as_court, 25)

    assert as_court.get("/").status_code == 200
    assert 29.5 < minutes_left(as_court) <= 30
    assert as_court.cookies["sessionid"]["max-age"] == 1800


def test_a_session_idle_for_thirty_minutes_is_over(as_court):
    idle_for(as_court, 30)
    row = session_row(as_court)
    row.expire_date = timezone.now() - datetime.timedelta(seconds=1)
    row.save()

    response = as_court.get("/")

    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_idle_time_is_a_setting(client, court_reporter, settings):
    settings.SESSION_COOKIE_AGE = 10 * 60
    client.force_login(court_reporter)
    client.get("/")

    assert 9.5 < minutes_left(client) <= 10


def test_logged_in_pages_are_not_stored(as_court):
    for path in ["/", reverse("dashboard:dashboard"), reverse("password_change")]:
        assert "no-store" in as_court.get(path)["Cache-Control"], path


def test_downloads_are_not_stored(as_court, demo_round, court_reporter, media):
    report(
        court_reporter,
        demo_round["problems"]["court"].measures.get(number=1),
        files=[upload("a.pdf")],
    )

    response = as_court.get(reverse("carryout:evidence_download", args=[Evidence.objects.get().pk]))

    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_token_answers_are_not_stored(court_reporter):
    _, raw = ApiToken.objects.issue(court_reporter, "大屏")

    assert "no-store" in ApiClient(raw).get("/api/me")["Cache-Control"]

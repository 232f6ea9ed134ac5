"""While another program holds SQLite's write lock past the busy timeout, a login, a page's
write, an API write and a token call are answered 503 in Chinese (JSON on the API), never 500,
and nothing is written; once the lock is gone the same write goes through. Runs on a file
database as zhenggai runs it (tests/file_database.py), with a busy timeout of 0.3 s. A lock met
after the view, saving the session, gets the same 503."""

import sqlite3
from contextlib import contextmanager

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError, connection
from django.test import Client

from tests.api.conftest import ApiClient
from tests.factories import PASSWORD
from tests.file_database import IN_MEMORY_SQLITE
from zhenggai.accounts.services import LAST_USE_KEY
from zhenggai.api.models import ApiToken
from zhenggai.ledger.models import Claim, Event

pytestmark = pytest.mark.django_db(transaction=True)
BUSY = "系统繁忙"


@contextmanager
def write_lock():
    """Another program takes the database's write lock and keeps it."""
    holder = sqlite3.connect(connection.settings_dict["NAME"])
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


def written() -> tuple[int, int]:
    return Claim.objects.count(), Event.objects.count()


@pytest.mark.skipif(
    IN_MEMORY_SQLITE or connection.vendor != "sqlite", reason="run on a file database below"
)
def test_writes_under_a_held_lock_get_503_and_write_nothing(demo_round, leader, court_reporter):
    problem = demo_round["problems"]["court"]
    web = Client()
    web.force_login(leader)
    _, token = ApiToken.objects.issue(court_reporter, "大屏")
    before = written()

    with write_lock():
        login = Client().post("/login/", {"username": "court", "password": PASSWORD})
        page = web.post(f"/problems/{problem.pk}/claim/", {"note": "由我牵头"})
        api = ApiClient(client=web).post(f"/api/problems/{problem.pk}/claim", {"note": "由我牵头"})
        token_call = ApiClient(token).get("/api/me")

    for response in (login, page):
        assert response.status_code == 503 and BUSY in response.content.decode()
        assert response["Retry-After"] == "5"
    for response in (api, token_call):
        assert response.status_code == 503 and response.json()["detail"].startswith(BUSY)
    assert written() == before

    assert web.post(f"/problems/{problem.pk}/claim/", {"note": "由我牵头"}).status_code == 302
    assert Claim.objects.filter(problem=problem, claimed_by=leader).count() == 1


@pytest.mark.skipif(not IN_MEMORY_SQLITE, reason="the database is not SQLite in memory")
def test_a_held_lock_gets_503_on_a_file_database(tmp_path, on_a_file_database):
    name = "test_writes_under_a_held_lock_get_503_and_write_nothing"
    busy = {"ZHENGGAI_SQLITE_BUSY_MS": "300"}
    assert "1 passed" in on_a_file_database(__file__, name, tmp_path, busy)


def test_a_lock_met_saving_the_session_on_the_way_out_is_busy_too(
    client, court_reporter, monkeypatch
):
    client.force_login(court_reporter)
    session = client.session
    session[LAST_USE_KEY] = 0  # so this request saves the session again
    session.save()

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(SessionStore, "save", locked)
    client.raise_request_exception = False
    response = client.get("/")

    assert response.status_code == 503 and BUSY in response.content.decode()

"""Fifty progress reports on one measure, posted at the same moment over HTTP to a real
threaded server (pytest-django's live_server), each through the JSON API with the unit's
token and an evidence photo, as fifty programs would: every one is answered 201 and lands
once, and the ids the server answered are the stored reports, in the order they were stored,
which the events and the measure agree on (the facts of tests/carryout/race.py).

On PostgreSQL the test runs as it is. On SQLite the suite's test database lives in memory,
and live_server then shares that one connection among all its request threads, which proves
nothing about concurrency; so there the same test runs again in a child pytest whose test
database is a file in WAL mode with IMMEDIATE transactions, as zhenggai runs SQLite
(tests/carryout/file_database_settings.py)."""

import datetime
import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from tests.carryout.race import EXPECTED, FIRST_DAY, WRITERS, outcome
from tests.carryout.samples import PNG, upload
from tests.file_database import IN_MEMORY_SQLITE
from zhenggai.api.models import ApiToken
from zhenggai.carryout.models import ProgressReport

pytestmark = pytest.mark.django_db(transaction=True)
# Django's test server listens with a backlog of 10, so most of fifty connections opened at
# once would be reset before reaching zhenggai; gunicorn (`zhenggai serve`) keeps its default.
GUNICORN_BACKLOG = 2048


def _call(request: urllib.request.Request) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, {"error": error.read().decode(errors="replace")}


def post_at_once(url: str, token: str) -> list[tuple[int, dict]]:
    """Writer n reports 第n份进展报告 as of FIRST_DAY + n days, each from its own thread, all
    sending at the same moment. The answers, (status, body), in writer order."""
    start = threading.Barrier(WRITERS)

    def write(n: int) -> tuple[int, dict]:
        fields = {
            "as_of": (FIRST_DAY + datetime.timedelta(days=n)).isoformat(),
            "text": f"第{n}份进展报告。",
            "status": "in_progress",
            "files": [upload(f"照片{n}.png", PNG)],
        }
        request = urllib.request.Request(
            url,
            data=encode_multipart(BOUNDARY, fields),
            method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": MULTIPART_CONTENT},
        )
        try:
            start.wait(timeout=30)
            return _call(request)
        except Exception as error:  # noqa: BLE001 -- every failure is reported by the test
            return 0, {"error": f"{type(error).__name__}: {error}"}

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        return list(pool.map(write, range(WRITERS), timeout=120))


@pytest.mark.skipif(IN_MEMORY_SQLITE, reason="run on a file database by the next test")
def test_fifty_reports_posted_at_once_all_land_in_order(
    fifty_connections, live_server, measures, court_reporter, media
):
    if connection.vendor == "sqlite":  # as zhenggai runs it, not the in-memory test database
        assert connection.cursor().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    live_server.thread.httpd.socket.listen(GUNICORN_BACKLOG)  # see GUNICORN_BACKLOG
    measure = measures["court"]
    _, token = ApiToken.objects.issue(court_reporter, "并发报送")
    answers = post_at_once(f"{live_server.url}/api/measures/{measure.pk}/reports", token)

    refused = [(n, status, body) for n, (status, body) in enumerate(answers) if status != 201]
    assert refused == []
    bodies = [body for _, body in answers]
    assert [body["text"] for body in bodies] == [f"第{n}份进展报告。" for n in range(WRITERS)]
    # The ids answered are exactly the stored reports, each with the text its writer sent.
    stored = ProgressReport.objects.filter(measure=measure).order_by("pk")
    assert list(stored.values_list("pk", "text")) == sorted((b["id"], b["text"]) for b in bodies)
    # In the order of those ids the server stamped them, one after the other.
    by_id = sorted(bodies, key=lambda body: body["id"])
    times = [datetime.datetime.fromisoformat(body["submitted_at"]) for body in by_id]
    assert times == sorted(times)
    assert outcome(measure.pk) == EXPECTED
    assert len(list(media.rglob("*.png"))) == WRITERS

    request = urllib.request.Request(
        f"{live_server.url}/api/measures/{measure.pk}", headers={"Authorization": f"Bearer {token}"}
    )
    status, shown = _call(request)
    assert status == 200
    assert (shown["status"], shown["last_reported_on"]) == (
        EXPECTED["status"],
        EXPECTED["last_reported_on"],
    )


@pytest.mark.skipif(not IN_MEMORY_SQLITE, reason="the database is not SQLite in memory")
def test_they_also_land_over_http_on_a_file_database_in_wal_mode(tmp_path, on_a_file_database):
    name = "test_fifty_reports_posted_at_once_all_land_in_order"
    assert "1 passed" in on_a_file_database(__file__, name, tmp_path)

"""Hostile or broken input to the carry-out pages gets a message or a 404, never a 500."""

import pytest
from django.urls import reverse

from tests.carryout.conftest import report
from zhenggai.carryout.models import ProgressReport

HUGE = 10**30


@pytest.fixture
def as_court(client, court_reporter):
    client.force_login(court_reporter)
    return client


@pytest.mark.parametrize(
    "path",
    [
        f"/measures/{HUGE}/reports/",
        f"/measures/{HUGE}/reports/new/",
        f"/measures/{HUGE}/verify/",
        f"/problems/{HUGE}/checks/",
        f"/evidence/{HUGE}/",
        "/evidence/0/",
    ],
)
def test_ids_out_of_range_are_not_found(as_court, path):
    assert as_court.get(path).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"as_of": "2023-13-45"},
        {"as_of": "９９９９-01-01"},
        {"as_of": "'; DROP TABLE carryout_progressreport; --"},
        {"percent": "-1"},
        {"percent": "1e9"},
        {"percent": str(HUGE)},
        {"status": "closed"},
        {"text": "x" * 5001},
        {"text": "\x00"},
        {"text": "<script>alert(1)</script>\u202e"},
        {"corrects": "abc"},
        {"corrects": str(HUGE)},
    ],
)
def test_hostile_report_input_gets_a_message(as_court, measures, data):
    values = {"as_of": "2023-10-20", "status": "in_progress", "text": "已推进。", **data}
    url = reverse("carryout:report_create", args=[measures["court"].pk])
    response = as_court.post(url, values)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert not ProgressReport.objects.exists()
    else:  # the one that is fine: a script is only text, shown escaped
        assert ProgressReport.objects.get().text.startswith("<script>")


def test_a_script_in_a_report_is_shown_as_text(as_court, measures, court_reporter, demo_round):
    report(court_reporter, measures["court"], text="<script>alert(1)</script>")
    page = as_court.get(reverse("ledger:problem_detail", args=[demo_round["problems"]["court"].pk]))
    assert "<script>alert(1)" not in page.content.decode()
    assert "&lt;script&gt;alert(1)" in page.content.decode()


def test_a_page_number_that_is_not_one_still_shows_the_history(as_court, measures):
    url = reverse("carryout:report_list", args=[measures["court"].pk])
    assert as_court.get(url, {"page": "x' OR 1=1"}).status_code == 200
    assert as_court.get(url, {"corrects": "-1"}).status_code == 200

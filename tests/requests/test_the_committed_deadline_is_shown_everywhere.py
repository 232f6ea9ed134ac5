"""Once an extension is approved, whoever reads a deadline sees the committed one beside it:
the ledger (a measure's deadline, a problem's nearest one) and its print layout, the problem,
unit and home pages, the edit form, the dashboard's red list and its API, a reminder, and the
plan the office hands out (the Excel ledger:
tests/importer/test_an_extended_deadline_comes_back.py)."""

import pytest
from django.urls import reverse

from tests.requests.conftest import ask, in_days
from tests.requests.test_pages import logged_in, text_of
from zhenggai.documents import services as documents
from zhenggai.ledger.models import Measure
from zhenggai.requests import services
from zhenggai.supervision import services as supervision
from zhenggai.supervision.models import Notification

SHOWN = "（原定 2023-12-31，已延期）"


@pytest.fixture
def extended(measure, court_reporter, office_clerk):
    """The court's measure (committed 2023-12-31) extended, and since missed again: red."""
    services.approve(office_clerk, ask(court_reporter, measure), version=measure.version)
    Measure.objects.filter(pk=measure.pk).update(
        deadline=in_days(-3), light="red", person_in_charge=court_reporter.person
    )
    return Measure.objects.get(pk=measure.pk)


def pages(measure):
    round_ = measure.round_id
    return {
        "ledger": reverse("ledger:ledger", args=[round_]) + "?view=measures",
        "print": reverse("ledger:ledger", args=[round_]) + "?view=measures&print=1",
        "problem": reverse("ledger:problem_detail", args=[measure.problem_id]),
        "unit": reverse("ledger:unit_detail", args=[measure.lead_unit_id]),
        "edit": reverse("ledger:measure_edit", args=[measure.pk]),
        "dashboard": reverse("dashboard:round_dashboard", args=[round_]),
    }


def test_the_office_s_pages_show_the_committed_deadline(extended, office_clerk):
    office = logged_in(office_clerk)
    for name, url in pages(extended).items():
        page = text_of(office.get(url)).replace(" ", "")
        assert "原定2023-12-31" in page, name


def test_the_problem_list_names_it_beside_the_problem_s_nearest_deadline(extended, office_clerk):
    problems = reverse("ledger:ledger", args=[extended.round_id]) + "?view=problems"
    office = logged_in(office_clerk)
    # The problem's other measure is due first: the nearest deadline was not moved.
    assert "原定" not in text_of(office.get(problems))
    Measure.objects.filter(problem=extended.problem).exclude(pk=extended.pk).update(
        deadline=in_days(30)
    )
    page = text_of(office.get(problems)).replace(" ", "")
    assert f"{in_days(-3):%Y-%m-%d}{SHOWN}".replace(" ", "") in page


def test_the_unit_s_home_shows_it(extended, court_reporter):
    home = text_of(logged_in(court_reporter).get(reverse("ledger:home")))
    assert f"{in_days(-3):%Y-%m-%d}" in home and SHOWN.replace(" ", "") in home.replace(" ", "")


def test_the_dashboard_api_gives_it(extended, office_clerk):
    data = logged_in(office_clerk).get(f"/api/rounds/{extended.round_id}/dashboard").json()
    red = next(row for row in data["red_list"] if row["id"] == extended.pk)
    assert (red["deadline"], red["original_deadline"]) == (f"{in_days(-3)}", "2023-12-31")


def test_a_reminder_names_both_dates(extended, office_clerk, court_reporter):
    supervision.remind(office_clerk, extended)
    body = Notification.objects.get(recipient=court_reporter, title__startswith="催办").body
    assert f"完成时限：{in_days(-3):%Y-%m-%d}{SHOWN}。" in body


def test_the_plan_says_it(extended, office_clerk):
    plan = documents.build(office_clerk, "plan", extended.round)
    text = "\n".join(block.text for block in plan.blocks)
    assert "（原定2023年12月31日，经批准延期）" in text

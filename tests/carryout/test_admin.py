"""The admin shows the carry-out records for looking things up; nobody edits them there."""

import pytest
from django.urls import reverse

from tests.carryout.conftest import AS_OF, close
from tests.carryout.samples import upload
from tests.factories import UserFactory
from zhenggai.carryout import services
from zhenggai.carryout.models import ProgressReport


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def records(measures, court_reporter, office_clerk):
    services.submit_report(
        court_reporter,
        measures["tribunal"],
        as_of=AS_OF,
        text="进展。",
        status="in_progress",
        files=[upload("a.pdf")],
    )
    close(measures["tribunal"], court_reporter, office_clerk)
    services.reopen_measure(office_clerk, measures["tribunal"], "复查。", is_rebound=True)


@pytest.mark.parametrize("model", ["progressreport", "verification", "evidence", "reopening"])
def test_every_list_opens_and_nothing_can_be_added(admin_client, records, model):
    assert admin_client.get(reverse(f"admin:carryout_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:carryout_{model}_add")).status_code == 403


def test_a_report_cannot_be_changed_or_deleted(admin_client, records):
    report = ProgressReport.objects.first()
    response = admin_client.post(reverse("admin:carryout_progressreport_change", args=[report.pk]))
    assert response.status_code == 403
    url = reverse("admin:carryout_progressreport_delete", args=[report.pk])
    assert admin_client.get(url).status_code == 403

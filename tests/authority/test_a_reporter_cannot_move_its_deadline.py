"""The issue's first finding, tried on every path: the court's reporter may not move its
overdue measure's deadline (2023-12-31) to 9999-12-31 or any other day, on the edit page
(plain or htmx), through the API, by importing a ledger, in a batch, or by approving its own
extension request on the page, through the API or on the command line. Each is refused with
the reason and the deadline stays; the extension request is the way, decided by the office."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.requests.conftest import ask
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Measure

COMMITTED = datetime.date(2023, 12, 31)
ASK = "请提出延期申请，由整改办审批。"


@pytest.fixture
def measure(demo_round):
    return demo_round["problems"]["court"].measures.get(number=1)


@pytest.fixture(autouse=True)
def deadline_stays(measure):
    assert measure.deadline == COMMITTED
    yield
    assert Measure.objects.get(pk=measure.pk).deadline == COMMITTED


@pytest.mark.parametrize("htmx", [False, True])
def test_on_the_edit_page(client, measure, court_reporter, htmx):
    client.force_login(court_reporter)
    response = client.post(
        reverse("ledger:measure_edit", args=[measure.pk]),
        {"deadline": "9999-12-31", "version": measure.version},
        headers={"HX-Request": "true"} if htmx else {},
    )
    assert response.status_code == 403
    assert "data-error-reason>您无权修改“完成时限”" in response.content.decode()
    assert ASK in response.content.decode()


def test_through_the_api(api_as, measure, court_reporter):
    response = api_as(court_reporter).patch(
        f"/api/measures/{measure.pk}", {"deadline": "2027-01-31", "version": measure.version}
    )
    assert response.status_code == 403 and ASK in response.json()["detail"]


def test_by_importing_a_ledger(tmp_path, demo_round, measure, court_reporter):
    ledger = tmp_path / "台账.txt"
    ledger.write_text("一、问题\n1. 问题。\n整改措施：学习。\n完成时限：9999年12月31日", "utf-8")
    with pytest.raises(CommandError, match="只有本轮整改牵头单位的用户可以修改轮次和问题清单。"):
        call_command("import", str(ledger), "--round", demo_round["round"].pk, "--user", "court")
    assert not ImportBatch.objects.exists()


def test_in_a_batch(client, demo_round, measure, court_reporter):
    client.force_login(court_reporter)
    response = client.post(
        reverse("ledger:measure_batch", args=[demo_round["round"].pk]),
        {"action": "deadline", "measures": [measure.pk], "deadline": "9999-12-31"},
    )
    assert response.status_code == 403
    assert "只有本轮整改牵头单位（整改办）可以批量处理措施。" in response.content.decode()


def test_by_approving_its_own_request(client, api_as, measure, court_reporter):
    request = ask(court_reporter, measure, days=60)
    refused = "只有本轮整改办或审批领导可以审批延期申请。"

    client.force_login(court_reporter)
    page = client.post(
        reverse("requests:extensions_approve", args=[request.pk]),
        {"note": "同意", "version": measure.version},
    )
    assert page.status_code == 403 and refused in page.content.decode()

    api = api_as(court_reporter).post(
        f"/api/extension-requests/{request.pk}/approve", {"version": measure.version}
    )
    assert api.status_code == 403 and refused in api.json()["detail"]

    with pytest.raises(CommandError, match=refused):
        call_command("requests", "--user", "court", "--approve", f"E{request.pk}")

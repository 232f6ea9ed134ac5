"""The office answers for a measure its own unit leads: the clerk of the 整改办 may not move
the deadline of a measure the 整改办 itself leads, on the page (which does not offer it) or
through the API, though it still moves another unit's. It asks for an extension like any
unit; the round's approving leader decides, the committed deadline stays beside the new one,
and neither the clerk nor another clerk of the same 整改办 may decide it."""

import datetime

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.urls import reverse

from tests.factories import MeasureFactory, PersonFactory, UserFactory, grant
from tests.requests.conftest import ask, in_days
from zhenggai.authority.models import Role
from zhenggai.documents import services as documents
from zhenggai.importer import services as importer
from zhenggai.ledger.models import Measure
from zhenggai.requests import services

COMMITTED = datetime.date(2023, 12, 31)
WHY = "该措施由您所在单位（或其下级单位）牵头，这些是本单位向巡视作出的承诺，不能自行更改。"
ASK = "如需调整完成时限，请提出延期申请，由本轮审批领导或本单位以外的整改办同志审批。"


@pytest.fixture
def own(units, demo_round):
    """A measure the 整改办 itself leads."""
    problem = demo_round["problems"]["court"]
    return MeasureFactory(problem=problem, number=3, lead_unit=units["office"], deadline=COMMITTED)


def test_on_the_page_it_is_refused_and_nothing_changes(client, own, office_clerk):
    client.force_login(office_clerk)
    response = client.post(
        reverse("ledger:measure_edit", args=[own.pk]),
        {"deadline": "2027-01-31", "version": own.version},
    )
    assert response.status_code == 403
    assert WHY in response.content.decode() and ASK in response.content.decode()
    assert Measure.objects.get(pk=own.pk).deadline == COMMITTED


def test_through_the_api_it_is_refused_and_nothing_changes(api_as, own, office_clerk):
    response = api_as(office_clerk).patch(
        f"/api/measures/{own.pk}", {"deadline": "2027-01-31", "version": own.version}
    )
    assert response.status_code == 403
    assert WHY + ASK in response.json()["detail"]
    assert Measure.objects.get(pk=own.pk).deadline == COMMITTED


@pytest.mark.parametrize(
    ("field", "value"), [("text", "改为按月通报。"), ("kind", "ongoing"), ("deliverable", "通报")]
)
def test_nor_its_text_kind_or_deliverable(api_as, own, office_clerk, field, value):
    response = api_as(office_clerk).patch(
        f"/api/measures/{own.pk}", {field: value, "version": own.version}
    )
    assert response.status_code == 403 and WHY in response.json()["detail"]
    assert "请提出变更申请" in response.json()["detail"]
    assert getattr(Measure.objects.get(pk=own.pk), field) == getattr(own, field)


def test_nor_in_a_batch(client, own, office_clerk):
    client.force_login(office_clerk)
    response = client.post(
        reverse("ledger:measure_batch", args=[own.round_id]),
        {"action": "deadline", "measures": [own.pk], "deadline": "2027-01-31"},
        follow=True,
    )
    assert WHY in response.content.decode()
    assert Measure.objects.get(pk=own.pk).deadline == COMMITTED


def test_nor_by_bringing_back_the_ledger(tmp_path, own, office_clerk):
    path = tmp_path / "台账.xlsx"
    documents.export_ledger(office_clerk, own.round, QueryDict(), path)
    book = openpyxl.load_workbook(path)
    sheet = book["整改台账"]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 1).value == own.code)
    sheet.cell(row, 8).value = datetime.datetime(2027, 1, 31)
    book.save(path)
    batch = importer.upload(office_clerk, own.round, "台账.xlsx", path.read_bytes())
    with pytest.raises(ValidationError, match=WHY):
        importer.apply(office_clerk, batch)
    assert Measure.objects.get(pk=own.pk).deadline == COMMITTED


def offers_deadline(client, measure) -> bool:
    page = client.get(reverse("ledger:measure_edit", args=[measure.pk])).content.decode()
    return 'name="deadline"' in page


def test_another_units_measure_it_still_changes(client, api_as, demo_round, own, office_clerk):
    court = demo_round["problems"]["court"].measures.get(number=1)
    client.force_login(office_clerk)
    assert offers_deadline(client, court) and not offers_deadline(client, own)
    api = api_as(office_clerk).patch(
        f"/api/measures/{court.pk}", {"deadline": "2027-02-28", "version": court.version}
    )
    assert api.status_code == 200
    assert Measure.objects.get(pk=court.pk).deadline == datetime.date(2027, 2, 28)


def test_it_asks_and_the_approving_leader_decides(client, units, own, office_clerk):
    secretary = UserFactory(username="secretary")
    PersonFactory(unit=units["committee"], user=secretary, name="吴副书记", is_leader=True)
    grant(secretary, Role.LEADER, units["committee"])
    colleague = UserFactory(username="colleague")
    PersonFactory(unit=units["office"], user=colleague, name="李干事")
    grant(colleague, Role.OFFICE, units["office"])
    request = ask(office_clerk, own, days=60)

    client.force_login(office_clerk)
    page = client.get(reverse("requests:extensions_detail", args=[request.pk]))
    assert "可审批：吴副书记" in page.content.decode()
    for clerk in (office_clerk, colleague):
        with pytest.raises(PermissionDenied):
            services.approve(clerk, request, version=own.version)

    services.approve(secretary, request, version=own.version, note="同意。")
    saved = Measure.objects.get(pk=own.pk)
    assert (saved.deadline, saved.original_deadline) == (in_days(60), COMMITTED)


def test_when_nobody_may_decide_the_page_says_so(client, own, office_clerk):
    ask(office_clerk, own, days=60)
    client.force_login(office_clerk)
    # Among those waiting for someone else's decision, since it may not decide it itself.
    listing = reverse("requests:round_requests", args=[own.round.pk])
    assert "没有待我审批的申请。" in client.get(listing).content.decode()
    page = client.get(listing, {"status": "others"})
    assert "本轮没有可以审批这份延期申请的人" in page.content.decode()


def test_in_a_xuncha_round_the_commitment_was_made_to_the_xuncha(client, own, office_clerk):
    own.round.kind = "xuncha"
    own.round.save()
    client.force_login(office_clerk)
    response = client.post(
        reverse("ledger:measure_edit", args=[own.pk]),
        {"deadline": "2027-01-31", "version": own.version},
    )
    assert WHY.replace("向巡视", "向巡察") in response.content.decode()

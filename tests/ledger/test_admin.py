"""The admin manages reference data; the record of events cannot be changed there."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from zhenggai.ledger.models import Event, InspectionRound

PAGES = ["unit", "person", "calendarday", "inspectionround", "problem", "measure", "claim", "event"]


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", PAGES)
def test_every_admin_list_opens(admin_client, demo_round, model):
    response = admin_client.get(reverse(f"admin:ledger_{model}_changelist"))
    assert response.status_code == 200


def test_events_cannot_be_edited_or_deleted_in_the_admin(admin_client, demo_round, office_clerk):
    from zhenggai.ledger import services

    services.claim_problem(office_clerk, demo_round["problems"]["court"])
    event = Event.objects.get()
    assert (
        admin_client.get(reverse("admin:ledger_event_delete", args=[event.pk])).status_code == 403
    )
    response = admin_client.post(reverse("admin:ledger_event_change", args=[event.pk]), {})
    assert response.status_code == 403


def test_a_whole_round_can_be_deleted(demo_round):
    demo_round["round"].delete()
    assert not InspectionRound.objects.exists()


# Rounds, problems and measures change on the web pages, through the services that check each
# change and record it on the timeline; the admin shows them only.
LEDGER_ITEMS = ["inspectionround", "problem", "measure"]


def _item(demo_round, model):
    return {
        "inspectionround": demo_round["round"],
        "problem": demo_round["problems"]["court"],
        "measure": demo_round["shared"],
    }[model]


@pytest.mark.parametrize("model", LEDGER_ITEMS)
def test_a_ledger_item_is_shown_with_no_input(admin_client, demo_round, model):
    item = _item(demo_round, model)
    response = admin_client.get(reverse(f"admin:ledger_{model}_change", args=[item.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="_save"' not in page
    assert 'name="name"' not in page and 'name="text"' not in page
    assert "<textarea" not in page
    assert admin_client.get(reverse(f"admin:ledger_{model}_add")).status_code == 403


def test_posting_a_closed_status_in_the_admin_is_refused(admin_client, demo_round):
    measure = demo_round["shared"]
    data = {"text": "改过的措施", "status": "closed", "closed_on": "2024-01-01"}
    response = admin_client.post(reverse("admin:ledger_measure_change", args=[measure.pk]), data)
    assert response.status_code == 403
    measure.refresh_from_db()
    assert measure.text != "改过的措施"
    assert measure.status == "not_started" and measure.closed_on is None
    assert not Event.objects.filter(kind=Event.Kind.CLOSED).exists()

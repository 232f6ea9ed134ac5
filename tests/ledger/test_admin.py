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

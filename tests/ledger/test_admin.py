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


# What the services move: a status, a light or a close-out date set by hand would skip the
# verification and leave nothing on the timeline.
SERVICE_FIELDS = {
    "measure": ["status", "light", "light_reason", "closed_on", "last_reported_on"],
    "problem": ["status", "light", "closed_on"],
}


def _change_form(admin_client, model, pk):
    response = admin_client.get(reverse(f"admin:ledger_{model}_change", args=[pk]))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("model", list(SERVICE_FIELDS))
def test_the_change_form_shows_what_the_services_set_but_offers_no_input(
    admin_client, demo_round, model
):
    item = demo_round["shared"] if model == "measure" else demo_round["problems"]["court"]
    response = _change_form(admin_client, model, item.pk)
    form = response.context["adminform"].form
    page = response.content.decode()
    for name in SERVICE_FIELDS[model]:
        assert name not in form.fields
        assert f'name="{name}"' not in page
        assert f"field-{name}" in page  # still shown, read-only


def test_posting_a_closed_status_in_the_admin_changes_nothing(admin_client, demo_round):
    measure = demo_round["shared"]
    form = _change_form(admin_client, "measure", measure.pk).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    data |= {"text": "改过的措施", "status": "closed", "closed_on": "2024-01-01", "light": "green"}
    response = admin_client.post(reverse("admin:ledger_measure_change", args=[measure.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    measure.refresh_from_db()
    assert measure.text == "改过的措施"  # the rest of the form still saves
    assert (measure.status, measure.closed_on) == ("not_started", None)
    assert not Event.objects.filter(kind=Event.Kind.CLOSED).exists()

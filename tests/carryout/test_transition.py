"""transition() is the one door of the lifecycle table: every status move is checked against
the table and the user's roles and leaves an event."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhenggai.carryout import services
from zhenggai.ledger.models import Event, Measure


def test_it_moves_the_measure_and_records_the_event(measures, court_reporter):
    event = services.transition(
        court_reporter, measures["court"], "in_progress", event_kind="reported"
    )

    assert Measure.objects.get(pk=measures["court"].pk).status == "in_progress"
    assert event.kind == Event.Kind.REPORTED and event.actor == court_reporter
    assert event.changes == {"status": ["not_started", "in_progress"]}


def test_it_refuses_a_step_the_table_does_not_have(measures, office_clerk):
    with pytest.raises(ValidationError):
        services.transition(office_clerk, measures["court"], "closed", event_kind="verified")
    assert Measure.objects.get(pk=measures["court"].pk).status == "not_started"
    assert not Event.objects.filter(kind=Event.Kind.VERIFIED).exists()


def test_it_refuses_a_user_without_the_role(measures, court_reporter):
    Measure.objects.filter(pk=measures["court"].pk).update(status="done_pending")
    with pytest.raises(PermissionDenied):
        services.transition(court_reporter, measures["court"], "closed", event_kind="verified")


def test_it_reads_the_status_again_instead_of_trusting_a_stale_object(measures, court_reporter):
    stale = measures["court"]
    Measure.objects.filter(pk=stale.pk).update(status="closed")
    with pytest.raises(ValidationError):
        services.transition(court_reporter, stale, "in_progress", event_kind="reported")

"""The demo reaches every status through reports and verifications: nothing in it is closed
without a verification that did more than hear a briefing, by someone outside the units
responsible."""

import pytest

from tests.module_data import built_once
from zhenggai.carryout.models import Evidence, ProgressReport, Verification
from zhenggai.ledger.models import Event, InspectionRound
from zhenggai.ops import demo
from zhenggai.rules.closeout import belongs_to


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker, demo_media):
    with built_once(django_db_blocker, demo_media):
        yield demo.load().round.pk


@pytest.fixture
def media(settings, demo_media):
    """The demo's evidence files, where the demo put them."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.fixture
def demo_loaded(demo_once, db):
    return InspectionRound.objects.get(pk=demo_once)


def test_every_closed_measure_has_a_real_independent_verification(demo_loaded):
    closed = demo_loaded.measures.filter(status__in=["closed", "ongoing"])
    assert closed.count() >= 10
    for measure in closed:
        check = measure.verifications.get(result="pass")
        assert not check.briefing_only and check.on_site
        responsible = [measure.lead_unit.path, *(u.path for u in measure.cooperating_units.all())]
        in_group = measure.round.verification_groups.filter(members=check.verifier).exists()
        assert in_group or not belongs_to(check.verifier_unit.path, responsible)
        done = measure.reports.filter(status="done_pending").order_by("-submitted_at").first()
        assert done.submitted_by != check.verifier
        assert measure.closed_on == check.verified_on


def test_the_committees_own_measures_are_closed_by_the_verification_group(demo_loaded):
    group = demo_loaded.verification_groups.get()
    own = demo_loaded.measures.filter(lead_unit__parent=None, status__in=["closed", "ongoing"])
    assert own.exists()
    for measure in own:
        assert group.members.filter(pk=measure.verifications.get(result="pass").verifier_id)


def test_returned_measures_were_returned_by_a_failed_verification(demo_loaded):
    for measure in demo_loaded.measures.filter(status="returned"):
        assert measure.verifications.get().result == "fail"


def test_reports_carry_evidence_files_that_are_what_they_claim(demo_loaded):
    evidence = Evidence.objects.filter(report__measure__round=demo_loaded)
    assert evidence.filter(content_type="application/pdf").exists()
    assert evidence.filter(content_type="image/png").exists()
    pdf = evidence.filter(content_type="application/pdf").first()
    assert pdf.file.read(5) == b"%PDF-"


def test_every_measure_under_way_has_been_reported_on(demo_loaded):
    started = demo_loaded.measures.exclude(status="not_started")
    assert not started.filter(last_reported_on__isnull=True).exists()
    assert ProgressReport.objects.filter(measure__round=demo_loaded).count() > started.count()
    assert Event.objects.filter(round=demo_loaded, kind=Event.Kind.VERIFIED).count() == (
        Verification.objects.filter(measure__round=demo_loaded, result="pass").count()
    )

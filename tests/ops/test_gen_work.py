"""The generator leaves behind what units and the office would have done: reports, real
verifications, rebounds and mechanisms, consistent with the ledger it made."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Max, Min

from tests.module_data import built_once
from zhenggai.carryout.models import ProgressReport, Reopening, Verification
from zhenggai.ledger.models import Measure, Person, Problem
from zhenggai.mechanisms.models import Mechanism
from zhenggai.ops import generator
from zhenggai.requests.models import ExtensionRequest
from zhenggai.rules.closeout import closeout_refusal
from zhenggai.rules.status import CLOSED_MEASURE_STATUSES

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker, tmp_path_factory):
    with built_once(django_db_blocker, tmp_path_factory.mktemp("gen")):
        out = StringIO()
        call_command("gen", count=0.01, stdout=out)
        yield out.getvalue()


@pytest.fixture
def summary(generated) -> str:
    return generated


def test_five_reports_per_measure_the_last_on_the_measures_last_report(summary):
    assert "5000 份进展报告" in summary
    assert ProgressReport.objects.count() == 5 * Measure.objects.count()
    measures = Measure.objects.select_related("round").annotate(
        n=Count("reports"), first=Min("reports__as_of"), last=Max("reports__as_of")
    )
    for measure in measures:
        if measure.last_reported_on is None:
            assert measure.n == 0
            continue
        assert measure.last == measure.last_reported_on
        assert measure.first >= measure.round.feedback_date
    for measure in Measure.objects.filter(status__in=["done_pending", "closed"]):
        latest = measure.reports.order_by("as_of", "pk").last()
        assert (latest.status, latest.percent) == ("done_pending", 100)


def test_every_reporter_reports_for_a_unit_it_belongs_to(summary):
    reporters = Person.objects.filter(user__username__startswith=generator.REPORTER_PREFIX)
    assert reporters.count() == len({p.unit_id for p in Person.objects.all()})
    for report in ProgressReport.objects.select_related("measure", "submitted_by__person")[:500]:
        if report.submitted_by.username.startswith(generator.REPORTER_PREFIX):
            assert report.submitted_by.person.unit_id == report.measure.lead_unit_id


def test_each_close_out_rests_on_a_verification_the_rules_accept(summary):
    closed = Measure.objects.filter(status__in=CLOSED_MEASURE_STATUSES).select_related(
        "round", "problem", "lead_unit"
    )
    assert closed.exists()
    for measure in closed:
        verification = measure.verifications.get()
        paths = [measure.lead_unit.path, *(u.path for u in measure.cooperating_units.all())]
        refusal = closeout_refusal(
            verification.methods,
            verification.verifier_unit.path,
            paths,
            measure.problem.is_key,
            measure.round.onsite_required_for_key,
        )
        assert (verification.result, refusal) == ("pass", None)
        assert verification.verified_on == measure.closed_on
    assert not Verification.objects.filter(briefing_only=True).exists()


def test_returned_measures_carry_their_failed_verification(summary):
    returned = Measure.objects.filter(status="returned")
    assert returned.exists()
    for measure in returned:
        assert measure.verifications.get().result == "fail"


def test_rebounds_are_reopened_closures_with_their_earlier_verification(summary):
    assert "次反弹" in summary
    for reopening in Reopening.objects.select_related("measure"):
        measure = reopening.measure
        assert reopening.is_rebound and reopening.previous_status == "closed"
        assert measure.status == "in_progress" and measure.closed_on is None
        passed = measure.verifications.get(result="pass")
        assert passed.verified_on == reopening.previously_closed_on


def test_mechanisms_come_from_the_units_that_closed_their_problems(summary):
    mechanisms = Mechanism.objects.prefetch_related("problems")
    assert mechanisms.exists()
    for mechanism in mechanisms:
        (problem,) = mechanism.problems.all()
        assert problem.status == "closed"
        assert mechanism.issuing_unit_id == problem.lead_unit_id
        assert mechanism.issued_on == problem.closed_on
    closed = Problem.objects.filter(status="closed").count()
    assert 0 < mechanisms.count() < closed


def test_fresh_removes_the_work_records_and_makes_them_anew(summary):
    call_command("gen", count=0.01, fresh=True, stdout=StringIO())

    assert ProgressReport.objects.count() == 5 * Measure.objects.count()
    assert Verification.objects.filter(measure__isnull=True).count() == 0
    assert Mechanism.objects.filter(problems=None).count() == 0


def test_some_measures_were_extended_and_others_asked_in_vain(summary):
    assert "份延期申请" in summary
    approved = ExtensionRequest.objects.filter(status="approved").select_related("measure")
    assert approved.exists()
    for request in approved:
        measure = request.measure
        assert request.new_deadline == measure.deadline
        assert request.current_deadline == measure.original_deadline < measure.deadline
    extended = Measure.objects.filter(original_deadline__isnull=False)
    assert extended.count() == approved.count()
    assert ExtensionRequest.objects.exclude(status="approved").exists()
    for request in ExtensionRequest.objects.filter(status="pending").select_related("measure"):
        assert request.measure.status not in ("done_pending", "closed", "ongoing")

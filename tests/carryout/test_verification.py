"""Verification closes a measure only when it did more than listen to a briefing, by someone
outside the units responsible, on site for key problems when the round demands it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.carryout.conftest import AS_OF, report, verify
from tests.carryout.samples import PNG, upload
from tests.factories import MeasureFactory, PersonFactory, UserFactory, grant
from zhenggai.authority.models import Role
from zhenggai.carryout.models import Verification
from zhenggai.ledger.models import Event, Measure, Problem
from zhenggai.rules.closeout import BRIEFING_ONLY, ONSITE_REQUIRED, SAME_UNIT

CHECKED_ON = AS_OF + datetime.timedelta(days=3)


@pytest.fixture
def pending(measures, court_reporter):
    """The court's measure, reported done and waiting for verification."""
    report(court_reporter, measures["court"], status="done_pending")
    return measures["court"]


def fresh(measure) -> Measure:
    return Measure.objects.get(pk=measure.pk)


def test_a_passing_verification_closes_the_measure_on_the_day_it_was_done(pending, office_clerk):
    verification = verify(office_clerk, pending, files=[upload("现场.png", PNG)])

    measure = fresh(pending)
    assert measure.status == "closed" and measure.closed_on == CHECKED_ON
    assert verification.verifier_unit.name == "整改办"
    assert verification.on_site and not verification.briefing_only
    assert verification.evidence.get().original_name == "现场.png"
    event = Event.objects.get(kind=Event.Kind.VERIFIED, measure=pending)
    assert event.changes["status"] == ["done_pending", "closed"]
    assert event.changes["verification"][1]["methods"] == ["document_review", "on_site"]


def test_the_problem_is_closed_out_when_its_last_measure_closes(
    demo_round, measures, court_reporter, office_clerk
):
    problem = demo_round["problems"]["tribunal"]
    report(court_reporter, measures["tribunal"], status="done_pending")
    verify(office_clerk, measures["tribunal"])

    problem = Problem.objects.get(pk=problem.pk)
    assert problem.status == "closed" and problem.closed_on == CHECKED_ON
    assert Event.objects.filter(kind=Event.Kind.CLOSED, problem=problem, measure=None).exists()


def test_a_problem_with_an_open_measure_is_not_closed_out(pending, office_clerk):
    verify(office_clerk, pending)

    problem = Problem.objects.get(pk=pending.problem_id)
    assert problem.status == "in_progress" and problem.closed_on is None


def test_an_ongoing_measure_closes_as_ongoing_and_keeps_reporting(
    demo_round, court_reporter, office_clerk, units
):
    measure = MeasureFactory(
        problem=demo_round["problems"]["court"],
        number=3,
        kind="ongoing",
        deadline=None,
        lead_unit=units["court"],
    )
    report(court_reporter, measure, status="done_pending")
    verify(office_clerk, measure)
    assert fresh(measure).status == "ongoing"

    later = report(court_reporter, measure, as_of=CHECKED_ON, text="本季度继续开展专题学习。")
    assert fresh(measure).status == "ongoing"
    assert fresh(measure).closed_on == CHECKED_ON
    assert fresh(measure).last_reported_on == later.as_of


def test_a_closed_measure_takes_no_more_reports(pending, office_clerk, court_reporter):
    verify(office_clerk, pending)
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, pending, as_of=CHECKED_ON)
    assert "已销号" in str(refused.value)


def test_a_briefing_alone_is_refused_and_nothing_is_saved(pending, office_clerk):
    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, pending, methods=["briefing"])

    assert refused.value.message_dict == {"methods": [BRIEFING_ONLY]}
    assert not Verification.objects.exists()
    assert fresh(pending).status == "done_pending"


def test_a_pass_dated_before_the_unit_reported_is_refused(pending, office_clerk):
    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, pending, verified_on=AS_OF - datetime.timedelta(days=1))

    assert (
        "不能早于该措施最近一次报送进展的截至日期" in refused.value.message_dict["verified_on"][0]
    )
    assert not Verification.objects.exists()
    assert fresh(pending).status == "done_pending"
    verify(office_clerk, pending, verified_on=AS_OF)  # the same day is fine
    assert fresh(pending).closed_on == AS_OF


def test_a_failed_briefing_only_check_still_returns_the_measure(pending, office_clerk):
    verify(office_clerk, pending, result="fail", methods=["briefing"], findings="汇报内容空泛。")

    assert fresh(pending).status == "returned"


def test_the_responsible_unit_cannot_verify_its_own_measure(
    demo_round, office_clerk, leader, units
):
    own = MeasureFactory(
        problem=demo_round["problems"]["court"], number=4, lead_unit=units["committee"]
    )
    report(leader, own, status="done_pending")

    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, own)  # the office belongs to the committee that leads the measure
    assert refused.value.messages == [SAME_UNIT]
    assert fresh(own).status == "done_pending"


def test_the_office_working_in_a_sub_unit_cannot_verify_its_parents_measure(pending, units):
    user = UserFactory(username="seconded")
    PersonFactory(unit=units["tribunal"], user=user)
    grant(user, Role.OFFICE, units["tribunal"], round=pending.round)

    with pytest.raises(ValidationError) as refused:
        verify(user, pending)
    assert refused.value.messages == [SAME_UNIT]


def test_a_cooperating_unit_counts_as_responsible(demo_round, court_reporter, units):
    shared = demo_round["shared"]
    report(court_reporter, shared, status="done_pending")
    inspector = UserFactory(username="station-clerk")
    PersonFactory(unit=units["station"], user=inspector)
    grant(inspector, Role.OFFICE, units["station"], round=shared.round)

    with pytest.raises(ValidationError) as refused:
        verify(inspector, shared)
    assert refused.value.messages == [SAME_UNIT]


def test_a_key_problem_needs_an_on_site_check_when_the_round_demands_it(pending, office_clerk):
    Problem.objects.filter(pk=pending.problem_id).update(is_key=True)
    pending.problem.is_key = True

    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, pending, methods=["document_review", "interview"])
    assert refused.value.message_dict == {"methods": [ONSITE_REQUIRED]}

    verify(office_clerk, pending, methods=["document_review", "on_site"])
    assert fresh(pending).status == "closed"


def test_a_round_may_waive_the_on_site_check(pending, office_clerk):
    pending.problem.is_key = True
    pending.round.onsite_required_for_key = False

    verify(office_clerk, pending, methods=["document_review"])
    assert fresh(pending).status == "closed"


def test_a_failed_verification_returns_the_measure_with_its_reason(pending, office_clerk):
    verify(office_clerk, pending, result="fail", findings="会议记录不全，缺少第二次学习的签到表。")

    assert fresh(pending).status == "returned"
    event = Event.objects.get(kind=Event.Kind.VERIFICATION_FAILED)
    assert event.changes["reason"] == [None, "会议记录不全，缺少第二次学习的签到表。"]
    assert event.changes["status"] == ["done_pending", "returned"]


def test_a_returned_measure_is_reported_on_again(pending, office_clerk, court_reporter):
    verify(office_clerk, pending, result="fail", findings="缺少签到表。")
    report(court_reporter, pending, status="done_pending", as_of=CHECKED_ON, text="已补齐签到表。")

    assert fresh(pending).status == "done_pending"


def test_a_unit_cannot_verify(pending, court_reporter, police_reporter):
    for user in (court_reporter, police_reporter):
        with pytest.raises(PermissionDenied) as refused:
            verify(user, pending)
        assert "只有本轮整改办或核查组可以核查销号" in str(refused.value)


def test_only_a_measure_waiting_for_verification_is_verified(measures, office_clerk):
    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, measures["court"])
    assert "只有“已完成待核查”的措施可以核查" in str(refused.value)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"methods": []}, "methods"),
        ({"methods": ["telepathy"]}, "methods"),
        ({"findings": ""}, "findings"),
        ({"result": "maybe"}, "result"),
        ({"verified_on": datetime.date(2099, 1, 1)}, "verified_on"),
        ({"verified_on": "2023-10-01"}, "verified_on"),
    ],
)
def test_invalid_values_are_refused_on_their_field(pending, office_clerk, values, field):
    with pytest.raises(ValidationError) as refused:
        verify(office_clerk, pending, **values)
    assert field in refused.value.message_dict
    assert not Verification.objects.exists()


def test_a_problem_is_closed_out_on_the_day_its_last_measure_closed(
    demo_round, measures, court_reporter, office_clerk
):
    problem = demo_round["problems"]["court"]
    for measure, day in [(measures["court"], 25), (measures["shared"], 24)]:
        report(court_reporter, measure, status="done_pending")
        verify(office_clerk, measure, verified_on=datetime.date(2023, 10, day))

    closed_out = Problem.objects.get(pk=problem.pk)
    assert closed_out.status == "closed"
    assert closed_out.closed_on == datetime.date(2023, 10, 25)
    event = Event.objects.get(kind=Event.Kind.CLOSED, problem=problem)
    assert event.changes["status"] == ["done_pending", "closed"]

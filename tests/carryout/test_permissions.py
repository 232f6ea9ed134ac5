"""Who may report, verify and reopen, as plain functions returning (allowed, reason)."""

import pytest
from django.http import Http404

from tests.carryout.conftest import close, report
from tests.carryout.samples import upload
from tests.factories import UserFactory
from zhenggai.carryout import policy
from zhenggai.carryout.models import Evidence
from zhenggai.ledger.models import Measure
from zhenggai.rules.lifecycle import Role


def test_roles_come_from_the_units(measures, office_clerk, court_reporter, police_reporter):
    # The office acts for the committee, which is above every unit of the round.
    assert policy.roles_of(office_clerk, measures["court"]) == {Role.OFFICE, Role.LEAD}
    assert policy.roles_of(court_reporter, measures["tribunal"]) == {Role.LEAD}
    assert policy.roles_of(police_reporter, measures["shared"]) == {Role.COOPERATING}
    assert policy.roles_of(police_reporter, measures["court"]) == set()


def test_a_superuser_holds_no_role_by_being_one(measures):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    assert policy.roles_of(root, measures["court"]) == set()
    assert not policy.can_verify(root, measures["court"])[0]


def test_the_lead_unit_may_report_progress_or_completion(measures, court_reporter):
    assert policy.report_statuses(court_reporter, measures["court"]) == [
        "in_progress",
        "done_pending",
    ]


def test_a_cooperating_unit_may_report_progress_only(measures, police_reporter):
    assert policy.report_statuses(police_reporter, measures["shared"]) == ["in_progress"]
    allowed, reason = policy.can_report(police_reporter, measures["shared"], "done_pending")
    assert not allowed and "只有牵头单位或整改办可以报告“已完成”" in reason


def test_nobody_reports_on_a_closed_measure(measures, court_reporter, office_clerk):
    close(measures["tribunal"], court_reporter, office_clerk)
    measure = Measure.objects.get(pk=measures["tribunal"].pk)
    assert policy.report_statuses(office_clerk, measure) == []
    assert "已销号" in policy.can_report(court_reporter, measure)[1]


def test_only_the_office_verifies_and_reopens(measures, court_reporter, office_clerk):
    report(court_reporter, measures["court"], status="done_pending")
    measure = Measure.objects.get(pk=measures["court"].pk)
    assert policy.can_verify(office_clerk, measure) == (True, "")
    assert policy.can_verify(court_reporter, measure)[0] is False
    assert "只有已销号的措施可以重新打开" in policy.can_reopen(office_clerk, measure)[1]


def test_a_whole_problem_is_verified_only_once_closed(
    demo_round, measures, court_reporter, office_clerk
):
    problem = demo_round["problems"]["tribunal"]
    assert "全部整改措施销号后" in policy.can_verify_problem(office_clerk, problem)[1]
    close(measures["tribunal"], court_reporter, office_clerk)
    problem.refresh_from_db()
    assert policy.can_verify_problem(office_clerk, problem) == (True, "")
    assert policy.can_reopen_problem(office_clerk, problem) == (True, "")
    assert "整改办" in policy.can_reopen_problem(court_reporter, problem)[1]


def test_evidence_is_visible_with_its_measure(measures, court_reporter, police_reporter):
    report(court_reporter, measures["shared"], files=[upload("a.pdf")])
    evidence = Evidence.objects.get()
    assert policy.get_evidence_for(police_reporter, evidence.pk) == evidence
    report(court_reporter, measures["court"], files=[upload("b.pdf")])
    with pytest.raises(Http404):
        policy.get_evidence_for(police_reporter, Evidence.objects.latest("pk").pk)

"""The lifecycle table: which status may follow which, and who may take each step."""

import pytest

from zhenggai.rules.lifecycle import (
    HAND_SET_STATUSES,
    TABLE,
    Action,
    Role,
    allowed_targets,
    report_target,
    role_refusal,
    state_refusal,
    verified_status,
)
from zhenggai.rules.status import MeasureStatus as S

LEAD, COOPERATING, OFFICE = {Role.LEAD}, {Role.COOPERATING}, {Role.OFFICE}


@pytest.mark.parametrize("source", [S.NOT_STARTED, S.IN_PROGRESS, S.RETURNED])
@pytest.mark.parametrize("target", [S.IN_PROGRESS, S.DONE_PENDING])
def test_the_lead_unit_reports_progress_or_completion_from_any_undone_status(source, target):
    assert state_refusal(Action.REPORT, source, target) is None
    assert role_refusal(Action.REPORT, source, target, LEAD) is None


def test_a_cooperating_unit_reports_progress_but_cannot_declare_the_measure_done():
    assert role_refusal(Action.REPORT, S.IN_PROGRESS, S.IN_PROGRESS, COOPERATING) is None
    reason = role_refusal(Action.REPORT, S.IN_PROGRESS, S.DONE_PENDING, COOPERATING)
    assert "只有牵头单位或整改办可以报告“已完成”" in reason


def test_a_unit_with_no_role_cannot_report():
    assert "只有该措施的牵头单位、配合单位或整改办" in role_refusal(
        Action.REPORT, S.IN_PROGRESS, S.IN_PROGRESS, set()
    )


def test_a_measure_waiting_for_verification_takes_more_evidence_but_no_step_back():
    assert state_refusal(Action.REPORT, S.DONE_PENDING, S.DONE_PENDING) is None
    assert "等待核查" in state_refusal(Action.REPORT, S.DONE_PENDING, S.IN_PROGRESS)


def test_a_closed_measure_takes_no_reports_but_an_ongoing_one_keeps_its_rhythm():
    assert "已销号" in state_refusal(Action.REPORT, S.CLOSED, S.IN_PROGRESS)
    assert report_target(S.ONGOING, S.IN_PROGRESS) == S.ONGOING
    assert state_refusal(Action.REPORT, S.ONGOING, S.ONGOING) is None
    assert role_refusal(Action.REPORT, S.ONGOING, S.ONGOING, COOPERATING) is None


def test_a_report_otherwise_leads_to_the_status_it_reports():
    assert report_target(S.RETURNED, S.DONE_PENDING) == S.DONE_PENDING


def test_only_the_office_verifies_and_only_a_measure_waiting_for_it():
    assert role_refusal(Action.VERIFY, S.DONE_PENDING, S.CLOSED, OFFICE) is None
    assert "整改办" in role_refusal(Action.VERIFY, S.DONE_PENDING, S.CLOSED, LEAD)
    assert "已完成待核查" in state_refusal(Action.VERIFY, S.IN_PROGRESS, S.CLOSED)


def test_ongoing_measures_close_as_ongoing():
    assert verified_status("ongoing") == S.ONGOING
    assert verified_status("time_bound") == S.CLOSED
    assert state_refusal(Action.VERIFY, S.DONE_PENDING, S.ONGOING) is None


def test_a_failed_verification_returns_the_measure():
    assert state_refusal(Action.FAIL, S.DONE_PENDING, S.RETURNED) is None
    assert state_refusal(Action.FAIL, S.CLOSED, S.RETURNED) is None
    assert state_refusal(Action.FAIL, S.IN_PROGRESS, S.RETURNED) is not None


@pytest.mark.parametrize("action", [Action.REOPEN, Action.REBOUND])
def test_only_closed_measures_are_reopened_and_only_by_the_office(action):
    for source in (S.CLOSED, S.ONGOING):
        assert state_refusal(action, source, S.IN_PROGRESS) is None
        assert role_refusal(action, source, S.IN_PROGRESS, OFFICE) is None
        assert role_refusal(action, source, S.IN_PROGRESS, LEAD) is not None
    assert "只有已销号" in state_refusal(action, S.DONE_PENDING, S.IN_PROGRESS)


def test_the_allowed_report_targets_depend_on_the_role():
    assert allowed_targets(Action.REPORT, S.IN_PROGRESS, LEAD) == {S.IN_PROGRESS, S.DONE_PENDING}
    assert allowed_targets(Action.REPORT, S.IN_PROGRESS, COOPERATING) == {S.IN_PROGRESS}
    assert allowed_targets(Action.REPORT, S.CLOSED, OFFICE) == set()


def test_closing_a_measure_is_never_a_step_a_unit_can_take():
    for step in TABLE:
        if step.targets & {S.CLOSED, S.ONGOING, S.RETURNED} and step.action != Action.REPORT:
            assert step.roles == frozenset({Role.OFFICE, Role.VERIFIER})


def test_a_person_may_set_by_hand_only_not_started_and_in_progress():
    assert sorted(HAND_SET_STATUSES) == [S.IN_PROGRESS, S.NOT_STARTED]


def test_every_action_is_an_event_kind_of_the_ledger():
    kinds = {"reported", "verified", "verification_failed", "reopened", "rebound"}
    assert {action.value for action in Action} == kinds


def test_a_unit_asking_for_an_impossible_step_hears_about_the_state_not_its_role():
    assert role_refusal(Action.REPORT, S.CLOSED, S.IN_PROGRESS, LEAD) is None
    assert role_refusal(Action.VERIFY, S.IN_PROGRESS, S.CLOSED, LEAD) is not None

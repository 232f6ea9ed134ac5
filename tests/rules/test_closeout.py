"""The close-out rule as a plain function: what a passing verification needs to close an item."""

from zhenggai.rules.closeout import (
    BRIEFING_ONLY,
    NO_METHOD,
    NO_UNIT,
    ONSITE_REQUIRED,
    REPORTED_IT,
    REPORTS_FOR,
    SAME_UNIT,
    belongs_to,
    closeout_refusal,
)

OFFICE = "000001/000002/"
COURT = "000001/000003/"
TRIBUNAL = "000001/000003/000004/"
POLICE = "000001/000005/"


def refusal(
    methods, verifier=OFFICE, responsible=(COURT,), is_key=False, onsite_required=True, **who
):
    return closeout_refusal(methods, verifier, responsible, is_key, onsite_required, **who)


def test_a_document_review_by_the_office_closes_a_court_measure():
    assert refusal(["document_review"]) is None


def test_a_briefing_alone_is_refused():
    assert refusal(["briefing"]) == BRIEFING_ONLY


def test_a_briefing_with_a_document_review_is_enough():
    assert refusal(["briefing", "document_review"]) is None


def test_no_method_at_all_is_refused():
    assert refusal([]) == NO_METHOD


def test_the_responsible_unit_cannot_verify_itself():
    assert refusal(["on_site"], verifier=COURT) == SAME_UNIT


def test_a_sub_unit_of_the_responsible_unit_cannot_verify_it():
    assert refusal(["on_site"], verifier=TRIBUNAL) == SAME_UNIT


def test_a_cooperating_unit_cannot_verify_the_measure_it_helped_with():
    assert refusal(["on_site"], verifier=POLICE, responsible=(COURT, POLICE)) == SAME_UNIT


def test_a_unit_above_the_responsible_unit_is_not_within_it():
    assert refusal(["on_site"], verifier="000001/", responsible=(TRIBUNAL,)) is None


def test_a_verifier_without_a_unit_closes_nothing_outside_the_verification_group():
    assert refusal(["document_review"], verifier=None) == NO_UNIT
    assert refusal(["document_review"], verifier=None, in_group=True) is None


def test_the_verification_group_closes_the_committees_own_measures():
    committee = "000001/"
    assert refusal(["on_site"], verifier=OFFICE, responsible=(committee,)) == SAME_UNIT
    assert refusal(["on_site"], verifier=OFFICE, responsible=(committee,), in_group=True) is None


def test_whoever_reported_the_latest_progress_never_closes_it():
    assert refusal(["on_site"], reported_latest=True) == REPORTED_IT
    assert refusal(["on_site"], reported_latest=True, in_group=True) == REPORTED_IT


def test_a_group_member_who_reports_for_the_unit_or_above_it_does_not_close_its_work():
    assert refusal(["on_site"], None, (TRIBUNAL,), in_group=True, reports_for=[COURT]) == (
        REPORTS_FOR
    )
    assert refusal(["on_site"], None, (POLICE,), in_group=True, reports_for=[COURT]) is None


def test_a_key_problem_needs_an_on_site_check_when_the_round_requires_it():
    assert refusal(["document_review", "interview"], is_key=True) == ONSITE_REQUIRED
    assert refusal(["document_review", "on_site"], is_key=True) is None


def test_a_key_problem_needs_no_on_site_check_when_the_round_does_not_require_it():
    assert refusal(["document_review"], is_key=True, onsite_required=False) is None


def test_briefing_only_is_named_before_the_other_reasons():
    assert refusal(["briefing"], verifier=COURT, is_key=True) == BRIEFING_ONLY


def test_belonging_is_by_path_prefix_and_ignores_empty_paths():
    assert belongs_to(TRIBUNAL, [COURT])
    assert not belongs_to(COURT, [TRIBUNAL])
    assert not belongs_to(COURT, [""])
    assert not belongs_to(None, [COURT])

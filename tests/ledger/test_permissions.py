"""The permission functions answer (allowed, reason in Chinese), without HTTP."""

from zhenggai.ledger import policy


def test_the_office_may_create_rounds(units, office_clerk):
    assert policy.can_create_round(office_clerk) == (True, "")


def test_a_court_reporter_may_not_create_rounds(units, court_reporter):
    allowed, reason = policy.can_create_round(court_reporter)
    assert not allowed
    assert "整改办" in reason


def test_a_unit_may_edit_a_measure_it_leads(demo_round, court_reporter):
    measure = demo_round["problems"]["court"].measures.first()
    assert policy.can_edit_measure(court_reporter, measure)[0]


def test_a_unit_may_not_edit_a_measure_it_only_cooperates_on(demo_round, police_reporter):
    allowed, reason = policy.can_edit_measure(police_reporter, demo_round["shared"])
    assert not allowed
    assert "牵头单位" in reason


def test_a_closed_measure_cannot_be_edited_even_by_the_office(demo_round, office_clerk):
    measure = demo_round["shared"]
    measure.status = "closed"
    allowed, reason = policy.can_edit_measure(office_clerk, measure)
    assert not allowed
    assert "已销号" in reason


def test_a_unit_may_not_edit_problems(demo_round, court_reporter):
    allowed, _ = policy.can_edit_problem(court_reporter, demo_round["problems"]["court"])
    assert not allowed


def test_a_user_without_a_person_cannot_claim(demo_round, outsider):
    allowed, reason = policy.can_claim(outsider, demo_round["problems"]["court"])
    assert not allowed
    assert "人员信息" in reason

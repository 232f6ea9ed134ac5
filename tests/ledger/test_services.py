"""Domain actions: defaults, validation and the record of who changed what."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhenggai.ledger import services
from zhenggai.ledger.models import Event, Problem


def test_a_round_gets_a_two_month_deadline_rolled_past_weekends(units, office_clerk):
    round_ = services.create_round(
        office_clerk,
        name="专项巡视整改",
        team="省委第五巡视组",
        organization="临江市委政法委",
        office=units["committee"],
        feedback_date=datetime.date(2023, 8, 4),
    )
    # 2023-10-04 falls in the National Day holiday; the first working day after it is 10-07.
    assert round_.rectification_deadline == datetime.date(2023, 10, 7)
    assert round_.report_deadline == round_.rectification_deadline


def test_a_deadline_before_the_feedback_is_refused(units, office_clerk):
    with pytest.raises(ValidationError) as refused:
        services.create_round(
            office_clerk,
            name="轮次",
            team="组",
            organization="政法委",
            office=units["committee"],
            feedback_date=datetime.date(2023, 8, 4),
            rectification_deadline=datetime.date(2023, 8, 1),
        )
    assert "不能早于反馈日期" in str(refused.value)


def test_a_unit_user_cannot_create_a_round(units, court_reporter):
    with pytest.raises(PermissionDenied):
        services.create_round(
            court_reporter,
            name="x",
            team="x",
            organization="x",
            office=units["committee"],
            feedback_date=datetime.date(2023, 8, 4),
        )


def test_a_new_problem_is_numbered_after_the_last_in_its_category(demo_round, office_clerk):
    problem = services.create_problem(
        office_clerk, demo_round["round"], category=demo_round["category"], text="新问题。"
    )
    assert problem.code == "1-4"


def test_a_problem_may_not_use_another_rounds_category(demo_round, office_clerk):
    from tests.factories import CategoryFactory

    foreign = CategoryFactory(round__office=demo_round["round"].office)
    with pytest.raises(ValidationError) as refused:
        services.create_problem(office_clerk, demo_round["round"], category=foreign, text="问题。")
    assert "不属于本轮次" in str(refused.value)


def test_a_time_bound_measure_needs_a_deadline(demo_round, office_clerk, units):
    with pytest.raises(ValidationError) as refused:
        services.create_measure(
            office_clerk,
            demo_round["problems"]["court"],
            text="整改。",
            kind="time_bound",
            lead_unit=units["court"],
        )
    assert "必须填写完成时限" in str(refused.value)


def test_editing_a_measure_records_before_and_after(demo_round, office_clerk):
    measure = demo_round["problems"]["court"].measures.get(number=1)
    services.update_measure(office_clerk, measure, status="in_progress", version=1)
    event = Event.objects.filter(measure=measure, kind=Event.Kind.MEASURE_UPDATED).get()
    assert event.changes == {"status": ["not_started", "in_progress"]}
    assert event.actor == office_clerk


def test_the_problem_status_follows_its_measures(demo_round, office_clerk):
    problem = demo_round["problems"]["court"]
    services.update_measure(office_clerk, problem.measures.first(), status="in_progress", version=1)
    assert Problem.objects.get(pk=problem.pk).status == "in_progress"


@pytest.mark.parametrize("status", ["done_pending", "closed", "ongoing", "returned"])
def test_an_edit_cannot_declare_a_measure_done_or_closed(demo_round, office_clerk, status):
    measure = demo_round["problems"]["court"].measures.first()
    with pytest.raises(ValidationError) as refused:
        services.update_measure(office_clerk, measure, status=status, version=1)
    assert "只能由报送进展和核查产生" in str(refused.value)


def test_a_new_measure_cannot_start_closed(demo_round, office_clerk, units):
    with pytest.raises(ValidationError):
        services.create_measure(
            office_clerk,
            demo_round["problems"]["court"],
            text="整改。",
            deadline=datetime.date(2024, 1, 1),
            lead_unit=units["court"],
            status="closed",
        )


def test_a_claim_is_recorded_once(demo_round, leader):
    problem = demo_round["problems"]["police"]
    services.claim_problem(leader, problem, note="本人牵头抓")
    assert Event.objects.filter(problem=problem, kind=Event.Kind.CLAIMED).count() == 1
    with pytest.raises(PermissionDenied) as refused:
        services.claim_problem(leader, problem)
    assert "已经认领" in str(refused.value)


def test_renumbering_a_category_keeps_the_ledger_order(demo_round):
    category = demo_round["category"]
    category.number = 3
    category.save()
    problem = Problem.objects.get(pk=demo_round["problems"]["court"].pk)
    assert problem.position == 300_001
    assert problem.measures.get(number=2).position == 300_001_002


def test_a_nul_character_is_refused_before_it_reaches_the_database(demo_round, office_clerk):
    with pytest.raises(ValidationError) as refused:
        services.create_problem(
            office_clerk, demo_round["round"], category=demo_round["category"], text="问\x00题"
        )
    assert "空字符" in str(refused.value) or "Null" in str(refused.value)


def test_an_over_long_measure_text_is_refused_by_the_service(demo_round, office_clerk, units):
    with pytest.raises(ValidationError):
        services.create_measure(
            office_clerk,
            demo_round["problems"]["court"],
            text="长" * 5001,
            kind="ongoing",
            lead_unit=units["court"],
        )

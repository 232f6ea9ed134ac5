"""A unit reports progress on its measure; reports are never edited, only corrected."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.carryout.conftest import AS_OF, report
from tests.conftest import LOCAL_DAY
from zhenggai.carryout.models import ProgressReport
from zhenggai.ledger.models import Event, Measure, Problem


def fresh(measure) -> Measure:
    return Measure.objects.get(pk=measure.pk)


def test_a_report_lands_moves_the_measure_and_dates_its_last_report(measures, court_reporter):
    saved = report(court_reporter, measures["court"], percent=40)

    measure = fresh(measures["court"])
    assert saved.submitted_by == court_reporter and saved.percent == 40
    assert measure.status == "in_progress"
    assert measure.last_reported_on == AS_OF
    assert Problem.objects.get(pk=measure.problem_id).status == "in_progress"


def test_a_report_is_recorded_as_an_event_with_what_was_reported(measures, court_reporter):
    saved = report(court_reporter, measures["court"])

    event = Event.objects.get(kind=Event.Kind.REPORTED, measure=measures["court"])
    assert event.actor == court_reporter
    assert event.changes["status"] == ["not_started", "in_progress"]
    assert event.changes["report"][1]["id"] == saved.pk


def test_a_late_report_about_an_earlier_day_keeps_the_latest_date(measures, court_reporter):
    report(court_reporter, measures["court"], as_of=AS_OF)
    report(court_reporter, measures["court"], as_of=AS_OF - datetime.timedelta(days=10))

    assert fresh(measures["court"]).last_reported_on == AS_OF


def test_a_correction_is_a_new_report_and_the_original_stays(measures, court_reporter):
    original = report(court_reporter, measures["court"], text="已召开会议3次。")
    correction = report(
        court_reporter, measures["court"], text="已召开会议2次。", corrects=original
    )

    original.refresh_from_db()
    assert original.text == "已召开会议3次。"
    assert correction.corrects == original
    assert ProgressReport.objects.filter(measure=measures["court"]).count() == 2


def test_a_correction_must_be_about_the_same_measure(measures, court_reporter):
    other = report(court_reporter, measures["tribunal"])
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, measures["court"], corrects=other)
    assert "只能更正本措施的进展报告" in str(refused.value)


def test_a_report_about_the_future_is_refused(measures, court_reporter):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, measures["court"], as_of=tomorrow)
    assert refused.value.message_dict == {"as_of": ["截至日期不能晚于今天。"]}
    assert not ProgressReport.objects.exists()


def test_a_report_from_before_the_feedback_is_refused(measures, court_reporter):
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, measures["court"], as_of=datetime.date(2023, 9, 1))
    assert "不能早于本轮反馈日期（2023-09-28）" in str(refused.value)


@pytest.mark.parametrize(
    ("text", "message"), [("   ", "请填写进展情况。"), ("有\x00空字符", "进展情况不能包含空字符。")]
)
def test_an_empty_or_broken_text_is_refused(measures, court_reporter, text, message):
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, measures["court"], text=text)
    assert refused.value.message_dict == {"text": [message]}


def test_a_percentage_above_100_is_refused(measures, court_reporter):
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, measures["court"], percent=150)
    assert "percent" in refused.value.message_dict


def test_the_lead_unit_declares_the_measure_done(measures, court_reporter):
    report(court_reporter, measures["court"], status="done_pending")

    assert fresh(measures["court"]).status == "done_pending"


def test_a_unit_above_the_lead_unit_reports_for_it(measures, court_reporter):
    report(court_reporter, measures["tribunal"])

    assert fresh(measures["tribunal"]).status == "in_progress"


def test_the_office_may_report_on_a_units_behalf(measures, office_clerk):
    report(office_clerk, measures["police"], status="done_pending")

    assert fresh(measures["police"]).status == "done_pending"


def test_a_cooperating_unit_reports_progress_but_cannot_declare_the_measure_done(
    measures, police_reporter
):
    report(police_reporter, measures["shared"])
    with pytest.raises(PermissionDenied) as refused:
        report(police_reporter, measures["shared"], status="done_pending")
    assert "只有牵头单位或整改办可以报告“已完成”" in str(refused.value)
    assert fresh(measures["shared"]).status == "in_progress"


def test_a_unit_cannot_report_on_another_units_measure(measures, police_reporter):
    with pytest.raises(PermissionDenied):
        report(police_reporter, measures["court"])
    assert not ProgressReport.objects.exists()


def test_a_sub_unit_cannot_report_on_its_parents_measure(measures, tribunal_reporter):
    with pytest.raises(PermissionDenied):
        report(tribunal_reporter, measures["court"])


def test_while_waiting_for_verification_the_unit_adds_evidence_but_cannot_step_back(
    measures, court_reporter
):
    report(court_reporter, measures["court"], status="done_pending")
    report(court_reporter, measures["court"], status="done_pending", text="补充会议纪要。")
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, measures["court"], status="in_progress")
    assert "等待核查" in str(refused.value)


def test_an_unknown_report_status_is_refused(measures, court_reporter):
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, measures["court"], status="closed")
    assert refused.value.message_dict == {"status": ["请选择进展状态。"]}


def test_a_report_as_of_today_is_taken_early_and_late_in_the_local_day(
    measures, court_reporter, edge_of_the_day
):
    with pytest.raises(ValidationError) as refused:
        report(court_reporter, measures["court"], as_of=LOCAL_DAY + datetime.timedelta(days=1))
    assert refused.value.message_dict == {"as_of": ["截至日期不能晚于今天。"]}
    report(court_reporter, measures["court"], as_of=LOCAL_DAY)
    assert fresh(measures["court"]).last_reported_on == LOCAL_DAY

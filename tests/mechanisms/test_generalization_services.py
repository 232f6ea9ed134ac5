"""举一反三: the office asks, each unit answers for itself, the office reviews."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.mechanisms.conftest import MEASURE, docx, upload
from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import Event, Measure, Problem, Unit
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Generalization, GeneralizationAnswer

Answer = GeneralizationAnswer.Answer
Review = GeneralizationAnswer.Review


def test_asking_every_tribunal_asks_each_of_them(asked, units, second_tribunal):
    assert {a.unit for a in asked.answers.all()} == {units["tribunal"], second_tribunal}
    assert all(a.answer == Answer.PENDING for a in asked.answers.all())
    event = Event.objects.get(kind=Event.Kind.GENERALIZATION_ASKED)
    assert event.problem == asked.source
    assert event.changes["units"] == [None, "城东人民法庭、城西人民法庭"]


def test_the_default_deadline_is_ten_working_days(asked):
    expected = work_calendar().add_workdays(timezone.localdate(), 10).date
    assert asked.answer_deadline == expected


def test_units_of_a_kind_can_be_limited_to_a_subtree(demo_round, units, office_clerk):
    other_court = Unit.objects.create(
        name="临江县人民法院", kind=Unit.Kind.COURT, parent=units["committee"]
    )
    Unit.objects.create(name="县城关法庭", kind=Unit.Kind.TRIBUNAL, parent=other_court)
    generalization = services.ask_generalization(
        office_clerk,
        demo_round["problems"]["police"],
        kind=Unit.Kind.TRIBUNAL,
        within=other_court,
    )
    assert [a.unit.name for a in generalization.answers.all()] == ["县城关法庭"]


def test_chosen_units_are_asked_but_never_the_lead_unit_or_twice(
    demo_round, units, office_clerk, asked
):
    generalization = services.ask_generalization(
        office_clerk,
        demo_round["problems"]["court"],
        units=[units["police"], units["court"], units["tribunal"]],
    )
    assert [a.unit for a in generalization.answers.all()] == [units["police"]]


def test_asking_only_units_already_asked_is_refused(demo_round, units, office_clerk, asked):
    with pytest.raises(ValidationError) as refused:
        services.ask_generalization(
            office_clerk, demo_round["problems"]["court"], units=[units["tribunal"]]
        )
    assert "都已被要求过自查" in str(refused.value)
    assert Generalization.objects.count() == 1


def test_the_office_itself_cannot_be_asked(demo_round, units, office_clerk):
    with pytest.raises(ValidationError) as refused:
        services.ask_generalization(
            office_clerk,
            demo_round["problems"]["court"],
            units=[units["office"], units["committee"]],
        )
    assert "不能要求这些单位自查：临江市委政法委、整改办" in str(refused.value)


def test_nothing_chosen_and_a_past_deadline_are_explained(demo_round, office_clerk):
    with pytest.raises(ValidationError) as refused:
        services.ask_generalization(
            office_clerk,
            demo_round["problems"]["court"],
            answer_deadline=datetime.date(2020, 1, 1),
        )
    errors = refused.value.message_dict
    assert errors["units"] == ["请选择要求自查的单位，或选择一类单位。"]
    assert errors["answer_deadline"] == ["答复期限不能早于今天。"]


def test_a_unit_may_not_ask(demo_round, units, court_reporter):
    with pytest.raises(PermissionDenied) as refused:
        services.ask_generalization(
            court_reporter, demo_round["problems"]["court"], kind=Unit.Kind.TRIBUNAL
        )
    assert "整改办" in str(refused.value)


# Answering "found"


def test_found_creates_a_linked_problem_with_measures_led_by_the_unit(
    tribunal_answer, tribunal_reporter, office_clerk, units
):
    source = tribunal_answer.generalization.source
    problem = services.answer_found(
        tribunal_reporter,
        tribunal_answer,
        manifestations="本庭2023年专题学习仅开展两次，均为传达文件。",
        measures=[MEASURE, {"text": "建立学习台账", "kind": "ongoing"}],
    )
    assert (problem.round, problem.category) == (source.round, source.category)
    assert problem.text == source.text
    assert problem.source == Problem.Source.SELF_FOUND
    assert problem.lead_unit == units["tribunal"]
    assert [m.lead_unit for m in problem.measures.all()] == [units["tribunal"]] * 2
    tribunal_answer.refresh_from_db()
    assert tribunal_answer.answer == Answer.FOUND
    assert tribunal_answer.linked_problem == problem
    assert tribunal_answer.answered_by == tribunal_reporter
    # The unit now sees its problem and measures in its own ledger.
    assert Problem.objects.visible_to(tribunal_reporter).filter(pk=problem.pk).exists()
    assert Measure.objects.visible_to(tribunal_reporter).filter(problem=problem).count() == 2


def test_found_records_who_answered_and_on_whose_behalf_the_problem_was_created(
    tribunal_answer, tribunal_reporter, office_clerk
):
    problem = services.answer_found(
        tribunal_reporter, tribunal_answer, manifestations="存在。", measures=[MEASURE]
    )
    created = Event.objects.get(kind=Event.Kind.PROBLEM_CREATED, problem=problem)
    assert created.actor == office_clerk
    answered = Event.objects.filter(kind=Event.Kind.GENERALIZATION_ANSWERED)
    assert {(e.problem, e.actor) for e in answered} == {
        (tribunal_answer.generalization.source, tribunal_reporter),
        (problem, tribunal_reporter),
    }
    on_source = answered.get(problem=tribunal_answer.generalization.source)
    assert on_source.changes["linked_problem"] == [None, problem.code]


def test_found_needs_a_measure_and_manifestations(tribunal_answer, tribunal_reporter):
    with pytest.raises(ValidationError) as refused:
        services.answer_found(tribunal_reporter, tribunal_answer, manifestations=" ", measures=[])
    errors = refused.value.message_dict
    assert errors["measures"] == ["请至少提出一条整改措施。"]
    assert "具体表现" in errors["manifestations"][0]


def test_a_bad_measure_saves_nothing(tribunal_answer, tribunal_reporter):
    problems_before = Problem.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.answer_found(
            tribunal_reporter,
            tribunal_answer,
            manifestations="存在。",
            measures=[MEASURE, {"text": "尽快整改", "kind": "time_bound"}],
        )
    assert refused.value.message_dict["measures"] == [
        "第2条措施：立行立改和限期整改的措施必须填写完成时限。"
    ]
    assert Problem.objects.count() == problems_before
    tribunal_answer.refresh_from_db()
    assert tribunal_answer.answer == Answer.PENDING


def test_a_proposed_measure_cannot_set_its_own_status(tribunal_answer, tribunal_reporter):
    problem = services.answer_found(
        tribunal_reporter,
        tribunal_answer,
        manifestations="存在。",
        measures=[MEASURE | {"status": "closed"}],
    )
    assert problem.measures.get().status == "not_started"


def test_the_office_cannot_answer_for_a_unit(tribunal_answer, office_clerk):
    with pytest.raises(PermissionDenied) as refused:
        services.answer_found(
            office_clerk, tribunal_answer, manifestations="存在。", measures=[MEASURE]
        )
    assert "不能代为答复" in str(refused.value)


def test_another_unit_cannot_answer(tribunal_answer, police_reporter):
    with pytest.raises(PermissionDenied):
        services.answer_not_present(police_reporter, tribunal_answer, reasons="不存在。")


def test_a_unit_answers_only_once(tribunal_answer, tribunal_reporter):
    services.answer_found(
        tribunal_reporter, tribunal_answer, manifestations="存在。", measures=[MEASURE]
    )
    with pytest.raises(PermissionDenied) as refused:
        services.answer_not_present(tribunal_reporter, tribunal_answer, reasons="不存在。")
    assert "已答复存在同类问题" in str(refused.value)


# Answering "not present" and the office's review


def test_not_present_needs_reasons(tribunal_answer, tribunal_reporter):
    with pytest.raises(ValidationError) as refused:
        services.answer_not_present(tribunal_reporter, tribunal_answer, reasons="   ")
    assert refused.value.message_dict["reasons"] == ["请说明本单位不存在同类问题的理由。"]
    tribunal_answer.refresh_from_db()
    assert tribunal_answer.answer == Answer.PENDING


def test_not_present_with_a_bad_file_saves_nothing(tribunal_answer, tribunal_reporter):
    with pytest.raises(ValidationError) as refused:
        services.answer_not_present(
            tribunal_reporter,
            tribunal_answer,
            reasons="经自查不存在。",
            evidence=upload("自查报告.exe", b"MZ"),
        )
    assert "文件类型不支持" in refused.value.message_dict["evidence"][0]
    tribunal_answer.refresh_from_db()
    assert (tribunal_answer.answer, tribunal_answer.reasons) == (Answer.PENDING, "")


def test_the_office_accepts_not_present(tribunal_answer, tribunal_reporter, office_clerk):
    services.answer_not_present(
        tribunal_reporter, tribunal_answer, reasons="经逐案自查，不存在。", evidence=docx()
    )
    services.review_answer(office_clerk, tribunal_answer, accept=True)
    tribunal_answer.refresh_from_db()
    assert (tribunal_answer.answer, tribunal_answer.review) == (Answer.NOT_PRESENT, Review.ACCEPTED)
    assert tribunal_answer.evidence_name == "自查报告.docx"
    assert re.fullmatch(r"generalization/\d{4}/[0-9a-f]{32}\.docx", tribunal_answer.evidence.name)
    assert tribunal_answer.reviewed_by == office_clerk


def test_a_rejected_answer_must_be_given_again(tribunal_answer, tribunal_reporter, office_clerk):
    services.answer_not_present(tribunal_reporter, tribunal_answer, reasons="不存在。")
    with pytest.raises(ValidationError) as refused:
        services.review_answer(office_clerk, tribunal_answer, accept=False)
    assert "写明理由" in str(refused.value)
    services.review_answer(office_clerk, tribunal_answer, accept=False, note="理由过于简单")
    tribunal_answer.refresh_from_db()
    assert (tribunal_answer.answer, tribunal_answer.review) == (Answer.PENDING, Review.REJECTED)
    services.answer_not_present(tribunal_reporter, tribunal_answer, reasons="经逐案自查，不存在。")
    tribunal_answer.refresh_from_db()
    assert (tribunal_answer.answer, tribunal_answer.review) == (Answer.NOT_PRESENT, Review.PENDING)


def test_only_a_waiting_not_present_can_be_reviewed(tribunal_answer, office_clerk):
    with pytest.raises(PermissionDenied) as refused:
        services.review_answer(office_clerk, tribunal_answer, accept=True)
    assert "待审核" in str(refused.value)


def test_a_unit_cannot_review(tribunal_answer, tribunal_reporter, court_reporter):
    services.answer_not_present(tribunal_reporter, tribunal_answer, reasons="不存在。")
    with pytest.raises(PermissionDenied):
        services.review_answer(court_reporter, tribunal_answer, accept=True)

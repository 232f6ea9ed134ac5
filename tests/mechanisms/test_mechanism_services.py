"""Registering mechanisms and linking them to the problems they prevent."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import ProblemFactory
from tests.mechanisms.conftest import pdf, upload
from zhenggai.ledger.models import Event
from zhenggai.mechanisms import services
from zhenggai.mechanisms.models import Mechanism


def register(user, demo_round, units, problems, **values):
    values = {
        "name": "专题学习督查制度",
        "kind": Mechanism.Kind.RULE,
        "document_number": "临法〔2023〕12号",
        "issuing_unit": units["court"],
        "issued_on": datetime.date(2023, 11, 1),
        "problems": problems,
    } | values
    return services.register_mechanism(user, demo_round["round"], **values)


def test_the_office_registers_a_mechanism_for_several_problems(demo_round, units, office_clerk):
    problems = [demo_round["problems"]["court"], demo_round["problems"]["police"]]
    mechanism = register(office_clerk, demo_round, units, problems, file=pdf())
    assert set(mechanism.problems.all()) == set(problems)
    assert mechanism.created_by == office_clerk
    # Stored as evidence is: a random name on disk, the uploaded one beside it.
    assert mechanism.file_name == "关于建立专题学习督查制度的通知.pdf"
    assert re.fullmatch(r"mechanisms/\d{4}/[0-9a-f]{32}\.pdf", mechanism.file.name)
    events = Event.objects.filter(kind=Event.Kind.MECHANISM_LINKED)
    assert {e.problem for e in events} == set(problems)
    assert events.first().changes["mechanism"] == [None, "专题学习督查制度（临法〔2023〕12号）"]


def test_a_unit_registers_its_own_mechanism_for_a_problem_it_leads(
    demo_round, units, court_reporter
):
    mechanism = register(
        court_reporter,
        demo_round,
        units,
        [demo_round["problems"]["tribunal"]],
        issuing_unit=units["tribunal"],
    )
    assert mechanism.problems.get() == demo_round["problems"]["tribunal"]


def test_a_unit_may_not_link_to_a_problem_another_unit_leads(demo_round, units, court_reporter):
    with pytest.raises(PermissionDenied) as refused:
        register(court_reporter, demo_round, units, [demo_round["problems"]["police"]])
    assert "本单位牵头的问题" in str(refused.value)
    assert not Mechanism.objects.exists()


def test_a_unit_may_not_register_what_another_unit_issued(demo_round, units, court_reporter):
    with pytest.raises(PermissionDenied) as refused:
        register(
            court_reporter,
            demo_round,
            units,
            [demo_round["problems"]["court"]],
            issuing_unit=units["police"],
        )
    assert "本单位（含下级单位）制定" in str(refused.value)


def test_a_user_without_a_unit_may_not_register(demo_round, units, outsider):
    with pytest.raises(PermissionDenied):
        register(outsider, demo_round, units, [demo_round["problems"]["court"]])


def test_a_mechanism_needs_a_problem_a_name_and_a_past_date(demo_round, units, office_clerk):
    with pytest.raises(ValidationError) as refused:
        register(
            office_clerk,
            demo_round,
            units,
            [],
            name="",
            issued_on=timezone.localdate() + datetime.timedelta(days=3),
        )
    errors = refused.value.message_dict
    assert errors["problems"] == ["请至少选择一个该机制针对的问题。"]
    assert "name" in errors
    assert "不能晚于今天" in errors["issued_on"][0]
    assert not Mechanism.objects.exists()


def test_a_problem_of_another_round_is_refused(demo_round, units, office_clerk):
    other = ProblemFactory(category__round__office=units["committee"])
    with pytest.raises(ValidationError) as refused:
        register(office_clerk, demo_round, units, [other])
    assert refused.value.message_dict["problems"] == ["只能关联本轮的问题。"]


def test_a_bad_file_saves_nothing(demo_round, units, office_clerk):
    with pytest.raises(ValidationError) as refused:
        register(
            office_clerk,
            demo_round,
            units,
            [demo_round["problems"]["court"]],
            file=upload("制度.pdf", b"MZ\x90\x00 this is an exe"),
        )
    assert refused.value.message_dict["file"] == ["“制度.pdf”是可执行程序，不予接收。"]
    assert not Mechanism.objects.exists()
    assert not Event.objects.filter(kind=Event.Kind.MECHANISM_LINKED).exists()


def test_linking_and_unlinking_are_recorded(demo_round, units, office_clerk):
    court, police = demo_round["problems"]["court"], demo_round["problems"]["police"]
    mechanism = register(office_clerk, demo_round, units, [court])
    services.link_mechanism(office_clerk, mechanism, police)
    services.unlink_mechanism(office_clerk, mechanism, court)
    assert list(mechanism.problems.all()) == [police]
    unlinked = Event.objects.filter(problem=court).latest("pk")
    assert unlinked.changes["mechanism"] == ["专题学习督查制度（临法〔2023〕12号）", None]
    assert unlinked.actor == office_clerk


def test_linking_twice_is_refused(demo_round, units, office_clerk):
    court = demo_round["problems"]["court"]
    mechanism = register(office_clerk, demo_round, units, [court])
    with pytest.raises(ValidationError) as refused:
        services.link_mechanism(office_clerk, mechanism, court)
    assert "已经关联问题 1-1" in str(refused.value)


def test_a_unit_may_not_unlink_the_offices_mechanism_from_its_problem(
    demo_round, units, office_clerk, police_reporter
):
    police = demo_round["problems"]["police"]
    mechanism = register(office_clerk, demo_round, units, [police], issuing_unit=units["committee"])
    with pytest.raises(PermissionDenied):
        services.unlink_mechanism(police_reporter, mechanism, police)
    assert mechanism.problems.count() == 1


def test_a_long_file_name_is_stored_shortened(demo_round, units, office_clerk):
    title = "关于印发" + "《临江市法院系统专题学习督查工作实施办法》" * 5 + "的通知.pdf"
    mechanism = register(
        office_clerk, demo_round, units, [demo_round["problems"]["court"]], file=pdf(title)
    )
    assert len(mechanism.file_name) <= 120 and mechanism.file_name.endswith("的通知.pdf")
    assert mechanism.file.name.endswith(".pdf") and "通知" not in mechanism.file.name

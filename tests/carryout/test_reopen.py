"""Anything closed can be reopened by the office with a reason; a rebound (变异反弹) keeps
the day it had been closed on."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.carryout.conftest import AS_OF, close
from zhenggai.carryout import services
from zhenggai.carryout.models import Reopening
from zhenggai.ledger.models import Event, Measure, Problem

CLOSED_ON = AS_OF + datetime.timedelta(days=3)


@pytest.fixture
def closed(measures, court_reporter, office_clerk):
    close(measures["tribunal"], court_reporter, office_clerk)
    return Measure.objects.get(pk=measures["tribunal"].pk)


def test_the_office_reopens_a_closed_measure_with_a_reason(closed, office_clerk):
    reopening = services.reopen_measure(office_clerk, closed, "复查发现学习记录系补写。")

    measure = Measure.objects.get(pk=closed.pk)
    assert measure.status == "in_progress" and measure.closed_on is None
    assert reopening.previous_status == "closed" and reopening.previously_closed_on == CLOSED_ON
    assert not reopening.is_rebound
    event = Event.objects.get(kind=Event.Kind.REOPENED, measure=closed)
    assert event.changes["reason"] == [None, "复查发现学习记录系补写。"]
    problem = Problem.objects.get(pk=closed.problem_id)
    assert problem.status == "in_progress" and problem.closed_on is None


def test_a_rebound_is_recorded_as_such_and_keeps_the_earlier_closing_day(closed, office_clerk):
    reopening = services.reopen_measure(office_clerk, closed, "同类问题再次出现。", is_rebound=True)

    assert reopening.is_rebound and reopening.previously_closed_on == CLOSED_ON
    assert Event.objects.filter(kind=Event.Kind.REBOUND, measure=closed).exists()


def test_a_closed_out_problem_is_reopened_with_all_its_measures(closed, office_clerk):
    problem = Problem.objects.get(pk=closed.problem_id)
    reopening = services.reopen_problem(office_clerk, problem, "群众再次反映。", is_rebound=True)

    assert reopening.problem == problem and reopening.previously_closed_on == CLOSED_ON
    problem.refresh_from_db()
    assert problem.status == "in_progress" and problem.closed_on is None
    assert set(problem.measures.values_list("status", flat=True)) == {"in_progress"}
    kinds = Event.objects.filter(kind=Event.Kind.REBOUND).values_list("measure", flat=True)
    assert sorted(kinds, key=str) == sorted([None, closed.pk], key=str)


def test_a_reopened_measure_is_closed_again_only_through_a_new_verification(
    closed, office_clerk, court_reporter
):
    services.reopen_measure(office_clerk, closed, "需要补充材料。")
    close(closed, court_reporter, office_clerk)

    assert Measure.objects.get(pk=closed.pk).status == "closed"
    assert Reopening.objects.get().previously_closed_on == CLOSED_ON


def test_a_unit_cannot_reopen(closed, court_reporter):
    with pytest.raises(PermissionDenied) as refused:
        services.reopen_measure(court_reporter, closed, "想再改改。")
    assert "整改办" in str(refused.value)


def test_a_reason_is_required(closed, office_clerk):
    with pytest.raises(ValidationError) as refused:
        services.reopen_measure(office_clerk, closed, "  ")
    assert refused.value.message_dict == {"reason": ["请填写重新打开的原因。"]}
    assert not Reopening.objects.exists()


def test_an_open_measure_or_problem_cannot_be_reopened(measures, demo_round, office_clerk):
    with pytest.raises(ValidationError):
        services.reopen_measure(office_clerk, measures["court"], "原因")
    with pytest.raises(ValidationError) as refused:
        services.reopen_problem(office_clerk, demo_round["problems"]["court"], "原因")
    assert "只有已销号的问题可以重新打开" in str(refused.value)

"""A whole problem is checked once all its measures are closed: a pass is recorded, a fail
returns all its measures."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.carryout.conftest import AS_OF, close
from tests.carryout.samples import upload
from zhenggai.carryout import services
from zhenggai.carryout.models import Verification
from zhenggai.ledger.models import Event, Problem


@pytest.fixture
def closed_problem(demo_round, measures, court_reporter, office_clerk):
    close(measures["tribunal"], court_reporter, office_clerk)
    return Problem.objects.get(pk=demo_round["problems"]["tribunal"].pk)


def check(user, problem, result="pass", methods=("spot_check", "visit_public"), **kw):
    return services.verify_problem(
        user,
        problem,
        methods=list(methods),
        verified_on=AS_OF,
        findings=kw.pop("findings", "抽查了三个法庭，走访了当事人。"),
        result=result,
        **kw,
    )


def test_a_closed_problem_passes_its_overall_check(closed_problem, office_clerk):
    verification = check(office_clerk, closed_problem, files=[upload("抽查记录.pdf")])

    assert verification.problem == closed_problem and verification.measure is None
    assert verification.evidence.count() == 1
    assert Problem.objects.get(pk=closed_problem.pk).status == "closed"
    event = Event.objects.get(kind=Event.Kind.VERIFIED, problem=closed_problem, measure=None)
    assert event.changes["verification"][1]["result"] == "pass"


def test_a_failed_overall_check_returns_every_measure(closed_problem, office_clerk):
    check(office_clerk, closed_problem, result="fail", findings="基层法庭仍有超审限案件。")

    problem = Problem.objects.get(pk=closed_problem.pk)
    assert problem.status == "in_progress" and problem.closed_on is None
    assert set(problem.measures.values_list("status", flat=True)) == {"returned"}
    assert Event.objects.filter(kind=Event.Kind.VERIFICATION_FAILED, measure=None).exists()


def test_a_problem_with_open_measures_cannot_be_checked_as_a_whole(demo_round, office_clerk):
    with pytest.raises(ValidationError) as refused:
        check(office_clerk, demo_round["problems"]["court"])
    assert "全部整改措施销号后" in str(refused.value)


def test_a_unit_cannot_check_a_whole_problem(closed_problem, court_reporter):
    with pytest.raises(PermissionDenied):
        check(court_reporter, closed_problem)


def test_the_overall_check_obeys_the_close_out_rule(closed_problem, office_clerk):
    with pytest.raises(ValidationError) as refused:
        check(office_clerk, closed_problem, methods=["briefing"])
    assert "仅听取汇报不能作为销号依据" in str(refused.value)
    assert not Verification.objects.filter(problem=closed_problem).exists()

"""An office login without a person (no unit of its own) is not outside every unit: it sits
in the units its roles are given for. Given the office role for the 整改办, it answers for
what the 整改办 leads, as a clerk of the 整改办 does: it may not move that deadline, asks
instead and does not decide the request, while it changes and decides the court's. Given the
role for the committee, it answers for the committee's whole tree. (Closing is stricter: a
login without a person closes nothing, tests/authority/test_verify_page_says_why.py.)"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import MeasureFactory, UserFactory, grant
from tests.requests.conftest import ask, ask_change, in_days
from zhenggai.authority.models import Role
from zhenggai.ledger import services as ledger
from zhenggai.ledger.models import Measure
from zhenggai.requests import policy

WHY = "该措施由您所在单位（或其下级单位）牵头"


def unnamed(unit, username="unnamed"):
    user = UserFactory(username=username)
    grant(user, Role.OFFICE, unit)
    return user


@pytest.fixture
def own(units, demo_round):
    """A measure the 整改办 itself leads."""
    problem = demo_round["problems"]["court"]
    return MeasureFactory(problem=problem, number=3, lead_unit=units["office"])


@pytest.fixture
def court(demo_round):
    """The court's measure 1-1.1, committed for 2023-12-31."""
    return demo_round["problems"]["court"].measures.get(number=1)


def move(user, measure):
    fresh = Measure.objects.get(pk=measure.pk)
    ledger.update_measure(user, fresh, version=fresh.version, deadline=in_days(90))


def test_it_may_not_move_the_offices_own_deadline_but_moves_the_courts(units, own, court):
    user = unnamed(units["office"])
    with pytest.raises(PermissionDenied, match=WHY):
        move(user, own)
    assert Measure.objects.get(pk=own.pk).deadline == own.deadline
    move(user, court)
    assert Measure.objects.get(pk=court.pk).deadline == in_days(90)


def test_it_asks_for_the_office_and_decides_for_the_court(
    units, own, court, court_reporter, office_clerk
):
    user = unnamed(units["office"])
    asked = ask(user, own)
    assert asked.current_deadline == own.deadline
    other = ask_change(office_clerk, own, text="改由整改办按月通报。")
    assert not policy.can_decide(user, other)[0]
    assert policy.can_decide(user, ask(court_reporter, court))[0]
    assert policy.can_decide(office_clerk, asked)[0] is False


def test_given_the_role_for_the_committee_it_answers_for_the_whole_tree(units, court):
    user = unnamed(units["committee"], "unnamed-committee")
    with pytest.raises(PermissionDenied, match=WHY):
        move(user, court)
    assert Measure.objects.get(pk=court.pk).deadline == datetime.date(2023, 12, 31)

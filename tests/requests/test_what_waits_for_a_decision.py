"""What the home page and the list count as waiting for a user's decision (policy.deciding_q)
is exactly the open requests the user may decide (policy.can_decide): for the office, a
clerk whose own unit asked, the approving leader, the asker, a unit and a login without a
person."""

import pytest

from tests.factories import MeasureFactory, UserFactory, grant
from tests.requests.conftest import ask, ask_change
from zhenggai.authority.models import Role
from zhenggai.requests import policy, services
from zhenggai.requests.models import ChangeRequest, ExtensionRequest

# Who, and how many of the four open requests it may decide: the court's two; the approving
# leader all four; the court itself none.
DECIDERS = [
    ("office_clerk", 2),
    ("colleague", 2),
    ("leader", 4),
    ("court_reporter", 0),
    ("unnamed", 2),
]


@pytest.fixture
def unnamed(units):
    """An office login with no person: it sits in the 整改办 its role is given for."""
    user = UserFactory(username="unnamed")
    grant(user, Role.OFFICE, units["office"])
    return user


@pytest.fixture
def requests_(demo_round, measures, units, court_reporter, office_clerk, colleague):
    own = MeasureFactory(
        problem=demo_round["problems"]["police"], number=2, lead_unit=units["office"]
    )
    decided = ask(court_reporter, measures["shared"])
    services.approve(office_clerk, decided, version=measures["shared"].version)
    return [
        ask(court_reporter, measures["court"]),
        ask_change(court_reporter, measures["court"], text="按季度学习并考核。"),
        ask(office_clerk, own),
        ask_change(colleague, own, text="改由整改办按月通报。"),
        ExtensionRequest.objects.get(pk=decided.pk),
    ]


@pytest.mark.parametrize(("who", "count"), DECIDERS)
def test_the_count_is_what_the_user_may_decide(requests_, request, who, count, demo_round):
    user = request.getfixturevalue(who)
    round_ = demo_round["round"]
    waiting = {
        (type(r), r.pk)
        for model in (ExtensionRequest, ChangeRequest)
        for r in model.objects.filter(policy.deciding_q(user, [round_]))
    }
    may = {(type(r), r.pk) for r in requests_ if policy.can_decide(user, r)[0]}
    assert waiting == may
    assert len(may) == count


PLURALS = {ExtensionRequest: "extension-requests", ChangeRequest: "change-requests"}


@pytest.mark.parametrize(("who", "count"), DECIDERS)
def test_the_api_lists_what_waits_for_the_user(requests_, request, who, count, api_as, demo_round):
    user = request.getfixturevalue(who)
    api = api_as(user)
    may = {(PLURALS[type(r)], r.pk) for r in requests_ if policy.can_decide(user, r)[0]}
    for filters in ({}, {"round": demo_round["round"].pk}):
        listed = {
            (plural, item["id"])
            for plural in PLURALS.values()
            for item in api.get(f"/api/{plural}", waiting="true", **filters).json()["items"]
        }
        assert listed == may
    assert len(may) == count

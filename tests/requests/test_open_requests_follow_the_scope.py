"""The open requests a unit or a leader sees (the round home's count, the list's open tabs) are
asked about row by row; the others through the scope's UNION. Both give the requests of the
measures the user sees, no more and no fewer."""

import pytest

from tests.factories import user_in
from tests.requests.conftest import ask, ask_change
from zhenggai.authority.models import Role
from zhenggai.ledger.policy import measures_in
from zhenggai.requests import services
from zhenggai.requests.models import ChangeRequest, ExtensionRequest
from zhenggai.requests.policy import requests_in


@pytest.fixture
def users(demo_round, units, court_reporter, tribunal_reporter, police_reporter, outsider):
    # The station cooperates on the court's shared measure; the tribunal's leader leads the
    # police's problem.
    station_reporter = user_in(units["station"], "station", Role.REPORTER)
    tribunal_leader = user_in(units["tribunal"], "tribunal_leader", Role.LEADER, is_leader=True)
    police_problem = demo_round["problems"]["police"]
    police_problem.lead_leader = tribunal_leader.person
    police_problem.save()
    return [
        court_reporter,
        tribunal_reporter,
        police_reporter,
        station_reporter,
        tribunal_leader,
        outsider,
    ]


def _ask_change(user, measure):
    return ask_change(user, measure, text=f"{measure.text}（细化到季度）")


@pytest.mark.parametrize(
    ("model", "asked"), [(ExtensionRequest, ask), (ChangeRequest, _ask_change)]
)
def test_a_user_sees_the_requests_of_its_measures_open_or_decided(
    demo_round, measures, users, office_clerk, model, asked
):
    court, tribunal, police = users[:3]
    for asker, key in [
        (court, "court"),
        (court, "shared"),
        (tribunal, "tribunal"),
        (police, "police"),
    ]:
        asked(asker, measures[key])
    services.approve(office_clerk, model.objects.get(measure=measures["court"]), version=1)
    round_ = demo_round["round"]
    seen = {}
    for user in users:
        own = set(measures_in(user, round_).values_list("pk", flat=True))
        for status in (model.Status.PENDING, ""):
            rows = requests_in(model, user, round_, status)
            expected = model.objects.filter(round=round_, measure__in=own)
            if status:
                expected = expected.filter(status=status)
            assert set(rows.values_list("pk", flat=True)) == set(
                expected.values_list("pk", flat=True)
            )
        pending = requests_in(model, user, round_, model.Status.PENDING)
        seen[user.username] = sorted(request.measure.code for request in pending)
    assert seen == {
        "court": ["1-1.2", "1-2.1"],  # the tribunal is under the court
        "tribunal": ["1-2.1"],
        "police": ["1-1.2", "1-3.1"],
        "station": ["1-1.2"],
        "tribunal_leader": ["1-2.1", "1-3.1"],
        "outsider": [],
    }

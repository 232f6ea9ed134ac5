"""A reporter filtering the ledger by a unit lists what that unit's tree answers for among what
the reporter sees: within its own tree the round's rows narrowed as the office's are (nothing
there is hidden from it), above it (its parent, for a leader's scope) only the scope's share."""

import pytest
from django.urls import reverse

from tests.factories import RoundFactory, grant, user_in
from zhenggai.authority.models import Role
from zhenggai.ledger import policy
from zhenggai.ledger.models import Measure, Problem


@pytest.fixture
def reporters(units, police_reporter, court_reporter, tribunal_reporter):
    # A leader who reports for the tribunal and leads the police's problem (a scope with a
    # part of its own).
    chief = user_in(
        units["tribunal"], "chief", Role.REPORTER, Role.LEADER, name="林院长", is_leader=True
    )
    return [police_reporter, court_reporter, tribunal_reporter, chief]


def listed(client, round_, view: str, **params) -> list[int]:
    url = reverse("ledger:ledger", args=[round_.pk])
    response = client.get(url, {"view": view, **params})
    assert response.status_code == 200
    return [row.pk for row in response.context["page"].object_list]


@pytest.mark.parametrize("view, model", [("measures", Measure), ("problems", Problem)])
@pytest.mark.parametrize("role", ["", "lead"])
def test_a_unit_filter_lists_the_units_rows_the_reporter_sees(
    client, units, demo_round, office_clerk, reporters, view, model, role
):
    round_ = demo_round["round"]
    Problem.objects.filter(pk=demo_round["problems"]["police"].pk).update(
        lead_leader=reporters[-1].person
    )
    for unit in units.values():
        client.force_login(office_clerk)
        everyone = listed(client, round_, view, unit=unit.pk, unit_role=role)
        for reporter in reporters:
            if not policy.units_visible_to(reporter).filter(pk=unit.pk).exists():
                continue  # not a unit it may filter by
            seen = set(model.objects.visible_to(reporter).values_list("pk", flat=True))
            client.force_login(reporter)
            offered = listed(client, round_, view, unit=unit.pk, unit_role=role)
            assert offered == [pk for pk in everyone if pk in seen], (reporter, unit)


def test_a_city_like_reporter_sees_its_station_s_cooperation_through_the_filter(
    client, units, demo_round, police_reporter
):
    """The police's tree holds the station, which cooperates on the court's measure."""
    client.force_login(police_reporter)
    round_ = demo_round["round"]
    station = listed(client, round_, "measures", unit=units["station"].pk)
    assert station == [demo_round["shared"].pk]
    assert listed(client, round_, "measures", unit=units["station"].pk, unit_role="lead") == []


def test_a_tree_held_in_another_round_opens_nothing_in_this_one(client, units, demo_round):
    """The police may be chosen (the reporter holds it in a second round), but in this round
    the reporter answers for the tribunal alone: the filter shows nothing of the police's."""
    second = RoundFactory(office=units["committee"], name="市委第二巡察组反馈意见整改")
    reporter = user_in(units["committee"], "police_once", name="郑干事")
    grant(reporter, Role.REPORTER, units["police"], round=second)
    grant(reporter, Role.REPORTER, units["tribunal"], round=demo_round["round"])
    client.force_login(reporter)
    police = units["police"].pk
    assert listed(client, demo_round["round"], "measures", unit=police) == []
    assert listed(client, demo_round["round"], "problems", unit=police, unit_role="lead") == []
    assert listed(client, demo_round["round"], "measures") != []  # the tribunal's own

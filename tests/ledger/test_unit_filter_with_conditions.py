"""A unit filter combined with conditions on measures (overdue, kind, stage, deadline) lists
exactly the measures the unit's tree answers for that meet them, however the tree answers
for each: leading it, leading its problem, or cooperating on it."""

import datetime

import pytest

from tests.factories import MeasureFactory, ProblemFactory
from zhenggai.ledger.models import Measure
from zhenggai.ledger.queries import LedgerQuery, filter_measures
from zhenggai.rules.status import MeasureStatus

ON = datetime.date(2026, 12, 7)
PAST, FUTURE = datetime.date(2026, 11, 30), datetime.date(2027, 3, 31)


@pytest.fixture
def measures(demo_round, units):
    """The police tree (the bureau and its station) answers for three measures by each way,
    one overdue, one not yet due, one done though its deadline has passed."""
    round_, category = demo_round["round"], demo_round["category"]
    court_problem = ProblemFactory(
        round=round_, category=category, number=10, lead_unit=units["court"]
    )
    police_problem = ProblemFactory(
        round=round_, category=category, number=11, lead_unit=units["station"]
    )
    made = {}
    for way, values in {
        "leads": {"problem": court_problem, "lead_unit": units["station"]},
        "leads its problem": {"problem": police_problem, "lead_unit": units["court"]},
        "cooperates": {
            "problem": court_problem,
            "lead_unit": units["tribunal"],
            "cooperating_units": [units["police"]],
        },
        "elsewhere": {"problem": court_problem, "lead_unit": units["tribunal"]},
    }.items():
        for state, deadline, status in [
            ("overdue", PAST, MeasureStatus.IN_PROGRESS),
            ("due later", FUTURE, MeasureStatus.IN_PROGRESS),
            ("done", PAST, MeasureStatus.DONE_PENDING),
        ]:
            made[way, state] = MeasureFactory(deadline=deadline, status=status, **values)
    return made


def listed(units, **conditions):
    query = LedgerQuery(unit=units["police"], **conditions)
    rows = filter_measures(Measure.objects.all(), query, ON)
    return set(rows.values_list("pk", flat=True))


def test_overdue_lists_the_tree_s_overdue_measures_by_every_way(measures, units, demo_round):
    expected = {measures[way, "overdue"].pk for way in ("leads", "leads its problem", "cooperates")}
    # The demo round's own: the police's measure, and the court's that the station helps with.
    demo = {demo_round["shared"].pk, demo_round["problems"]["police"].measures.get().pk}
    assert listed(units, overdue=True) == expected | demo


def test_each_condition_keeps_what_the_tree_answers_for_and_nothing_else(measures, units):
    tree = listed(units)
    assert tree >= {measures[key].pk for key in measures if key[0] != "elsewhere"}
    assert not tree & {measures[key].pk for key in measures if key[0] == "elsewhere"}
    for conditions in [
        {"stage": "open"},
        {"stage": "done"},
        {"due_from": FUTURE},
        {"due_to": PAST, "kind": Measure.Kind.TIME_BOUND},
        {"overdue": True, "stage": "open"},
    ]:
        meeting = filter_measures(Measure.objects.all(), LedgerQuery(**conditions), ON)
        meeting = set(meeting.values_list("pk", flat=True))
        assert listed(units, **conditions) == tree & meeting, conditions


def test_the_office_s_page_shows_the_tree_s_overdue_codes(client, office_clerk, measures, units):
    client.force_login(office_clerk)
    round_ = measures["leads", "overdue"].round
    page = client.get(
        f"/rounds/{round_.pk}/ledger/?view=measures&unit={units['police'].pk}&overdue=on"
    ).text
    for way in ("leads", "leads its problem", "cooperates"):
        assert measures[way, "overdue"].code in page
        assert measures[way, "due later"].code not in page
    assert measures["elsewhere", "overdue"].code not in page

"""A cooperation carries its measure's round and problem, whichever way it is set: the
responsibilities the scopes read take them from it."""

from tests.factories import MeasureFactory
from zhenggai.ledger import policy, services
from zhenggai.ledger.models import MeasureCooperation


def _about_their_measures() -> set[tuple]:
    return {
        (c.round_id, c.problem_id, c.measure.round_id, c.measure.problem_id)
        for c in MeasureCooperation.objects.select_related("measure")
    }


def test_set_on_creation_and_on_change(office_clerk, demo_round, units):
    problem = demo_round["problems"]["police"]
    measure = services.create_measure(
        office_clerk,
        problem,
        cooperating_units=[units["court"]],
        text="建立案件质量月度评查机制",
        kind="time_bound",
        deadline="2027-03-31",
        deliverable="评查通报",
        lead_unit=units["police"],
    )
    services.update_measure(
        office_clerk,
        measure,
        cooperating_units=[units["court"], units["tribunal"]],
        version=measure.version,
    )
    other = MeasureFactory(cooperating_units=[units["station"]])
    assert measure.cooperating_units.count() == 2
    for round_id, problem_id, measure_round, measure_problem in _about_their_measures():
        assert (round_id, problem_id) == (measure_round, measure_problem)
    # The tribunal's reporter finds the measure it cooperates on; the station finds its
    # cooperation of another round in that round only.
    round_ = demo_round["round"]
    # Listed as ids, as the unit filter lists them.
    tribunal = policy.subtree_ids([units["tribunal"].path])
    station = policy.subtree_ids([units["station"].path])
    assert measure.pk in _keys(policy.responsible_measures(tribunal, rounds=[round_.pk]))
    assert problem.pk in _keys(policy.responsible_problems(tribunal, rounds=[round_.pk]))
    assert other.pk not in _keys(policy.responsible_measures(station, rounds=[round_.pk]))
    assert other.pk in _keys(policy.responsible_measures(station, rounds=[other.round_id]))


def _keys(answered) -> set[int]:
    """The one key each row names (a measure's or a problem's)."""
    return {key for row in answered.order_by() for key in row.values()}

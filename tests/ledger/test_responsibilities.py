"""Which units answer for each measure is kept by the database, whatever writes the ledger:
the services, a bulk write, a deletion. The scopes read it; a unit that stops answering for a
measure stops seeing it."""

import copy

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations import Migration
from django.db.models import signals
from django.urls import reverse

from tests.factories import MeasureFactory, ProblemFactory
from zhenggai.ledger import responsibilities, services
from zhenggai.ledger.models import Measure, MeasureCooperation, Problem, Responsibility


def _answering() -> set[tuple]:
    """What the table holds: (measure, unit, round, problem)."""
    return set(Responsibility.objects.values_list("measure", "unit", "round", "problem"))


def _derived() -> set[tuple]:
    """The same, from the ledger itself: each measure's lead unit, its problem's lead unit
    and its cooperating units."""
    rows = set()
    for measure in Measure.objects.select_related("problem"):
        units = {measure.lead_unit_id, measure.problem.lead_unit_id}
        units |= {c.unit_id for c in MeasureCooperation.objects.filter(measure=measure)}
        about = (measure.round_id, measure.problem_id)
        rows |= {(measure.pk, unit, *about) for unit in units if unit is not None}
    return rows


def _agree():
    assert _answering() == _derived()


def test_kept_through_the_services(office_clerk, demo_round, units):
    _agree()
    problem = demo_round["problems"]["police"]
    measure = services.create_measure(
        office_clerk,
        problem,
        cooperating_units=[units["court"], units["tribunal"]],
        text="开展执法规范化专项检查",
        kind="time_bound",
        deadline="2027-06-30",
        deliverable="检查报告",
        lead_unit=units["station"],
    )
    _agree()
    measure = services.update_measure(
        office_clerk,
        measure,
        cooperating_units=[units["tribunal"]],
        lead_unit=units["court"],
        version=measure.version,
    )
    _agree()
    services.update_problem(
        office_clerk, problem, lead_unit=units["tribunal"], version=problem.version
    )
    _agree()
    problem.refresh_from_db()
    services.update_problem(office_clerk, problem, lead_unit=None, version=problem.version)
    _agree()
    services.delete_measure(office_clerk, Measure.objects.get(pk=measure.pk))
    _agree()
    assert not Responsibility.objects.filter(measure=measure.pk).exists()


def test_a_unit_answering_twice_keeps_its_row_when_one_reason_goes(demo_round, units):
    """The court leads the problem, the measure and cooperates on it (as an import may say):
    taking away one reason leaves the others."""
    court, police = units["court"], units["police"]
    problem = ProblemFactory(round=demo_round["round"], category=demo_round["category"], number=9)
    Problem.objects.filter(pk=problem.pk).update(lead_unit=court)
    measure = MeasureFactory(problem=problem, number=1, lead_unit=court, cooperating_units=[court])
    _agree()
    measure.cooperating_units.remove(court)
    _agree()
    Measure.objects.filter(pk=measure.pk).update(lead_unit=police)
    assert Responsibility.objects.filter(measure=measure, unit=court).exists()  # its problem
    Problem.objects.filter(pk=problem.pk).update(lead_unit=police)
    assert not Responsibility.objects.filter(measure=measure, unit=court).exists()
    _agree()


def test_kept_through_bulk_writes_and_deletions(demo_round, units):
    round_, category = demo_round["round"], demo_round["category"]
    problem = ProblemFactory(round=round_, category=category, number=8, lead_unit=units["police"])
    made = Measure.objects.bulk_create(
        [
            MeasureFactory.build(problem=problem, number=n, lead_unit=units[key], round=round_)
            for n, key in enumerate(["station", "tribunal", "police"], start=1)
        ]
    )
    MeasureCooperation.objects.bulk_create(
        [MeasureCooperation.of(measure, units["court"]) for measure in made]
    )
    _agree()
    Measure.objects.filter(problem=problem).update(lead_unit=units["office"])
    _agree()
    MeasureCooperation.objects.filter(measure__problem=problem).delete()
    _agree()
    MeasureCooperation.objects.filter(measure=demo_round["shared"]).update(unit=units["tribunal"])
    _agree()
    demo_round["problems"]["court"].delete()
    _agree()


def test_the_migration_fills_it_from_the_ledger(demo_round, units):
    vendor = connection.vendor
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {responsibilities.TABLE}")
        assert _answering() == set()
        cursor.execute(responsibilities.fill(vendor))
    _agree()
    assert len(_answering()) == 5  # four lead units, and the police station's cooperation


def test_a_unit_stops_seeing_a_measure_it_no_longer_answers_for(
    client, office_clerk, police_reporter, demo_round, units
):
    shared = demo_round["shared"]  # the court's, with the police station cooperating
    page = reverse("carryout:report_list", args=[shared.pk])
    client.force_login(police_reporter)
    assert client.get(page).status_code == 200
    services.update_measure(office_clerk, shared, cooperating_units=[], version=shared.version)
    assert client.get(page).status_code == 404
    problem = demo_round["problems"]["court"]
    services.update_problem(
        office_clerk, problem, lead_unit=units["police"], version=problem.version
    )
    assert client.get(page).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_kept_through_a_migration_that_remakes_the_measures_table(demo_round, units):
    """SQLite changes a column by copying the table into a new one: the migrate command takes
    the triggers down around it and puts them back."""
    ledger = apps.get_app_config("ledger")
    migrating = {"sender": ledger, "app_config": ledger, "verbosity": 0, "interactive": False}
    deliverable = Measure._meta.get_field("deliverable")
    wider = copy.deepcopy(deliverable)
    wider.max_length = 400
    applied = [(Migration("0099_wider_deliverable", "ledger"), False)]
    signals.pre_migrate.send(**migrating, using="default", plan=applied)
    with connection.schema_editor() as editor:
        editor.alter_field(Measure, deliverable, wider)
        editor.alter_field(Measure, wider, deliverable)
    signals.post_migrate.send(**migrating, using="default", plan=applied)
    _agree()
    MeasureFactory(
        problem=demo_round["problems"]["police"],
        lead_unit=units["station"],
        cooperating_units=[units["court"]],
    )
    _agree()
    assert len(_answering()) == 8  # the station leads, the police its problem, the court cooperates

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from tests.factories import login_request
from zhenggai.audit import trail
from zhenggai.audit.models import AuditEntry, Kind
from zhenggai.ledger.models import (
    InspectionRound,
    Measure,
    MeasureCooperation,
    Problem,
    Unit,
)
from zhenggai.ledger.policy import rounds_visible_to
from zhenggai.ledger.queries import today
from zhenggai.ops import generator
from zhenggai.rules.deadlines import Light, is_overdue
from zhenggai.rules.status import problem_status

pytestmark = pytest.mark.django_db


def gen(**options) -> str:
    out = StringIO()
    call_command("gen", count=0.01, stdout=out, **options)
    return out.getvalue()


def test_gen_builds_a_consistent_tree_and_ledger():
    summary = gen()

    assert "200 个问题、1000 条措施" in summary
    units = {u.pk: u for u in Unit.objects.all()}
    assert len(units) == 300
    for unit in units.values():
        parent_path = units[unit.parent_id].path if unit.parent_id else ""
        assert unit.path == f"{parent_path}{unit.pk:06d}/"
        assert unit.depth == unit.path.count("/")
    assert max(u.depth for u in units.values()) == 4
    for problem in Problem.objects.select_related("category"):
        assert problem.category.round_id == problem.round_id
        assert problem.position == problem.category.number * 100_000 + problem.number
        statuses = problem.measures.values_list("status", flat=True)
        assert problem.status == problem_status(statuses)
        lights = problem.measures.values_list("light", flat=True)
        assert problem.light == max(lights, key=[Light.GREEN, Light.YELLOW, Light.RED].index)
    for measure in Measure.objects.select_related("problem"):
        assert measure.round_id == measure.problem.round_id
        assert measure.position == measure.problem.position * 1000 + measure.number
        overdue = is_overdue(measure.deadline, measure.status, today())
        assert (measure.light == Light.RED) == overdue
    cooperations = MeasureCooperation.objects.select_related("measure")
    assert all(c.unit_id != c.measure.lead_unit_id for c in cooperations)
    assert all(
        (c.round_id, c.problem_id) == (c.measure.round_id, c.measure.problem_id)
        for c in cooperations
    )


def test_gen_makes_the_bench_logins():
    gen(password="another-pass-1")

    admin = authenticate(login_request(), username="bench_admin", password="another-pass-1")
    office = authenticate(login_request(), username="bench_office", password="another-pass-1")
    unit = authenticate(login_request(), username="bench_unit", password="another-pass-1")
    assert admin.is_superuser
    assert office.person.unit.name == generator.ROOT_NAME
    assert unit.person.unit.name.endswith("县公安局")
    # The benchmarks act as the office, the unit and the leader; the administrator sees no round.
    assert rounds_visible_to(office).count() == InspectionRound.objects.count()
    assert not rounds_visible_to(admin).exists()
    leader = authenticate(login_request(), username="bench_leader", password="another-pass-1")
    biggest = InspectionRound.objects.order_by("-feedback_date").first()
    assert biggest.problems.filter(lead_leader=leader.person).exists()


def test_a_second_run_without_fresh_refuses_and_changes_nothing():
    gen()

    with pytest.raises(CommandError, match="--fresh"):
        gen()
    assert Problem.objects.count() == 200


def test_fresh_removes_the_generated_data_only_and_regenerates():
    gen()
    old_units = set(Unit.objects.values_list("pk", flat=True))
    office = Unit.objects.create(name="其他单位")
    InspectionRound.objects.create(
        name="其他轮次",
        team="组",
        organization="单位",
        office=office,
        feedback_date="2026-01-05",
        rectification_deadline="2026-03-05",
        report_deadline="2026-03-05",
    )

    gen(fresh=True)

    assert not old_units & set(Unit.objects.values_list("pk", flat=True))
    assert Unit.objects.count() == 301
    assert InspectionRound.objects.filter(name="其他轮次").exists()
    assert InspectionRound.objects.filter(name__startswith=generator.ROUND_PREFIX).count() == 10
    assert Problem.objects.count() == 200


def test_the_audit_trail_holds_one_entry_per_generation_and_removal():
    gen()
    gen(fresh=True)

    entries = AuditEntry.objects.order_by("seq")
    assert [(e.kind, e.object_type, e.object_text) for e in entries] == [
        (Kind.CREATED, "压测数据", "生成的压测数据"),
        (Kind.DELETED, "压测数据", "上次生成的压测数据"),
        (Kind.CREATED, "压测数据", "生成的压测数据"),
    ]
    assert entries.last().after["problems"] == 200
    assert trail.verify()[1] is None


def test_the_same_seed_gives_the_same_ledger():
    gen(seed=7)
    first = list(Measure.objects.order_by("round__name", "position").values_list("text", "status"))
    gen(seed=7, fresh=True)
    second = list(Measure.objects.order_by("round__name", "position").values_list("text", "status"))

    assert first == second

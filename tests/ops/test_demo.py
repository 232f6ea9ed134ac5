from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Q
from django.utils import timezone

from tests.factories import UserFactory, grant, login_request
from tests.module_data import built_once
from zhenggai.accounts.models import PasswordChangeDue
from zhenggai.authority.models import Role
from zhenggai.ledger import services
from zhenggai.ledger.models import (
    Claim,
    Event,
    InspectionRound,
    Measure,
    Person,
    Problem,
    Unit,
)
from zhenggai.ledger.policy import rounds_visible_to, supervises
from zhenggai.ops import demo
from zhenggai.ops.demo_data import ADMIN_USERNAME, DEMO_PASSWORD, ELSEWHERE_ROUND, USERS

pytestmark = pytest.mark.django_db

GRASS_ROOTS = [Unit.Kind.TRIBUNAL, Unit.Kind.POLICE_STATION, Unit.Kind.JUSTICE_OFFICE]


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
    with built_once(django_db_blocker, tmp_path_factory.mktemp("demo")):
        yield demo.load().round.pk


@pytest.fixture
def demo_loaded(demo_once):
    return InspectionRound.objects.get(pk=demo_once)


def run_demo(**options) -> str:
    out = StringIO()
    call_command("demo", no_serve=True, stdout=out, **options)
    return out.getvalue()


def login(username):
    return get_user_model().objects.get(username=username)


def counts() -> dict[str, int]:
    models = [InspectionRound, Unit, Person, get_user_model(), Problem, Measure, Claim, Event]
    return {model.__name__: model.objects.count() for model in models}


def involves(measure: Measure, unit: Unit) -> bool:
    """What the policy lets a unit see: it or a sub-unit leads the measure or its problem, or
    cooperates on the measure."""
    units = [measure.lead_unit, measure.problem.lead_unit, *measure.cooperating_units.all()]
    return any(u is not None and u.path.startswith(unit.path) for u in units)


def test_the_demo_command_loads_the_round_and_prints_url_and_logins():
    out = run_demo(addr="127.0.0.1:8123")

    assert InspectionRound.objects.filter(name=demo.demo_round().name).count() == 1
    assert "已载入演示数据" in out
    assert "http://127.0.0.1:8123/" in out
    assert DEMO_PASSWORD in out
    for username in [ADMIN_USERNAME, *USERS]:
        assert f"  {username}" in out
        assert authenticate(login_request(), username=username, password=DEMO_PASSWORD) is not None
    # Visitors use the demo logins as they are: none is sent to change its password first.
    assert not PasswordChangeDue.objects.exists()


def test_the_demo_ledger_is_full_and_has_deadlines_on_both_sides_of_today(demo_loaded):
    today = timezone.localdate()
    measures = demo_loaded.measures.all()

    assert demo_loaded.categories.count() >= 4
    assert demo_loaded.problems.count() >= 12
    assert measures.count() >= 40
    assert measures.filter(deadline__lt=today).exists()
    assert measures.filter(deadline__gt=today).exists()
    assert not measures.filter(lead_unit__isnull=True).exists()
    assert not measures.filter(person_in_charge__isnull=True).exists()
    assert set(measures.values_list("kind", flat=True)) == set(Measure.Kind.values)
    assert set(measures.values_list("status", flat=True)) == {
        "not_started",
        "in_progress",
        "done_pending",
        "closed",
        "ongoing",
        "returned",
    }
    assert measures.filter(
        Q(lead_unit__kind__in=GRASS_ROOTS) | Q(cooperating_units__kind__in=GRASS_ROOTS)
    ).exists()
    assert demo_loaded.problems.filter(is_key=True).exists()
    assert demo_loaded.problems.values("source").distinct().count() >= 4
    assert not demo_loaded.problems.filter(lead_leader__isnull=True).exists()


def test_the_demo_round_received_feedback_about_six_weeks_ago(demo_loaded):
    days_ago = (timezone.localdate() - demo_loaded.feedback_date).days

    assert 40 <= days_ago <= 46
    assert demo_loaded.visit_end <= demo_loaded.feedback_date
    assert demo_loaded.rectification_deadline > demo_loaded.feedback_date


def test_the_demo_is_recorded_as_the_clerks_work_with_claims(demo_loaded):
    clerk = login("office")
    created = Event.objects.filter(round=demo_loaded, kind=Event.Kind.MEASURE_CREATED)

    assert created.count() == demo_loaded.measures.count()
    assert set(created.values_list("actor", flat=True)) == {clerk.pk}
    assert Claim.objects.filter(problem__round=demo_loaded).count() >= 3
    assert Event.objects.filter(round=demo_loaded, kind=Event.Kind.CLAIMED).exists()


@pytest.mark.parametrize(
    ("username", "kind", "is_leader"),
    [
        ("office", Unit.Kind.OFFICE, False),
        ("leader", Unit.Kind.COMMITTEE, True),
        ("court", Unit.Kind.COURT, False),
        ("tribunal", Unit.Kind.TRIBUNAL, False),
        ("police", Unit.Kind.PUBLIC_SECURITY, False),
    ],
)
def test_each_named_login_is_a_person_in_a_unit_of_its_kind(demo_loaded, username, kind, is_leader):
    person = login(username).person

    assert person.unit.kind == kind
    assert person.is_leader is is_leader


@pytest.mark.parametrize(
    ("username", "whole"), [("office", True), ("leader", True), (ADMIN_USERNAME, False)]
)
def test_the_office_and_the_leader_see_the_whole_round_and_the_admin_nothing(
    demo_loaded, username, whole
):
    user = login(username)

    measures = Measure.objects.visible_to(user).filter(round=demo_loaded)
    assert measures.count() == (demo_loaded.measures.count() if whole else 0)
    problems = Problem.objects.visible_to(user).filter(round=demo_loaded)
    assert problems.count() == (demo_loaded.problems.count() if whole else 0)


def test_the_other_organization_sees_only_its_own_round(demo_loaded):
    user = login("jiangnan")
    assert [r.name for r in rounds_visible_to(user)] == [ELSEWHERE_ROUND["name"]]
    assert not Measure.objects.visible_to(user).filter(round=demo_loaded).exists()
    assert Measure.objects.visible_to(user).count() == 3
    assert not rounds_visible_to(login("office")).filter(name=ELSEWHERE_ROUND["name"]).exists()


def test_the_verifier_sees_the_round_and_runs_nothing(demo_loaded):
    user = login("jiwei")
    assert list(rounds_visible_to(user)) == [demo_loaded]
    assert not supervises(user, demo_loaded)


@pytest.mark.parametrize("username", ["court", "tribunal", "police"])
def test_a_unit_sees_exactly_the_measures_its_subtree_is_involved_in(demo_loaded, username):
    user = login(username)
    unit = user.person.unit
    visible = set(Measure.objects.visible_to(user))
    involved = {m for m in Measure.objects.all() if involves(m, unit)}

    assert visible
    assert visible == involved
    assert len(visible) < Measure.objects.count()


def test_the_tribunal_sees_less_than_its_court(demo_loaded):
    tribunal = set(Measure.objects.visible_to(login("tribunal")))
    court = set(Measure.objects.visible_to(login("court")))

    assert tribunal < court


def test_loading_twice_adds_nothing(demo_loaded):
    before = counts()

    out = run_demo()

    assert "已存在" in out
    assert counts() == before


def test_fresh_replaces_the_demo_with_a_clean_copy(demo_loaded):
    before = counts()
    demo_loaded.measures.filter(status="not_started").delete()

    out = run_demo(fresh=True)

    assert "已载入演示数据" in out
    assert counts() == before
    assert not InspectionRound.objects.filter(pk=demo_loaded.pk).exists()


def test_fresh_refuses_to_delete_demo_units_that_other_rounds_use(demo_loaded):
    other = services.create_unit("邻市委政法委", Unit.Kind.COMMITTEE)
    neighbour = UserFactory(username="neighbour")
    grant(neighbour, Role.OFFICE, other)
    round_ = services.create_round(
        neighbour,
        name="另一轮整改",
        team="省委第五巡视组",
        organization="邻市",
        office=other,
        feedback_date=timezone.localdate(),
    )
    category = services.create_category(neighbour, round_, "整改责任")
    problem = services.create_problem(neighbour, round_, category=category, text="借用演示单位。")
    court = Unit.objects.get(name="临江市中级人民法院")
    # A reference the services now refuse, as data from before organizations were checked.
    Measure.objects.create(
        problem=problem, round=round_, number=1, text="由演示法院牵头。", lead_unit=court
    )
    before = counts()

    with pytest.raises(CommandError, match="演示数据仍被其他数据引用"):
        run_demo(fresh=True)

    assert counts() == before

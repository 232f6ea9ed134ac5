"""Every measure has someone who may close it who did not do it, over the whole demo (both
organizations' rounds), and again once the office and the committee lead measures too: for each
measure at least one login may verify it, and none of those reported its latest progress,
reports for its lead or cooperating units, or sits in the lead unit's tree unless it is a
member of the round's verification group (the 纪委监委's stationed inspectors, independent of
the units whatever their seat)."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import UserFactory, grant
from tests.module_data import built_once
from zhenggai.authority.models import Role, RoleAssignment
from zhenggai.carryout import policy
from zhenggai.carryout.models import ProgressReport
from zhenggai.ledger.models import Measure, Unit
from zhenggai.ops import demo
from zhenggai.rules.closeout import REPORTED_IT, SAME_UNIT

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
    with built_once(django_db_blocker, tmp_path_factory.mktemp("demo")):
        yield demo.load().round.pk


def logins():
    """Fresh users, so that roles are read again after a test changes them."""
    return list(get_user_model().objects.select_related("person__unit"))


def closers(measure: Measure, users) -> list:
    """Who may close the measure by a passing verification, were it reported done now."""
    measure.status = "done_pending"  # not saved: the question is who, whatever the status
    return [
        user
        for user in users
        if policy.can_verify(user, measure)[0] and policy.closing_refusal(user, measure) is None
    ]


def latest_reporter(measure: Measure) -> int | None:
    latest = ProgressReport.objects.filter(measure=measure).order_by("-submitted_at", "-pk")
    return latest.values_list("submitted_by_id", flat=True).first()


def within(unit: Unit | None, tree: Unit | None) -> bool:
    return unit is not None and tree is not None and unit.path.startswith(tree.path)


def did_it(user, measure: Measure) -> str | None:
    """Why the user is not independent of the measure's work, checked from the data itself."""
    if latest_reporter(measure) == user.pk:
        return "reported its latest progress"
    responsible = [measure.lead_unit, *measure.cooperating_units.all()]
    held = RoleAssignment.objects.filter(user=user, role=Role.REPORTER).select_related("unit")
    reported_for = [assignment.unit for assignment in held]
    if any(within(unit, tree) for unit in responsible for tree in reported_for):
        return "reports for a responsible unit"
    in_group = user.verification_groups.filter(round=measure.round).exists()
    seat = getattr(getattr(user, "person", None), "unit", None)
    if not in_group and within(seat, measure.lead_unit):
        return "sits in the lead unit's tree"
    return None


def unclosable(measures, users) -> list[str]:
    problems = []
    for measure in measures:
        found = closers(measure, users)
        if not found:
            problems.append(f"{measure.round.name} {measure.code}: nobody may close it")
        problems += [
            f"{measure.code}: {user.username} may close it but {why}"
            for user in found
            if (why := did_it(user, measure))
        ]
    return problems


def all_measures():
    return Measure.objects.select_related("round", "problem__category", "lead_unit").order_by(
        "round", "pk"
    )


def test_every_demo_measure_has_an_independent_closer(demo_once):
    measures = list(all_measures())
    committee = Unit.objects.get(name="中共临江市委政法委员会")
    assert {m.round_id for m in measures} > {demo_once}  # the other organization's too
    assert sum(m.lead_unit == committee for m in measures) >= 10
    assert unclosable(measures, logins()) == []


def test_so_has_every_measure_the_office_or_the_committee_leads(demo_once):
    office = Unit.objects.get(name="市委政法委整改办（督查室）")
    committee = Unit.objects.get(name="中共临江市委政法委员会")
    mine = list(all_measures().filter(round_id=demo_once))
    for number, measure in enumerate(mine):
        measure.lead_unit = office if number % 2 else committee
        measure.save(update_fields=["lead_unit"])
    assert unclosable(mine, logins()) == []
    # The office's clerk closes none of the office's own measures; the group closes them all.
    clerk, jiwei = (get_user_model().objects.get(username=n) for n in ("office", "jiwei"))
    led_by_office = [m for m in mine if m.lead_unit == office]
    assert all(policy.closing_refusal(clerk, m) in (SAME_UNIT, REPORTED_IT) for m in led_by_office)
    assert all(jiwei in closers(m, logins()) for m in mine)


def test_a_unit_reporter_in_the_group_does_not_close_its_units_measures(demo_once):
    """The administrator puts a court reporter in the 纪委监委's group: it may close the
    police's measures, not the court's, which its own unit did."""
    court = Unit.objects.get(name="临江市中级人民法院")
    judge = UserFactory(username="court-inspector")
    grant(judge, Role.REPORTER, court)
    get_user_model().objects.get(username="jiwei").verification_groups.get().members.add(judge)
    judge = get_user_model().objects.get(pk=judge.pk)
    measures = all_measures().filter(round_id=demo_once)
    own = [m for m in measures if within(m.lead_unit, court)]
    others = [
        m
        for m in measures
        if not any(within(u, court) for u in [m.lead_unit, *m.cooperating_units.all()])
        and latest_reporter(m) != judge.pk
    ]
    assert own and others
    assert not any(judge in closers(m, [judge]) for m in own)
    assert all(judge in closers(m, [judge]) for m in others)
    assert unclosable(measures, logins()) == []

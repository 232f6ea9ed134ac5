"""Loads the demo round of zhenggai.ops.demo_data through the ledger services, acting as the
office's clerk, so that the demo has the same record of events as work done by hand."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone

from zhenggai.ledger import services
from zhenggai.ledger.calendar import work_calendar
from zhenggai.ledger.models import InspectionRound, Person, Problem, Unit
from zhenggai.ops import demo_data as data
from zhenggai.ops.accounts import save_user


class DemoError(RuntimeError):
    pass


@dataclass(frozen=True)
class Loaded:
    round: InspectionRound
    created: bool


def demo_round() -> InspectionRound | None:
    return InspectionRound.objects.filter(name=data.ROUND["name"]).first()


@transaction.atomic
def load(fresh: bool = False) -> Loaded:
    """Create the demo unless its round exists already; with fresh, replace it."""
    existing = demo_round()
    if existing and not fresh:
        return Loaded(existing, created=False)
    remove()
    return Loaded(_create(), created=True)


@transaction.atomic
def remove() -> None:
    """Delete the demo round, any round run by a demo unit, the demo units, their people and the
    demo's named logins. The admin login stays; loading resets its password anyway."""
    root = Unit.objects.filter(name=data.UNITS["committee"][0], parent=None).first()
    units = root.subtree() if root else Unit.objects.none()
    rounds = InspectionRound.objects.filter(Q(name=data.ROUND["name"]) | Q(office__in=units))
    try:
        # Problems first: a category protects its problems from the round's cascade.
        Problem.objects.filter(round__in=rounds).delete()
        rounds.delete()
        Person.objects.filter(unit__in=units).delete()
        get_user_model().objects.filter(username__in=data.USERS).delete()
        # Children before parents: a unit protects its sub-units.
        for depth in sorted(set(units.values_list("depth", flat=True)), reverse=True):
            units.filter(depth=depth).delete()
    except ProtectedError as exc:
        names = "、".join(sorted({str(obj) for obj in exc.protected_objects})[:5])
        raise DemoError(f"演示数据仍被其他数据引用，无法删除：{names}") from exc


def _day(today: datetime.date, offset: int) -> datetime.date:
    """today + offset days, moved off a day off away from today, so a past date stays past."""
    calendar = work_calendar()
    step = datetime.timedelta(days=-1 if offset < 0 else 1)
    day = today + datetime.timedelta(days=offset)
    while not calendar.is_workday(day):
        day += step
    return day


def _create() -> InspectionRound:
    today = timezone.localdate()
    units: dict[str, Unit] = {}
    for key, (name, kind, parent) in data.UNITS.items():
        units[key] = services.create_unit(name, kind, units[parent] if parent else None)

    persons = {
        key: Person.objects.create(name=name, title=title, unit=units[unit], is_leader=leader)
        for key, (name, title, unit, leader) in data.PERSONS.items()
    }
    contacts: dict[str, Person] = {}
    for key, (_, _, unit, leader) in data.PERSONS.items():
        if not leader:
            contacts.setdefault(unit, persons[key])

    save_user(data.ADMIN_USERNAME, data.DEMO_PASSWORD, superuser=True)
    users = {}
    for username, (person_key, _) in data.USERS.items():
        person = persons[person_key]
        users[username], _ = save_user(username, data.DEMO_PASSWORD, name=person.name)
        person.user = users[username]
        person.save(update_fields=["user"])

    clerk = users["office"]
    spec = data.ROUND
    round_ = services.create_round(
        clerk,
        name=spec["name"],
        kind=spec["kind"],
        team=spec["team"],
        organization=spec["organization"],
        office=units[spec["office"]],
        visit_start=_day(today, spec["visit_start"]),
        visit_end=_day(today, spec["visit_end"]),
        feedback_date=_day(today, spec["feedback_date"]),
    )
    problems = {}
    for c_number, c in enumerate(data.CATEGORIES, start=1):
        category = services.create_category(clerk, round_, c["title"], c_number)
        for p_number, p in enumerate(c["problems"], start=1):
            problem = services.create_problem(
                clerk,
                round_,
                category=category,
                number=p_number,
                text=p["text"],
                manifestations=p["manifestations"],
                source=p["source"],
                is_key=p.get("is_key", False),
                lead_leader=persons[p["leader"]],
                lead_unit=units[p["lead"]],
            )
            problems[c_number, p_number] = problem
            for m in p["measures"]:
                services.create_measure(
                    clerk,
                    problem,
                    cooperating_units=[units[key] for key in m.get("with", [])],
                    text=m["text"],
                    kind=m["kind"],
                    deadline=_day(today, m["due"]) if "due" in m else None,
                    deliverable=m["deliverable"],
                    status=m["status"],
                    lead_unit=units[m["lead"]],
                    person_in_charge=persons[m["person"]] if "person" in m else contacts[m["lead"]],
                )
    for username, c_number, p_number, note in data.CLAIMS:
        services.claim_problem(users[username], problems[c_number, p_number], note)
    return round_

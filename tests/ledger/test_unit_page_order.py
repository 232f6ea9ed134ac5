"""A unit's and a person's measures come soonest deadline first, and those without one
(长期坚持) last, as the ledger's 按时限 sort has them: SQLite would otherwise put them first."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import MeasureFactory

CODES = re.compile(r'#measure-(\d+)">')


@pytest.fixture
def three_deadlines(demo_round, units, court_reporter):
    problem = demo_round["problems"]["court"]
    person = court_reporter.person
    made = {
        due: MeasureFactory(
            problem=problem,
            lead_unit=units["tribunal"],
            cooperating_units=[units["station"]],
            person_in_charge=person,
            kind="ongoing" if due is None else "time_bound",
            deadline=due,
        )
        for due in (None, datetime.date(2024, 6, 30), datetime.date(2024, 1, 31))
    }
    return [made[datetime.date(2024, 1, 31)].pk, made[datetime.date(2024, 6, 30)].pk, made[None].pk]


def _order(page: str, among: list[int], after: str = "") -> list[int]:
    listed = [int(pk) for pk in CODES.findall(page.split(after)[-1] if after else page)]
    return [pk for pk in listed if pk in among]


def test_a_units_lists_put_measures_without_a_deadline_last(
    client, office_clerk, units, three_deadlines
):
    client.force_login(office_clerk)
    led = client.get(reverse("ledger:unit_detail", args=[units["tribunal"].pk])).content.decode()
    assert _order(led, three_deadlines) == three_deadlines
    cooperating = client.get(
        reverse("ledger:unit_detail", args=[units["station"].pk])
    ).content.decode()
    assert _order(cooperating, three_deadlines, after="配合的整改措施") == three_deadlines


def test_a_persons_measures_put_those_without_a_deadline_last(
    client, office_clerk, court_reporter, three_deadlines
):
    client.force_login(office_clerk)
    page = client.get(
        reverse("ledger:person_detail", args=[court_reporter.person.pk])
    ).content.decode()
    assert _order(page, three_deadlines) == three_deadlines

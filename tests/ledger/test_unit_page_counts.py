"""A unit page's lists say how many measures they hold and page through exactly those: a
measure two units of the tree cooperate on is one measure, and the 超期 list counts the
overdue ones only, whoever looks."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import MeasureFactory

CODES = re.compile(r'#measure-(\d+)">')
PAGER = re.compile(r"第 (\d+)/(\d+) 页，共 (\d+) 条")


@pytest.fixture
def cooperated_on(demo_round, units):
    """25 measures of the court that the police and its station both cooperate on."""
    problem = demo_round["problems"]["court"]
    return [
        MeasureFactory(
            problem=problem,
            lead_unit=units["court"],
            cooperating_units=[units["police"], units["station"]],
        )
        for _ in range(25)
    ]


def _pages(client, unit, param: str, query: str = "") -> tuple[list[int], set[str]]:
    """The measures of one list, page by page, and what its pager said of its total."""
    url = reverse("ledger:unit_detail", args=[unit.pk])
    listed, totals, number, pages = [], set(), 1, 1
    while number <= pages:
        page = client.get(f"{url}?{query}{param}={number}").content.decode()
        section = page.split('<section class="card"><h2>配合的整改措施')
        section = section[1] if param == "cooperating" else page.split('id="led"')[1]
        section = section.split("</section>")[0]
        listed += [int(pk) for pk in CODES.findall(section)]
        pager = PAGER.search(section)
        if pager:
            pages = int(pager.group(2))
            totals.add(pager.group(3))
        number += 1
    return listed, totals


@pytest.mark.parametrize("who", ["office_clerk", "police_reporter"])
def test_a_measure_two_units_of_the_tree_cooperate_on_is_counted_once(
    client, request, demo_round, units, cooperated_on, who
):
    client.force_login(request.getfixturevalue(who))
    listed, totals = _pages(client, units["police"], "cooperating")
    expected = {m.pk for m in cooperated_on} | {demo_round["shared"].pk}
    assert sorted(listed) == sorted(expected)
    assert totals == {str(len(expected))}


@pytest.mark.parametrize("who", ["office_clerk", "court_reporter"])
def test_the_overdue_list_counts_what_it_lists(client, request, demo_round, units, who):
    problem = demo_round["problems"]["court"]
    late = [
        MeasureFactory(
            problem=problem, lead_unit=units["tribunal"], deadline=datetime.date(2024, 1, 5)
        )
        for _ in range(22)
    ]
    for _ in range(5):
        MeasureFactory(
            problem=problem, lead_unit=units["tribunal"], deadline=datetime.date(2099, 1, 5)
        )
    client.force_login(request.getfixturevalue(who))
    listed, totals = _pages(client, units["court"], "led", "overdue=on&")
    assert set(late) <= {m for m in problem.measures.filter(pk__in=listed)}
    assert len(listed) == len(set(listed)) == int(totals.pop())
    everything, _ = _pages(client, units["court"], "led")
    assert len(everything) == len(listed) + 5

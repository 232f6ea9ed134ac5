"""The office's ledger narrowed to a unit's tree, and nothing else, pages through what the tree
answers for in the ledger's order, each measure or problem once, whichever way the page is
found: the tree's keys listed, a walk of the round in order (a big tree's front pages), or one
page of them by the database (its back pages). So does a reporter's own ledger, whose trees
are all it sees: the same rows, and nothing of the trees beside them."""

import pytest

from tests.factories import MeasureFactory, ProblemFactory
from zhenggai.ledger import policy, tree_listing
from zhenggai.ledger.models import Measure, Problem

PAGE = 3


@pytest.fixture
def answered(demo_round, units):
    """Measures the police tree answers for in every way, one by two ways at once, between
    measures it has nothing to do with; a problem it leads without measures yet, and one it
    has nothing to do with."""
    round_, category = demo_round["round"], demo_round["category"]
    court, police = units["court"], units["police"]
    problems = [
        ProblemFactory(round=round_, category=category, number=20 + n, lead_unit=lead)
        for n, lead in enumerate([court, units["station"], court])
    ]
    for problem in problems:
        for lead, cooperating in [
            (units["tribunal"], []),
            (units["station"], []),
            (units["tribunal"], [police]),
            (police, [units["station"]]),
            (court, []),
        ]:
            MeasureFactory(problem=problem, lead_unit=lead, cooperating_units=cooperating)
    ProblemFactory(round=round_, category=category, number=30, lead_unit=units["station"])
    elsewhere = ProblemFactory(round=round_, category=category, number=31, lead_unit=court)
    MeasureFactory(problem=elsewhere, lead_unit=units["tribunal"])
    return round_


def tree_answers(measure: Measure, tree: set) -> bool:
    leads = {measure.lead_unit_id, measure.problem.lead_unit_id}
    return bool((leads | {u.pk for u in measure.cooperating_units.all()}) & tree)


def expected(round_, units, view: str = "measures") -> list[int]:
    tree = {units["police"].pk, units["station"].pk}
    if view == "problems":
        problems = Problem.objects.filter(round=round_).order_by("position")
        return [
            p.pk
            for p in problems
            if p.lead_unit_id in tree or any(tree_answers(m, tree) for m in p.measures.all())
        ]
    measures = Measure.objects.filter(round=round_).order_by("position")
    return [m.pk for m in measures if tree_answers(m, tree)]


WAYS = [
    ("keys listed", 10_000, 3),
    ("walk in order", 0, 0),
    ("one page by the database", 0, 10**9),
]


@pytest.fixture(params=WAYS, ids=[way for way, *_ in WAYS])
def way(request, settings, monkeypatch):
    """Pages of 3, found the one way forced."""
    way, few_keys, walk_share = request.param
    settings.LEDGER_PAGE_SIZE = PAGE
    monkeypatch.setattr(policy, "FEW_KEYS", few_keys)
    monkeypatch.setattr(tree_listing, "WALK_SHARE", walk_share)
    return way


def every_page(client, url: str, total: int) -> list[int]:
    """The rows of every page in turn, each page saying how many there are in all."""
    listed = []
    for number in range(1, -(-total // PAGE) + 1):
        response = client.get(f"{url}&page={number}")
        assert f"共 {total} 条" in response.text
        listed += [row.pk for row in response.context["page"].object_list]
    return listed


@pytest.mark.parametrize("view, total", [("measures", 13), ("problems", 6)])
def test_every_page_lists_what_the_tree_answers_for_once_in_order(
    client, office_clerk, answered, units, way, view, total
):
    client.force_login(office_clerk)
    ids = expected(answered, units, view)
    # Measures: all 5 of the station's problem, 3 of each other, the demo round's own 2; one
    # the tree answers for by two ways is one row. Problems: the 3 with such measures, the
    # one led without measures yet, the demo round's 2.
    assert len(ids) == total
    url = f"/rounds/{answered.pk}/ledger/?view={view}&unit={units['police'].pk}"
    assert every_page(client, url, total) == ids


@pytest.mark.parametrize("view, total", [("measures", 13), ("problems", 6)])
@pytest.mark.parametrize("narrowed", ["", "&unit={police}"])
def test_a_reporter_pages_through_its_own_trees_and_nothing_else(
    client, police_reporter, answered, units, way, view, total, narrowed
):
    client.force_login(police_reporter)
    ids = expected(answered, units, view)
    assert len(ids) == total
    # Its own unit as the filter keeps every row (the unit holds its scope).
    url = f"/rounds/{answered.pk}/ledger/?view={view}" + narrowed.format(police=units["police"].pk)
    assert every_page(client, url, total) == ids


@pytest.mark.parametrize("number, shown", [("99", "last"), ("-1", "last"), ("abc", "first")])
def test_a_page_that_does_not_exist_shows_the_first_or_the_last(
    client, office_clerk, answered, units, settings, monkeypatch, number, shown
):
    settings.LEDGER_PAGE_SIZE = PAGE
    monkeypatch.setattr(policy, "FEW_KEYS", 0)
    monkeypatch.setattr(tree_listing, "WALK_SHARE", 0)
    client.force_login(office_clerk)
    ids = expected(answered, units)
    url = f"/rounds/{answered.pk}/ledger/?view=measures&unit={units['police'].pk}"
    page = client.get(f"{url}&page={number}").context["page"]
    pages = {"first": ids[:PAGE], "last": ids[len(ids) // PAGE * PAGE :]}
    assert [m.pk for m in page.object_list] == pages[shown]

"""The ledger narrowed to a big tree, one page at a time, without listing all of it first.

A city's tree answers for a quarter of a round's measures (28,000 at province scale) and
more than half of its problems. Listing their keys in the ledger's order cost the database
37 ms on SQLite and 67 ms on PostgreSQL for the measures, for a page of 50. Counted off the
responsibility index, the same measures cost 11 and 6 ms. A page near the front is then
found by walking the round's rows in order and asking of each whether the tree answers for
it: the walk reads the page's end divided by the tree's share of the round, so it is cheap
in front and dear at the back, where the database finds the page among the listed keys
(bench/RESULTS.md)."""

from dataclasses import replace

from django.core.paginator import Paginator
from django.db.models import Count

from zhenggai.ledger.policy import (
    answered_by,
    answers_few,
    problem_answered_by,
    responsible_measures,
    responsible_problems,
    subtree_ids,
)
from zhenggai.ledger.queries import (
    MEASURE_SORTS,
    PROBLEM_SORTS,
    LedgerQuery,
    filter_measures,
    filter_problems,
    lists_tree,
    page_of,
    problem_rows,
)

# The walk costs per row read about what the listing costs per key (SQLite a little more,
# PostgreSQL less): it is taken when it reads at most a third as many rows.
WALK_SHARE = 3


def only_tree(query: LedgerQuery) -> bool:
    """The unit filter (what its tree answers for) is all that narrows the list, and it is in
    the ledger's order."""
    bare = replace(query, unit=None, unit_role="")
    return lists_tree(query) and bare == LedgerQuery(view=query.view, round=query.round)


def _trees(query: LedgerQuery, scope: list[str] | None) -> list[str] | None:
    """The trees whose answers make the whole list, or None: for a user who sees the round
    whole (`scope` None), the unit filter's when nothing else narrows the list; for a reporter,
    its own trees (policy.scope_trees) when nothing narrows them."""
    if scope is None:
        return [query.unit.path] if only_tree(query) else None
    bare = replace(query, unit=None, unit_role="", unit_holds_scope=False)
    unnarrowed = not query.unit or query.unit_holds_scope
    return scope if unnarrowed and bare == LedgerQuery(view=query.view, round=query.round) else None


def measure_page(measures, query: LedgerQuery, on, number, rows, size: int, scoped, scope=None):
    """One page of the ledger's measures: `measures` the user's in the round; `scoped` when
    that is not the whole round, `scope` the trees it is then (policy.scope_trees)."""
    trees = None if scoped and scope is None else _trees(query, scope)
    if trees is None or answers_few(trees, query.round):
        ordered = filter_measures(measures, query, on)
        return page_of(ordered, number, rows, size, scoped or lists_tree(query))
    units = subtree_ids(trees)
    answered = responsible_measures(units, rounds=[query.round.pk])
    count = answered.aggregate(n=Count("measure", distinct=True))["n"]
    in_round = query.round.measures.all()
    walk = in_round.filter(answered_by(units))
    order = MEASURE_SORTS["code"]
    return _tree_page(in_round, answered, walk, order, count, number, rows, size)


def problem_page(problems, query: LedgerQuery, on, number, size: int, scoped, scope=None):
    """One page of the ledger's problems, as measure_page."""
    trees = None if scoped and scope is None else _trees(query, scope)
    if trees is None or answers_few(trees, query.round):
        ordered = filter_problems(problems, query, on)
        return page_of(ordered, number, problem_rows, size, scoped or lists_tree(query))
    units = subtree_ids(trees)
    rounds = [query.round.pk]
    answered = responsible_problems(units, rounds=rounds)
    in_round = query.round.problems.all()
    walk = in_round.filter(problem_answered_by(units, rounds))
    order = PROBLEM_SORTS["code"]
    return _tree_page(in_round, answered, walk, order, answered.count(), number, problem_rows, size)


def _tree_page(in_round, answered, walk, order, count: int, number, rows, size: int):
    """The page of `in_round` (the round's rows) that the tree answers for: `answered` its
    keys (a subquery), `walk` the same rows asked one by one, `count` how many."""
    ordered = in_round.filter(pk__in=answered).order_by(*order)
    end = Paginator(range(count), size).get_page(number).end_index()
    # The walk reads end × total / count rows. No round is smaller than the tree's part of
    # it, so a page past the first 1 / WALK_SHARE of the list is found without counting the
    # round.
    reach = WALK_SHARE * end
    if reach <= count and reach * in_round.count() <= count * count:
        ordered = walk.order_by(*order)
    return page_of(ordered, number, rows, size, count=count)

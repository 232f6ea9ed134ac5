"""The dashboard's figures: grouped queries over the user's scoped rows, a fixed number of them
whatever the size of the ledger. Every count uses the very conditions the ledger's filters
use (ledger.queries), or for close-out the counts those conditions follow from, so a figure
and the list it links to cannot disagree; the arithmetic on the grouped rows is in
rules.figures.

Measures and problems are read from their denormalized fields (status, light,
last_reported_on, closed_on), never from the progress reports."""

import datetime
from dataclasses import dataclass

from django.db import connections
from django.db.models import Count, Q, Value

from zhenggai.carryout.models import Verification
from zhenggai.ledger import policy
from zhenggai.ledger.models import Category, Measure, Person, Problem, Unit
from zhenggai.ledger.queries import (
    level_root,
    lit_q,
    measure_flag_q,
    overdue_q,
    problem_flag_q,
    stage_q,
)
from zhenggai.requests.queries import extension_counts
from zhenggai.rules import figures
from zhenggai.rules.deadlines import Light, days_overdue
from zhenggai.rules.status import ProblemStatus

# Each count is one more condition on every row of a scan, so each grouping asks only for
# the counts it shows: by unit (and level) everything about measures, by category and by
# leader the breakdown, and problems and close-out apart.
UNIT_COUNTS = ("total", "done", "closed", "overdue", "silent", "reported", "red")
# Counted from the extension requests, which are few, not in the scans of the measures.
EXTENSION_COUNTS = ("extension_asked", "extended")
GROUP_COUNTS = ("total", "done", "closed", "overdue", "silent")
PROBLEM_COUNTS = ("problems", "problems_closed", "no_mechanism", "rebound")
ALL_COUNTS = UNIT_COUNTS + EXTENSION_COUNTS + figures.CLOSE_OUT_COUNTS + PROBLEM_COUNTS
RED_LIST_LENGTH = 50
LEADER_LIMIT = 30
# What the scans of measures count: a constant rather than the key, which the indexes they
# read (measure_dashboard, measure_burn_down) do not hold on PostgreSQL; it then reads those
# indexes alone instead of every measure's row.
EACH = Value(1)


def measure_counts(names, rounds, on: datetime.date) -> dict:
    """Count aggregates for these names, with the ledger filters' own conditions."""
    conditions = {
        "done": stage_q("done"),
        "closed": stage_q("closed"),
        "overdue": overdue_q(on),
        "red": lit_q(Light.RED),
    }
    counts = {}
    for name in names:
        if name == "total":
            counts[name] = Count(EACH)
        else:
            condition = conditions.get(name) or measure_flag_q(name, rounds, on)
            counts[name] = Count(EACH, filter=condition)
    return counts


def problem_counts() -> dict:
    return {
        "problems": Count("pk"),
        "problems_closed": Count("pk", filter=Q(status=ProblemStatus.CLOSED)),
        "no_mechanism": Count("pk", filter=problem_flag_q("no_mechanism")),
        "rebound": Count("pk", filter=problem_flag_q("rebound")),
    }


def _counts(row: dict, names) -> figures.Counts:
    return {name: row[name] for name in names}


def _zeros(names=ALL_COUNTS) -> figures.Counts:
    return dict.fromkeys(names, 0)


@dataclass
class Level:
    level: int | None
    label: str
    kinds: list[str]
    counts: figures.Counts


@dataclass
class Overview:
    """What every dashboard shows, for one round or many."""

    rounds: list
    on: datetime.date
    totals: figures.Counts
    by_round: dict[int, figures.Counts]
    levels: list[Level]
    # Per round, the counts of measures by the path of their lead unit: the unit tree.
    unit_rows: dict[int, dict[str, figures.Counts]]
    # Problems counted by round, or by round, category and lead leader (problems_by).
    problem_rows: list[dict]
    points: list[datetime.date]
    open_measures: list[int]
    red_list: list


# Problems are counted per round, and for a round's own dashboard per category and leader too.
BY_ROUND = ("round_id",)
BY_CATEGORY_AND_LEADER = ("round_id", "category_id", "lead_leader_id")


def overview(
    user, rounds, on: datetime.date, since=None, until=None, problems_by=BY_ROUND
) -> Overview:
    """Totals, per round, per level of the unit tree, the burn-down and the red list: seven
    queries, whatever the number of rows."""
    measures = policy.rows_in_rounds(Measure, user, rounds)
    by_round = {r.pk: _zeros() for r in rounds}
    grouped = list(
        measures.values("round_id", "lead_unit_id").annotate(
            **measure_counts(UNIT_COUNTS, rounds, on)
        )
    )
    extensions = extension_counts(user, rounds)
    for row in extensions:
        row["lead_unit_id"] = row.pop("measure__lead_unit_id")
    # The units' paths apart: joining them into the scan above would slow it down.
    units = {
        pk: (path, kind)
        for pk, path, kind in Unit.objects.filter(
            pk__in={row["lead_unit_id"] for row in grouped + extensions}
        ).values_list("pk", "path", "kind")
    }
    unit_rows: dict[int, dict[str, figures.Counts]] = {r.pk: {} for r in rounds}
    for row in grouped + extensions:
        counts = _counts(row, UNIT_COUNTS if "total" in row else EXTENSION_COUNTS)
        figures.add(by_round[row["round_id"]], counts)
        path = units[row["lead_unit_id"]][0]
        figures.add(unit_rows[row["round_id"]].setdefault(path, {}), counts)
    for row in _close_out(measures):
        counts = figures.close_out(by_round[row["round_id"]]["closed"], row["passed"], row["real"])
        figures.add(by_round[row["round_id"]], counts)
    grouped = policy.rows_in_rounds(Problem, user, rounds).values(*problems_by)
    problem_rows = list(grouped.annotate(**problem_counts()))
    for row in problem_rows:
        figures.add(by_round[row["round_id"]], _counts(row, PROBLEM_COUNTS))
    totals = _zeros()
    for counts in by_round.values():
        figures.add(totals, counts)
    start = since or min((r.feedback_date for r in rounds), default=on)
    points = figures.week_points(start, until or on)
    return Overview(
        rounds=list(rounds),
        on=on,
        totals=totals,
        by_round=by_round,
        levels=_levels(rounds, unit_rows, dict(units.values())),
        unit_rows=unit_rows,
        problem_rows=problem_rows,
        points=points,
        open_measures=_burn_down(rounds, measures, points, by_round),
        red_list=red_list(measures, on),
    )


def _close_out(measures):
    """Per round, closed measures with a passing verification, and with one that was more
    than a briefing: rules.figures.close_out() makes the breaches of them, which are what
    the ledger's flags briefing_only and unverified list."""
    passed = measures.filter(stage_q("closed"), verifications__result=Verification.Result.PASS)
    return passed.values("round_id").annotate(
        passed=Count("pk", distinct=True),
        real=Count("pk", distinct=True, filter=Q(verifications__briefing_only=False)),
    )


def _levels(rounds, unit_rows, kinds) -> list[Level]:
    """Measures by the level of their lead unit below each round's office."""
    by_level: dict[int | None, figures.Counts] = {}
    kinds_at: dict[int | None, set[str]] = {}
    for round_ in rounds:
        root = level_root(round_.office)
        for path, counts in unit_rows[round_.pk].items():
            level = figures.relative_level(path, root)
            figures.add(by_level.setdefault(level, {}), counts)
            kinds_at.setdefault(level, set()).add(kinds[path])
    labels = dict(Unit.Kind.choices)
    ordered = sorted(by_level, key=lambda level: (level is None, level or 0))
    return [
        Level(
            level=level,
            label=figures.level_label(level),
            kinds=sorted(labels[kind] for kind in kinds_at[level]),
            counts=by_level[level],
        )
        for level in ordered
    ]


def _burn_down(rounds, measures, points: list[datetime.date], by_round) -> list[int]:
    """Every measure counts from its round's feedback date. Only the closed ones are read,
    grouped by round and day closed, as index measure_burn_down begins: the database reads
    those groups off the index, past the open ones, which are the round's total (from the
    scan before) less the closed."""
    feedback = {r.pk: r.feedback_date for r in rounds}
    still_open = {pk: counts["total"] for pk, counts in by_round.items()}
    triples = []
    closed = measures.filter(closed_on__isnull=False).values("round_id", "closed_on")
    for row in closed.annotate(n=Count(EACH)):
        still_open[row["round_id"]] -= row["n"]
        triples.append((feedback[row["round_id"]], row["closed_on"], row["n"]))
    triples += [(feedback[pk], None, n) for pk, n in still_open.items()]
    return figures.burn_down(triples, points)


def red_list(measures, on: datetime.date) -> list[Measure]:
    """The red measures, longest overdue first."""
    rows = list(
        measures.filter(lit_q(Light.RED))
        .select_related("round", "problem__category", "lead_unit")
        .order_by("deadline", "position")[:RED_LIST_LENGTH]
    )
    for measure in rows:
        measure.days_overdue = days_overdue(measure.deadline, on)
    return rows


@dataclass
class UnitTree:
    """Measures by lead unit below a root unit: the root with everything below it, then
    each unit right below it with its own subtree, and whether it has units below."""

    root: Unit | None
    trail: list[Unit]
    units: list[tuple[Unit, figures.Counts, bool]]
    total: figures.Counts


def unit_tree(paths: dict[str, figures.Counts], unit: Unit | None) -> UnitTree:
    """Below `unit`, or below the deepest unit that holds all the lead units counted."""
    root = unit.path if unit else figures.common_root(paths)
    total, children = figures.roll_up(paths, root)
    deeper = figures.has_deeper(paths, root)
    trail = figures.path_ids(root)
    units = Unit.objects.in_bulk([*trail, *children])
    below = sorted(children, key=lambda pk: units[pk].path)
    return UnitTree(
        root=units.get(trail[-1]) if trail else None,
        trail=[units[pk] for pk in trail[:-1]],
        units=[(units[pk], children[pk], pk in deeper) for pk in below],
        total=total,
    )


def all_rounds_unit_tree(overview_: Overview, unit: Unit | None) -> UnitTree:
    """The unit tree across rounds: a unit's measures of every round, added up."""
    paths: dict[str, figures.Counts] = {}
    for by_path in overview_.unit_rows.values():
        for path, counts in by_path.items():
            figures.add(paths.setdefault(path, {}), counts)
    return unit_tree(paths, unit)


@dataclass
class RoundDetail:
    """What only a single round's dashboard shows: categories and leaders, and the unit tree."""

    categories: list[tuple[Category, figures.Counts]]
    leaders: list[tuple[Person, figures.Counts]]
    other_leaders: int
    without_leader: figures.Counts
    units: UnitTree


def round_detail(user, round_, overview_: Overview, unit: Unit | None) -> RoundDetail:
    """By category, by lead leader (the most overdue first) and by unit (unit_tree)."""
    names = GROUP_COUNTS + PROBLEM_COUNTS
    by_category: dict = {}
    by_leader: dict = {}
    for category_id, leader_id, counts in _by_category_and_leader(user, round_, overview_.on):
        figures.add(by_category.setdefault(category_id, _zeros(names)), counts)
        figures.add(by_leader.setdefault(leader_id, _zeros(names)), counts)
    for row in overview_.problem_rows:
        counts = _counts(row, PROBLEM_COUNTS)
        figures.add(by_category.setdefault(row["category_id"], _zeros(names)), counts)
        figures.add(by_leader.setdefault(row["lead_leader_id"], _zeros(names)), counts)
    without_leader = by_leader.pop(None, _zeros(names))
    ranked = sorted(by_leader, key=lambda pk: (-by_leader[pk]["overdue"], -by_leader[pk]["total"]))
    shown = ranked[:LEADER_LIMIT]
    people = Person.objects.select_related("unit").in_bulk(shown)
    return RoundDetail(
        categories=[
            (category, by_category.get(category.pk, _zeros(names)))
            for category in round_.categories.order_by("number")
        ],
        leaders=[(people[pk], by_leader[pk]) for pk in shown],
        other_leaders=len(ranked) - len(shown),
        without_leader=without_leader,
        units=unit_tree(overview_.unit_rows[round_.pk], unit),
    )


def _by_category_and_leader(user, round_, on: datetime.date):
    """Measures counted per problem first, then these problem rows summed by the problem's
    category and lead leader: grouped in one step through the join, every measure would be
    sorted, which costs SQLite three times as much."""
    per_problem = (
        policy.measures_in(user, round_)
        .values("problem_id")
        .annotate(**measure_counts(GROUP_COUNTS, [round_], on))
    )
    inner, params = per_problem.query.sql_with_params()
    connection = connections[per_problem.db]
    q = connection.ops.quote_name
    sums = ", ".join(f"SUM(m.{q(name)})" for name in GROUP_COUNTS)
    sql = (
        f"SELECT p.category_id, p.lead_leader_id, {sums} FROM ({inner}) m "
        f"JOIN {q(Problem._meta.db_table)} p ON p.id = m.problem_id "
        "GROUP BY p.category_id, p.lead_leader_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for category_id, leader_id, *sums in cursor.fetchall():
            yield category_id, leader_id, dict(zip(GROUP_COUNTS, map(int, sums), strict=True))


def round_figures(user, round_, on: datetime.date, since=None, until=None, unit=None):
    """Everything one round's dashboard shows: the overview and the round's own tables."""
    view = overview(user, [round_], on, since, until, problems_by=BY_CATEGORY_AND_LEADER)
    return view, round_detail(user, round_, view, unit)

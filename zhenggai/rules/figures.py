"""The arithmetic behind the dashboard: rates, silence, levels of the unit tree, roll-ups by
unit path and the burn-down series. Plain Python, so it is tested without a database.

Counts travel as dicts of name → int ("total", "done", "overdue" …); the queries fill them,
these functions only add, divide and arrange them."""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from zhenggai.rules.status import MeasureStatus

Counts = dict[str, int]

# A measure owes progress reports until its unit says it is done; an ongoing (长期坚持)
# measure keeps its reporting rhythm after close-out (as rules.deadlines.assess has it).
REPORTING_STATUSES = frozenset(
    {
        MeasureStatus.NOT_STARTED,
        MeasureStatus.IN_PROGRESS,
        MeasureStatus.RETURNED,
        MeasureStatus.ONGOING,
    }
)
WEEK = timedelta(days=7)
CLOSE_OUT_COUNTS = ("briefing_only", "unverified")


def rate(part: int, whole: int) -> float | None:
    """A percentage with one decimal; None when there is nothing to divide by."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def path_ids(path: str) -> list[int]:
    """The pks along a materialized path, "000001/000007/" → [1, 7]."""
    return [int(part) for part in path.split("/") if part]


def relative_level(unit_path: str, office_path: str) -> int | None:
    """1 for the round's office itself, 2 for the units right below it, and so on; None for
    a unit outside the office's subtree."""
    if not unit_path.startswith(office_path):
        return None
    return unit_path.count("/") - office_path.count("/") + 1


def level_label(level: int | None) -> str:
    if level is None:
        return "牵头单位以外"
    return "第1级（本级）" if level == 1 else f"第{level}级"


def add(total: Counts, more: Mapping[str, int]) -> Counts:
    for name, value in more.items():
        total[name] = total.get(name, 0) + value
    return total


def close_out(closed: int, passed: int, real: int) -> Counts:
    """Closed measures that break the close-out rule, from how many were closed, how many of
    those have a passing verification, and how many one that was more than a briefing."""
    return {"briefing_only": passed - real, "unverified": closed - passed}


def common_root(paths: Iterable[str]) -> str:
    """The deepest unit whose subtree holds every path ("" when there is none)."""
    paths = list(paths)
    if not paths:
        return ""
    shared = path_ids(paths[0])
    for path in paths[1:]:
        ids = path_ids(path)
        n = 0
        while n < min(len(shared), len(ids)) and shared[n] == ids[n]:
            n += 1
        shared = shared[:n]
    return "".join(f"{pk:06d}/" for pk in shared) if shared else ""


def roll_up(counts_by_path: Mapping[str, Counts], root: str) -> tuple[Counts, dict[int, Counts]]:
    """Counts of the root's subtree, and of each child's subtree keyed by the child's pk: one
    grouped row per unit becomes a tree without a query per unit."""
    total: Counts = {}
    children: dict[int, Counts] = {}
    for path, counts in counts_by_path.items():
        if not path.startswith(root):
            continue
        add(total, counts)
        below = path_ids(path[len(root) :])
        if below:
            add(children.setdefault(below[0], {}), counts)
    return total, children


def has_deeper(paths: Iterable[str], root: str) -> set[int]:
    """The children of `root` with units of their own among `paths`: worth drilling into."""
    deeper = set()
    for path in paths:
        below = path_ids(path[len(root) :]) if path.startswith(root) else []
        if len(below) > 1:
            deeper.add(below[0])
    return deeper


def week_points(start: date, end: date) -> list[date]:
    """The feedback day, every seventh day after it, and `end` itself."""
    if end < start:
        return [start]
    points = []
    day = start
    while day < end:
        points.append(day)
        day += WEEK
    return points + [end]


def burn_down(rows: Iterable[tuple[date, date | None, int]], points: list[date]) -> list[int]:
    """Measures open at the end of each point day (points in order): every measure of a round
    is open from the round's feedback date, whenever it was entered (a ledger imported weeks
    later still starts full), until the day it is closed. `rows` are (feedback date, day
    closed or None, how many measures); one sweep over the days, however many rows and
    points."""
    changes: dict[date, int] = {}
    for entered, closed, n in rows:
        if closed is not None and closed < entered:
            continue  # closed before the feedback: never open in this round
        changes[entered] = changes.get(entered, 0) + n
        if closed is not None:
            changes[closed] = changes.get(closed, 0) - n
    days = sorted(changes)
    series, open_, i = [], 0, 0
    for point in points:
        while i < len(days) and days[i] <= point:
            open_ += changes[days[i]]
            i += 1
        series.append(open_)
    return series

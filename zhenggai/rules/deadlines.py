"""Whether a measure is overdue, and the traffic light (亮灯) the supervising office sees."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from zhenggai.rules.status import DONE_MEASURE_STATUSES, MEASURE_STATUS_LABELS, MeasureStatus
from zhenggai.rules.workdays import WorkCalendar


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        return LIGHT_LABELS[self]


LIGHT_LABELS = {Light.GREEN: "绿灯", Light.YELLOW: "黄灯", Light.RED: "红灯"}
# Worst last: a problem shows the worst light of its measures.
LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED)


@dataclass(frozen=True)
class Assessment:
    """A light, the reason shown beside it, and which warnings made it: the reminders
    (催办) are sent by these, not by parsing the reason."""

    light: Light
    reason: str
    overdue: bool = False
    due_soon: bool = False
    silent: bool = False


def is_overdue(deadline: date | None, status: str, today: date) -> bool:
    return deadline is not None and deadline < today and status not in DONE_MEASURE_STATUSES


@dataclass(frozen=True)
class ProblemDue:
    """What a problem's row says of its measures: how many, how many done, how many overdue,
    the nearest deadline still open, and the committed one an extension moved it from."""

    total: int = 0
    done: int = 0
    overdue: int = 0
    next_deadline: date | None = None
    next_original: date | None = None


def problem_due(measures, today: date) -> ProblemDue:
    """`measures`: (deadline, original deadline, status) of each measure of one problem. When
    several open measures share the nearest deadline, the earliest commitment moved is named."""
    measures = list(measures)
    open_ = [(d, o) for d, o, status in measures if d and status not in DONE_MEASURE_STATUSES]
    nearest = min((d for d, _ in open_), default=None)
    moved = [o for d, o in open_ if d == nearest and o]
    return ProblemDue(
        total=len(measures),
        done=sum(status in DONE_MEASURE_STATUSES for _, _, status in measures),
        overdue=sum(is_overdue(d, status, today) for d, _, status in measures),
        next_deadline=nearest,
        next_original=min(moved, default=None),
    )


def days_overdue(deadline: date | None, today: date) -> int:
    """Calendar days past the deadline; 0 when not past it or when there is none."""
    if deadline is None:
        return 0
    return max((today - deadline).days, 0)


def measure_light(
    deadline: date | None,
    status: str,
    today: date,
    calendar: WorkCalendar,
    due_soon_workdays: int = 5,
    last_report: date | None = None,
    silent_after_days: int | None = None,
) -> tuple[Light, str]:
    """The light and its reason; see assess()."""
    assessment = assess(
        deadline, status, today, calendar, due_soon_workdays, last_report, silent_after_days
    )
    return assessment.light, assessment.reason


def assess(
    deadline: date | None,
    status: str,
    today: date,
    calendar: WorkCalendar,
    due_soon_workdays: int = 5,
    last_report: date | None = None,
    silent_after_days: int | None = None,
) -> Assessment:
    """Red when overdue; yellow when due within `due_soon_workdays` working days or silent;
    green otherwise, and green once done, except that a measure closed as ongoing (长期坚持)
    keeps its reporting rhythm and turns yellow when it falls silent.

    Silent means no progress report for more than `silent_after_days` days. A measure with no
    report at all is silent straight away: to give a new measure time, pass the day it was
    assigned as `last_report`.
    """
    silence = _silence(last_report, today, silent_after_days)
    if status == MeasureStatus.ONGOING:
        label = MEASURE_STATUS_LABELS[MeasureStatus.ONGOING]
        if silence:
            return Assessment(Light.YELLOW, f"{label}，{silence}", silent=True)
        return Assessment(Light.GREEN, label)
    if status in DONE_MEASURE_STATUSES:
        return Assessment(Light.GREEN, MEASURE_STATUS_LABELS[MeasureStatus(status)])
    if is_overdue(deadline, status, today):
        reason = f"已超过完成时限{days_overdue(deadline, today)}天"
        return Assessment(Light.RED, reason, overdue=True, silent=bool(silence))
    warnings = [silence] if silence else []
    note = ""
    due_soon = False
    if deadline is not None:
        # Any day before the (N + 1)-th working day is due within N; this keeps the walk over
        # the calendar a few days long however far off the deadline is.
        horizon = calendar.add_workdays(today, due_soon_workdays + 1)
        note = horizon.note
        due_soon = deadline < horizon.date
        if due_soon:
            warnings.insert(0, _time_left(deadline, today, calendar))
    reason = "；".join(warnings) or ("按期推进" if deadline is not None else "未设完成时限")
    light = Light.YELLOW if warnings else Light.GREEN
    return Assessment(
        light, f"{reason}（{note}）" if note else reason, due_soon=due_soon, silent=bool(silence)
    )


def _time_left(deadline: date, today: date, calendar: WorkCalendar) -> str:
    if deadline == today:
        return "今日到期"
    return f"距完成时限还剩{calendar.workdays_between(today, deadline)}个工作日"


def _silence(last_report: date | None, today: date, silent_after_days: int | None) -> str:
    if silent_after_days is None:
        return ""
    if last_report is None:
        return "尚未报送进展"
    silent_days = (today - last_report).days
    return f"已{silent_days}天未报送进展" if silent_days > silent_after_days else ""

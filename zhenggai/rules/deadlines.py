"""Whether a measure is overdue, and the traffic light (亮灯) the supervising office sees."""

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


def is_overdue(deadline: date | None, status: str, today: date) -> bool:
    return deadline is not None and deadline < today and status not in DONE_MEASURE_STATUSES


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
    """Red when overdue; yellow when due within `due_soon_workdays` working days or silent;
    green otherwise, and always green once done.

    Silent means no progress report for more than `silent_after_days` days. A measure with no
    report at all is silent straight away: to give a new measure time, pass the day it was
    assigned as `last_report`.
    """
    if status in DONE_MEASURE_STATUSES:
        return Light.GREEN, MEASURE_STATUS_LABELS[MeasureStatus(status)]
    if is_overdue(deadline, status, today):
        return Light.RED, f"已超过完成时限{days_overdue(deadline, today)}天"
    warnings = _silence(last_report, today, silent_after_days)
    note = ""
    if deadline is not None:
        # Any day before the (N + 1)-th working day is due within N; this keeps the walk over
        # the calendar a few days long however far off the deadline is.
        horizon = calendar.add_workdays(today, due_soon_workdays + 1)
        note = horizon.note
        if deadline < horizon.date:
            warnings.insert(0, _time_left(deadline, today, calendar))
    reason = "；".join(warnings) or ("按期推进" if deadline is not None else "未设完成时限")
    light = Light.YELLOW if warnings else Light.GREEN
    return light, f"{reason}（{note}）" if note else reason


def _time_left(deadline: date, today: date, calendar: WorkCalendar) -> str:
    if deadline == today:
        return "今日到期"
    return f"距完成时限还剩{calendar.workdays_between(today, deadline)}个工作日"


def _silence(last_report: date | None, today: date, silent_after_days: int | None) -> list[str]:
    if silent_after_days is None:
        return []
    if last_report is None:
        return ["尚未报送进展"]
    silent_days = (today - last_report).days
    return [f"已{silent_days}天未报送进展"] if silent_days > silent_after_days else []

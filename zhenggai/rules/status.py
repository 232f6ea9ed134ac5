"""Statuses of measures and problems, and how a problem's status follows from its measures."""

from collections.abc import Iterable
from enum import StrEnum


class MeasureStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE_PENDING = "done_pending"
    CLOSED = "closed"
    ONGOING = "ongoing"
    RETURNED = "returned"


class ProblemStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE_PENDING = "done_pending"
    CLOSED = "closed"


MEASURE_STATUS_LABELS = {
    MeasureStatus.NOT_STARTED: "未启动",
    MeasureStatus.IN_PROGRESS: "整改中",
    MeasureStatus.DONE_PENDING: "已完成待核查",
    MeasureStatus.CLOSED: "已销号",
    MeasureStatus.ONGOING: "长期坚持",
    MeasureStatus.RETURNED: "退回重改",
}
PROBLEM_STATUS_LABELS = {
    ProblemStatus.NOT_STARTED: "未启动",
    ProblemStatus.IN_PROGRESS: "整改中",
    ProblemStatus.DONE_PENDING: "已完成待核查",
    ProblemStatus.CLOSED: "已销号",
}
MEASURE_STATUS_CHOICES = [(s.value, label) for s, label in MEASURE_STATUS_LABELS.items()]
PROBLEM_STATUS_CHOICES = [(s.value, label) for s, label in PROBLEM_STATUS_LABELS.items()]

# "Done" means the unit's work is finished: waiting for verification, closed, or closed as ongoing.
DONE_MEASURE_STATUSES = frozenset(
    {MeasureStatus.DONE_PENDING, MeasureStatus.CLOSED, MeasureStatus.ONGOING}
)
CLOSED_MEASURE_STATUSES = frozenset({MeasureStatus.CLOSED, MeasureStatus.ONGOING})
# The rest, in a fixed order: a query names them one by one.
OPEN_MEASURE_STATUSES = tuple(s for s in MeasureStatus if s not in DONE_MEASURE_STATUSES)


def problem_status(measure_statuses: Iterable[str]) -> ProblemStatus:
    """A problem is closed when all its measures are, done when all are done, and started as
    soon as any measure has moved."""
    statuses = [MeasureStatus(s) for s in measure_statuses]
    if not statuses:
        return ProblemStatus.NOT_STARTED
    if all(s in CLOSED_MEASURE_STATUSES for s in statuses):
        return ProblemStatus.CLOSED
    if all(s in DONE_MEASURE_STATUSES for s in statuses):
        return ProblemStatus.DONE_PENDING
    if all(s == MeasureStatus.NOT_STARTED for s in statuses):
        return ProblemStatus.NOT_STARTED
    return ProblemStatus.IN_PROGRESS

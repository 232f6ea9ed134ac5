"""A measure's lifecycle as one table: which status may follow which, through which action,
and who may take the step. zhenggai.carryout.services.transition() is the only door through it;
the plain edit form may only move a measure between the statuses in HAND_SET_STATUSES.

Decisions the table records:
- a cooperating unit reports progress but cannot declare the measure done: only the lead unit
  (or a unit above it) and the office may ask for verification;
- while a measure waits for verification its lead unit may add reports (more evidence), but
  not take the request back: a verification decides;
- a measure closed as ongoing (长期坚持) keeps its reporting rhythm: reports leave it ongoing;
  a plainly closed measure takes no more reports until it is reopened;
- a failed verification of a whole problem returns its closed measures (退回重改)."""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from zhenggai.rules.status import MEASURE_STATUS_LABELS
from zhenggai.rules.status import MeasureStatus as S


class Action(StrEnum):
    """What moves a measure; each value is also the kind of the event recorded for it."""

    REPORT = "reported"
    VERIFY = "verified"
    FAIL = "verification_failed"
    REOPEN = "reopened"
    REBOUND = "rebound"


class Role(StrEnum):
    LEAD = "lead"  # the measure's lead unit, or a unit above it
    COOPERATING = "cooperating"  # a cooperating unit, or a unit above it
    OFFICE = "office"  # runs the round (整改办 and the units above it)
    VERIFIER = "verifier"  # a member of the round's verification group (核查组)


@dataclass(frozen=True)
class Step:
    action: Action
    sources: frozenset[S]
    targets: frozenset[S]
    roles: frozenset[Role]


def _step(action: Action, sources: Iterable[S], targets: Iterable[S], roles: Iterable[Role]):
    return Step(action, frozenset(sources), frozenset(targets), frozenset(roles))


UNDONE = (S.NOT_STARTED, S.IN_PROGRESS, S.RETURNED)
CLOSED = (S.CLOSED, S.ONGOING)
ANY_UNIT = (Role.LEAD, Role.COOPERATING, Role.OFFICE)
RESPONSIBLE = (Role.LEAD, Role.OFFICE)
CHECKERS = (Role.OFFICE, Role.VERIFIER)

TABLE = (
    _step(Action.REPORT, UNDONE, [S.IN_PROGRESS], ANY_UNIT),
    _step(Action.REPORT, UNDONE, [S.DONE_PENDING], RESPONSIBLE),
    _step(Action.REPORT, [S.DONE_PENDING], [S.DONE_PENDING], RESPONSIBLE),
    _step(Action.REPORT, [S.ONGOING], [S.ONGOING], ANY_UNIT),
    _step(Action.VERIFY, [S.DONE_PENDING], CLOSED, CHECKERS),
    _step(Action.FAIL, [S.DONE_PENDING, *CLOSED], [S.RETURNED], CHECKERS),
    _step(Action.REOPEN, CLOSED, [S.IN_PROGRESS], [Role.OFFICE]),
    _step(Action.REBOUND, CLOSED, [S.IN_PROGRESS], [Role.OFFICE]),
)

# What a person may set by editing the measure; everything else comes from the table.
HAND_SET_STATUSES = frozenset({S.NOT_STARTED, S.IN_PROGRESS})

ACTION_LABELS = {
    Action.REPORT: "报送进展",
    Action.VERIFY: "核查通过",
    Action.FAIL: "核查退回",
    Action.REOPEN: "重新打开",
    Action.REBOUND: "标记变异反弹",
}
STATE_REFUSALS = {
    (Action.REPORT, S.CLOSED): "该措施已销号，不再报送进展；如问题反弹，请由整改办重新打开。",
    (Action.REPORT, S.DONE_PENDING): (
        "该措施已申请核查，等待核查期间只能补充“已完成”的进展；如需继续整改，请等待核查结论。"
    ),
    (Action.VERIFY, None): "只有“已完成待核查”的措施可以核查。",
    (Action.FAIL, None): "只有“已完成待核查”或已销号的措施可以核查退回。",
    (Action.REOPEN, None): "只有已销号的措施可以重新打开。",
    (Action.REBOUND, None): "只有已销号的措施可以标记为变异反弹。",
}
ROLE_REFUSALS = {
    (Action.REPORT, S.DONE_PENDING): (
        "配合单位可以报送进展，但只有牵头单位或整改办可以报告“已完成”并申请核查。"
    ),
    (Action.REPORT, None): "只有该措施的牵头单位、配合单位或整改办可以报送进展。",
    (Action.VERIFY, None): "只有本轮整改办或核查组可以核查销号。",
    (Action.FAIL, None): "只有本轮整改办或核查组可以核查退回。",
    (Action.REOPEN, None): "只有本轮整改牵头单位（整改办）可以重新打开已销号的事项。",
    (Action.REBOUND, None): "只有本轮整改牵头单位（整改办）可以标记变异反弹。",
}


def _steps(action: Action, source: str, target: str) -> list[Step]:
    return [
        step
        for step in TABLE
        if step.action == action and source in step.sources and target in step.targets
    ]


def state_refusal(action: str, source: str, target: str) -> str | None:
    """Why the table has no such step, or None when it has."""
    action = Action(action)
    if _steps(action, source, target):
        return None
    reason = STATE_REFUSALS.get((action, S(source))) or STATE_REFUSALS.get((action, None))
    return reason or (
        f"措施当前为“{MEASURE_STATUS_LABELS[S(source)]}”，不能{ACTION_LABELS[action]}为"
        f"“{MEASURE_STATUS_LABELS[S(target)]}”。"
    )


def role_refusal(action: str, source: str, target: str, roles: Iterable[str]) -> str | None:
    """Why none of the user's roles may take the step, or None when one may. Where the table
    has no such step at all, the question is whether the user may take this action in any
    status: if so, state_refusal() explains the rest."""
    action = Action(action)
    roles = set(roles)
    steps = _steps(action, source, target) or [step for step in TABLE if step.action == action]
    if any(step.roles & roles for step in steps):
        return None
    return ROLE_REFUSALS.get((action, S(target))) or ROLE_REFUSALS[action, None]


def allowed_targets(action: str, source: str, roles: Iterable[str]) -> set[S]:
    roles = set(roles)
    return {
        target
        for step in TABLE
        if step.action == action and source in step.sources and step.roles & roles
        for target in step.targets
    }


def report_target(current: str, reported: str) -> S:
    """The status a report leads to: what it reports, except that progress on a measure closed
    as ongoing keeps it so."""
    return S.ONGOING if current == S.ONGOING and reported == S.IN_PROGRESS else S(reported)


def verified_status(measure_kind: str) -> S:
    """Ongoing (长期坚持) measures close as "closed, ongoing"; the others simply close."""
    return S.ONGOING if measure_kind == "ongoing" else S.CLOSED

"""Who may report, verify and reopen, built on the ledger's policy.

A user's roles on a measure come from the units it acts for in the measure's round
(zhenggai.authority.roles): the lead unit (or a unit above it) leads, a cooperating unit (or a
unit above it) cooperates, and whoever runs the round acts as the office. What each role may
do in each status is the table in zhenggai.rules.lifecycle. Whether a verifier is independent
enough to close an item is zhenggai.rules.closeout's question, asked when the verification is
submitted.

Permissions return (allowed, reason in Chinese); lookups outside the scope are a 404."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404

from zhenggai.authority.models import Role as AssignedRole
from zhenggai.authority.roles import actor_of
from zhenggai.carryout.models import Evidence, ProgressReport
from zhenggai.ledger import policy
from zhenggai.ledger.models import Measure, Problem
from zhenggai.rules import closeout, lifecycle
from zhenggai.rules.lifecycle import Action, Role
from zhenggai.rules.status import ProblemStatus
from zhenggai.supervision.policy import notices_visible_to


def roles_of(user, measure: Measure) -> frozenset[Role]:
    """Uses the measure's lead unit, cooperating units (prefetched where there are many
    measures) and round office."""
    roles = set()
    if policy.supervises(user, measure.round):
        roles.add(Role.OFFICE)
    if actor_of(user).verifies(measure.round):
        roles.add(Role.VERIFIER)
    if policy.acts_for(user, measure.lead_unit, measure.round):
        roles.add(Role.LEAD)
    if any(policy.acts_for(user, unit, measure.round) for unit in measure.cooperating_units.all()):
        roles.add(Role.COOPERATING)
    return frozenset(roles)


def _step(user, measure: Measure, action: Action, target: str) -> tuple[bool, str]:
    """Who may act comes first: someone who may never take the step is told so, not about
    the measure's state."""
    roles = roles_of(user, measure)
    reason = lifecycle.role_refusal(action, measure.status, target, roles)
    reason = reason or lifecycle.state_refusal(action, measure.status, target)
    return (False, reason) if reason else (True, "")


REPORT_STATUSES = ("in_progress", "done_pending")


def can_report(user, measure: Measure, status: str = "in_progress") -> tuple[bool, str]:
    return _step(user, measure, Action.REPORT, lifecycle.report_target(measure.status, status))


def report_statuses(user, measure: Measure) -> list[str]:
    """The report statuses this user may submit on the measure now; none means no reporting."""
    return [status for status in REPORT_STATUSES if can_report(user, measure, status)[0]]


def can_verify(user, measure: Measure) -> tuple[bool, str]:
    return _step(user, measure, Action.VERIFY, lifecycle.verified_status(measure.kind))


def can_reopen(user, measure: Measure) -> tuple[bool, str]:
    return _step(user, measure, Action.REOPEN, "in_progress")


def responsible_paths(measure: Measure) -> list[str]:
    return [measure.lead_unit.path] + [u.path for u in measure.cooperating_units.all()]


def reported_latest(user, measure: Measure) -> bool:
    """The user submitted the measure's latest progress report."""
    latest = (
        ProgressReport.objects.filter(measure=measure)
        .order_by("-submitted_at", "-pk")
        .values_list("submitted_by_id", flat=True)
        .first()
    )
    return latest is not None and latest == user.pk


def closing_refusal(user, measure: Measure) -> str | None:
    """Why the user may not close the measure by a passing verification, whatever the methods
    (zhenggai.rules.closeout.verifier_refusal), or None when it may."""
    return closeout.verifier_refusal(
        actor_of(user).unit_path,
        responsible_paths(measure),
        in_group=actor_of(user).verifies(measure.round),
        reported_latest=reported_latest(user, measure),
        reports_for=reporting_trees(user, measure.round),
    )


def reporting_trees(user, round_) -> list[str]:
    """The unit trees the user reports for in the round: it closes nothing of theirs."""
    return actor_of(user).paths_in(round_, {AssignedRole.REPORTER})


def who_may_close(measure: Measure) -> list[str]:
    """Who may close the measure, in words for the verify page: the office's staff outside
    the responsible units and the members of the round's verification groups."""
    lead = measure.lead_unit.name
    ways = [f"本轮整改办中不属于牵头单位（{lead}）、配合单位及其下级单位的人员"]
    groups = measure.round.verification_groups.prefetch_related("members__person")
    for group in groups:
        names = "、".join(_name(member) for member in group.members.all()) or "尚无成员"
        ways.append(f"{group.name}（{names}），可核查任何单位的措施")
    if not groups:
        ways.append(
            "本轮尚未设立核查组：整改办本单位及其上级单位牵头的措施，"
            "须由系统管理员设立核查组（如纪委监委核查组）后才能核查销号"
        )
    ways.append("报送该措施最近一次进展的人、牵头单位和配合单位的填报人不能核查")
    return ways


def _name(user) -> str:
    person = getattr(user, "person", None)
    return person.name if person else user.get_username()


def _problem_step(user, problem: Problem, action: Action, state_refusal: str):
    checks = action == Action.VERIFY and actor_of(user).verifies(problem.round)
    if not (policy.supervises(user, problem.round) or checks):
        return False, lifecycle.ROLE_REFUSALS[action, None]
    if problem.status != ProblemStatus.CLOSED:
        return False, state_refusal
    return True, ""


def can_verify_problem(user, problem: Problem) -> tuple[bool, str]:
    return _problem_step(
        user, problem, Action.VERIFY, "问题的全部整改措施销号后，才能对问题进行整体核查。"
    )


def can_reopen_problem(user, problem: Problem) -> tuple[bool, str]:
    return _problem_step(user, problem, Action.REOPEN, "只有已销号的问题可以重新打开。")


def get_evidence_for(user, pk) -> Evidence:
    """A file is visible to whoever can see the measure, problem or notice it belongs to."""
    measures = Measure.objects.visible_to(user)
    visible = (
        Q(report__measure__in=measures)
        | Q(verification__measure__in=measures)
        | Q(verification__problem__in=Problem.objects.visible_to(user))
        | Q(notice__in=notices_visible_to(user))
    )
    try:
        return Evidence.objects.filter(visible).get(pk=pk)
    except (Evidence.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("没有找到该文件，或您无权查看。") from exc


# The verification group (核查组) recorded on a verification.


def group_members(round_):
    """Who may be recorded as having checked with the verifier: the members of the round's
    verification groups."""
    return get_user_model().objects.filter(verification_groups__round=round_).distinct()


def groups_of(user, round_):
    """The members of the groups the verifier belongs to in the round: recorded by default."""
    return group_members(round_).filter(
        verification_groups__in=user.verification_groups.filter(round=round_)
    )

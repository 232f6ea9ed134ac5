"""Who may ask for an extension or a change of a measure, and who decides (roles as in
docs/roles.md).

The lead unit asks: a reporter for the measure's lead unit (one whose unit's tree holds it,
as for reporting its progress), or an office user whose own unit leads it (or sits above the
unit that does: policy.answerable_for), since it may not change that commitment itself. The
round's approving leader decides, or an office user of the round who does not answer for the
measure, but never on a request they made. The rules live in the small functions below
(answers_for, decides_for and can_decide; deciders names who may).

Permissions are plain functions that return (allowed, reason in Chinese); lookups outside
the user's scope are a 404."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404

from zhenggai.authority.models import Role
from zhenggai.authority.roles import actor_of
from zhenggai.ledger.models import InspectionRound, Measure
from zhenggai.ledger.policy import (
    answerable_for,
    answerable_q,
    approving_leader,
    measure_answered_q,
    measures_among,
    measures_in,
    sees_whole,
    supervises,
)
from zhenggai.requests.models import ChangeRequest, ExtensionRequest
from zhenggai.rules.status import CLOSED_MEASURE_STATUSES

Status = ExtensionRequest.Status
NOUNS = {ExtensionRequest: "延期申请", ChangeRequest: "变更申请"}


def answers_for(user, measure: Measure) -> bool:
    """The user reports for the measure's lead unit, or runs the round from within it. The
    rest of the office, which may change a measure itself, does not ask."""
    trees = actor_of(user).paths_in(measure.round, {Role.REPORTER})
    if any(measure.lead_unit.path.startswith(tree) for tree in trees):
        return True
    return supervises(user, measure.round) and answerable_for(user, measure)


def decides_for(user, round_: InspectionRound) -> bool:
    """The user may approve or refuse the round's requests."""
    return supervises(user, round_) or approving_leader(user, round_)


def _can_ask(user, measure: Measure, noun: str) -> tuple[bool, str]:
    if not answers_for(user, measure):
        return False, f"只有该措施牵头单位的填报人可以提出{noun}。"
    if measure.status in CLOSED_MEASURE_STATUSES:
        return False, f"该措施已销号，不能再提出{noun}；如需调整请先重新打开。"
    return True, ""


def can_ask_extension(user, measure: Measure) -> tuple[bool, str]:
    allowed, reason = _can_ask(user, measure, "延期申请")
    if allowed and measure.deadline is None:
        return False, "该措施没有完成时限（长期坚持），无需申请延期。"
    return allowed, reason


def can_ask_change(user, measure: Measure) -> tuple[bool, str]:
    return _can_ask(user, measure, "变更申请")


def can_decide(user, request) -> tuple[bool, str]:
    noun = NOUNS[type(request)]
    if not decides_for(user, request.round):
        return False, f"只有本轮整改办或审批领导可以审批{noun}。"
    if request.asked_by_id == user.pk:
        return False, f"不能审批自己提出的{noun}，请由整改办其他同志审批。"
    if not _independent(user, request):
        return False, (
            f"该措施由您所在单位（或其下级单位）牵头，您不能审批它的{noun}；"
            "请由本轮审批领导或本单位以外的整改办同志审批。"
        )
    if request.status != Status.PENDING:
        return False, f"该{noun}{request.get_status_display()}，不能再审批。"
    return True, ""


def decision_candidates(round_: InspectionRound) -> list:
    """The logins that may decide some of the round's requests: its office and leaders."""
    users = get_user_model().objects.filter(
        Q(role_assignments__round=round_) | Q(role_assignments__round__isnull=True),
        role_assignments__organization=round_.office.organization_id,
        role_assignments__role__in=[Role.OFFICE, Role.LEADER],
        is_active=True,
    )
    return list(users.distinct().select_related("person").order_by("username"))


def deciders(request, candidates=None) -> list[str]:
    """Who may decide the request (by can_decide), by name; empty when nobody may, which the
    request's page then says."""
    if candidates is None:
        candidates = decision_candidates(request.round)
    return [
        _name(user)
        for user in candidates
        if user.pk != request.asked_by_id and _decides(user, request)
    ]


def _decides(user, request) -> bool:
    return decides_for(user, request.round) and _independent(user, request)


def _independent(user, request) -> bool:
    """The round's approving leader decides any request; an office user none for a measure it
    answers for."""
    return approving_leader(user, request.round) or not answerable_for(user, request.measure)


def deciding_q(user, rounds) -> Q:
    """can_decide as a filter over the requests of these rounds: the open ones that wait for
    the user's decision."""
    deciding = [r.pk for r in rounds if decides_for(user, r)]
    approving = [r.pk for r in rounds if approving_leader(user, r)]
    independent = Q(round__in=approving) | ~answerable_q(user, "measure__lead_unit")
    return Q(status=Status.PENDING, round__in=deciding) & ~Q(asked_by=user.pk) & independent


def _name(user) -> str:
    person = getattr(user, "person", None)
    return person.name if person else user.username


def can_withdraw(user, request) -> tuple[bool, str]:
    noun = NOUNS[type(request)]
    if not answers_for(user, request.measure):
        return False, f"只有该措施牵头单位的填报人可以撤回{noun}。"
    if request.status != Status.PENDING:
        return False, f"该{noun}{request.get_status_display()}，不能撤回。"
    return True, ""


# Lists and lookups: a request is seen by whoever sees its measure.


def requests_in(model, user, round_: InspectionRound, status: str = ""):
    """The round's requests of this sort (and `status`) that the user sees: the scope is
    asked only about their measures, not made to list all the user's measures first."""
    rows = model.objects.filter(round=round_)
    if status:
        rows = rows.filter(status=status)
    if sees_whole(user, round_):
        return rows
    # Under a status (the open ones) the rows are few, and each is asked about by itself.
    if status:
        return rows.filter(measure_answered_q(user, round_))
    return rows.filter(measure__in=measures_among(user, round_, rows.values("measure")))


def requests_visible_to(model, user):
    return model.objects.filter(measure__in=Measure.objects.visible_to(user))


def get_request_for(model, user, pk):
    queryset = model.objects.select_related(
        "round__office",
        "measure__problem__category",
        "measure__lead_unit",
        "measure__round__office",
        "asked_by__person",
        "decided_by__person",
    )
    try:
        request = queryset.get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404(f"没有找到该{NOUNS[model]}，或您无权查看。") from exc
    if sees_whole(user, request.round):
        return request
    if not measures_in(user, request.round).filter(pk=request.measure_id).exists():
        raise Http404(f"没有找到该{NOUNS[model]}，或您无权查看。")
    return request

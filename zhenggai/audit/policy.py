"""Who may read the audit trail: the system administrator (is_system_administrator) all of it,
as part of administering accounts; whoever holds the office role (整改办) what was done by the
people of the tree it runs; a member of a round's verification group (核查组, the discipline
inspectors who verify) whatever was done, by anyone, to the data of that round
(zhenggai.audit.rounds). Nobody else, and nobody changes it."""

from django.db.models import Q

from zhenggai.authority.models import Role
from zhenggai.authority.roles import actor_of, is_system_administrator
from zhenggai.ledger.models import Unit
from zhenggai.ledger.policy import NOTHING, any_of, units_under

REFUSED = "只有整改办、核查组成员和系统管理员可以查看审计日志。"


def office_paths(user) -> list[str]:
    return sorted({g.path for g in actor_of(user).holding(Role.OFFICE) if g.path})


def verified_rounds(user) -> list[int]:
    """The rounds whose verification groups the user sits in."""
    return sorted({g.round_id for g in actor_of(user).holding(Role.VERIFIER) if g.round_id})


def can_read(user) -> tuple[bool, str]:
    if not user.is_authenticated:
        return False, REFUSED
    if is_system_administrator(user) or office_paths(user) or verified_rounds(user):
        return True, ""
    return False, REFUSED


def entries_scope(user) -> Q:
    """The entries the user reads: every one for an administrator; for the office, those whose
    actor belonged then to a unit of the tree it runs (so not an administrator's, nor a failed
    login's, which belong to no unit); for a verifier, those about its rounds' data."""
    if is_system_administrator(user):
        return Q()
    scopes = [Q(actor_unit_path__startswith=path) for path in office_paths(user)]
    rounds = verified_rounds(user)
    if rounds:
        scopes.append(Q(round_id__in=rounds))
    return any_of(scopes) if scopes else NOTHING


def units_for(user):
    """The units the filter offers: the office's trees, a verifier's rounds' organizations."""
    if is_system_administrator(user):
        return Unit.objects.all()
    organizations = {g.organization_id for g in actor_of(user).holding(Role.VERIFIER) if g.round_id}
    return Unit.objects.filter(
        units_under(office_paths(user)) | Q(organization_id__in=organizations)
    )

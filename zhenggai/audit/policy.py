"""Who may read the audit trail: the system administrator (is_system_administrator) all of it,
as part of administering accounts; whoever
holds the office role (整改办) what was done by the people of the tree it runs. Nobody else,
and nobody changes it."""

from django.db.models import Q

from zhenggai.authority.models import Role
from zhenggai.authority.roles import actor_of, is_system_administrator
from zhenggai.ledger.models import Unit
from zhenggai.ledger.policy import NOTHING, any_of, units_under

REFUSED = "只有整改办和系统管理员可以查看审计日志。"


def office_paths(user) -> list[str]:
    return sorted({g.path for g in actor_of(user).holding(Role.OFFICE) if g.path})


def can_read(user) -> tuple[bool, str]:
    if not user.is_authenticated:
        return False, REFUSED
    if is_system_administrator(user) or office_paths(user):
        return True, ""
    return False, REFUSED


def entries_scope(user) -> Q:
    """The entries the user reads: every one for an administrator; for the office, those whose
    actor belonged then to a unit of the tree it runs (so not an administrator's, nor a failed
    login's, which belong to no unit)."""
    if is_system_administrator(user):
        return Q()
    paths = office_paths(user)
    return any_of([Q(actor_unit_path__startswith=path) for path in paths]) if paths else NOTHING


def units_for(user):
    """The units the filter offers."""
    if is_system_administrator(user):
        return Unit.objects.all()
    return Unit.objects.filter(units_under(office_paths(user)))

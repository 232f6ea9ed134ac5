"""Giving and taking roles: what the admin does by hand, for the API and the command line.
Only a system administrator may, with the admin's permission for it; a role's unit and round
belong to its organization (the model's clean() says so in Chinese)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from zhenggai.authority.models import RoleAssignment, VerificationGroup
from zhenggai.authority.roles import is_system_administrator


def _require_admin(user, permission: str) -> None:
    """As in the admin: an administrator whose login holds the model permission."""
    if not (is_system_administrator(user) and user.has_perm(permission)):
        raise PermissionDenied("只有系统管理员可以管理组织、角色和核查组。")


def login_named(username: str):
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist as exc:
        raise ValidationError({"user": f"没有名为“{username}”的登录账号。"}) from exc


@transaction.atomic
def assign_role(user, *, login, role, organization=None, round=None, unit=None):
    """The organization follows from the unit or the round when it is not given."""
    _require_admin(user, "authority.add_roleassignment")
    if organization is None:
        if unit is not None:
            organization = unit.organization
        elif round is not None:
            organization = round.office.organization
    if organization is None:
        raise ValidationError({"organization": "请选择组织、单位或轮次。"})
    assignment = RoleAssignment(
        user=login, role=role, organization=organization, round=round, unit=unit
    )
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def revoke_role(user, assignment: RoleAssignment) -> None:
    _require_admin(user, "authority.delete_roleassignment")
    assignment.delete()


@transaction.atomic
def create_group(user, *, round, name, description="", members=()) -> VerificationGroup:
    _require_admin(user, "authority.add_verificationgroup")
    group = VerificationGroup(round=round, name=name, description=description)
    group.full_clean()
    group.save()
    group.members.set(members)
    return group


@transaction.atomic
def add_member(user, group: VerificationGroup, login) -> VerificationGroup:
    _require_admin(user, "authority.change_verificationgroup")
    group.members.add(login)
    return group


@transaction.atomic
def remove_member(user, group: VerificationGroup, login) -> VerificationGroup:
    _require_admin(user, "authority.change_verificationgroup")
    group.members.remove(login)
    return group

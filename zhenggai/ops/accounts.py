"""Logins that the operations commands create (shared by createadmin and the demo), and the
user a command acts as."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from zhenggai.audit.context import act_as


def save_user(username: str, password: str, *, superuser: bool = False, name: str = ""):
    """Create the login or bring an existing one to the given password and rights.
    Returns (user, created)."""
    user, created = get_user_model().objects.get_or_create(username=username)
    user.is_active = True
    user.is_staff = user.is_superuser = superuser
    if name:
        user.first_name = name
    user.set_password(password)
    user.save()
    return user, created


def acting_user(username: str | None):
    """The user a command acts as: the login --user names, with that login's roles; a command
    acts as nobody by default, a superuser included."""
    if not username:
        raise CommandError("请用 --user 指定操作人（登录名）；命令按该用户的角色办理。")
    found = get_user_model().objects.filter(is_active=True, username=username).first()
    if found is None:
        raise CommandError(f"没有找到启用的用户“{username}”。")
    act_as(found)
    return found


def remove_logins(users) -> None:
    """Delete these logins; one that the record names (it has acted or logged in) is
    deactivated and renamed instead, so that the record keeps pointing at it and its name is
    free for a new login."""
    kept = list(users.filter(audit_entries__isnull=False).distinct())
    for user in kept:
        user.username = f"{user.username}~{user.pk}"[:150]
        user.is_active = False
        user.save(update_fields=["username", "is_active"])
    users.exclude(pk__in=[user.pk for user in kept]).delete()

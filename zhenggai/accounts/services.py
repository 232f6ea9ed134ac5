"""Forcing a password change: an administrator's new login or reset password is the
administrator's, not the person's, so the person must replace it before anything else."""

from zhenggai.accounts.models import PasswordChangeDue

# Set in the session at login, so that checking it costs no query on every request. A reset
# changes the password hash, which ends the login's other sessions anyway.
SESSION_KEY = "zhenggai_password_change_due"


def require_password_change(user, reason: str) -> None:
    PasswordChangeDue.objects.update_or_create(user=user, defaults={"reason": reason})


def note_login(request, user) -> None:
    if PasswordChangeDue.objects.filter(user=user).exists():
        request.session[SESSION_KEY] = True


def changed_by_owner(request) -> None:
    PasswordChangeDue.objects.filter(user=request.user).delete()
    request.session.pop(SESSION_KEY, None)


def change_due(request) -> bool:
    return bool(request.session.get(SESSION_KEY))

"""Forcing a password change: an administrator's new login or reset password is the
administrator's, not the person's, so the person must replace it before anything else (not
a directory account's, whose password only the directory holds)."""

import time

from zhenggai.accounts import directory
from zhenggai.accounts.models import PasswordChangeDue

# Set in the session at login, so that checking it costs no query on every request. A reset
# changes the password hash, which ends the login's other sessions anyway.
SESSION_KEY = "zhenggai_password_change_due"
LAST_USE_KEY = "zhenggai_last_use"
# How often a session in use is saved again to move its expiry (the idle timeout) forward.
USE_RESOLUTION_SECONDS = 60


def require_password_change(user, reason: str) -> None:
    PasswordChangeDue.objects.update_or_create(user=user, defaults={"reason": reason})


def mark_use(session) -> None:
    """Save the session again, moving its expiry, if it was last saved over a minute ago."""
    now = int(time.time())
    if now - session.get(LAST_USE_KEY, 0) >= USE_RESOLUTION_SECONDS:
        session[LAST_USE_KEY] = now


def note_login(request, user) -> None:
    # Marked as used now, so the first pages after login need not save the session again.
    mark_use(request.session)
    # A directory account's password is the directory's: nothing here could change it.
    if getattr(user, "backend", "") == directory.BACKEND:
        return
    if PasswordChangeDue.objects.filter(user=user).exists():
        request.session[SESSION_KEY] = True


def changed_by_owner(request) -> None:
    PasswordChangeDue.objects.filter(user=request.user).delete()
    request.session.pop(SESSION_KEY, None)


def change_due(request) -> bool:
    return bool(request.session.get(SESSION_KEY))

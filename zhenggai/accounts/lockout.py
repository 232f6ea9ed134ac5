"""Lockout after repeated failed logins (django-axes): failures are counted per login name and
per client address over the cool-off period; either one reaching the limit locks it until the
cool-off has passed since its last failure, or until an administrator unlocks it."""

import math

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max, Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone


def unlocks_at(request, credentials):
    """When the lock on this login name or address ends: the last failure of whichever reached
    the limit, plus the cool-off."""
    ends = []
    for attempts in AxesDatabaseHandler().get_user_attempts(request, credentials):
        seen = attempts.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        if (seen["failures"] or 0) >= settings.AXES_FAILURE_LIMIT:
            ends.append(seen["last"] + settings.AXES_COOLOFF_TIME)
    return max(ends, default=timezone.now() + settings.AXES_COOLOFF_TIME)


def lockout_message(request, credentials) -> str:
    until = unlocks_at(request, credentials)
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    clock = timezone.localtime(until).strftime("%H:%M")
    return (
        f"登录失败次数过多（连续 {settings.AXES_FAILURE_LIMIT} 次），该账号或本机地址已被锁定，"
        f"请在 {minutes} 分钟后（约 {clock}）再试；如需立即解锁，请联系系统管理员。"
    )


def wants_json(request) -> bool:
    return request.path.startswith("/api/") or request.headers.get("Accept", "").startswith(
        "application/json"
    )


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out login attempt gets (AXES_LOCKOUT_CALLABLE): the login page with the
    time left, or JSON for a program."""
    message = lockout_message(request, credentials or {})
    status = settings.AXES_HTTP_RESPONSE_CODE
    if wants_json(request):
        return JsonResponse(
            {"detail": message}, status=status, json_dumps_params={"ensure_ascii": False}
        )
    form = AuthenticationForm(request, initial={"username": (credentials or {}).get("username")})
    context = {"form": form, "lockout": message, "next": request.POST.get("next", "")}
    return render(request, "registration/login.html", context, status=status)

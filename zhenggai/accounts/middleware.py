from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from zhenggai.accounts import second_factor
from zhenggai.accounts.directory import DirectoryUnavailable
from zhenggai.accounts.lockout import wants_json
from zhenggai.accounts.services import change_due, mark_use
from zhenggai.audit import record

CHANGE_FIRST = "请先修改密码：管理员新建账号或重置密码后，须设置自己的新密码才能继续使用。"
DIRECTORY_DOWN = (
    "暂时连不上单位的目录服务（LDAP/AD），无法核对您的密码，这次不计入登录失败次数。"
    "请稍后再试；如持续出现，请联系系统管理员。"
)
VERIFY_FIRST = "请先在网页上完成管理员第二重身份验证（验证器上的六位验证码）。"


def first_step(request) -> tuple[str, str] | None:
    """The page a login must go through before any other, and why: an administrator proves
    the second factor, then a login whose password an administrator set chooses its own."""
    if second_factor.pending(request):
        return reverse("second_factor"), VERIFY_FIRST
    if change_due(request) and request.user.is_authenticated:
        return reverse("password_change"), CHANGE_FIRST
    return None


class FirstStepMiddleware:
    """Whatever such a login asks for, it is sent to that page; the API answers it in JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = first_step(request)
        if step is None or request.path in (step[0], reverse("logout")):
            return self.get_response(request)
        page, reason = step
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": reason}, status=403, json_dumps_params={"ensure_ascii": False}
            )
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = page
            return response
        return redirect(page)


class LoggedInAnswersMiddleware:
    """Two rules for what a logged-in person gets:

    - Idle timeout: the session ends SESSION_COOKIE_AGE (ZHENGGAI_IDLE_MINUTES) after its last
      use. Saving it on every request (SESSION_SAVE_EVERY_REQUEST) would make each page view a
      database write; it is saved again once a minute of use instead, which moves its expiry,
      in the database and in the cookie.
    - Nothing a logged-in person sees is kept by the browser or a proxy: `Cache-Control:
      no-store` on every answer to a session or a token, downloads included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            mark_use(request.session)
        response = self.get_response(request)
        if request.user.is_authenticated or "authorization" in request.headers:
            patch_cache_control(response, no_store=True, private=True)
        return response


class DirectoryUnavailableMiddleware:
    """A login the directory could not check (zhenggai/accounts/directory.py), on the login
    page or the admin's: the login page again with the reason, 503, and an entry in the audit
    trail. django-axes counts nothing, since no password was found wrong."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DirectoryUnavailable):
            return None
        record.login_failed(exception.username, reason="目录服务无法连接")
        if wants_json(request):
            return JsonResponse(
                {"detail": DIRECTORY_DOWN}, status=503, json_dumps_params={"ensure_ascii": False}
            )
        form = AuthenticationForm(request, initial={"username": exception.username})
        next_page = request.POST.get("next", "")
        context = {"form": form, "directory_down": DIRECTORY_DOWN, "next": next_page}
        return render(request, "registration/login.html", context, status=503)

from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from zhenggai.accounts.services import change_due

CHANGE_FIRST = "请先修改密码：管理员新建账号或重置密码后，须设置自己的新密码才能继续使用。"


class PasswordChangeDueMiddleware:
    """A login whose password an administrator set goes to the change page, whatever it asks
    for, until it has chosen its own; the API answers it in JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not change_due(request) or not request.user.is_authenticated:
            return self.get_response(request)
        page = reverse("password_change")
        if request.path in (page, reverse("logout")):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": CHANGE_FIRST}, status=403, json_dumps_params={"ensure_ascii": False}
            )
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = page
            return response
        return redirect(page)

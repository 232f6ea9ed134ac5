from django.conf import settings
from django.contrib import messages
from django.contrib.auth import password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from zhenggai.accounts import directory, second_factor, services


class LoginView(auth_views.LoginView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["lockout_minutes"] = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
        return context


class PasswordChangeView(auth_views.PasswordChangeView):
    """Every login changes its own password here (linked from the top bar); a login whose
    password an administrator set is sent here first."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy(settings.LOGIN_REDIRECT_URL)

    def dispatch(self, request, *args, **kwargs):
        # A directory account's password is changed in the directory; the page says so.
        if request.user.is_authenticated and directory.logged_in_by(request):
            return render(request, self.template_name, {"directory": True})
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["due"] = services.change_due(self.request)
        context["rules"] = password_validation.password_validators_help_texts()
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        services.changed_by_owner(self.request)
        messages.success(self.request, "密码已修改。")
        return response


@login_required
def second_factor_page(request):
    """An administrator's six-digit code (ZHENGGAI_ADMIN_TOTP); the first time, with the QR
    code that links the authenticator app."""
    if not second_factor.pending(request):
        return redirect(settings.LOGIN_REDIRECT_URL)
    device = second_factor.device_for(request.user)
    wrong = False
    if request.method == "POST":
        if second_factor.verify(request, device, request.POST.get("code", "")):
            return redirect(settings.LOGIN_REDIRECT_URL)
        wrong = True
    context = {"device": device, "wrong": wrong}
    if not device.confirmed:
        context |= {"qr": second_factor.qr_code(device), "key": second_factor.spaced_key(device)}
    return render(request, "accounts/second_factor.html", context)

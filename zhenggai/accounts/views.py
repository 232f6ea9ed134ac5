from django.conf import settings
from django.contrib import messages
from django.contrib.auth import password_validation
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from zhenggai.accounts import services


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

"""Logins in the admin: one an administrator creates, or whose password an administrator sets,
must be given a new password by its owner at the next login. The lockout's and the
authenticator apps' pages in Chinese."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from zhenggai.accounts import lockout_admin
from zhenggai.accounts.models import PasswordChangeDue
from zhenggai.accounts.services import require_password_change

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            require_password_change(obj, PasswordChangeDue.Reason.NEW)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        # A redirect means the new password was saved; an administrator's own is their own.
        if request.method == "POST" and response.status_code == 302 and str(request.user.pk) != id:
            require_password_change(User.objects.get(pk=id), PasswordChangeDue.Reason.RESET)
        return response


@admin.register(PasswordChangeDue)
class PasswordChangeDueAdmin(admin.ModelAdmin):
    list_display = ["user", "reason", "since"]
    readonly_fields = ["user", "reason", "since"]

    def has_add_permission(self, request):
        return False


# The lockout's and the second factor's pages in Chinese (zhenggai.accounts.lockout_admin).
for model, model_admin in [
    (AccessAttempt, lockout_admin.AccessAttemptAdmin),
    (AccessLog, lockout_admin.AccessLogAdmin),
    (AccessFailureLog, lockout_admin.AccessFailureLogAdmin),
    (TOTPDevice, lockout_admin.AuthenticatorAdmin),
]:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
        admin.site.register(model, model_admin)

"""Logins in the admin: one an administrator creates, or whose password an administrator sets,
must be given a new password by its owner at the next login."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

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

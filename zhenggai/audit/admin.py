"""The audit trail in the admin: read only, like everywhere else."""

from django.contrib import admin
from django.contrib.auth import get_user_model

from zhenggai.audit.models import AuditEntry
from zhenggai.audit.protection import KeptForTheRecord, login_kept_because


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["seq", "at", "actor_name", "actor_username", "address", "kind", "object_text"]
    list_filter = ["kind", "channel"]
    search_fields = ["actor_username", "actor_name", "object_text"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Whatever admin the logins have by now (auth's own, or one an earlier app put in its place:
# this app comes last), with deletion refused for a login that has acted.
User = get_user_model()
_LoginAdmin = type(admin.site._registry[User])


class LoginAdmin(KeptForTheRecord, _LoginAdmin):
    def kept_because(self, objs) -> str:
        return login_kept_because(objs)


admin.site.unregister(User)
admin.site.register(User, LoginAdmin)

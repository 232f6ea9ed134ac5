"""The audit trail in the admin: read only, like everywhere else."""

from django.contrib import admin

from zhenggai.audit.models import AuditEntry


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

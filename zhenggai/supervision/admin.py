"""The daily task's record of runs (每日任务记录), for the administrator who schedules it
(docs/scheduling.md): figures only. Notices, reminders and notifications are rectification
content, seen and changed by the roles on the pages, the API and the tick, not in the admin."""

from django.contrib import admin

from zhenggai.supervision.models import TickRun


@admin.register(TickRun)
class TickRunAdmin(admin.ModelAdmin):
    list_display = ["day", "started_at", "finished_at", "summary"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

"""Supervision records in the admin, to look at only: notices, replies, closings, reminders and
escalations change through the pages, the API and the tick, which record who did what."""

from django.contrib import admin

from zhenggai.supervision.models import (
    Escalation,
    Notification,
    Reminder,
    SupervisionNotice,
    TickRun,
)


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SupervisionNotice)
class SupervisionNoticeAdmin(ReadOnly):
    list_display = ["number", "round", "unit", "issued_on", "reply_deadline", "status", "closed_at"]
    list_filter = ["status"]
    search_fields = ["number", "content", "reply", "closing_note"]
    list_select_related = ["round", "unit"]
    fieldsets = [
        (None, {"fields": ["round", "number", "unit", "problems", "content", "status"]}),
        ("下发", {"fields": ["issued_by", "issued_on", "reply_deadline"]}),
        ("回复", {"fields": ["reply", "replied_by", "replied_at"]}),
        ("办结", {"fields": ["closed_by", "closed_at", "closing_note"]}),
    ]


@admin.register(Escalation)
class EscalationAdmin(ReadOnly):
    list_display = ["decided_on", "kind", "unit", "notice", "decided_by"]
    list_filter = ["kind"]
    list_select_related = ["unit", "notice", "decided_by"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnly):
    list_display = ["sent_on", "reason", "person", "measure", "emailed", "sent_by"]
    list_filter = ["reason", "emailed"]
    date_hierarchy = "sent_on"
    list_select_related = ["person", "measure__problem__category", "sent_by"]


@admin.register(Notification)
class NotificationAdmin(ReadOnly):
    list_display = ["created_at", "recipient", "title", "read_at"]
    search_fields = ["title", "recipient__username"]
    list_select_related = ["recipient"]


@admin.register(TickRun)
class TickRunAdmin(ReadOnly):
    list_display = ["day", "started_at", "finished_at", "summary"]

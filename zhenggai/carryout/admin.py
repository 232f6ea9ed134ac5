"""Reports, verifications, evidence and reopenings in the admin, to look things up only: they
are the record of the work, made through the pages and the API (which also write the events),
and a record is not edited in place."""

from django.contrib import admin

from zhenggai.carryout.models import Evidence, ProgressReport, Reopening, Verification


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["original_name", "size", "content_type", "sha256", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnly):
    list_display = ["__str__", "status", "percent", "submitted_by", "submitted_at"]
    list_filter = ["status"]
    search_fields = ["text", "measure__text"]
    list_select_related = ["measure__problem__category", "submitted_by"]
    raw_id_fields = ["measure", "corrects"]
    inlines = [EvidenceInline]


@admin.register(Verification)
class VerificationAdmin(ReadOnly):
    list_display = ["__str__", "verified_on", "result", "briefing_only", "on_site", "verifier"]
    list_filter = ["result", "briefing_only", "on_site"]
    search_fields = ["findings"]
    list_select_related = ["measure__problem__category", "problem__category", "verifier"]
    raw_id_fields = ["measure", "problem"]
    inlines = [EvidenceInline]


@admin.register(Reopening)
class ReopeningAdmin(ReadOnly):
    list_display = ["__str__", "is_rebound", "previously_closed_on", "reopened_by", "reopened_at"]
    list_filter = ["is_rebound"]
    search_fields = ["reason"]
    list_select_related = ["measure__problem__category", "problem__category", "reopened_by"]
    raw_id_fields = ["measure", "problem"]


@admin.register(Evidence)
class EvidenceAdmin(ReadOnly):
    list_display = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
    search_fields = ["original_name", "sha256"]
    raw_id_fields = ["report", "verification"]

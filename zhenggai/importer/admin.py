"""Import batches for administrators to look at; they change only through the import pages."""

from django.contrib import admin

from zhenggai.importer.models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["file_name", "round", "status", "uploaded_by", "uploaded_at", "applied_at"]
    list_filter = ["status", "format"]
    search_fields = ["file_name", "title", "sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

"""Mechanisms and generalizations in the admin, for looking things up and correcting
reference data. The work itself goes through the pages and the API, which keep the record."""

from django.contrib import admin

from zhenggai.mechanisms.models import Generalization, GeneralizationAnswer, Mechanism


@admin.register(Mechanism)
class MechanismAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "document_number", "issuing_unit", "issued_on", "round"]
    list_filter = ["kind"]
    search_fields = ["name", "document_number", "description"]
    raw_id_fields = ["round", "issuing_unit", "problems", "created_by"]
    list_select_related = ["issuing_unit", "round"]
    # A file comes in through the pages and the API, which check it and keep its digest.
    readonly_fields = ["file"]


class AnswerInline(admin.TabularInline):
    model = GeneralizationAnswer
    extra = 0
    fields = ["unit", "answer", "review", "linked_problem", "answered_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Generalization)
class GeneralizationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "answer_deadline", "asked_by", "asked_at"]
    raw_id_fields = ["source", "asked_by"]
    list_select_related = ["source__category", "asked_by"]
    inlines = [AnswerInline]

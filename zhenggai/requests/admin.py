"""Requests in the admin, to look things up only: they are asked and decided through the
pages, the API and the command line, which also change the measure and write the events."""

from django.contrib import admin

from zhenggai.carryout.admin import ReadOnly
from zhenggai.requests.models import ChangeRequest, ExtensionRequest


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(ReadOnly):
    list_display = ["__str__", "measure", "status", "current_deadline", "asked_by", "asked_at"]
    list_filter = ["status"]
    search_fields = ["reason", "measure__text"]
    list_select_related = ["measure__problem__category", "asked_by"]
    raw_id_fields = ["round", "measure"]


@admin.register(ChangeRequest)
class ChangeRequestAdmin(ReadOnly):
    list_display = ["__str__", "measure", "status", "kind", "asked_by", "asked_at"]
    list_filter = ["status"]
    search_fields = ["reason", "text", "measure__text"]
    list_select_related = ["measure__problem__category", "asked_by"]
    raw_id_fields = ["round", "measure"]

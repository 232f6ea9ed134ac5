"""Where the system administrator gives roles: organizations, role assignments and each
round's verification groups. Units and persons sit beside them (zhenggai.ledger.admin)."""

from django.contrib import admin
from django.db.models import Count

from zhenggai.authority.models import Organization, RoleAssignment, VerificationGroup


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "unit_count", "created_at"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(unit_count=Count("units"))

    @admin.display(description="单位数", ordering="unit_count")
    def unit_count(self, obj):
        return obj.unit_count


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organization", "round", "unit", "created_at"]
    list_filter = ["role", "organization"]
    search_fields = ["user__username", "user__person__name", "unit__name", "round__name"]
    # A round is chosen from a list of names: the admin shows no round itself (content).
    autocomplete_fields = ["user", "organization", "unit"]
    list_select_related = ["user", "organization", "round", "unit"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "round":
            kwargs["empty_label"] = "不限轮次（该组织的所有轮次）"
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(VerificationGroup)
class VerificationGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "round", "member_count"]
    search_fields = ["name", "round__name"]
    autocomplete_fields = ["members"]
    list_select_related = ["round"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description="核查人数", ordering="member_count")
    def member_count(self, obj):
        return obj.member_count

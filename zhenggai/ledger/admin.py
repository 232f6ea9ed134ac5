"""Reference data for administrators: units, persons, the holiday table. Rounds, problems
and measures are only shown here: they are created and changed on the web pages (an
administrator may do so there too), where every change is checked by the services and recorded
on the timeline; an edit here would skip both. A round may be deleted only before anything is
recorded on its timeline. The record of events is read-only."""

from django.contrib import admin

from zhenggai.audit.protection import KeptForTheRecord, round_kept_because
from zhenggai.ledger.models import (
    CalendarDay,
    Category,
    Claim,
    Event,
    InspectionRound,
    Measure,
    Person,
    Problem,
    Unit,
)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    """A unit takes its parent's organization; a new root unit founds one of its own."""

    list_display = ["name", "kind", "parent", "organization", "depth"]
    list_filter = ["organization", "kind", "depth"]
    readonly_fields = ["organization"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "unit", "is_leader", "user"]
    list_filter = ["is_leader", "unit__kind"]
    search_fields = ["name", "title", "unit__name", "user__username"]
    autocomplete_fields = ["unit", "user"]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "is_workday", "name", "source"]
    list_filter = ["is_workday", "source"]
    date_hierarchy = "date"


class ShownOnly:
    """Viewed, not added or changed, in the admin (see the module's docstring)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CategoryInline(ShownOnly, admin.TabularInline):
    model = Category
    extra = 0


@admin.register(InspectionRound)
class InspectionRoundAdmin(KeptForTheRecord, ShownOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "team", "feedback_date", "rectification_deadline", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["name", "team", "organization"]
    inlines = [CategoryInline]

    def kept_because(self, objs) -> str:
        return round_kept_because(objs)


@admin.register(Problem)
class ProblemAdmin(ShownOnly, admin.ModelAdmin):
    list_display = ["__str__", "round", "status", "lead_unit", "lead_leader", "is_key"]
    list_filter = ["status", "source", "is_key"]
    search_fields = ["text"]
    raw_id_fields = ["round", "category", "lead_leader", "lead_unit"]
    list_select_related = ["category", "round", "lead_unit", "lead_leader"]


@admin.register(Measure)
class MeasureAdmin(ShownOnly, admin.ModelAdmin):
    list_display = ["__str__", "kind", "deadline", "status", "lead_unit"]
    list_filter = ["status", "kind"]
    search_fields = ["text"]
    raw_id_fields = ["round", "problem", "lead_unit", "person_in_charge"]
    list_select_related = ["problem__category", "lead_unit"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["problem", "person", "unit", "claimed_at"]
    raw_id_fields = ["problem", "person", "unit", "claimed_by"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """The record is append-only: nobody edits or deletes it, not even an administrator."""

    list_display = ["at", "kind", "actor", "round", "problem", "measure"]
    list_filter = ["kind"]
    list_select_related = ["actor", "round", "problem__category", "measure__problem__category"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

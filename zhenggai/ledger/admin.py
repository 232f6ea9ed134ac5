"""Base data for the system administrator: units, persons, the holiday table. Rounds,
problems, measures, claims and their timeline are rectification content: the roles see and
change them on the pages, the API, the command line and the importer, where every change is
checked by the services and recorded; the admin shows none of them (docs/roles.md)."""

from django.contrib import admin

from zhenggai.ledger.models import CalendarDay, Person, Unit


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

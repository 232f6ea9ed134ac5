"""Bulk writes recorded like saves: QuerySet.update(), bulk_create() and bulk_update() send no
signals, so every manager of an audited model is given a QuerySet that records them itself,
one entry per row changed or made, with before and after, under one lock of the chain
(trail.append_many). A QuerySet's delete() needs nothing here: Django deletes row by row,
sending the signals the trail listens to, once anything listens (record.py).

What is derived from recorded data and recomputed in bulk (lights from deadlines and reports,
positions from numbers, edit versions, the date of the last report) records nothing when a
bulk write moves it alone; moved together with anything else, it is shown too."""

import copy

from django.db import models

from zhenggai.audit import record, rounds, trail

DERIVED_FIELDS = {"light", "light_reason", "position", "version", "last_reported_on"}
# Rows read per query for the values before and after an update.
CHUNK = 900


class AuditedQuerySet(models.QuerySet):
    def update(self, **kwargs):
        names = _recorded(self.model, kwargs)
        if not names or not record.is_connected():
            return super().update(**kwargs)
        before = {row.pop("pk"): row for row in self.values("pk", *names)}
        count = super().update(**kwargs)
        _record_updates(self.model, before, names)
        return count

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if record.is_connected():
            rounds.prefetch(created)
            trail.append_many([record.made(obj) for obj in created])
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        names = _recorded(self.model, dict.fromkeys(fields))
        if not names or not record.is_connected():
            return super().bulk_update(objs, fields, *args, **kwargs)
        pks = [obj.pk for obj in objs]
        before = {row.pop("pk"): row for row in _rows(self.model, pks, names)}
        count = super().bulk_update(objs, fields, *args, **kwargs)
        _record_updates(self.model, before, names)
        return count


def _recorded(model, values: dict) -> list[str]:
    """The attribute names a bulk write of `values` records; none when it moves only what the
    trail ignores or derives."""
    names = [model._meta.get_field(name).attname for name in values]
    names = [name for name in names if name not in record.IGNORED_FIELDS]
    return names if set(names) - DERIVED_FIELDS else []


def _rows(model, pks: list, names: list[str]):
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        yield from model._base_manager.filter(pk__in=chunk).values("pk", *names)


def _record_updates(model, before: dict, names: list[str]) -> None:
    """Reads the rows again (an F() expression is known only afterwards) and records those
    that changed."""
    changes = []
    pks = list(before)
    for start in range(0, len(pks), CHUNK):
        rows = list(model._base_manager.filter(pk__in=pks[start : start + CHUNK]))
        rounds.prefetch(rows)
        for instance in rows:
            change = record.updated(instance, before[instance.pk], names)
            if change:
                changes.append(change)
    trail.append_many(changes)


def _audited(queryset_class: type) -> type:
    if issubclass(queryset_class, AuditedQuerySet):
        return queryset_class
    return type(f"Audited{queryset_class.__name__}", (AuditedQuerySet, queryset_class), {})


def install(model) -> None:
    """Every manager of the model (and so every related manager made from its default one)
    hands out QuerySets that record their bulk writes; its base manager too, through which
    Django empties the references to a deleted row (on_delete=SET_NULL)."""
    for manager in [*model._meta.managers, model._meta.base_manager]:
        queryset_class = _audited(manager._queryset_class)
        if manager._queryset_class is not queryset_class:
            manager.__class__ = _recording(type(manager), queryset_class)


def _recording(manager_class: type, queryset_class: type) -> type:
    def deconstruct(manager):
        """As the manager it replaces, and equal to it: migrations see no change (auth's
        managers are in them)."""
        original = copy.copy(manager)
        original.__class__ = manager_class
        return original.deconstruct()

    def equals(manager, other):
        return isinstance(other, manager_class) and (
            manager._constructor_args == other._constructor_args
        )

    attrs = {
        "_queryset_class": queryset_class,
        "deconstruct": deconstruct,
        "__eq__": equals,
        "__hash__": manager_class.__hash__,
    }
    return type(f"Audited{manager_class.__name__}", (manager_class,), attrs)

"""Which round of inspection an entry's object belongs to, so that the round's verifiers read
the entries about its data (zhenggai.audit.policy): the round itself, whatever carries the
round, and what hangs below those (a report by its measure, evidence by its report …).
Logins, persons, units and other data of no round belong to none."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import prefetch_related_objects

# The references followed, in this order, to find the round.
TOWARDS_THE_ROUND = (
    "round",
    "measure",
    "problem",
    "source",
    "report",
    "verification",
    "notice",
    "generalization",
)


def round_of(instance) -> int | None:
    if instance._meta.label_lower == "ledger.inspectionround":
        return instance.pk
    for name in TOWARDS_THE_ROUND:
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.many_to_one:
            continue
        pk = getattr(instance, field.attname)
        if pk is None:
            continue
        if name == "round":
            return pk
        target = instance._state.fields_cache.get(name) or (
            field.related_model._base_manager.filter(pk=pk).first()
        )
        return round_of(target) if target is not None else None
    return None


def prefetch(objs: list) -> None:
    """For many rows recorded at once (zhenggai.audit.bulk): what leads to their round, and
    the categories their names are numbered by, read in one query per step, not per row."""
    if objs:
        prefetch_related_objects(objs, *_paths(type(objs[0]), depth=3))


def _paths(model, depth: int, prefix: str = ""):
    for name in (*TOWARDS_THE_ROUND[1:], "category"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_one:
            yield prefix + name
            if depth > 1:
                yield from _paths(field.related_model, depth - 1, f"{prefix}{name}__")

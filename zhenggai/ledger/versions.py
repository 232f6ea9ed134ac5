"""Lost updates. Rounds, problems and measures carry a version that every edit through the
services moves on by one. An edit names the version it was made on (a hidden field in each
form, `version` or If-Match in the API) and claims the next one with a conditional
UPDATE ... SET version = version + 1 WHERE pk = ? AND version = ?: of two saves made on the
same version exactly one changes a row, on SQLite (whose IMMEDIATE transactions take turns)
and on PostgreSQL (whose second UPDATE waits for the first and then finds the version gone).
The loser gets StaleEdit, which says who changed what since, read from the events that
carry the versions they left behind (Event.version)."""

import datetime
from dataclasses import dataclass

from django.db.models import F

from zhenggai.ledger.models import Event, InspectionRound, Measure, Problem

EMPTY = "（空）"
# Fields whose snapshots are lists (of names) rather than values of a model field.
LIST_FIELDS = {"cooperating_units": "配合单位"}


def snapshot_value(value):
    """How an event stores a value: dates as ISO text, objects as their names, sets of
    objects as sorted names."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return str(value)
    if isinstance(value, (list, tuple, set)) or hasattr(value, "model"):
        return sorted(str(item) for item in value)
    return value


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    actor: str
    at: datetime.datetime
    event: str
    version: int
    fields: list[FieldChange]


class StaleEdit(Exception):
    """An edit made on a version that is no longer the item's."""

    def __init__(self, obj, version: int | None, current: int, events: list[Event]):
        self.obj = obj
        self.version = version
        self.current = current
        self.events = events
        self.changes = [_change(obj, event) for event in events]
        self.noun = _noun(obj)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.changes:
            people = "、".join(dict.fromkeys(change.actor for change in self.changes))
            return f"您打开这个{self.noun}之后，{people}修改了它，您的修改没有保存。"
        return (
            f"这个{self.noun}已经不是您打开时的版本（第 {self.version} 版，"
            f"现为第 {self.current} 版），您的修改没有保存。"
        )

    def first_values(self) -> dict[str, object]:
        """Per field changed since, its stored value (as the events snapshot it) in the
        version the edit was made on."""
        values: dict[str, object] = {}
        for event in self.events:
            for name, pair in event.changes.items():
                if isinstance(pair, list) and len(pair) == 2:
                    values.setdefault(name, pair[0])
        return values

    def as_json(self) -> dict:
        return {
            "detail": self.message,
            "version": self.current,
            "your_version": self.version,
            "changes": [
                {
                    "actor": change.actor,
                    "at": change.at,
                    "event": change.event,
                    "version": change.version,
                    "fields": [
                        {"field": f.field, "label": f.label, "before": f.before, "after": f.after}
                        for f in change.fields
                    ],
                }
                for change in self.changes
            ],
        }


def _noun(obj) -> str:
    return {InspectionRound: "轮次", Problem: "问题", Measure: "措施"}[type(obj)]


def claim(obj, version: int | None) -> None:
    """Move the item to its next version if it is still at `version`; None claims whatever
    version it is at (a caller that means to overwrite, as the API's If-Match: *)."""
    rows = type(obj).objects.filter(pk=obj.pk)
    if version is not None:
        rows = rows.filter(version=version)
    if not rows.update(version=F("version") + 1):
        raise stale(obj, version)
    obj.version = version + 1 if version is not None else _current(obj)


def release(obj) -> None:
    """An edit that changed nothing gives its version back (it still holds the row)."""
    obj.version -= 1
    type(obj).objects.filter(pk=obj.pk).update(version=obj.version)


def events_since(obj, version: int):
    """The events that moved the item past `version`, oldest first."""
    if isinstance(obj, Measure):
        events = Event.objects.filter(measure=obj)
    elif isinstance(obj, Problem):
        events = Event.objects.filter(problem=obj, measure__isnull=True)
    else:
        events = Event.objects.filter(round=obj, problem__isnull=True, measure__isnull=True)
    return events.filter(version__gt=version).select_related("actor__person").order_by("version")


def _current(obj) -> int:
    return type(obj).objects.values_list("version", flat=True).get(pk=obj.pk)


def stale(obj, version: int) -> StaleEdit:
    return StaleEdit(obj, version, _current(obj), list(events_since(obj, version)))


def actor_name(user) -> str:
    if user is None:
        return "系统"
    person = getattr(user, "person", None)
    return (person.name if person else "") or user.get_full_name() or user.username


def _change(obj, event: Event) -> Change:
    fields = [
        FieldChange(name, label, display(obj, name, pair[0]), display(obj, name, pair[1]))
        for name, pair in event.changes.items()
        if (label := field_label(obj, name)) and isinstance(pair, list) and len(pair) == 2
    ]
    actor = actor_name(event.actor)
    return Change(actor, event.at, event.get_kind_display(), event.version, fields)


def field_label(obj, name: str) -> str:
    """The label of one of the item's own fields; "" for what an event records beside them
    (a report, a reason ...)."""
    if name in LIST_FIELDS:
        return LIST_FIELDS[name]
    try:
        field = obj._meta.get_field(name)
    except Exception:  # noqa: BLE001 -- FieldDoesNotExist: not a field of the item
        return ""
    return str(field.verbose_name) if field.concrete else ""


def display(obj, name: str, value) -> str:
    """A stored value as a person reads it: choices by their labels, yes and no, names."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(map(str, value))
    if name not in LIST_FIELDS:
        choices = dict(obj._meta.get_field(name).flatchoices)
        if choices:
            return str(choices.get(value, value))
    return str(value)

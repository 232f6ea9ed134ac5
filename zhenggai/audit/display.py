"""An entry in words: the kind of object by its Chinese name, each changed field by its label."""

import json
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from zhenggai.audit.models import AuditEntry


def _model(object_type: str):
    try:
        return apps.get_model(object_type) if "." in object_type else None
    except LookupError:  # a type no longer installed keeps its name
        return None


def type_label(object_type: str) -> str:
    """ "ledger.measure" → 整改措施."""
    model = _model(object_type)
    return str(model._meta.verbose_name) if model else object_type


def _field(model, name: str):
    if model is None:
        return None
    for candidate in (name, name.removesuffix("_id")):
        try:
            return model._meta.get_field(candidate)
        except FieldDoesNotExist:
            continue
    return None


def field_label(model, name: str) -> str:
    field = _field(model, name)
    return str(field.verbose_name) if field is not None else name


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _text(value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _shown(model, name: str, value) -> str:
    """A value as the pages write it: a choice by its label (done_pending → 已完成待核查),
    and where the model says how (its audit_formats), a file's size in KB."""
    field = _field(model, name)
    if field is not None and field.choices and isinstance(value, str):
        return str(dict(field.flatchoices).get(value, value))
    formatted = getattr(model, "audit_formats", {}).get(name)
    if formatted is not None and isinstance(value, int):
        return formatted(value)
    return _text(value)


def changes(entry: AuditEntry) -> list[Change]:
    model = _model(entry.object_type)
    # The object's own number is shown beside its name already.
    names = [n for n in dict.fromkeys([*entry.before, *entry.after]) if n != "id"]
    return [
        Change(
            field_label(model, name),
            _shown(model, name, entry.before.get(name)) if name in entry.before else "",
            _shown(model, name, entry.after.get(name)) if name in entry.after else "",
        )
        for name in names
    ]

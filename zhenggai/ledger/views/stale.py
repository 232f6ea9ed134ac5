"""A save refused as stale (zhenggai.ledger.versions.StaleEdit) shows the form again with what
the person typed, now on the item's current version, and says who changed what meanwhile.
A field that only the other person changed takes its new value, so that saving again does
not put the old one back; a field that both changed keeps what this person typed and is
named, for the person to decide."""

from collections.abc import Callable
from dataclasses import dataclass, field

from zhenggai.ledger.versions import StaleEdit, field_label, snapshot_value


@dataclass
class Refusal:
    error: StaleEdit
    taken: list[str] = field(default_factory=list)
    both: list[str] = field(default_factory=list)


def refused(form, error: StaleEdit, make_form: Callable):
    """`form`: the valid form that was refused; make_form(data) builds the same form on the
    item as it is now, bound to `data`, or unbound when `data` is None."""
    now = make_form(None)
    data = form.data.copy()
    refusal = Refusal(error)
    for name, then in error.first_values().items():
        if name not in form.fields or form.fields[name].disabled:
            continue
        label = field_label(error.obj, name)
        if _same(snapshot_value(form.cleaned_data.get(name)), then):
            _put(data, form.add_prefix(name), now[name].value())
            refusal.taken.append(label)
        else:
            refusal.both.append(label)
    data[form.add_prefix("version")] = str(error.current)
    again = make_form(data)
    again.stale = refusal
    return again


def _same(typed, stored) -> bool:
    def plain(value):
        if isinstance(value, str):
            return value.replace("\r\n", "\n").strip()
        return "" if value is None else value

    return plain(typed) == plain(stored)


def _put(data, key: str, value) -> None:
    """A value as the browser would have sent it."""
    if isinstance(value, (list, tuple)):
        data.setlist(key, [str(item) for item in value])
    elif value is True:
        data[key] = "on"
    elif value is False:
        data.pop(key, None)
    elif hasattr(value, "isoformat"):
        data[key] = value.isoformat()
    else:
        data[key] = "" if value is None else str(value)

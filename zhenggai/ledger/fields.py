"""Form fields shared by the apps' forms."""

from django import forms
from django.core.exceptions import ValidationError

# The widest integer key a database column holds (BigAutoField).
MAX_KEY = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, refusing a posted key that no row can have before it reaches the database:
    Django checks each key alone without running a query, then runs `pk IN (…)`, where
    SQLite fails on an integer wider than 64 bits instead of finding nothing."""

    def _check_values(self, value):
        for key in value if isinstance(value, list | tuple) else ():
            if _out_of_range(key):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super()._check_values(value)


def _out_of_range(key) -> bool:
    try:
        return not -MAX_KEY <= int(str(key).strip()) <= MAX_KEY
    except ValueError:
        return False


class Picker(forms.Select):
    """A select a person searches by typing part of a name (tom-select, app.js); without
    script it stays a plain select. The one widget for choosing units and persons."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-picker": "", **(attrs or {})}, choices)


class TreePicker(Picker):
    """A Picker whose options carry their unit's path (data-path). A person picker given
    data-under (the name of a unit picker of the same form) then offers only the persons of
    the unit chosen there and of the units below it (app.js), as the import review does."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            unit = getattr(instance, "unit", instance)
            option["attrs"]["data-path"] = unit.path
        return option


class MultiPicker(forms.SelectMultiple):
    """Picker for several choices: typed and picked one after another, each removable with
    its ×; without script a plain list (Ctrl+click)."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-picker": "", "size": 6, **(attrs or {})}, choices)

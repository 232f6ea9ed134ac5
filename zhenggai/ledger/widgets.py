"""Widgets and fields for long choice lists."""

import html

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """As Django's attrs.html: in order, True as a bare name, False left out."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _escaped(text) -> str:
    """conditional_escape without Django's wrappers, which cost a select of a thousand options
    more than its text: the same HTML."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))


class QuickSelect(forms.Select):
    """Django's select, the same HTML, written in Python: Django's templates include a
    template per <option>, which costs a filter form with a province's hundreds of units
    and leaders more than its database queries. It reads the choices directly, as Django's
    ChoiceWidget.optgroups picks the selected one, without a dict per option."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        attrs = self.build_attrs(self.attrs, attrs)
        parts = [format_html('<select name="{}"{}>', name, _attrs(attrs))]
        found = False
        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                group, options = group_value, group_label
            else:
                group = None
                options = [("" if group_value is None else group_value, group_label)]
            if group:
                parts.append(format_html('\n  <optgroup label="{}">', group))
            for option_value, label in options:
                text = str(option_value)
                selected = not found and text in chosen
                found = found or selected
                mark = " selected" if selected else ""
                parts.append(
                    f'\n  <option value="{html.escape(text)}"{mark}>{_escaped(label)}</option>\n'
                )
            if group:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class QuickInput:
    """Django's <input>, the same HTML, written in Python: through Django's templates, the
    filter form's text, date and tick boxes cost as much as its fifty rows."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], name, shown, _attrs(widget["attrs"])
        )


class QuickTextInput(QuickInput, forms.TextInput):
    pass


class QuickDateInput(QuickInput, forms.DateInput):
    input_type = "date"


class QuickCheckboxInput(QuickInput, forms.CheckboxInput):
    pass


class ListedChoices(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.field.listed().items()

    def __len__(self):
        return len(self.field.listed()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.listed())


class ListedChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose choices are listed once a form, as rows of `label_fields`
    made into labels by `label_of` (the model's own): a province's hundreds of units and
    leaders as model instances cost more than their query, and a choice the request names
    is looked for among them, not by a query of its own (for a scoped user's leaders, the
    scope's query once more)."""

    iterator = ListedChoices

    def __init__(self, queryset, *, label_fields: tuple[str, ...], label_of, **kwargs):
        self.label_fields, self.label_of = label_fields, label_of
        super().__init__(queryset, **kwargs)

    def _set_queryset(self, queryset):
        self._listed = None
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def listed(self) -> dict:
        if self._listed is None:
            rows = self.queryset.values_list("pk", *self.label_fields)
            self._listed = {pk: self.label_of(*values) for pk, *values in rows}
        return self._listed

    def to_python(self, value):
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        try:
            pk = int(value)
        except (TypeError, ValueError):
            pk = None
        if pk not in self.listed():
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return self.queryset.model._default_manager.get(pk=pk)

"""Widgets for long choice lists."""

from django import forms
from django.utils.html import conditional_escape, escape, format_html, format_html_join
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
                    f'\n  <option value="{escape(text)}"{mark}>{conditional_escape(label)}'
                    "</option>\n"
                )
            if group:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))

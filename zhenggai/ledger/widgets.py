"""Widgets for long choice lists."""

from django import forms
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


class QuickSelect(forms.Select):
    """Django's select, the same HTML, written in Python: Django's templates include a
    template per <option>, which costs a filter form with a province's hundreds of units
    and leaders more than its database queries."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _ in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                parts.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',
                        option["value"],
                        _attrs(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))

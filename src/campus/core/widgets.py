"""Widgets shared by the apps."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    """A <select> for long lists (countries: 250 options), rendered in Python.

    Django renders every option through a template, which costs some 15 ms for a country list; this
    widget writes the same markup directly (values and labels escaped by format_html).
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, mark_safe(" selected") if str(key) == selected else "", label) for key, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)

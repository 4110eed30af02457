"""A form renderer that writes Django's own widget templates in Python (settings.FORM_RENDERER).

Rendering a widget through its template (text.html includes input.html, which includes attrs.html) costs
far more than the HTML it makes: on an application step page two thirds of the time went there. The
functions below produce exactly what those templates produce, byte for byte (whitespace included: the
renderer strips the outer whitespace as Django's does; an included template keeps its own), and escape
and localise values as the template language does. Any other template (a form layout, an error list, a
widget of our own or one not written here, e.g. a file input showing its current file) is rendered by
the templates as before. tests/core/test_forms_render.py renders every widget both ways and compares.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime

WIDGETS = "django/forms/widgets/"


def _text(value) -> str:
    """``{{ value }}`` with autoescape on (django.template.base.render_value_in_context)."""
    value = localize(template_localtime(value))
    if not issubclass(type(value), str):
        value = str(value)
    return conditional_escape(value)


def _format_s(value) -> str:
    """``{{ value|stringformat:'s' }}``: the filter keeps a safe value safe; anything else is escaped."""
    text = "%s" % (str(value) if isinstance(value, tuple) else value,)
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs: dict) -> str:
    """attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_text(name)}")
        else:
            parts.append(f' {_text(name)}="{_format_s(value)}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    """input.html"""
    value = widget["value"]
    shown = f' value="{_format_s(value)}"' if value is not None else ""
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}{_attrs(widget["attrs"])}>\n'


def _input_option(widget: dict) -> str:
    """input_option.html (the option of a radio or checkbox group)"""
    wrap = widget.get("wrap_label")
    element = _input(widget)
    if not wrap:
        return element + "\n"
    target = widget["attrs"].get("id")
    opening = f'<label for="{_text(target)}">' if target else "<label>"
    return f'{opening}{element} {_text(widget["label"])}</label>\n'


def _multiple_input(widget: dict) -> str | None:
    """multiple_input.html (radio and checkbox groups)"""
    attrs = widget["attrs"]
    parts = ["<div"]
    if attrs.get("id"):
        parts.append(f' id="{_text(attrs["id"])}"')
    if attrs.get("class"):
        parts.append(f' class="{_text(attrs["class"])}"')
    parts.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_text(group)}</label>")
        for option in options:
            inner = _include(option["template_name"], option)
            if inner is None:
                return None
            parts.append(f"<div>\n    {inner}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>\n")
    return "".join(parts)


def _select(widget: dict) -> str | None:
    """select.html"""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            inner = _include(option["template_name"], option)
            if inner is None:
                return None
            parts.append(f"\n  {inner}")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _select_option(widget: dict) -> str:
    """select_option.html"""
    return f'<option value="{_format_s(widget["value"])}"{_attrs(widget["attrs"])}>{_text(widget["label"])}</option>\n'


def _textarea(widget: dict) -> str:
    """textarea.html"""
    value = widget["value"]
    return f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n{_text(value) if value else ""}</textarea>\n'


def _clearable_file_input(widget: dict) -> str | None:
    """clearable_file_input.html without a current file (with one: the template)"""
    if widget.get("is_initial"):
        return None
    return f'\n<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n'


def _wrapping(inner):
    """A template that is only ``{% include inner %}`` and a line break."""

    def render(widget: dict) -> str | None:
        text = inner(widget)
        return None if text is None else text + "\n"

    return render


INPUTS = ("checkbox", "color", "date", "datetime", "email", "file", "hidden", "number", "password", "search",
          "tel", "text", "time", "url")
TEMPLATES = {
    **{f"{WIDGETS}{name}.html": _wrapping(_input) for name in INPUTS},
    f"{WIDGETS}input.html": _input,
    f"{WIDGETS}input_option.html": _input_option,
    f"{WIDGETS}radio_option.html": _wrapping(_input_option),
    f"{WIDGETS}checkbox_option.html": _wrapping(_input_option),
    f"{WIDGETS}multiple_input.html": _multiple_input,
    f"{WIDGETS}radio.html": _wrapping(_multiple_input),
    f"{WIDGETS}checkbox_select.html": _wrapping(_multiple_input),
    f"{WIDGETS}select.html": _select,
    f"{WIDGETS}select_option.html": _select_option,
    f"{WIDGETS}textarea.html": _textarea,
    f"{WIDGETS}clearable_file_input.html": _clearable_file_input,
}


def _include(template_name: str, widget: dict) -> str | None:
    """An included template's output (not stripped); None when it is not written here."""
    render = TEMPLATES.get(template_name)
    return None if render is None else render(widget)


class FastRenderer(DjangoTemplates):
    """Django's template form renderer, with the built-in widget templates written in Python."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) and len(context) == 1 else None
        if widget is not None and template_name in TEMPLATES:
            text = TEMPLATES[template_name](widget)
            if text is not None:
                return mark_safe(text.strip())
        return super().render(template_name, context, request=request)

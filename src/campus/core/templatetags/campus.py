from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.translation import get_language
from django.utils.safestring import mark_safe

from campus.core import form_errors
from campus.core.content_memo import memo

from campus.core.invisible import reveal, reveal_plain
from campus.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)


@register.filter
def eur(value):
    """10000 -> '10 000 €' (a narrow no-break space between thousands), 0 -> 'Free'."""
    if value in (None, ""):
        return ""
    number = int(round(float(value)))
    if number == 0:
        return "Free"
    return f"{number:,}".replace(",", "\u202f") + "\u00a0€"


@register.simple_tag
def daterange(start, end):
    """'1 September – 6 November 2020', or '30 November 2020 – 19 February 2021' across years."""
    if start is None or end is None:
        return ""
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {end:%B %Y}"
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


@register.simple_tag
def local_time_range(meetup):
    """A meetup's times in its own zone: 'Tue 1 Sep 2020, 09:00 – Wed 2 Sep, 13:00 CEST'."""
    start, end = meetup.local_start, meetup.local_end
    first = f"{start:%a} {start.day} {start:%b %Y}, {start:%H:%M}"
    if start.date() == end.date():
        return f"{first}–{end:%H:%M} {end:%Z}"
    return f"{first} – {end:%a} {end.day} {end:%b}, {end:%H:%M} {end:%Z}"


@register.simple_tag
def field_widget(field):
    """Render a bound field's widget with aria-describedby (help, error) and aria-invalid."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


class KeptNode(template.Node):
    def __init__(self, nodelist, name: str, keys: list):
        self.nodelist, self.name, self.keys = nodelist, name, keys

    def render(self, context):
        key = ("fragment", self.name, timezone.localdate(), get_language(), get_script_prefix(),
               settings.ROOT_URLCONF, context.autoescape, *(repr(value.resolve(context)) for value in self.keys))
        return memo(key, lambda: self.nodelist.render(context))


@register.tag
def kept_per_content_version(parser, token):
    """``{% kept_per_content_version "name" value... %}…{% endkept_per_content_version %}``: the part rendered
    once per content version, day, language and ``value``s in this process (campus.core.content_memo), e.g. the
    body of the home page for signed-in visitors (the page cache serves only anonymous ones), the site's navigation
    (per page name) and footer in base.html. Only for markup that depends on public content and the given values:
    nothing of the visitor (no user, no CSRF token)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endkept_per_content_version",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag
def form_field(field):
    """``{% include "includes/field.html" %}`` written in Python: the same markup, character for character
    (tests/core/test_form_field_tag.py compares them), without a template include per field (issue 10)."""
    escape, auto_id, errors = conditional_escape, field.auto_id, field.errors
    required = field.field.required or getattr(field.field, "required_when_asked", False)
    parts = ['\n\n<div class="field', " field--error" if errors else "", '">\n  <label for="', escape(auto_id), '">',
             escape(field.label), ' <span class="field__req" aria-hidden="true">*</span>' if required else "",
             "</label>\n  "]
    if field.help_text:
        parts += ['<p class="field__help" id="', escape(f"{auto_id}-help"), '">', escape(field.help_text), "</p>"]
    parts.append("\n  ")
    if errors:
        parts += ['<p class="field__error" id="', escape(f"{auto_id}-error"), '">',
                  " ".join(escape(error) for error in errors), "</p>"]
    parts += ["\n  ", field_widget(field), "\n\n</div>\n\n"]
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def form_top(context, *items, errors=(), lead="", note=True):
    """The top of a form: the error summary after a refused submit, and "* marks a required field".

    ``items`` are the forms (or formsets) the form element holds; ``errors`` adds refusals that belong to
    no form (a string or a list); ``lead`` is a sentence under the heading (what is kept, what to retype);
    ``note=False`` leaves out the required-field note (a form whose own markup shows no asterisk).
    """
    extra = [errors] if isinstance(errors, str) else list(errors or ())
    found = form_errors.summary(*items, errors=extra)
    counter = context.render_context.setdefault("form_top_count", [0])
    counter[0] += 1
    return mark_safe(render_to_string("includes/form_top.html", {
        **found,
        "has_errors": bool(found["general"] or found["links"]),
        "required": note and form_errors.has_required(*items),
        "lead": lead,
        "title_id": "error-summary-title" if counter[0] == 1 else f"error-summary-title-{counter[0]}",
    }).strip())


@register.simple_tag(takes_context=True)
def error_title(context):
    """'Error: ' at the start of the page title when a form of the page was refused."""
    values = context.flatten().values()
    if context.get("form_error") or form_errors.page_has_errors(values):
        return "Error: "
    return ""


@register.simple_tag
def choice_input(field, choice):
    """One radio or checkbox of a group, tied with aria-describedby to the group's help and error."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = dict(choice.data["attrs"])
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    widget = {**choice.data, "attrs": attrs, "wrap_label": False}
    return choice.parent_widget._render(choice.template_name, {"widget": widget}, choice.renderer)


@register.simple_tag
def choice_field(field):
    """``{% include "includes/choice_field.html" %}`` written in Python: the same markup, character for character
    (tests/core/test_form_field_tag.py compares them), for the application's step pages (issue 10)."""
    escape, auto_id, errors = conditional_escape, field.auto_id, field.errors
    error_id, help_id = escape(f"{auto_id}-error"), escape(f"{auto_id}-help")
    required = field.field.required or getattr(field.field, "required_when_asked", False)
    parts = ['\n\n<fieldset class="field field--choices', " field--error" if errors else "", '"']
    if errors or field.help_text:
        described = [help_id] if field.help_text else []
        described += [error_id] if errors else []
        parts += [' aria-describedby="', " ".join(described), '"']
    parts += [">\n  <legend>", escape(field.label),
              ' <span class="field__req" aria-hidden="true">*</span>' if required else "", "</legend>\n  "]
    if field.help_text:
        parts += ['<p class="field__help" id="', help_id, '">', escape(field.help_text), "</p>"]
    parts.append("\n  ")
    if errors:
        parts += ['<p class="field__error" id="', error_id, '">', " ".join(escape(error) for error in errors), "</p>"]
    parts.append('\n  <div class="choices">\n    ')
    for choice in field:
        parts += ['\n    <label class="choice" for="', escape(choice.id_for_label), '">', choice_input(field, choice),
                  " <span>", escape(choice.choice_label), "</span></label>\n    "]
    parts.append("\n  </div>\n</fieldset>\n\n")
    return mark_safe("".join(parts))


@register.filter(name="reveal")
def reveal_filter(text):
    """Applicant-typed text for staff: escaped, bidi controls and zero-width characters shown as markers."""
    return reveal(text)


@register.filter(name="reveal_plain")
def reveal_plain_filter(text):
    """The same in plain text (page titles, attributes): ⟨U+202E⟩; autoescape still applies."""
    return reveal_plain(text)

"""Form markup for the account pages (sign up, sign in, password, two-factor).

The same shape as the site's ``includes/field.html`` (label, help, error beside the field, tied to the
input with ``aria-describedby`` and ``aria-invalid``), with two differences that allauth's forms need:
help may be HTML with a list (allauth's password rules), so it sits in a ``div``; and allauth's
placeholders, which only repeat the label, are dropped.
"""

from django import template

register = template.Library()

_DEFAULT = object()


@register.inclusion_tag("allauth/includes/field.html")
def account_field(field, label=None, help=_DEFAULT, autofocus=False):
    """One field. ``label`` replaces the form's label; ``help=""`` hides the form's help text."""
    help_text = field.help_text if help is _DEFAULT else help
    help_text = str(help_text) if help_text is not None else ""
    if help_text == "None":  # allauth's lazy "forgot password?" help renders as "None" when it has no template
        help_text = ""
    # Django points aria-describedby at "<id>_helptext" whenever the field has help; we show ours (or none).
    field.field.help_text = help_text
    auto_id = field.auto_id
    described = []
    if help_text:
        described.append(f"{auto_id}-help")
    if field.errors:
        described.append(f"{auto_id}-error")
    attrs = {"placeholder": False}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    input_type = getattr(field.field.widget, "input_type", "")
    if input_type == "email" and "autocomplete" not in field.field.widget.attrs:
        attrs["autocomplete"] = "email"  # every address field of the account pages (sign in, add an address)
    if autofocus and not field.form.errors:
        attrs["autofocus"] = True
    is_checkbox = input_type == "checkbox"
    return {
        "field": field,
        "label": label or field.label,
        "help": help_text,
        "widget": field.as_widget(attrs=attrs),
        "is_checkbox": is_checkbox,
        "required": field.field.required and not is_checkbox,
    }


@register.inclusion_tag("allauth/includes/form_errors.html")
def account_form_errors(form, summary=""):
    """The form-level alert: errors that belong to no field, and a pointer to the fields marked below."""
    non_field = list(form.non_field_errors()) if form is not None else []
    fields_with_errors = [name for name in (form.errors if form is not None else {}) if name != "__all__"]
    return {"non_field": non_field, "field_count": len(fields_with_errors), "summary": summary}

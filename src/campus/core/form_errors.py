"""The error summary of a refused form and the note on required fields, for every form of the site.

After a failed submit a form shows, at its top, a summary ("There is a problem") that lists each invalid
field as a link to the field (to the first input of a radio or checkbox group) with the field's own message,
and the errors that belong to no field. The summary carries ``autofocus`` (with ``tabindex="-1"``): the
browser moves focus to it when the page loads, without any script (so it also works where scripts are off
or blocked, and nothing waits for a script to load). ``base.html`` starts the page title with "Error: "
whenever a bound form of the page's context has errors (``page_has_errors``), or the view says so
(``form_error`` in the context, for refusals that are not a form's).

The templates use ``{% form_top form … %}`` (campus.core.templatetags.campus); staff forms include
``staff/_form_errors.html`` and the account pages ``{% account_form %}`` (accounts/templatetags), which both
call it.
"""

from django import forms
from django.forms.utils import ErrorDict

CHOICE_GROUPS = (forms.RadioSelect, forms.CheckboxSelectMultiple)
LONG_LABEL = 80  # characters


def shows_star(bound: forms.BoundField) -> bool:
    """A field that our field templates mark with the red asterisk (a lone checkbox shows none)."""
    field = bound.field
    if bound.is_hidden or isinstance(field.widget, forms.CheckboxInput):
        return False
    return bool(field.required or getattr(field, "required_when_asked", False)
                or getattr(field.widget, "attrs", {}).get("required"))


def target_id(bound: forms.BoundField) -> str:
    """The id a summary link points at: the input itself, or the first input of a group."""
    widget = bound.field.widget
    if isinstance(widget, CHOICE_GROUPS):
        return widget.id_for_label(bound.auto_id, "0")
    return bound.id_for_label or bound.auto_id


def _link_text(label, message: str) -> str:
    """'Email address: Enter a valid email address.'; a question's own mark stands for the colon. A label that
    is a sentence of its own (a consent) is left out: the message alone says what to do."""
    label = str(label or "").strip()
    if not label or len(label) > LONG_LABEL:
        return message
    return f"{label} {message}" if label[-1] in "?!.:" else f"{label}: {message}"


def _bound_forms(items):
    for item in items:
        if isinstance(item, forms.BaseFormSet):
            yield from item.forms
        elif isinstance(item, forms.BaseForm):
            yield item


def summary(*items, errors=()) -> dict:
    """What the summary lists: the errors of no field, then one link per invalid field (in form order)."""
    general = [str(error) for error in errors if error]
    links = []
    for form in _bound_forms(items):
        if not form.is_bound:
            continue
        form_errors: ErrorDict = form.errors
        general.extend(str(error) for error in form.non_field_errors())
        # a template that renders the form first (accounts' account_form) says how it shows each field
        labels, shown = getattr(form, "summary_labels", {}), getattr(form, "summary_order", [])
        names = [name for name in shown if name in form.fields] + [name for name in form.fields if name not in shown]
        for name in names:
            if name not in form_errors:
                continue
            bound = form[name]
            messages = " ".join(str(error) for error in form_errors[name])
            if bound.is_hidden:
                general.append(messages)
            else:
                links.append({"target": target_id(bound), "text": _link_text(labels.get(name, bound.label), messages)})
    return {"general": general, "links": links}


def has_required(*items) -> bool:
    return any(shows_star(form[name]) for form in _bound_forms(items) for name in form.fields)


def page_has_errors(values) -> bool:
    """True when one of a page's context values is a bound form (or formset) with errors.

    Only the value's type is read (``type()``, not ``isinstance``): a lazy value of the context (the CSRF
    token, the user) is never evaluated, so a page without a form sets no cookie and reads no session."""
    for value in values:
        kind = type(value)
        if issubclass(kind, forms.BaseForm) and value.is_bound and value.errors:
            return True
        if issubclass(kind, forms.BaseFormSet) and value.is_bound and not value.is_valid():
            return True
        if kind is dict and page_has_errors(value.values()):
            return True
    return False

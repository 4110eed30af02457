"""Form markup for the account pages (sign up, sign in, password, two-factor).

The same shape as the site's ``includes/field.html`` (label, help, error beside the field, tied to the
input with ``aria-describedby`` and ``aria-invalid``), with two differences that allauth's forms need:
help may be HTML with a list (allauth's password rules), so it sits in a ``div``; and allauth's
placeholders, which only repeat the label, are dropped.
"""

from django import template

from campus.core.templatetags.campus import form_top

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
    shown = label or field.label
    # the error summary above the form (account_form) names the field as shown, in the order shown
    field.form.__dict__.setdefault("summary_labels", {})[field.name] = shown
    field.form.__dict__.setdefault("summary_order", []).append(field.name)
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
        "label": shown,
        "help": help_text,
        "widget": field.as_widget(attrs=attrs),
        "is_checkbox": is_checkbox,
        "required": field.field.required and not is_checkbox,
    }


class AccountFormNode(template.Node):
    """``{% account_form form "what is kept" %}<form>…</form>{% endaccount_form %}``: the form is rendered first,
    so the summary put above it names the fields with the labels they are shown with, in their order."""

    def __init__(self, form, summary, nodelist):
        self.form, self.summary, self.nodelist = form, summary, nodelist

    def render(self, context):
        form = self.form.resolve(context, ignore_failures=True)
        summary = self.summary.resolve(context, ignore_failures=True) if self.summary else ""
        body = self.nodelist.render(context)
        if form is None:
            return body
        return form_top(context, form, lead=summary if form.errors else "") + "\n" + body


@register.tag
def account_form(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError("account_form takes a form and, optionally, what is kept")
    nodelist = parser.parse(("endaccount_form",))
    parser.delete_first_token()
    return AccountFormNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[2]) if len(bits) == 3 else None,
                           nodelist)

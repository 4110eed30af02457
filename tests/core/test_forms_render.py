"""The Python form renderer (core/forms_render.py) writes exactly what Django's widget templates write."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.safestring import mark_safe

from campus.core.forms_render import TEMPLATES, FastRenderer
from campus.core.widgets import LongSelect

TRICKY = 'Åland <b>"quoted"</b> & \'apostrophe\''
CHOICES = [("", "Choose one"), ("a", "Alpha"), ("b&c", TRICKY), (3, 3), ("d", mark_safe("<i>safe</i>"))]
GROUPED = [("Group <1>", [("x", "X"), ("y", "Y")]), ("z", "Zed"), ("", [("w", "W")])]


class EveryWidget(forms.Form):
    text = forms.CharField(max_length=20, help_text="Help")
    optional = forms.CharField(required=False, widget=forms.TextInput(attrs={"placeholder": TRICKY, "autofocus": True,
                                                                             "disabled": False, "class": ""}))
    email = forms.EmailField()
    url = forms.URLField(assume_scheme="https")
    number = forms.IntegerField(min_value=0, max_value=60)
    decimal = forms.DecimalField(required=False)
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    datetime = forms.DateTimeField(required=False)
    time = forms.TimeField(required=False)
    tel = forms.CharField(widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    search = forms.CharField(widget=forms.SearchInput, required=False)
    colour = forms.CharField(widget=forms.ColorInput, required=False)
    long = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}))
    agree = forms.BooleanField()
    maybe = forms.NullBooleanField(required=False)
    choice = forms.ChoiceField(choices=CHOICES)
    grouped = forms.ChoiceField(choices=GROUPED, required=False)
    many = forms.MultipleChoiceField(choices=CHOICES[1:], required=False)
    radio = forms.ChoiceField(choices=CHOICES[1:], widget=forms.RadioSelect)
    grouped_radio = forms.ChoiceField(choices=GROUPED, widget=forms.RadioSelect, required=False)
    boxes = forms.MultipleChoiceField(choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, required=False)
    country = forms.ChoiceField(choices=CHOICES, widget=LongSelect)
    upload = forms.FileField(required=False)
    plain_upload = forms.FileField(widget=forms.FileInput)
    when = forms.SplitDateTimeField(required=False)


VALUES = {
    "empty": {},
    "typed": {
        "text": TRICKY, "optional": "x", "email": "a@b", "url": "not a url", "number": "61", "decimal": "1.5",
        "password": "<secret>", "hidden": "&", "date": "2026-03-01", "datetime": "2026-03-01 10:00", "time": "9:30",
        "tel": "+46", "search": "q", "colour": "#ff0000", "long": f"{TRICKY}\nline two", "agree": "on",
        "maybe": "true", "choice": "b&c", "grouped": "y", "many": ["a", "3"], "radio": "3", "grouped_radio": "w",
        "boxes": ["a", "b&c"], "country": "d", "when_0": "2026-03-01", "when_1": "10:00",
    },
}
INITIAL = {"text": TRICKY, "number": 7, "decimal": Decimal("1234.5"), "date": datetime.date(2026, 3, 1),
           "datetime": datetime.datetime(2026, 3, 1, 10, 0), "choice": 3, "boxes": ["a"], "agree": True,
           "long": "", "maybe": None}


def render_all(form) -> list[str]:
    out = []
    for field in form:
        out.append(field.as_widget(attrs={"aria-describedby": "x-help", "aria-invalid": "true"}))
        out.append(str(field))  # the field through its template (label, help, errors) too
        out.extend(choice.tag() for choice in field.subwidgets if len(field.subwidgets) > 1)
        out.extend(str(choice) for choice in field.subwidgets if len(field.subwidgets) > 1)
    out.append(str(form))
    return out


@pytest.mark.parametrize("case", ["empty", "typed", "initial"])
def test_every_widget_renders_as_the_templates_do(case):
    def rendered(renderer):
        if case == "initial":
            form = EveryWidget(initial=INITIAL, renderer=renderer)
        else:
            form = EveryWidget(VALUES[case], renderer=renderer)
            form.is_valid()
        return render_all(form)

    expected = rendered(DjangoTemplates())
    fast = rendered(FastRenderer())
    assert len(expected) == len(fast)
    for want, got in zip(expected, fast):
        assert got == want


def test_the_site_uses_the_fast_renderer_and_it_covers_the_widgets_of_the_forms():
    assert isinstance(get_default_renderer(), FastRenderer)
    for widget in (forms.TextInput, forms.EmailInput, forms.URLInput, forms.NumberInput, forms.Textarea,
                   forms.CheckboxInput, forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple,
                   forms.ClearableFileInput, forms.PasswordInput, forms.HiddenInput, forms.DateInput):
        assert widget.template_name in TEMPLATES, widget


@pytest.mark.parametrize("value", [None, "", "FI", "b&c", "3", "not offered"])
def test_a_long_select_of_fixed_choices_writes_what_it_writes_for_a_plain_list(value):
    """The options written once per process (FixedChoices) give the markup LongSelect writes option by option."""
    from campus.applications.forms import country_choices
    from campus.core.widgets import FixedChoices

    for pairs in (list(country_choices()), CHOICES[:3] + [(3, 3), ("FI", TRICKY)]):
        fixed = FixedChoices(pairs)
        want = LongSelect(choices=list(pairs)).render("country", value, attrs={"id": "id_country"})
        assert want.count(" selected") == (1 if str(value or "") in dict(fixed.pairs) else 0)
        got = LongSelect(choices=fixed).render("country", value, attrs={"id": "id_country"})
        assert got == want
        assert len(fixed) == len(pairs) and list(fixed) == [(str(k), str(v)) for k, v in pairs]
    field = forms.ChoiceField(choices=country_choices(), widget=LongSelect)
    assert field.choices is country_choices()  # taken as it is: not normalised again for every form
    assert field.valid_value("FI") and not field.valid_value("XX")

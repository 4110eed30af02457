"""{% form_field field %} writes what {% include "includes/field.html" %} writes, character for character."""

import pytest
from django import forms
from django.template import Context, Template

from campus.core.widgets import LongSelect

TRICKY = 'Åland <b>"quoted"</b> & \'apostrophe\''


class Every(forms.Form):
    text = forms.CharField(max_length=5, help_text=f"Help {TRICKY}")
    optional = forms.CharField(required=False, label=TRICKY)
    email = forms.EmailField(help_text="Where we write")
    number = forms.IntegerField(min_value=0, max_value=60)
    long = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), required=False)
    country = forms.ChoiceField(choices=[("", "Choose"), ("FI", "Finland")], widget=LongSelect)
    upload = forms.FileField(required=False, help_text="PDF")
    asked = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asked"].required_when_asked = True  # a follow-up question: the label shows the asterisk

    def clean(self):
        self.add_error("email", f"Second error {TRICKY}")
        return self.cleaned_data


INCLUDED = Template('{% for field in form %}{% include "includes/field.html" %}{% endfor %}')
TAGGED = Template('{% load campus %}{% for field in form %}{% form_field field %}{% endfor %}')


@pytest.mark.parametrize("data", [None, {}, {"text": "toolong<", "optional": TRICKY, "email": "x", "number": "61",
                                         "long": TRICKY, "country": "FI", "asked": ""}])
def test_the_tag_writes_what_the_include_writes(data):
    form = Every(data, initial={"text": TRICKY, "country": "FI"})
    if data is not None:
        assert not form.is_valid()
    want = INCLUDED.render(Context({"form": form}))
    got = TAGGED.render(Context({"form": form}))
    assert want.count('<div class="field') == len(form.fields)
    assert got == want


class Choices(forms.Form):
    radio = forms.ChoiceField(choices=[("a", TRICKY), ("b", "Bee")], widget=forms.RadioSelect, help_text=TRICKY)
    many = forms.MultipleChoiceField(choices=[("x", "Ex"), ("y", f"Why {TRICKY}")], widget=forms.CheckboxSelectMultiple,
                                     required=False, label=TRICKY)
    plain = forms.ChoiceField(choices=[("1", "One"), ("2", "Two")], widget=forms.RadioSelect)
    asked = forms.ChoiceField(choices=[("1", "One")], widget=forms.RadioSelect, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asked"].required_when_asked = True

    def clean(self):
        self.add_error("plain", f"Second error {TRICKY}")
        return self.cleaned_data


CHOICES_INCLUDED = Template('{% for field in form %}{% include "includes/choice_field.html" %}{% endfor %}')
CHOICES_TAGGED = Template('{% load campus %}{% for field in form %}{% choice_field field %}{% endfor %}')


@pytest.mark.parametrize("data", [None, {}, {"radio": "zzz", "many": ["x", "y"], "plain": "2"}])
def test_the_choice_tag_writes_what_the_choice_include_writes(data):
    form = Choices(data, initial={"radio": "b", "many": ["y"]})
    if data is not None:
        assert not form.is_valid()
    want = CHOICES_INCLUDED.render(Context({"form": form}))
    got = CHOICES_TAGGED.render(Context({"form": form}))
    assert want.count("<fieldset") == len(form.fields)
    assert ('aria-invalid="true"' in want) == (data is not None)  # the refused forms' markup is compared too
    assert got == want

"""core/form_errors.py and {% form_top %}: what the error summary lists and where its links point, the
required-field note, and the "Error: " title that never evaluates a lazy value of the context."""

from django import forms
from django.template import Context, Template
from django.utils.functional import SimpleLazyObject

from campus.core import form_errors


class Sample(forms.Form):
    name = forms.CharField(label="Your name")
    topic = forms.ChoiceField(label="Topic", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    tags = forms.MultipleChoiceField(label="Tags", choices=[("x", "X")], widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label="Note", required=False)
    token = forms.CharField(widget=forms.HiddenInput, error_messages={"required": "The form expired: send it again."})

    def clean(self):
        raise forms.ValidationError("Nothing was saved.")


def render(template: str, **context) -> str:
    return Template("{% load campus %}" + template).render(Context(context))


def test_the_summary_links_each_invalid_field_and_lists_the_other_errors():
    found = form_errors.summary(Sample(data={}), errors=["Too many messages."])
    assert found["general"] == ["Too many messages.", "Nothing was saved.", "The form expired: send it again."]
    assert [(link["target"], link["text"]) for link in found["links"]] == [
        ("id_name", "Your name: This field is required."),
        ("id_topic_0", "Topic: This field is required."),  # a group: its first input
        ("id_tags_0", "Tags: This field is required."),
    ]


def test_form_top_renders_a_focused_summary_and_the_note_once():
    html = render("{% form_top form %}", form=Sample(data={}))
    assert '<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>' in html
    assert '<a href="#id_topic_0">' in html and html.count("marks a required field") == 1
    unbound = render("{% form_top form %}", form=Sample())
    assert "error-summary" not in unbound and unbound.count("marks a required field") == 1
    assert render("{% form_top form %}", form=forms.Form()) == ""  # nothing required, nothing refused


def test_the_title_says_error_only_for_a_refused_form_and_leaves_lazy_values_alone():
    def boom():
        raise AssertionError("a lazy value of the context was evaluated")

    lazy = SimpleLazyObject(boom)
    assert render("{% error_title %}", form=Sample(data={}), csrf_token=lazy, user=lazy) == "Error: "
    assert render("{% error_title %}", form=Sample(), csrf_token=lazy, user=lazy) == ""
    assert render("{% error_title %}", forms={"one": Sample(data={})}) == "Error: "
    assert render("{% error_title %}", form_error=True) == "Error: "


def test_each_choice_points_at_the_help_and_the_error_of_its_group():
    class Help(Sample):
        topic = forms.ChoiceField(label="Topic", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect,
                                  help_text="Pick one.")

    form = Help(data={})
    html = render("{% for choice in form.topic %}{% choice_input form.topic choice %}{% endfor %}", form=form)
    assert html.count('aria-describedby="id_topic-help id_topic-error"') == 2
    assert html.count('aria-invalid="true"') == 2

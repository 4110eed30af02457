import secrets

from django import forms

from .models import NewsList

CONSENT = ("We use your address only to send you the news you choose here, and your name (if you give it) to "
           "greet you. Nothing is sent until you confirm through the link we mail you; an unconfirmed address is "
           "deleted after 7 days. Every mail has a link to unsubscribe in one click.")


class ListsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return f"{obj.title}: {obj.description}" if obj.description else obj.title


class SignUpForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    name = forms.CharField(label="Your name (optional)", required=False, max_length=200)
    lists = ListsField(queryset=NewsList.objects.filter(is_open=True), label="What would you like to hear about?",
                       error_messages={"required": "Choose at least one list."})
    website = forms.CharField(required=False, label="Leave this field empty", max_length=200)  # a honeypot

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ChooseListsForm(forms.Form):
    lists = ListsField(queryset=NewsList.objects.all(), label="Keep me on these lists", required=False,
                       help_text="Untick every list to unsubscribe completely.")


class WriteForm(forms.Form):
    subject = forms.CharField(label="Subject", max_length=200)
    body = forms.CharField(label="Message", widget=forms.Textarea(attrs={"rows": 12}), max_length=20000,
                           help_text="Plain text. Each mail ends with the list's name and its unsubscribe links.")
    key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].initial = secrets.token_hex(16)

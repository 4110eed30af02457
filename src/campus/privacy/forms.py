from django import forms

from campus.core.forms import plain_text

MAX_TEXT = 2000


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(
        label="Why do you want us to erase your data? (optional)",
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="You do not have to give a reason. It helps the team, and it is erased with the rest.",
    )
    confirm = forms.BooleanField(
        label="I understand that my account, my applications and my files will be erased and cannot be restored.",
        error_messages={"required": "Please tick the box to confirm that you want your data erased."},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("approve", "Approve: erase this person's data now"), ("refuse", "Refuse the request")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or refuse the request."},
    )
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[plain_text],
        help_text="Required when you refuse: the person reads it. Do not write their name: the note is kept.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "refuse" and not (cleaned.get("note") or "").strip():
            self.add_error("note", "Tell the person why the request is refused.")
        return cleaned


class StaffExportForm(forms.Form):
    email = forms.EmailField(
        label="The person's email address",
        max_length=254,
        help_text="Their account's address, another address of their account, or the address of a contact message.",
    )

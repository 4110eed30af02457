"""Forms of the admissions pages: the board's filters, bulk staging and the admission settings."""

import zoneinfo
from datetime import datetime

from django import forms
from django.utils import timezone

from campus.applications.models import Application
from campus.core.forms import plain_text

from .models import AdmissionSettings

SORTS = [
    ("score", "Score"), ("review_mean", "Weighted mean"), ("review_median", "Median"), ("n_reviews", "Reviews"),
    ("spread", "Spread"), ("interview_mean", "Interview mean"), ("interview", "Interview"), ("name", "Name"),
    ("reference", "Reference"), ("country", "Country"), ("eligibility", "Eligibility"),
    ("decision", "Decision"), ("offer", "Offer"),
]
DECISION_FILTERS = [
    ("", "Any decision"), ("none", "No decision yet"), ("admit", "Admit"), ("waitlist", "Waitlist"),
    ("reject", "Reject"), ("staged", "Staged, not released"), ("released", "Released"),
]
EXPIRING_DAYS = 3  # "offers expiring soon": the reply is due within these days (the board's filter, the dashboard)
OFFER_FILTERS = [("", "Any offer"), ("open", "Open"), ("expiring", f"Open, reply due within {EXPIRING_DAYS} days")]


class BoardFilterForm(forms.Form):
    """The board's filters and sort order (GET). An invalid value is ignored and named next to the field."""

    eligibility = forms.ChoiceField(label="Eligibility", required=False,
                                    choices=[("", "Any eligibility"), *Application.Eligibility.choices])
    country = forms.ChoiceField(label="Country", required=False)
    decision = forms.ChoiceField(label="Decision", required=False, choices=DECISION_FILTERS)
    offer = forms.ChoiceField(label="Offer", required=False, choices=OFFER_FILTERS)
    disagreement = forms.ChoiceField(label="Reviewers", required=False,
                                     choices=[("", "Any"), ("yes", "Disagree"), ("no", "Agree")])
    question = forms.ChoiceField(label="Answer to", required=False)
    value = forms.CharField(label="Answer is", required=False, max_length=200)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORTS)
    order = forms.ChoiceField(label="Order", required=False, choices=[("desc", "Descending"), ("asc", "Ascending")])

    def __init__(self, *args, countries=(), questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "All countries"), *countries]
        self.fields["question"].choices = [("", "Any question"), *[(q.key, q.label[:80]) for q in questions]]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("question") and not cleaned.get("value"):
            self.add_error("value", "Give the answer to look for, or choose “Any question”.")
        return cleaned

    def values(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return getattr(self, "cleaned_data", {})


ACTIONS = [("admit", "Stage: admit"), ("waitlist", "Stage: waitlist"), ("reject", "Stage: reject"),
           ("clear", "Remove the staged decision")]


class StageForm(forms.Form):
    application = forms.TypedMultipleChoiceField(coerce=int, error_messages={
        "required": "Choose at least one application (the boxes in the first column).",
    })
    action = forms.ChoiceField(choices=ACTIONS)
    next = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        ids = Application.objects.filter(call=call, state=Application.State.SUBMITTED).values_list("pk", flat=True)
        self.fields["application"].choices = [(pk, pk) for pk in ids]
        self.fields["application"].error_messages["invalid_choice"] = (
            "%(value)s is not a submitted application of this call."
        )


LETTER_FIELDS = ["contact_name", "contact_role", "contact_email", "contact_phone", "travel_note",
                 "accommodation_note"]
# The rules of the selection assistant: stored in the admission settings, tried out on the assistant's page.
RULE_LABELS = {
    "one_per_country": "At least one participant from each Baltic Sea country with an eligible applicant",
    "max_per_country": "At most this many participants from one country",
    "min_score": "Minimum score",
    "exclude_no": "Leave out applicants whom a reviewer recommends “No”",
}
RULE_HELP = {
    "max_per_country": "Leave empty for no limit.",
    "min_score": "From 1 to 5, e.g. 3 or 3.5: nobody with a lower score is proposed. Leave empty for no minimum.",
}


def max_per_country_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=RULE_LABELS["max_per_country"], help_text=RULE_HELP["max_per_country"], required=False,
        min_value=1, max_value=999, error_messages={
            "min_value": "At least 1 per country (or leave it empty for no limit).",
            "max_value": "At most 999 per country (or leave it empty for no limit).",
            "invalid": "A whole number, e.g. 3 (or leave it empty for no limit).",
        })


def min_score_field() -> forms.DecimalField:
    return forms.DecimalField(
        label=RULE_LABELS["min_score"], help_text=RULE_HELP["min_score"], required=False,
        min_value=1, max_value=5, max_digits=3, decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.1", "min": "1", "max": "5", "inputmode": "decimal"}),
        error_messages={
            "min_value": "Scores go from 1 to 5: give a minimum of at least 1 (or leave it empty).",
            "max_value": "Scores go from 1 to 5: give a minimum of at most 5 (or leave it empty).",
            "invalid": "Give a number from 1 to 5 with a point for decimals, e.g. 3.5 (or leave it empty).",
            "max_decimal_places": "At most two decimals, e.g. 3.25.",
            "max_digits": "At most two decimals, e.g. 3.25.",
            "max_whole_digits": "Scores go from 1 to 5: give a minimum of at most 5 (or leave it empty).",
        })


class SettingsForm(forms.ModelForm):
    release_local = forms.DateTimeField(
        label="Release moment (local time)", required=False,
        help_text="In the call's time zone, e.g. 2020-06-15 09:00. Used when automatic release is on.",
    )

    class Meta:
        model = AdmissionSettings
        fields = ["offer_reply_days", "promotion", "auto_release", "one_per_country", "max_per_country", "min_score",
                  "exclude_no", *LETTER_FIELDS]
        labels = {"offer_reply_days": "Days to reply to an offer", "promotion": "Promotion from the waitlist",
                  "auto_release": "Release automatically at the release moment", **RULE_LABELS,
                  "contact_name": "Contact person", "contact_role": "Their role",
                  "contact_email": "Their email address", "contact_phone": "Their phone number",
                  "travel_note": "Travel notes", "accommodation_note": "Accommodation notes"}
        help_texts = {
            "offer_reply_days": "An offer can be answered until the end of that day (call's time zone).",
            "contact_name": "Signs the offer letters and the confirmations of a place, and answers the admitted. "
                            "Empty: the programme team, at the programme's address.",
            "contact_role": "For example: Project coordinator.",
            "contact_email": "Empty: the programme's address.",
            "travel_note": "In the confirmation of a place: how to reach the first meetup. One point a line.",
            "accommodation_note": "In the confirmation of a place: where to stay, what is booked for them.",
        }
        widgets = {"promotion": forms.RadioSelect, "travel_note": forms.Textarea(attrs={"rows": 3}),
                   "accommodation_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["max_per_country"] = max_per_country_field()
        self.fields["min_score"] = min_score_field()
        zone = self.instance.call.zone
        if self.instance.release_at:
            self.initial["release_local"] = timezone.localtime(self.instance.release_at, zone).replace(tzinfo=None)

    def letter_fields(self):
        return [self[name] for name in LETTER_FIELDS]

    def clean(self):
        cleaned = self._clean_release()
        for name in ("contact_name", "contact_role", "contact_phone", "travel_note", "accommodation_note"):
            try:
                plain_text(cleaned.get(name) or "")
            except forms.ValidationError as error:
                self.add_error(name, error)
        return cleaned

    def clean_offer_reply_days(self):
        days = self.cleaned_data["offer_reply_days"]
        if not 1 <= days <= 90:
            raise forms.ValidationError("Give between 1 and 90 days.")
        return days

    def _clean_release(self):
        cleaned = super().clean()
        local = cleaned.get("release_local")
        zone: zoneinfo.ZoneInfo = self.instance.call.zone
        if local is not None:
            naive = timezone.make_naive(local) if timezone.is_aware(local) else local
            self.instance.release_at = datetime.combine(naive.date(), naive.time(), tzinfo=zone)
        elif "release_local" in self.data:
            self.instance.release_at = None
        if cleaned.get("auto_release") and self.instance.release_at is None and "release_local" not in self.errors:
            self.add_error("release_local", "Automatic release needs a release moment.")
        return cleaned

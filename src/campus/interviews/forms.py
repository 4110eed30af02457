"""Forms of the interview pages: times are typed as wall-clock times of the slot's own zone."""

from datetime import timedelta

from django import forms

from campus.core.forms import ZonedPeriodForm, validate_timezone
from campus.core.ids import IdMultipleChoiceField, valid_id
from campus.review.models import Review

from .models import InterviewSlot

ZONE_HELP = "A time zone name such as Europe/Helsinki; the applicant sees the time in this zone."


class PanelField(IdMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, user):
        return user.get_full_name()


def _where(form, cleaned):
    if not cleaned.get("online_link") and not cleaned.get("place"):
        form.add_error("online_link", "Give an online link or a place (or both).")


class SlotsForm(forms.Form):
    """One slot, or N consecutive slots of the same length."""

    local_start = forms.DateTimeField(label="First interview starts (local time)",
                                      help_text="In the zone below, e.g. 2026-12-03 09:00.")
    length = forms.IntegerField(label="Length in minutes", min_value=5, max_value=480, initial=30)
    count = forms.IntegerField(label="How many consecutive slots", min_value=1, max_value=50, initial=1)
    gap = forms.IntegerField(label="Break between slots in minutes", min_value=0, max_value=240, initial=0)
    timezone = forms.CharField(label="Time zone", max_length=64, help_text=ZONE_HELP)
    online_link = forms.URLField(label="Online link", required=False, assume_scheme="https",
                                 help_text="Shown to the applicant who books the slot.")
    place = forms.CharField(label="Place", max_length=300, required=False, help_text="Address and room, if in person.")
    panel = PanelField(label="Panel", queryset=None, required=False)

    def __init__(self, *args, interviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = interviewers

    def clean_timezone(self):
        zone = self.cleaned_data["timezone"].strip()
        validate_timezone(zone)
        return zone

    def clean(self):
        cleaned = super().clean()
        _where(self, cleaned)
        start, zone = cleaned.get("local_start"), cleaned.get("timezone")
        if start and zone:
            cleaned["starts_at"] = ZonedPeriodForm._aware(start, zone)
        if cleaned.get("length"):
            cleaned["length_delta"] = timedelta(minutes=cleaned["length"])
            cleaned["gap_delta"] = timedelta(minutes=cleaned.get("gap") or 0)
        return cleaned


class SlotForm(ZonedPeriodForm):
    """Change one slot."""

    what = "The interview"
    online_link = forms.URLField(label="Online link", required=False, assume_scheme="https",
                                 help_text="Shown to the applicant who books the slot.")
    panel = PanelField(label="Panel", queryset=None, required=False)

    class Meta:
        model = InterviewSlot
        fields = ["local_start", "local_end", "timezone", "online_link", "place", "panel"]
        help_texts = {"timezone": ZONE_HELP}

    def __init__(self, *args, interviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["panel"].queryset = interviewers

    def clean(self):
        cleaned = super().clean()
        _where(self, cleaned)
        return cleaned


class InviteForm(forms.Form):
    """The overview's invite form (its ids start with ``invite-``); the board posts here too."""

    application = forms.TypedMultipleChoiceField(
        label="Submitted applications not invited yet", coerce=int, choices=(),
        widget=forms.CheckboxSelectMultiple, error_messages={
            "required": "Choose at least one application to invite.",
            "invalid_choice": "“%(value)s” is not the id of an application."})
    message = forms.CharField(label="A note to the invited (optional)", required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}), error_messages={
                                  "max_length": "Shorten the note to at most %(limit_value)d characters "
                                                "(it has %(show_value)d)."})
    next = forms.CharField(required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "invite-%s")
        super().__init__(*args, **kwargs)
        # any id is accepted here; the view keeps only applications the person may manage
        self.fields["application"].valid_value = valid_id


class AssessmentForm(forms.Form):
    """One labelled 1-5 group per interview criterion, a recommendation and two comments."""

    recommendation = forms.ChoiceField(label="Recommendation", choices=Review.Recommendation.choices,
                                       widget=forms.RadioSelect)
    comment_team = forms.CharField(label="Comment for the team", required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}))
    comment_applicant = forms.CharField(label="Comment that may go to the applicant", required=False,
                                        widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, criteria, review=None, **kwargs):
        initial = kwargs.pop("initial", {}) or {}
        if review is not None:
            initial.update({"recommendation": review.recommendation, "comment_team": review.comment_team,
                            "comment_applicant": review.comment_applicant})
            initial.update({f"criterion_{s.criterion_id}": str(s.value) for s in review.scores.all()})
        super().__init__(*args, initial=initial, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            labels = list(criterion.scale or [])[:5]
            labels += [""] * (5 - len(labels))
            self.fields[f"criterion_{criterion.pk}"] = forms.TypedChoiceField(
                label=f"{criterion.name} (weight {criterion.weight})", coerce=int, widget=forms.RadioSelect,
                choices=[(str(n), f"{n} – {label}" if label else str(n)) for n, label in enumerate(labels, start=1)],
                error_messages={"required": f"Give a score for “{criterion.name}”."},
                help_text=criterion.description,
            )
        # the scores first, in the criteria's order
        self.order_fields([f"criterion_{c.pk}" for c in criteria]
                          + ["recommendation", "comment_team", "comment_applicant"])

    def score_fields(self):
        return [self[f"criterion_{c.pk}"] for c in self.criteria]

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}

"""Forms of the review pages: they validate and keep what was typed; services change state."""

from django import forms
from django.contrib.auth import get_user_model

from campus.applications.models import Application
from campus.core.ids import IdChoiceField, IdMultipleChoiceField
from campus.core.invisible import reveal_plain
from campus.team.models import TeamMembership

from .models import Criterion, Kind, Review, ReviewPhase

Role = TeamMembership.Role


class TeamAddForm(forms.Form):
    email = forms.EmailField(label="Email address of a staff account", max_length=254,
                             help_text="The person needs a staff account of the site already.")
    roles = forms.MultipleChoiceField(label="Roles", choices=Role.choices, widget=forms.CheckboxSelectMultiple,
                                      error_messages={"required": "Choose at least one role."})

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None or not user.is_staff:
            raise forms.ValidationError("There is no active staff account with this address.")
        self.user = user
        return email


class PhaseForm(forms.ModelForm):
    class Meta:
        model = ReviewPhase
        fields = ["name", "reviews_open", "others_visible", "blind", "reviews_per_application"]
        labels = {
            "name": "Name of the phase",
            "reviews_open": "Reviews are open (reviewers may write and change reviews)",
            "others_visible": "Reviewers see the others' reviews",
            "blind": "Blind review: hide name, contact details, organisation, cluster, CV and letter from reviewers",
            "reviews_per_application": "Reviews per application",
        }
        widgets = {"others_visible": forms.RadioSelect}

    def clean_reviews_per_application(self):
        value = self.cleaned_data["reviews_per_application"]
        if not 1 <= value <= 20:
            raise forms.ValidationError("Between 1 and 20 reviews per application.")
        return value


class CriterionForm(forms.Form):
    kind = forms.ChoiceField(label="Used in", choices=Kind.choices, widget=forms.RadioSelect)
    name = forms.CharField(label="Name", max_length=120)
    description = forms.CharField(label="Description (what reviewers look for)", required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    weight = forms.IntegerField(label="Weight (1 to 10)", min_value=1, max_value=10,
                                error_messages={"min_value": "The weight is at least 1.",
                                                "max_value": "The weight is at most 10.",
                                                "invalid": "The weight is a whole number from 1 to 10."})
    scale_1 = forms.CharField(label="Label of score 1", max_length=80)
    scale_2 = forms.CharField(label="Label of score 2", max_length=80)
    scale_3 = forms.CharField(label="Label of score 3", max_length=80)
    scale_4 = forms.CharField(label="Label of score 4", max_length=80)
    scale_5 = forms.CharField(label="Label of score 5", max_length=80)

    @classmethod
    def initial_of(cls, criterion: Criterion) -> dict:
        initial = {"kind": criterion.kind, "name": criterion.name, "description": criterion.description,
                   "weight": criterion.weight}
        for index, label in enumerate((criterion.scale or [])[:5], start=1):
            initial[f"scale_{index}"] = label
        return initial

    def scale(self) -> list[str]:
        return [self.cleaned_data[f"scale_{index}"] for index in range(1, 6)]


class ChoiceOfApplications(IdMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.reference


class ChoiceOfReviewers(IdMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name()


class AssignForm(forms.Form):
    """By hand (one application, one reviewer) or in bulk (several × several): the same form."""

    applications = ChoiceOfApplications(queryset=Application.objects.none(), label="Applications",
                                        widget=forms.CheckboxSelectMultiple,
                                        error_messages={"required": "Choose at least one application."})
    reviewers = ChoiceOfReviewers(queryset=get_user_model().objects.none(), label="Reviewers",
                                  widget=forms.CheckboxSelectMultiple,
                                  error_messages={"required": "Choose at least one reviewer."})

    def __init__(self, *args, applications, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = applications
        self.fields["reviewers"].queryset = reviewers


class AutoAssignForm(forms.Form):
    per_application = forms.IntegerField(label="Reviews per application", min_value=1, max_value=20,
                                         error_messages={"min_value": "At least one review per application.",
                                                         "max_value": "At most 20 reviews per application.",
                                                         "invalid": "A whole number, please."})


class ManagerConflictForm(forms.Form):
    """A manager records a reviewer's conflict: the reviewer and the application are chosen from lists."""

    reviewer = IdChoiceField(queryset=get_user_model().objects.none(), label="Reviewer",
                             empty_label="Choose a reviewer",
                             error_messages={"required": "Choose the reviewer.",
                                             "invalid_choice": "Choose a reviewer of this edition."})
    application = IdChoiceField(queryset=Application.objects.none(), label="Application",
                                empty_label="Choose an application",
                                error_messages={"required": "Choose the application.",
                                                "invalid_choice": "Choose a submitted application of this call."})
    reason = forms.CharField(label="Reason (for the team)", max_length=300, required=False)

    def __init__(self, *args, reviewers, applications, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reviewer"]
        field.queryset = reviewers
        field.label_from_instance = lambda user: reveal_plain(user.get_full_name())
        field = self.fields["application"]
        field.queryset = applications.only("pk", "reference", "full_name")
        field.label_from_instance = lambda application: reveal_plain(f"{application.reference} {application.full_name}".strip())


class ConflictForm(forms.Form):
    reason = forms.CharField(label="Why (for the programme managers; optional)", max_length=300, required=False)


class ReviewForm(forms.Form):
    """One radio group per criterion (its labelled 1-5 scale), the recommendation and the two comments."""

    recommendation = forms.ChoiceField(label="Recommendation", choices=Review.Recommendation.choices,
                                       widget=forms.RadioSelect,
                                       error_messages={"required": "Choose a recommendation: yes, maybe or no."})
    comment_team = forms.CharField(label="Comment for the team", required=False, max_length=5000,
                                   widget=forms.Textarea(attrs={"rows": 4}),
                                   help_text="Only the programme team and, per the phase, other reviewers read it.")
    comment_applicant = forms.CharField(label="Comment that may go to the applicant", required=False, max_length=5000,
                                        widget=forms.Textarea(attrs={"rows": 4}),
                                        help_text="Write it so that it can be passed on as it is.")

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scored = {}
        for criterion in self.criteria:
            name = f"criterion_{criterion.pk}"
            scale = list(criterion.scale or [])
            scored[name] = forms.TypedChoiceField(
                label=criterion.name, coerce=int, widget=forms.RadioSelect, help_text=criterion.description,
                choices=[(str(value), f"{value} – {scale[value - 1] if len(scale) >= value else value}")
                         for value in range(1, 6)],
                error_messages={"required": f"Choose a score from 1 to 5 for “{criterion.name}”.",
                                "invalid_choice": f"The score for “{criterion.name}” must be from 1 to 5."},
            )
            scored[name].criterion = criterion
        # criteria first, in their order, then the recommendation and the comments
        self.fields = {**scored, **self.fields}

    def criterion_fields(self):
        return [self[f"criterion_{criterion.pk}"] for criterion in self.criteria]

    def scores(self) -> dict[int, int]:
        return {criterion.pk: self.cleaned_data[f"criterion_{criterion.pk}"] for criterion in self.criteria}

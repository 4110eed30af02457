"""Forms of the booklet: the profile (participant and staff), the photo (judged and re-encoded by photos.py),
the consent choice (with its wording), and the staff's edition settings."""

from django import forms
from django_countries import countries

from . import consent as wordings
from . import photos
from .models import DESCRIPTION_MAX, TEXT_MAX, BookletProfile, BookletSettings, ConsentLevel

PHOTO_HELP = (f"A portrait photo: {photos.ALLOWED}, at most {photos.MAX_BYTES // photos.MB} MB. We turn it upright, "
              f"make it at most {photos.MAX_SIDE} pixels and remove everything stored in it besides the picture "
              "(camera, place, date).")
ACCEPT = ".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp"


class ProfileForm(forms.ModelForm):
    upload = forms.FileField(label="Photo", required=False, help_text=PHOTO_HELP, allow_empty_file=True,
                             widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))
    remove_photo = forms.BooleanField(label="Remove my photo", required=False)
    cluster_website = forms.URLField(label="Cluster website", required=False, max_length=300, assume_scheme="https",
                                     help_text="For example https://www.example-cluster.eu")
    linkedin = forms.URLField(label="LinkedIn profile (optional)", required=False, max_length=300,
                              assume_scheme="https")

    class Meta:
        model = BookletProfile
        fields = ["display_name", "role", "organisation", "cluster_name", "cluster_website", "country", "sector",
                  "sector_detail", "cluster_description", "why_applied", "expectations", "contact_email",
                  "contact_phone", "linkedin"]
        labels = {
            "display_name": "Your name as printed",
            "role": "Your role",
            "organisation": "Organisation",
            "cluster_name": "Cluster name",
            "country": "Country of your cluster",
            "sector": "Sector",
            "sector_detail": "Sector in your words (optional)",
            "cluster_description": "Your cluster in a few sentences",
            "why_applied": "Why you applied",
            "expectations": "What you expect to gain",
            "contact_email": "E-mail for the booklet (optional)",
            "contact_phone": "Phone for the booklet (optional)",
        }
        help_texts = {
            "cluster_description": f"At most {DESCRIPTION_MAX} characters.",
            "why_applied": f"At most {TEXT_MAX} characters.",
            "expectations": f"At most {TEXT_MAX} characters.",
            "contact_email": "Shown only to those your consent allows.",
        }
        widgets = {
            "cluster_description": forms.Textarea(attrs={"rows": 4, "maxlength": DESCRIPTION_MAX}),
            "why_applied": forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX}),
            "expectations": forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo = None
        self.fields["display_name"].required = True
        self.fields["country"].choices = [("", "Choose a country")] + list(countries)
        self.fields["sector"].choices = [("", "Choose a sector")] + list(self.fields["sector"].choices)[1:]
        if not (self.instance and self.instance.photo):
            del self.fields["remove_photo"]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        try:
            self.photo = photos.process_photo(upload)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages[0], code=error.code) from None
        return upload

    def profile_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ConsentForm(forms.Form):
    level = forms.ChoiceField(label="Who may see your booklet profile", choices=ConsentLevel.choices,
                              widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wordings = {level: text for level, _, text in wordings.choices_with_wording()}
        self.version = wordings.CURRENT_VERSION

    def options(self):
        """[(bound radio, wording)] for the template."""
        return [(choice, self.wordings.get(choice.data["value"], "")) for choice in self["level"]]


class SettingsForm(forms.ModelForm):
    class Meta:
        model = BookletSettings
        fields = ["introduction", "published"]
        labels = {"introduction": "Introduction", "published": "Show the public booklet pages of this edition"}
        help_texts = {"introduction": "Shown above the profiles. Write {participants} and {countries} where the "
                                      "numbers go: they are counted from the published profiles (Markdown)."}
        widgets = {"introduction": forms.Textarea(attrs={"rows": 8})}


class FilterForm(forms.Form):
    """The public list's filters (GET): only values that occur are offered; unknown values are ignored."""

    country = forms.ChoiceField(label="Country", required=False)
    sector = forms.ChoiceField(label="Sector", required=False)

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = choices or {"countries": [], "sectors": []}
        self.fields["country"].choices = [("", "All countries")] + choices["countries"]
        self.fields["sector"].choices = [("", "All sectors")] + choices["sectors"]

    def chosen(self) -> dict:
        if not self.is_valid():
            return {"country": "", "sector": ""}
        return {"country": self.cleaned_data["country"], "sector": self.cleaned_data["sector"]}

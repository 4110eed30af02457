"""Forms of coursework. Uploads follow the CV rules (campus.core.files.validate_document: judged by content);
the due time is typed as a wall-clock time of the module's own zone."""

import zoneinfo

from django import forms

from campus.core.files import validate_document
from campus.core.forms import ZonedPeriodForm
from campus.core.plugins import submissions

from . import states
from .models import Assignment, Material
from .services import MAX_FILES

FILE_HELP = "PDF, Word (DOCX) or OpenDocument (ODT), at most 10 MB each."
ACCEPT = (".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
          "application/vnd.oasis.opendocument.text")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); each judged by content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _detect(uploads) -> list:
    """[(detected, content)] of validated uploads, or a ValidationError naming the file refused."""
    found = []
    for upload in uploads:
        try:
            found.append((validate_document(upload), upload))
        except forms.ValidationError as error:
            raise forms.ValidationError(f"{upload.name}: {' '.join(error.messages)}") from None
    return found


class MaterialForm(forms.ModelForm):
    link = forms.URLField(label="Link (optional)", required=False, max_length=500, assume_scheme="https")
    upload = forms.FileField(label="File (optional)", required=False, help_text=FILE_HELP, allow_empty_file=True,
                             widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))
    remove_file = forms.BooleanField(label="Remove the stored file", required=False)

    class Meta:
        model = Material
        fields = ["title", "week", "body", "link", "published", "order"]
        labels = {"body": "Text", "link": "Link (optional)", "published": "Published: participants see it",
                  "order": "Order within the week"}
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["order"].help_text = "Lower numbers come first; empty: 0."

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        self.detected = _detect([upload])[0] if upload else None
        return upload

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("body") or cleaned.get("link") or cleaned.get("upload")
                or (self.instance.file and not cleaned.get("remove_file"))):
            self.add_error("body", "Give the material a text, a link or a file.")
        return cleaned


class AssignmentForm(forms.ModelForm):
    local_due = forms.DateTimeField(label="Due (local time of the module)", help_text="For example 2026-12-03 17:00.")

    class Meta:
        model = Assignment
        fields = ["title", "brief", "local_due", "submission_kind", "reopen", "max_attempts", "closed", "published"]
        labels = {"reopen": "How the assignment reopens", "max_attempts": "Maximum of attempts (optional)",
                  "closed": "Closed: no more submissions (late ones are otherwise taken, marked late)",
                  "published": "Published: participants see it"}
        help_texts = {"max_attempts": "Empty: no maximum."}
        widgets = {"reopen": forms.RadioSelect, "brief": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        self.module = module
        self.fields["local_due"].help_text = f"In {module.timezone}, for example 2026-12-03 17:00."
        kinds = submissions.choices()
        current = self.instance.submission_kind if self.instance.pk else ""
        if current and current not in dict(kinds):
            kinds.append((current, f"{current} (no longer available)"))
        self.fields["submission_kind"] = forms.ChoiceField(
            label="What participants hand in", choices=kinds, required=False, widget=forms.RadioSelect,
            initial=current, help_text="Text and files, or one of their own things (the attempt keeps a copy).")
        if self.instance.pk:
            self.initial["local_due"] = self.instance.due_at.astimezone(
                zoneinfo.ZoneInfo(module.timezone)).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("local_due"):
            cleaned["due_at"] = ZonedPeriodForm._aware(cleaned["local_due"], self.module.timezone)
        if cleaned.get("max_attempts") == 0:
            self.add_error("max_attempts", "At least one attempt, or leave it empty for no maximum.")
        return cleaned


class AttemptForm(forms.Form):
    text = forms.CharField(label="Your answer", required=False, widget=forms.Textarea(attrs={"rows": 10}),
                           max_length=50_000, help_text="Write here, add files, or both.")
    files = MultipleFileField(label="Files (optional)", required=False,
                              help_text=f"Up to {MAX_FILES} files. {FILE_HELP}")

    def __init__(self, *args, kind=None, handed_in_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind is not None:  # the assignment asks for one of the participant's things (a registered kind)
            self.fields["handed_in"] = forms.TypedChoiceField(
                label=f"What you hand in: {kind.label.lower()}", coerce=int, widget=forms.RadioSelect,
                choices=list(handed_in_choices),
                help_text="A copy is kept with your attempt: later changes do not change what you handed in.",
                error_messages={"required": f"Choose what you hand in ({kind.label.lower()})."})
            self.fields["text"].label = "A note to the module lead (optional)"
            self.fields["text"].help_text = ""

    def clean_files(self):
        uploads = self.cleaned_data.get("files") or []
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(f"Choose at most {MAX_FILES} files.")
        self.detected = _detect(uploads)
        return uploads

    def clean(self):
        cleaned = super().clean()
        if self.kind is None and not self.errors and not (cleaned.get("text") or "").strip() \
                and not cleaned.get("files"):
            self.add_error("text", "Write your answer or add a file.")
        return cleaned


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label="Decision", choices=states.DECISIONS, widget=forms.RadioSelect)
    feedback = forms.CharField(label="Feedback to the participant", widget=forms.Textarea(attrs={"rows": 8}),
                               max_length=20_000)
    reopen = forms.BooleanField(label="Allow another attempt now (with a revision asked)", required=False)

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        if assignment.reopen != Assignment.Reopen.MANUAL:
            del self.fields["reopen"]


class EntryForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    body = forms.CharField(label="Your reflection", widget=forms.Textarea(attrs={"rows": 10}), max_length=50_000)
    shared_with = forms.TypedChoiceField(label="Share with", required=False, coerce=int, empty_value=None,
                                         help_text="Private entries are seen by you alone. A shared entry is read "
                                                   "by the module's lead, who may comment.")

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.modules = {m.pk: m for m in modules}
        self.fields["shared_with"].choices = [("", "Nobody: private")] + [
            (m.pk, f"The lead of module {m.number}: {m.title}") for m in modules]

    def clean_shared_with(self):
        value = self.cleaned_data.get("shared_with")
        return self.modules.get(value) if value else None


class CommentForm(forms.Form):
    body = forms.CharField(label="Your comment", widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)

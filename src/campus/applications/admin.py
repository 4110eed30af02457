"""The call and its questions in the staff content editor. Applications are worked on in /staff/applications/."""

from datetime import timedelta

from django.contrib import admin
from django.utils import timezone

from campus.core.forms import ZonedPeriodForm
from campus.programme.dates import date_problems

from . import services
from .models import Call, Question


class CallForm(ZonedPeriodForm):
    period = ("opens_at", "closes_at")
    what = "The call"

    class Meta:
        model = Call
        fields = ["edition", "title", "local_start", "local_end", "timezone", "reference_prefix",
                  "motivation_word_limit", "privacy_version"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["local_start"].label = "Opens (local time)"
        self.fields["local_end"].label = "Closes (local time)"
        self.fields["local_end"].help_text = "Applications are accepted until this moment, in the call's time zone."

    def clean(self):
        """The call must close before the edition's decisions (programme/dates.py): a message next to "Closes"."""
        cleaned = super().clean()
        edition, closes_at = cleaned.get("edition"), self.instance.closes_at
        if edition is not None and closes_at and "local_end" not in self.errors:
            last_day = timezone.localtime(closes_at - timedelta(seconds=1), self.instance.zone).date()
            problem = date_problems(edition, deadline=last_day).get("application_deadline")
            if problem:
                self.add_error("local_end", problem)
        return cleaned


class QuestionInline(admin.StackedInline):
    model = Question
    fk_name = "call"
    extra = 0
    fields = ("order", "step", "key", "kind", "label", "help_text", "required", "choices", "max_length",
              "word_limit", "min_value", "max_value", "depends_on", "depends_value")
    ordering = ("order", "id")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "depends_on":
            call_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Question.objects.filter(call_id=call_id) if call_id else Question.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    form = CallForm
    list_display = ("title", "edition", "opens_at", "closes_at", "timezone")
    list_filter = ("edition",)
    search_fields = ("title",)
    inlines = [QuestionInline]

    def save_model(self, request, obj, form, change):
        services.save_call(call=obj, actor=request.user)

"""Interviews now hear of a withdrawal (applications' ``application_withdrawn``) and cancel the invitation, which
frees the slot. Before, a withdrawn application kept its booking and the pages treated it as free; this puts
those rows where the receiver would have left them: the slot free, the invitation cancelled (at the withdrawal)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Now


def release_withdrawn_bookings(apps, schema_editor):
    InterviewSlot = apps.get_model("interviews", "InterviewSlot")
    Invitation = apps.get_model("interviews", "Invitation")
    Application = apps.get_model("applications", "Application")
    InterviewSlot.objects.filter(booked_by__state="withdrawn").update(booked_by=None, booked_at=None)
    withdrawn_at = Application.objects.filter(pk=OuterRef("application_id")).values("withdrawn_at")[:1]
    Invitation.objects.filter(application__state="withdrawn", cancelled_at__isnull=True).update(
        cancelled_at=Coalesce(Subquery(withdrawn_at), Now()))


class Migration(migrations.Migration):
    dependencies = [("interviews", "0001_initial"), ("applications", "0002_programme_team_application_permissions")]
    operations = [migrations.RunPython(release_withdrawn_bookings, migrations.RunPython.noop, elidable=True)]

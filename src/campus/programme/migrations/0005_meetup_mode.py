"""Meetups get a delivery mode (on site, blended, remote) with a note and travel notes; the old flag
``is_online`` becomes the mode "remote" (``Meetup.is_online`` stays, as a property of the mode)."""

from django.db import migrations, models


def flag_to_mode(apps, schema_editor):
    Meetup = apps.get_model("programme", "Meetup")
    Meetup.objects.filter(is_online=True).update(mode="remote")


def mode_to_flag(apps, schema_editor):
    Meetup = apps.get_model("programme", "Meetup")
    Meetup.objects.filter(mode="remote").update(is_online=True)


class Migration(migrations.Migration):

    dependencies = [
        ("programme", "0004_cta_text_without_a_year"),
    ]

    operations = [
        migrations.AddField(
            model_name="meetup",
            name="mode",
            field=models.CharField(
                choices=[("on_site", "On site"), ("blended", "Blended (on site, and online for who cannot travel)"),
                         ("remote", "Remote (online only)")],
                default="on_site", max_length=20,
                help_text="How the meetup is held. Switch it from the staff cohort pages: participants are told by "
                          "mail."),
        ),
        migrations.AddField(
            model_name="meetup",
            name="mode_note",
            field=models.CharField(blank=True, max_length=500,
                                   help_text="What the mode means for participants, e.g. the online link is sent the "
                                             "day before; why the meetup turned remote."),
        ),
        migrations.AddField(
            model_name="meetup",
            name="travel_note",
            field=models.TextField(blank=True, help_text="For participants: how to get there, where to stay. "
                                                         "Markdown: **bold**, *italic*, [link](https://example.org), lists with '- ', "
                                                         "headings with '## '. Raw HTML and scripts are removed."),
        ),
        migrations.RunPython(flag_to_mode, mode_to_flag),
        migrations.RemoveField(model_name="meetup", name="is_online"),
    ]

# The team roles per edition, moved here from campus.review (review/migrations/0002 copies the rows over and
# drops the old table), with the new role "module_lead".

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("programme", "0002_programme_team_group"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="TeamMembership",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("role", models.CharField(choices=[("manager", "Programme manager"), ("reviewer", "Reviewer"),
                                                   ("interviewer", "Interviewer"), ("module_lead", "Module lead")],
                                          max_length=20)),
                ("edition", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="team",
                                              to="programme.edition")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="team_roles",
                                           to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "ordering": ["edition", "role", "user"],
                "constraints": [models.UniqueConstraint(fields=("edition", "user", "role"),
                                                        name="team_membership_unique_role")],
            },
        ),
    ]

"""Team roles per edition: who is a programme manager, reviewer, interviewer or module lead of an edition.

The roles sit on this floor (right above programme, which holds ``Edition``) so that every app above may ask
about them (``permissions.py``) without importing the app that happens to use a role most.
"""

from django.conf import settings
from django.db import models

from campus.core.models import TimeStampedModel
from campus.programme.models import Edition, Module


class Role(models.TextChoices):
    """Every role a person can hold in an edition's team. A new role is one line here (plus the migration
    ``makemigrations`` writes for the choices) and, if it grants something, a line in ``permissions.PERMISSIONS``."""

    MANAGER = "manager", "Programme manager"
    REVIEWER = "reviewer", "Reviewer"
    INTERVIEWER = "interviewer", "Interviewer"
    MODULE_LEAD = "module_lead", "Module lead"


class TeamMembership(TimeStampedModel):
    """A role of a person in the team of an edition; a person may hold several roles."""

    Role = Role

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    # A module lead may lead one module of the edition (a row per module) or, without a module, all of them.
    module = models.ForeignKey(Module, null=True, blank=True, on_delete=models.CASCADE, related_name="leads",
                               help_text="Module leads only: the module led; empty means every module.")

    class Meta:
        ordering = ["edition", "role", "user"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "user", "role"], condition=models.Q(module__isnull=True),
                                    name="team_membership_unique_role"),
            models.UniqueConstraint(fields=["edition", "user", "role", "module"],
                                    condition=models.Q(module__isnull=False), name="team_membership_unique_module"),
            models.CheckConstraint(condition=models.Q(module__isnull=True) | models.Q(role="module_lead"),
                                   name="team_membership_module_only_for_leads"),
        ]

    def __str__(self) -> str:
        scope = f", module {self.module.number}" if self.module_id else ""
        return f"{self.user} – {self.get_role_display()} ({self.edition}{scope})"

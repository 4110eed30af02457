"""What the team app holds about a person, for subject access and erasure (registered in plugin.py): their
roles in the teams of editions. Erased through ``services.forget_roles``."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso

from . import services
from .models import TeamMembership


def roles_of(user) -> list[TeamMembership]:
    if user is None:
        return []
    return list(TeamMembership.objects.filter(user=user).select_related("edition__programme")
                .order_by("created_at", "id"))


class TeamHandler(PrivacyHandler):
    # after review (45), whose assignments of a reviewer go with the roles
    key, order = "team", 46

    def export(self, person: Person):
        return {"team_roles": [{"edition": str(m.edition), "role": m.get_role_display(), "since": iso(m.created_at)}
                               for m in roles_of(person.user)]}, []

    def summary(self, subject):
        return {"team_roles": TeamMembership.objects.filter(user=subject.user).count() if subject.user else 0}

    def plan(self, person: Person):
        return sorted(roles_of(person.user), key=lambda m: m.pk)

    def describe(self, part, person):
        return [Section("Team roles and interview panels", "deleted",
                        [f"{m.edition}: {m.get_role_display()}" for m in part], order=72)]

    def erase(self, part, person):
        return {"team_roles": services.forget_roles(memberships=[m.pk for m in part])}

"""What the booklet holds about a person, for subject access and erasure (registered in plugin.py): the
profiles of their participations, their photos and consent history. Runs before the cohort's handler (which
deletes the participations, and with them the profiles: the photo files would be left behind)."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso

from . import selectors, services
from .models import BookletProfile
from .services import PROFILE_FIELDS


def profiles_of(person: Person) -> list:
    if person.user is None:
        return []
    return list(BookletProfile.objects.filter(participant__user=person.user)
                .select_related("participant__edition__programme").order_by("created_at", "id"))


class BookletHandler(PrivacyHandler):
    key, order = "booklet", 76

    def export(self, person: Person):
        profiles = profiles_of(person)
        person.add_targets(profiles)
        rows, files = [], []
        for profile in profiles:
            row = {"edition": str(profile.participant.edition)}
            row.update({name: str(getattr(profile, name)) for name in PROFILE_FIELDS})
            row.update({"photo": None, "locked_at": iso(profile.locked_at), "updated_at": iso(profile.updated_at),
                        "consent": [{"level": c.level, "given_at": iso(c.given_at), "wording_version":
                                     c.wording_version, "wording": c.wording, "recorded_by_staff": c.by_staff}
                                    for c in reversed(selectors.consent_history(profile))]})
            if profile.photo:
                row["photo"] = f"booklet/photo-{profile.pk}.jpg"
                files.append((row["photo"], profile.photo))
            rows.append(row)
        return {"booklet_profiles": rows}, files

    def summary(self, subject):
        if subject.user is None:
            return {}
        count = BookletProfile.objects.filter(participant__user=subject.user).count()
        return {"booklet_profiles": count} if count else {}

    def identifiers(self, person: Person):
        names, details = set(), set()
        for profile in profiles_of(person):
            if profile.display_name:
                names.add(profile.display_name)
            details.update(value for value in (profile.contact_email, profile.contact_phone, profile.linkedin)
                           if value)
        return names, details

    def plan(self, person: Person):
        profiles = profiles_of(person)
        person.add_targets(profiles)
        return profiles

    def describe(self, part, person):
        return [Section("Booklet profile", "deleted with its photo and consent history",
                        [f"{p.display_name or 'no name'} ({p.participant.edition})" for p in part], order=76)]

    def erase(self, part, person):
        for profile in part:
            services.erase_profile(profile=profile, actor=person.actor)
        staff = services.forget_staff_member(user=person.user) if person.user is not None else 0
        return {"booklet_profiles": len(part), "booklet_staff_actions": staff}

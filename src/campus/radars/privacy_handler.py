"""What the radars hold about a person, for subject access and erasure (registered in plugin.py).

Export: every radar the person owns or made (their own, their group's or the cohort's that they made), with
every edition and blip. Erasure (decided): the person's own radars (owner kind "participant" or "staff", whatever
their visibility) are their work and are deleted; a coaching group's or the cohort's radar belongs to the group
or cohort and stays, with the person removed as its maker."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso

from . import services
from .models import Blip, Radar
from .sharing import OwnerKind

OWN = (OwnerKind.PARTICIPANT, OwnerKind.STAFF)


def radars_of(user) -> list[Radar]:
    if user is None:
        return []
    return list(Radar.objects.filter(owner=user).select_related("edition", "group").order_by("created_at", "id"))


def _export_radar(radar: Radar, blips: list[Blip]) -> dict:
    return {
        "title": radar.title, "description": radar.description, "owner": radar.get_owner_kind_display(),
        "visibility": radar.get_visibility_display(), "public_link": bool(radar.public_token),
        "cohort": str(radar.edition), "made_at": iso(radar.created_at),
        "editions": [
            {"name": e.name, "state": e.state, "published_at": iso(e.published_at) if e.published_at else None,
             "blips": [{"item": b.item.name, "quadrant": b.quadrant.name, "ring": b.ring.name,
                        "rationale": b.rationale} for b in blips if b.edition_id == e.pk]}
            for e in radar.editions.order_by("sequence")
        ],
    }


class RadarsHandler(PrivacyHandler):
    key, order = "radars", 80

    def export(self, person: Person):
        radars = radars_of(person.user)
        blips = list(Blip.objects.filter(edition__radar__in=radars).select_related("item", "quadrant", "ring")
                     .order_by("quadrant__position", "ring__position", "item__name"))
        return {"radars": [_export_radar(r, blips) for r in radars]}, []

    def summary(self, subject) -> dict:
        user = getattr(subject, "user", None)
        return {"radars": Radar.objects.filter(owner=user).count()} if user is not None else {}

    def plan(self, person: Person):
        radars = radars_of(person.user)
        return {"delete": [r for r in radars if r.owner_kind in OWN],
                "keep": [r for r in radars if r.owner_kind not in OWN]}

    def describe(self, part, person: Person):
        return [
            Section("Technology radars", "their own radars deleted; group and cohort radars kept without them",
                    [f"deleted: {r.title}" for r in part["delete"]]
                    + [f"kept without its maker: {r.title}" for r in part["keep"]], order=80),
        ]

    def erase(self, part, person: Person) -> dict:
        return services.erase_owner(user=person.user, delete=[r.pk for r in part["delete"]],
                                    keep=[r.pk for r in part["keep"]])

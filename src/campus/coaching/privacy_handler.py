"""What peer coaching holds about a person, for subject access, erasure and retention (registered in plugin.py):
a participant's groups and the sessions they took part in or logged; a staff member's generated rounds.

Runs before the cohort's handler (which deletes the person's participations: their memberships and their places
in session logs go with them): it clears the notes the person logged and rewrites group reasons naming them."""

from django.db.models import Max, Q

from campus.cohort.models import Participant
from campus.programme.models import Edition
from campus.core.plugins.privacy import Person, PrivacyHandler, Section, add_months, iso, rewrite_texts

from . import services
from .models import CoachingGroup, CoachingRound, CoachingSession, GroupMember


def participant_ids_of(person: Person) -> list[int]:
    if person.user is None:
        return []
    return list(Participant.objects.filter(user=person.user).values_list("pk", flat=True))


def memberships_of(ids) -> list:
    return list(GroupMember.objects.filter(participant_id__in=ids).select_related("group__round__edition")
                .order_by("round__created_at", "id"))


def sessions_of(ids) -> list:
    return list(CoachingSession.objects.filter(Q(attendees__in=ids) | Q(logged_by_id__in=ids)).distinct()
                .select_related("group__round").prefetch_related("attendees").order_by("held_on", "id"))


def rounds_made_by(user) -> list:
    if user is None:
        return []
    return list(CoachingRound.objects.filter(created_by=user).select_related("edition").order_by("created_at"))


class CoachingHandler(PrivacyHandler):
    key, order = "coaching", 75

    def export(self, person: Person):
        ids = participant_ids_of(person)
        memberships = memberships_of(ids)
        sessions = sessions_of(ids)
        person.add_targets(sessions)
        own = set(ids)
        return {
            "coaching_groups": [
                {"edition": str(m.group.round.edition), "round": m.group.round.title, "group": m.group.number}
                for m in memberships
            ],
            "coaching_sessions": [
                {"round": s.group.round.title, "group": s.group.number, "held_on": s.held_on.isoformat(),
                 "took_part": any(p.pk in own for p in s.attendees.all()),
                 "logged_by_you": s.logged_by_id in own,
                 "notes": s.notes if s.logged_by_id in own else None, "logged_at": iso(s.created_at)}
                for s in sessions
            ],
            "coaching_rounds_generated": [
                {"edition": str(r.edition), "round": r.title, "at": iso(r.created_at)}
                for r in rounds_made_by(person.user)
            ],
        }, []

    def plan(self, person: Person):
        ids = participant_ids_of(person)
        part = {"ids": ids, "memberships": memberships_of(ids),
                "logged": list(CoachingSession.objects.filter(logged_by_id__in=ids).exclude(notes="")
                               .select_related("group__round").order_by("held_on", "id")),
                "rounds": rounds_made_by(person.user)}
        part["reasons"] = person.changed_by_scrubbing(CoachingGroup.objects.all(), ("reason",))
        return part

    def describe(self, part, person):
        return [
            Section("Peer coaching", "removed from the group; notes they logged cleared",
                    [f"{m.group.round.title}: group {m.group.number}" for m in part["memberships"]]
                    + [f"notes of the session of {s.held_on.isoformat()} ({s.group.round.title}, group "
                       f"{s.group.number})" for s in part["logged"]], order=76),
            Section("Team roles and interview panels", "",
                    [f"coaching round generated: {r.title}" for r in part["rounds"]], order=72.5),
            Section("Texts of others that name them", "",
                    [f"why group {g.number} was formed (coaching)" for g in part["reasons"]], order=90.2),
        ]

    def erase(self, part, person):
        return {
            "coaching_notes": services.clear_notes_of(participant_ids=part["ids"]),
            "coaching_rounds": services.forget_creator(user=person.user) if person.user is not None else 0,
            "coaching_reasons": rewrite_texts(part["reasons"], ("reason",), person.scrubbed),
        }

    def purge(self, *, now, dry_run, months_of, retained):
        """Rounds (their groups and session logs) of an edition whose last module ended longer ago than the
        edition's retention period."""
        expired = []
        rows = (CoachingRound.objects.values("edition_id").annotate(ended=Max("edition__modules__ends_on"))
                .order_by("edition_id"))
        editions = {}
        for row in rows:
            if row["ended"] is None:
                continue
            if row["edition_id"] not in editions:
                editions[row["edition_id"]] = Edition.objects.get(pk=row["edition_id"])
            if add_months(row["ended"], months_of(editions[row["edition_id"]])) < now.date():
                expired.append(row["edition_id"])
        ids = list(CoachingRound.objects.filter(edition_id__in=expired).values_list("pk", flat=True))
        if not ids:  # counted only when there is something to delete (the purge's report stays short)
            return {}
        if dry_run:
            return {"coaching_rounds": len(ids)}
        return {"coaching_rounds": services.delete_rounds(round_ids=ids)}

"""What the interviews app holds about a person, for subject access and erasure (registered in plugin.py):
an applicant's invitations and booking; a team member's panels."""

from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, rewrite_texts, shown

from . import erasure
from .models import InterviewSlot, Invitation


def invitations_of(application_ids) -> list:
    return list(Invitation.objects.filter(application_id__in=application_ids).order_by("created_at", "id"))


def bookings_of(application_ids) -> list:
    return list(InterviewSlot.objects.filter(booked_by_id__in=application_ids).order_by("starts_at", "id"))


def panels_of(user) -> list:
    if user is None:
        return []
    return list(InterviewSlot.objects.filter(panel=user).select_related("call").order_by("starts_at", "id"))


class InterviewsHandler(PrivacyHandler):
    key, order = "interviews", 50

    def export(self, person: Person):
        invitations = invitations_of(person.application_ids)
        person.add_targets(invitations)
        slots = {slot.booked_by_id: slot for slot in bookings_of(person.application_ids)}
        interviews = []
        for invitation in invitations:
            slot = slots.get(invitation.application_id)
            interviews.append({
                "application": person.reference(invitation.application_id),
                "invited_at": iso(invitation.created_at),
                "message": invitation.message,
                "cancelled_at": iso(invitation.cancelled_at),
                "booking": None if slot is None else {
                    "starts_at": iso(slot.starts_at), "ends_at": iso(slot.ends_at), "timezone": slot.timezone,
                    "place": slot.place, "online_link": slot.online_link, "booked_at": iso(slot.booked_at),
                },
            })
        panels = [
            {"call": s.call.title, "starts_at": iso(s.starts_at), "ends_at": iso(s.ends_at),
             "timezone": s.timezone, "place": s.place, "online_link": s.online_link}
            for s in panels_of(person.user)
        ]
        return {"interviews": interviews, "interview_panels": panels}, []

    def plan(self, person: Person):
        ids = person.application_ids
        part = {"invitations": invitations_of(ids), "slots": bookings_of(ids), "panels": panels_of(person.user)}
        person.add_targets(part["invitations"])
        others = Invitation.objects.select_related("application__applicant").exclude(application_id__in=ids)
        part["texts_of_others"] = person.changed_by_scrubbing(others, ("message",))
        return part

    def describe(self, part, person):
        return [
            Section("Interviews", "invitation message cleared and cancelled; booking released",
                    [f"{person.reference(i.application_id)}: invitation of {shown(i.created_at)}"
                     for i in part["invitations"]]
                    + [f"{person.reference(s.booked_by_id)}: slot at {shown(s.starts_at)}" for s in part["slots"]],
                    order=50),
            Section("Team roles and interview panels", "",
                    [f"panel at {shown(s.starts_at)} ({s.call.title})" for s in part["panels"]], order=72.5),
            Section("Texts of others that name them", "",
                    [f"{row._meta.verbose_name} on application {row.application.reference}"
                     for row in part["texts_of_others"]], order=90.2),
        ]

    def erase(self, part, person):
        ids = person.application_ids
        bookings = erasure.release_bookings_of_erased(applications=ids)  # first: cancelling would free them
        return {
            "invitations": erasure.cancel_and_clear_invitations(applications=ids),
            "bookings": bookings,
            "panels": erasure.remove_from_panels(user=person.user) if person.user is not None else 0,
            "texts_of_others": rewrite_texts(part["texts_of_others"], ("message",), person.scrubbed),
        }

"""The only place that changes the cohort. Keyword-only arguments, one transaction each, an activity-log entry."""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from campus.communications import services as outbox
from campus.core.activity import log_activity
from campus.programme.models import Meetup, Module
from campus.team.models import Role, TeamMembership
from campus.team.services import add_team_role, remove_team_role

from .mail import MODE_CHANGED
from .models import Onboarding, Participant


def enrol(*, application, actor=None) -> Participant:
    """Make the applicant of ``application`` a participant of its edition (once: a second call, or a
    concurrent one, returns the same row; the database refuses a second by the unique constraint)."""
    edition_id = application.call.edition_id
    existing = Participant.objects.filter(edition_id=edition_id, user_id=application.applicant_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                edition_id=edition_id, user_id=application.applicant_id, application=application
            )
            log_activity(action="cohort.enrolled", target=participant, actor=actor,
                         **{"from": "offer accepted", "to": "participant"}, application=application.reference)
    except IntegrityError:
        return Participant.objects.get(edition_id=edition_id, user_id=application.applicant_id)
    return participant


def enrol_on_acceptance(sender, *, offer, actor=None, **kwargs) -> None:
    """Receiver of admissions' ``offer_accepted`` signal."""
    enrol(application=offer.application, actor=actor)


def remove_participant(*, participants) -> int:
    """Erasure of a person (called by the privacy handler, which logs it): their participant records (ids) are
    deleted; their accepted offer stays, so the place is not offered again."""
    return Participant.objects.filter(pk__in=participants).delete()[0]


# --- the directory and the calendar feed (the participant's own settings) -------------------------------------


def set_contact_consent(*, participant: Participant, show: bool, actor) -> Participant:
    """Whether fellow participants see ``participant``'s e-mail address and phone number in the directory."""
    with transaction.atomic():
        updated = Participant.objects.filter(pk=participant.pk).exclude(show_contact=show).update(
            show_contact=show, updated_at=timezone.now())
        if updated:
            log_activity(action="cohort.contact_consent", target=participant, actor=actor,
                         **{"from": not show, "to": show})
    participant.show_contact = show
    return participant


def new_feed_token(*, participant: Participant, actor) -> str:
    """A new secret address for ``participant``'s calendar feed; the previous one stops working at once."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        Participant.objects.filter(pk=participant.pk).update(feed_token=token, feed_token_at=now, updated_at=now)
        log_activity(action="cohort.feed_token_new", target=participant, actor=actor,
                     replaced=bool(participant.feed_token))
    participant.feed_token, participant.feed_token_at = token, now
    return token


def revoke_feed_token(*, participant: Participant, actor) -> None:
    """No calendar feed any more: the secret address answers 404."""
    with transaction.atomic():
        updated = Participant.objects.filter(pk=participant.pk, feed_token__isnull=False).update(
            feed_token=None, feed_token_at=None, updated_at=timezone.now())
        if updated:
            log_activity(action="cohort.feed_token_revoked", target=participant, actor=actor)
    participant.feed_token = participant.feed_token_at = None


# --- staff: onboarding, meetup modes, module leads --------------------------------------------------------------


def save_onboarding(*, edition, text: str, actor) -> Onboarding:
    with transaction.atomic():
        onboarding, _created = Onboarding.objects.select_for_update().get_or_create(edition=edition)
        if onboarding.text != text:
            onboarding.text = text
            onboarding.save()
            log_activity(action="cohort.onboarding_saved", target=onboarding, actor=actor, edition=edition.pk)
    return onboarding


def switch_meetup_mode(*, meetup: Meetup, mode: str, note: str, actor) -> int | None:
    """Hold ``meetup`` on site, blended or remote, with ``note``; every participant of its edition is mailed
    through the outbox (once per change). Public pages and feeds show the new mode at once: saving a meetup
    bumps the content version (programme/signals.py). Returns the number of mails queued; None when the meetup
    had this mode and note already (nothing changes, nobody is mailed)."""
    if mode not in Meetup.Mode.values:
        raise ValidationError({"mode": ["Choose on site, blended or remote."]})
    note = note.strip()
    with transaction.atomic():
        locked = (Meetup.objects.select_for_update(of=("self",)).select_related("module__edition__programme")
                  .get(pk=meetup.pk))
        if locked.mode == mode and locked.mode_note == note:
            return None
        previous = locked.mode_label
        locked.mode, locked.mode_note = mode, note
        locked.save(update_fields=["mode", "mode_note", "updated_at"])
        log_activity(action="cohort.meetup_mode", target=locked, actor=actor,
                     **{"from": previous, "to": locked.mode_label}, note=note)
        edition = locked.module.edition
        participants = list(Participant.objects.filter(edition=edition).select_related("user"))
        context = {
            "meetup": f"{locked.title} (module {locked.module.number}: {locked.module.title})",
            "when": when(locked), "mode": locked.mode_label, "previous_mode": previous, "note": note,
            "where": locked.place or "to be announced",
            "schedule_url": outbox.site_url() + reverse("cohort:schedule:page"),
        }
        stamp = f"{locked.updated_at.timestamp():.6f}"
        for participant in participants:
            outbox.compose(event=MODE_CHANGED, edition=edition, to_user=participant.user,
                           context={**context, "name": participant.user.get_full_name()},
                           dedupe_key=f"{MODE_CHANGED}:{locked.pk}:{participant.pk}:{stamp}",
                           related=locked, actor=actor, send=True)
    meetup.mode, meetup.mode_note, meetup.updated_at = locked.mode, locked.mode_note, locked.updated_at
    return len(participants)


def when(meetup) -> str:
    """A meetup's dates and times in its own zone, the zone named ("… 13:00 CEST, Europe/Stockholm")."""
    start, end = meetup.local_start, meetup.local_end
    first = f"{start:%a} {start.day} {start:%b %Y}, {start:%H:%M}"
    if start.date() == end.date():
        return f"{first}–{end:%H:%M} {end:%Z} ({meetup.timezone})"
    return f"{first} – {end:%a} {end.day} {end:%b}, {end:%H:%M} {end:%Z} ({meetup.timezone})"


def assign_module_lead(*, module: Module, user, actor) -> TeamMembership:
    """Make ``user`` the lead of ``module`` (team.add_team_role with the module)."""
    return add_team_role(edition=module.edition, user=user, role=Role.MODULE_LEAD, module=module, actor=actor)


def remove_module_lead(*, membership: TeamMembership, actor) -> None:
    if membership.role != Role.MODULE_LEAD:
        raise ValidationError("Only a module lead's role is removed here.")
    remove_team_role(membership=membership, actor=actor)


def record_export(*, edition, fmt: str, count: int, actor) -> None:
    """Who took the list of participants, when, in which format (the activity log)."""
    with transaction.atomic():
        log_activity(action="cohort.exported", actor=actor, edition=edition.pk, format=fmt, count=count)

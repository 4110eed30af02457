"""The only place that changes programme data (besides staff editing content in the admin)."""

import json
import zoneinfo
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from campus.core import ratelimit
from campus.core.activity import log_activity
from campus.core.content_version import bump

from . import selectors, tasks
from .models import (
    FAQ,
    Benefit,
    ContactMessage,
    Edition,
    LearningOutcome,
    Meetup,
    Module,
    Outcome,
    Page,
    Partner,
    Programme,
    Requirement,
)

# Sent after load_seed_edition with the edition and whether it was created now, so that apps above
# (applications: the call and its questions) can add their part of the seed.
seed_edition_loaded = Signal()

SEED_FILE = Path(__file__).resolve().parent / "seed" / "bsr-cluster-manager-education-2020-2021.json"


class RateLimited(Exception):
    """Too many contact messages from one address."""


def _local(value: str, zone: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=zoneinfo.ZoneInfo(zone))


@transaction.atomic
def load_seed_edition(*, path: Path = SEED_FILE) -> dict[str, bool]:
    """Load the seed programme and edition from a JSON file.

    Idempotent and respectful of staff edits: the programme's content is created only when the
    programme does not exist yet, the edition (with its modules and meetups) only when the edition
    does not exist yet. Rows that exist are never changed, so running it twice changes nothing.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    result = {"programme_created": False, "edition_created": False}

    spec = dict(data["programme"])
    programme = Programme.objects.filter(slug=spec["slug"]).first()
    if programme is None:
        programme = Programme.objects.create(**spec)
        result["programme_created"] = True
        for order, item in enumerate(data.get("partners", []), start=1):
            Partner.objects.create(programme=programme, order=order, **item)
        for order, item in enumerate(data.get("benefits", []), start=1):
            Benefit.objects.create(programme=programme, order=order, **item)
        for order, item in enumerate(data.get("faqs", []), start=1):
            FAQ.objects.create(programme=programme, order=order, **item)
        for order, item in enumerate(data.get("pages", []), start=1):
            Page.objects.create(programme=programme, order=order, updated_on=date(2020, 1, 1), **item)
        log_activity(action="programme.seed_programme_loaded", target=programme, source=Path(path).name)

    spec = dict(data["edition"])
    if not Edition.objects.filter(programme=programme, slug=spec["slug"]).exists():
        requirements = spec.pop("requirements", [])
        outcomes = spec.pop("outcomes", [])
        modules = spec.pop("modules", [])
        for key in ("price_eur", "estimated_value_eur"):
            spec[key] = Decimal(spec[key]) if spec.get(key) not in (None, "") else None
        for key in ("application_deadline", "acceptance_letter_on"):
            spec[key] = date.fromisoformat(spec[key])
        # published, and current when no other edition is (the only edition: `make run` serves it as always); with
        # others, the periodic refresh applies the rule (refresh_current_edition)
        has_current = Edition.objects.filter(programme=programme, is_current=True).exists()
        edition = Edition.objects.create(programme=programme, is_current=not has_current,
                                         published_at=timezone.now(), **spec)
        result["edition_created"] = True
        Requirement.objects.bulk_create(
            Requirement(edition=edition, order=i, **item) for i, item in enumerate(requirements, start=1)
        )
        Outcome.objects.bulk_create(Outcome(edition=edition, order=i, text=text) for i, text in enumerate(outcomes, 1))
        partners = {p.name: p for p in programme.partners.all()}
        for item in modules:
            item = dict(item)
            learning = item.pop("learning_outcomes", [])
            meetups = item.pop("meetups", [])
            item["provider"] = partners.get(item.pop("provider", ""))
            item["starts_on"] = date.fromisoformat(item["starts_on"])
            item["ends_on"] = date.fromisoformat(item["ends_on"])
            for key in ("latitude", "longitude"):
                item[key] = Decimal(item[key]) if item.get(key) else None
            module = Module.objects.create(edition=edition, **item)
            LearningOutcome.objects.bulk_create(
                LearningOutcome(module=module, order=i, text=text) for i, text in enumerate(learning, start=1)
            )
            for meetup in meetups:
                meetup = dict(meetup)
                zone = meetup.pop("timezone", module.timezone)
                Meetup.objects.create(
                    module=module,
                    timezone=zone,
                    starts_at=_local(meetup.pop("start"), zone),
                    ends_at=_local(meetup.pop("end"), zone),
                    **meetup,
                )
        log_activity(action="programme.seed_edition_loaded", target=edition, source=Path(path).name)
    edition = Edition.objects.get(programme=programme, slug=spec["slug"])
    seed_edition_loaded.send(sender=Edition, edition=edition, created=result["edition_created"])
    return result


def _rate_key(client: str) -> str:
    return f"contact-rate:{client}"


def submit_contact_message(
    *, programme: Programme, name: str, email: str, organisation: str, topic: str, message: str, client: str
) -> ContactMessage:
    """Store a contact message and queue the mail to the team (after the commit).

    ``client`` identifies the sender for the rate limit (the remote address): ``CAMPUS_CONTACT_RATE`` an hour,
    counted in the shared cache (core.ratelimit), outside the transaction so that every process sees it at once.
    Raises :class:`RateLimited` when that client sent too many messages this hour.
    """
    if not ratelimit.hit(_rate_key(client), limit=settings.CAMPUS_CONTACT_RATE, seconds=3600):
        raise RateLimited
    return _store_contact_message(programme=programme, name=name, email=email, organisation=organisation,
                                  topic=topic, message=message)


@transaction.atomic
def _store_contact_message(*, programme, name, email, organisation, topic, message) -> ContactMessage:
    contact = ContactMessage.objects.create(
        programme=programme, name=name, email=email, organisation=organisation, topic=topic, message=message
    )
    log_activity(action="programme.contact_message_received", target=contact, topic=topic)
    transaction.on_commit(lambda: tasks.notify_team_of_contact_message.enqueue(contact.pk))
    return contact


def notify_team_of_contact_message(*, message_id: int) -> bool:
    """Mail the team about one contact message, exactly once (a retried task sends nothing more).

    The row is locked, marked as notified and logged *before* the message goes out, and the SMTP
    conversation ends only after the commit: a worker that dies at any moment leaves either "not sent,
    not marked" (the task runs again) or "sent and marked", except while the COMMIT itself is under way
    (then the team may get the message twice: at least once, never lost; docs/deployment.md).
    """
    from campus.core.mail import mail_connection, send_message

    with mail_connection() as connection, transaction.atomic():
        contact = (
            ContactMessage.objects.select_for_update().select_related("programme").filter(pk=message_id).first()
        )
        if contact is None or contact.notified_at is not None:
            return False
        contact.notified_at = timezone.now()
        contact.save(update_fields=["notified_at"])
        log_activity(action="programme.contact_message_notified", target=contact)
        recipients = [contact.programme.contact_email, *settings.CAMPUS_CONTACT_RECIPIENTS]
        body = (
            f"A new message arrived through the contact form of {contact.programme.short_name}.\n\n"
            f"Name: {contact.name}\n"
            f"Email: {contact.email}\n"
            f"Organisation: {contact.organisation or '-'}\n"
            f"Topic: {contact.get_topic_display()}\n"
            f"Received: {timezone.localtime(contact.created_at):%Y-%m-%d %H:%M %Z}\n\n"
            f"{contact.message}\n"
        )
        send_message(
            to=list(dict.fromkeys(recipients)),
            subject=f"Contact form: {contact.get_topic_display()} — {contact.name}",
            body=body,
            reply_to=[contact.email],
            connection=connection,
        )
    return True


def clear_contact_messages(*, messages) -> int:
    """Erasure of a person (called by the privacy handler, which logs it): name, address, organisation, text and
    note of their contact ``messages`` (ids) cleared; topic, status and date stay."""
    return ContactMessage.objects.filter(pk__in=messages).update(
        name="", email="", organisation="", message="", staff_note="")


@transaction.atomic
def shift_edition_dates(*, edition: Edition, days: int, actor=None) -> Edition:
    """Move what follows the application deadline by ``days`` (whole weeks keep the weekdays): the acceptance-letter
    date, every module's dates and every meetup (at the same wall-clock time of its own zone). The deadline itself
    follows the call (``applications.services.save_call``)."""
    if not days:
        return edition
    delta = timedelta(days=days)
    edition.acceptance_letter_on += delta
    edition.save(update_fields=["acceptance_letter_on", "updated_at"])
    for module in Module.objects.filter(edition=edition):
        module.starts_on += delta
        module.ends_on += delta
        module.save(update_fields=["starts_on", "ends_on", "updated_at"])
    for meetup in Meetup.objects.filter(module__edition=edition):
        zone = zoneinfo.ZoneInfo(meetup.timezone)
        for field in ("starts_at", "ends_at"):
            local = timezone.localtime(getattr(meetup, field), zone).replace(tzinfo=None) + delta
            setattr(meetup, field, local.replace(tzinfo=zone))
        meetup.save(update_fields=["starts_at", "ends_at", "updated_at"])
    log_activity(action="programme.edition_dates_shifted", target=edition, actor=actor, days=days)
    return edition


@transaction.atomic
def refresh_current_edition(*, programme: Programme, today: date | None = None, actor=None) -> Edition | None:
    """Keep ``Edition.is_current`` (what the public pages, feeds and later apps read) equal to
    :func:`selectors.pick_current_edition`. Called when an edition is published or unpublished, and daily (an
    edition that ends hands over to the next). Returns the current edition."""
    Programme.objects.select_for_update().filter(pk=programme.pk).first()  # one refresh at a time per programme
    chosen = selectors.pick_current_edition(programme, today=today)
    old = Edition.objects.filter(programme=programme, is_current=True).first()
    if chosen is None or old == chosen:
        return chosen
    Edition.objects.filter(programme=programme, is_current=True).update(is_current=False)
    Edition.objects.filter(pk=chosen.pk).update(is_current=True)
    chosen.is_current = True
    transaction.on_commit(bump)  # .update() sends no post_save: the cached public pages must follow
    log_activity(action="programme.current_edition_changed", target=chosen, actor=actor,
                 previous=old.slug if old else "")
    return chosen


def refresh_current_editions() -> str:
    """The periodic job: :func:`refresh_current_edition` for every programme; says which edition is current."""
    chosen = [refresh_current_edition(programme=programme) for programme in Programme.objects.order_by("pk")]
    return ", ".join(str(edition) for edition in chosen if edition is not None) or "no published edition"


@transaction.atomic
def publish_edition(*, edition: Edition, actor=None) -> Edition:
    """Make a draft edition public (idempotent), then let the public site follow the current edition."""
    if edition.published_at is None:
        edition.published_at = timezone.now()
        edition.save(update_fields=["published_at", "updated_at"])
        log_activity(action="programme.edition_published", target=edition, actor=actor)
    refresh_current_edition(programme=edition.programme, actor=actor)
    return edition


@transaction.atomic
def unpublish_edition(*, edition: Edition, actor=None) -> Edition:
    """Back to a draft (idempotent); the public site follows the current edition among the published ones."""
    if edition.published_at is not None:
        edition.published_at = None
        edition.is_current = False
        edition.save(update_fields=["published_at", "is_current", "updated_at"])
        log_activity(action="programme.edition_unpublished", target=edition, actor=actor)
    refresh_current_edition(programme=edition.programme, actor=actor)
    return edition

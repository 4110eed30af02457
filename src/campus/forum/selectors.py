"""Reads of the forum for its pages, mails and the staff side, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Exists, Q
from django.utils import timezone

from .models import Event, Registration

R = Registration.State


def public_events():
    """Events the public sees: published, and not of a draft edition (an edition staff are still preparing is
    invisible everywhere, its events too, until the edition is published)."""
    return Event.objects.filter(published=True).filter(
        Q(edition__isnull=True) | Q(edition__published_at__isnull=False))


def published_events():
    """(upcoming, past) published events: upcoming soonest first, past newest first (one query)."""
    today = timezone.localdate()
    events = list(public_events().order_by("starts_on", "id"))
    upcoming = [e for e in events if e.ends_on >= today]
    past = [e for e in reversed(events) if e.ends_on < today]
    return upcoming, past


def published_event(slug: str) -> Event | None:
    return public_events().filter(slug=slug).select_related("programme").first()


def sessions_of(event):
    return list(event.sessions.all())


@dataclass(frozen=True)
class Seats:
    capacity: int
    held: int
    waiting: int

    @property
    def left(self) -> int:
        return max(self.capacity - self.held, 0) if not self.waiting else 0

    @property
    def full(self) -> bool:
        return self.left == 0


def seats(event) -> Seats:
    found = Registration.objects.filter(event=event).aggregate(
        held=Count("pk", filter=Q(state__in=Registration.HOLDS_SEAT)),
        waiting=Count("pk", filter=Q(state=R.WAITLISTED)))
    return Seats(capacity=event.capacity, held=found["held"] or 0, waiting=found["waiting"] or 0)


def waitlist_position(registration) -> int | None:
    """1 for the first in line; None when not on the waitlist."""
    if registration.state != R.WAITLISTED or registration.queued_at is None:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, state=R.WAITLISTED).filter(
        Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, pk__lt=registration.pk))
    return ahead.count() + 1


def registration_by_token(token: str) -> Registration | None:
    if not token or len(token) > 64:
        return None
    return Registration.objects.select_related("event__programme").filter(token=token).first()


def registration_of_user(event, user) -> Registration | None:
    """The signed-in person's active registration for ``event`` (by account or by its address)."""
    if not user.is_authenticated:
        return None
    from allauth.account.models import EmailAddress

    # a guest registration under the account's address is theirs only if the account confirmed that address
    confirmed = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True)
    by_address = Registration.objects.filter(email__iexact=user.email, email_confirmed_at__isnull=False).filter(
        Exists(confirmed))
    mine = Q(user=user) | Q(pk__in=by_address.values("pk"))
    return (Registration.objects.filter(event=event, state__in=Registration.ACTIVE).filter(mine)
            .order_by("-created_at").first())


def registrations_of(*, user=None, emails=()):
    """Every registration of a person: by account, or with one of their confirmed addresses."""
    condition = Q(pk__in=[])
    if user is not None:
        condition |= Q(user=user)
    for email in emails:
        condition |= Q(email__iexact=email, email_confirmed_at__isnull=False)
    return Registration.objects.filter(condition).select_related("event").order_by("created_at", "id")


def edition_forum_link(*, edition=None, **context):
    """The link "edition_forum" (core.plugins.links) on the archive pages of ``edition``: its first public event
    (the forum that followed the edition), if it has one. One query."""
    from campus.core.plugins.links import LinkState

    event = public_events().filter(edition=edition).order_by("starts_on", "id").only("slug").first() \
        if edition is not None else None
    return LinkState(offered=event is not None, url=event.get_absolute_url() if event else "")


def page_link_state(slug: str):
    """The state of the link "page:<slug>": the programme's static page of that slug gives way to the published
    event of the same slug. Every page's footer asks (``Page.get_absolute_url``), so the answer is kept per content
    version (an event's save moves it): one query per process and version, none per page."""
    from campus.core.content_memo import memo
    from campus.core.plugins.links import LinkState

    def event_url() -> str:
        event = public_events().filter(slug=slug).only("slug").first()
        return event.get_absolute_url() if event else ""

    def state(**context):
        url = memo(("forum.page_link", slug), event_url)
        return LinkState(offered=bool(url), url=url)

    return state

"""Reads about booklet profiles shared by the booklet's pages, the booklet PDF and the apps that ask through
registries (the cohort directory). Each returns what a page needs in a fixed number of queries.

Consent: a profile's current level is its latest :class:`BookletConsent` row (no row: nobody). Who sees what:

- ``public``: profiles whose current level is public;
- ``participants``: profiles whose current level is participants or public (fellow participants of the same
  edition see both).

A profile without a display name is never published (there is nothing to show it under).
"""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from .models import BookletConsent, BookletProfile, BookletSettings, ConsentLevel

AUDIENCES = {
    "public": (ConsentLevel.PUBLIC,),
    "participants": (ConsentLevel.PARTICIPANTS, ConsentLevel.PUBLIC),
}

BOOKLET_PAGE = "participant-booklet"  # the programme's page that the public booklet pages replace


def _latest_level():
    return Subquery(
        BookletConsent.objects.filter(profile=OuterRef("pk")).order_by("-given_at", "-id").values("level")[:1]
    )


def with_consent(queryset: QuerySet) -> QuerySet:
    """``queryset`` of profiles annotated with ``consent_level`` (the latest row's level, None: nobody)."""
    return queryset.annotate(consent_level=_latest_level())


def levels_for(audience: str) -> tuple[str, ...]:
    try:
        return AUDIENCES[audience]
    except KeyError:
        raise ValueError(f"Unknown booklet audience {audience!r}: 'public' or 'participants'") from None


def published_profiles(edition, audience: str = "public", *, country: str = "", sector: str = "") -> QuerySet:
    """The profiles of ``edition`` that ``audience`` may see, with participant, user and edition, ordered by
    display name; optionally only one ``country`` (ISO code) or ``sector`` (a ``Sector`` value). One query."""
    levels = levels_for(audience)
    rows = (with_consent(BookletProfile.objects.filter(participant__edition=edition))
            .filter(consent_level__in=levels).exclude(display_name="")
            .select_related("participant__user", "participant__edition__programme")
            .order_by("display_name", "id"))
    if country:
        rows = rows.filter(country=country)
    if sector:
        rows = rows.filter(sector=sector)
    return rows


def published_profile(edition, profile_id, audience: str = "public") -> BookletProfile | None:
    """One profile of ``edition`` if ``audience`` may see it, else None (one query)."""
    try:
        profile_id = int(profile_id)
    except (TypeError, ValueError):
        return None
    if not 0 < profile_id < 2**31:
        return None
    return published_profiles(edition, audience).filter(pk=profile_id).first()


def profile_counts(edition, audience: str = "public") -> dict[str, int]:
    """{"participants": n, "countries": m} of the profiles ``audience`` may see (the introduction's numbers;
    a profile without a country counts as a participant, not a country). One query."""
    counts = (BookletProfile.objects.filter(pk__in=published_profiles(edition, audience).values("pk"))
              .aggregate(participants=Count("pk"), countries=Count("country", distinct=True,
                                                                    filter=~Q(country=""))))
    return {"participants": counts["participants"] or 0, "countries": counts["countries"] or 0}


def filter_choices(edition, audience: str = "public") -> dict[str, list[tuple[str, str]]]:
    """The countries and sectors that occur among the published profiles: [(code, name)], sorted by name."""
    from django_countries import countries

    from .models import Sector

    rows = published_profiles(edition, audience).order_by().values_list("country", "sector").distinct()
    codes = {country for country, _ in rows if country}
    sectors = {sector for _, sector in rows if sector}
    labels = dict(Sector.choices)
    return {
        "countries": sorted(((code, countries.name(code) or code) for code in codes), key=lambda c: c[1]),
        "sectors": sorted(((value, labels.get(value, value)) for value in sectors), key=lambda c: c[1]),
    }


def current_level(profile) -> str:
    """The current consent level of ``profile`` (nobody without a recorded choice)."""
    if profile is None or profile.pk is None:
        return ConsentLevel.NOBODY
    annotated = getattr(profile, "consent_level", None)
    if annotated is not None:
        return annotated
    level = (BookletConsent.objects.filter(profile=profile).order_by("-given_at", "-id")
             .values_list("level", flat=True).first())
    return level or ConsentLevel.NOBODY


def consent_history(profile) -> list[BookletConsent]:
    return list(BookletConsent.objects.filter(profile=profile).select_related("given_by").order_by("-given_at", "-id"))


def profile_of(participant) -> BookletProfile | None:
    return with_consent(BookletProfile.objects.filter(participant=participant)).first()


def settings_of(edition) -> BookletSettings | None:
    return BookletSettings.objects.filter(edition=edition).first()


def is_published(edition) -> bool:
    """Whether the edition's public booklet pages are shown (on unless staff hid them)."""
    found = BookletSettings.objects.filter(edition=edition).values_list("published", flat=True).first()
    return True if found is None else found


def staff_profiles(edition) -> list[dict]:
    """Every participant of ``edition`` with their profile (or None), its consent and completeness, for the
    staff list: two queries however many."""
    from campus.cohort.selectors import participants_of

    people = list(participants_of(edition))
    profiles = {p.participant_id: p for p in with_consent(
        BookletProfile.objects.filter(participant__edition=edition))}
    return [{"participant": person, "profile": profiles.get(person.pk),
             "consent": (profiles[person.pk].consent_level if person.pk in profiles else None) or ConsentLevel.NOBODY,
             "completeness": completeness(profiles.get(person.pk))} for person in people]


COMPLETENESS_FIELDS = ("photo", "display_name", "role", "organisation", "cluster_name", "country", "sector",
                       "cluster_description", "why_applied", "expectations")


def completeness(profile) -> dict:
    """{"done": n, "total": m, "missing": [field names]} of the fields a booklet page needs."""
    missing = [name for name in COMPLETENESS_FIELDS if profile is None or not getattr(profile, name)]
    total = len(COMPLETENESS_FIELDS)
    return {"done": total - len(missing), "total": total, "missing": missing, "percent": 100 * (total - len(missing)) // total}


def editions_with_public_profiles(programme_id, *, exclude=None) -> list:
    """The editions of the programme with at least one public profile and a shown booklet, newest first."""
    from campus.programme.models import Edition

    public = with_consent(BookletProfile.objects.filter(participant__edition=OuterRef("pk"))).filter(
        consent_level=ConsentLevel.PUBLIC).exclude(display_name="")
    from django.db.models import Exists

    rows = (Edition.objects.filter(programme_id=programme_id, published_at__isnull=False).filter(Exists(public))
            .exclude(booklet_settings__published=False).order_by("-application_deadline"))
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    return list(rows)


def edition_by_slug(programme, slug):
    """The programme's PUBLISHED edition with this slug (programme joined), or None: a draft edition has no public
    booklet."""
    from campus.programme.models import Edition
    return (Edition.objects.filter(programme=programme, slug=slug, published_at__isnull=False)
            .select_related("programme").first())


def edition_booklet_link(*, edition=None, **context):
    """The link "edition_booklet" (core.plugins.links) on the archive pages of ``edition``: its public booklet,
    unless staff hid it. One query."""
    from django.urls import reverse

    from campus.core.plugins.links import LinkState

    shown = edition is not None and edition.published_at is not None and is_published(edition)
    return LinkState(offered=shown, url=reverse("booklet:edition", args=[edition.slug]) if shown else "")


def edition_by_id(edition_id):
    from campus.programme.models import Edition
    return Edition.objects.select_related("programme").filter(pk=edition_id).first()


def participant_by_id(participant_id):
    from campus.cohort.models import Participant
    return Participant.objects.select_related("edition__programme", "user").filter(pk=participant_id).first()


def staff_editions(edition_ids):
    """The editions with these ids (programme joined), current first, then the latest deadline first."""
    from campus.programme.models import Edition
    return list(Edition.objects.filter(pk__in=edition_ids).select_related("programme")
                .order_by("-is_current", "-application_deadline"))


def profiles_of_edition(edition) -> QuerySet:
    """Every profile of the edition's participants (a lazy queryset)."""
    return BookletProfile.objects.filter(participant__edition=edition)

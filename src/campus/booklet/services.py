"""The only code that changes booklet profiles: saving a profile (by the participant or staff), its photo,
consent (recorded, never edited), locks before printing, and erasure. Keyword-only arguments, one transaction
each, the activity log written. Anything that changes what a public page shows bumps the content version, so
the cached public pages are replaced at once."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from campus.core import content_version
from campus.core.activity import log_activity

from . import consent as wordings
from .models import BookletConsent, BookletProfile, ConsentLevel

PROFILE_FIELDS = ("display_name", "role", "organisation", "cluster_name", "cluster_website", "country", "sector",
                  "sector_detail", "cluster_description", "why_applied", "expectations", "contact_email",
                  "contact_phone", "linkedin")


class BookletError(Exception):
    """A change that cannot be made; the message says why, for the person who asked."""


def profile_for(*, participant) -> BookletProfile:
    """The participant's profile, made (empty, its name from the account) the first time it is needed."""
    profile = BookletProfile.objects.filter(participant=participant).first()
    if profile is not None:
        return profile
    with transaction.atomic():
        profile, created = BookletProfile.objects.get_or_create(
            participant=participant, defaults={"display_name": participant.user.full_name or ""})
        if created:
            log_activity(action="booklet.profile_created", target=profile, actor=None)
    return profile


def save_profile(*, profile: BookletProfile, data: dict, actor, by_staff: bool = False,
                 photo=None, remove_photo: bool = False) -> BookletProfile:
    """Write ``data`` (only :data:`PROFILE_FIELDS`) and, if given, ``photo`` (a ``photos.ProcessedPhoto``).
    A locked profile is refused unless ``by_staff``."""
    with transaction.atomic():
        profile = BookletProfile.objects.select_for_update().get(pk=profile.pk)
        if profile.is_locked and not by_staff:
            raise BookletError("Your booklet profile is locked for printing. Please write to the programme team "
                               "if something must change.")
        changed = [name for name in PROFILE_FIELDS if name in data and getattr(profile, name) != data[name]]
        for name in changed:
            setattr(profile, name, data[name])
        old_photo = None
        if photo is not None:
            old_photo = profile.photo.name or None
            _set_photo(profile, photo)
            changed.append("photo")
        elif remove_photo and profile.photo:
            old_photo = profile.photo.name
            _clear_photo(profile)
            changed.append("photo")
        profile.save()
        log_activity(action="booklet.profile_saved", target=profile, actor=actor, fields=changed, by_staff=by_staff)
        content_version.bump()
        if old_photo:
            storage = profile.photo.storage
            transaction.on_commit(lambda: storage.delete(old_photo))
    return profile


def _set_photo(profile, photo) -> None:
    from django.core.files.base import ContentFile

    profile.photo.save(f"photo.{photo.extension}", ContentFile(photo.data), save=False)
    profile.photo_content_type = photo.content_type
    profile.photo_width, profile.photo_height = photo.width, photo.height
    profile.photo_sha256 = photo.sha256


def _clear_photo(profile) -> None:
    profile.photo = ""
    profile.photo_content_type = ""
    profile.photo_width = profile.photo_height = 0
    profile.photo_sha256 = ""


def record_consent(*, profile: BookletProfile, level: str, actor, by_staff: bool = False,
                   version: str = wordings.CURRENT_VERSION) -> BookletConsent:
    """Record a new consent choice (a new row, with the wording shown); the latest row is the current level.
    Locks do not stop it: a person may always withdraw."""
    if level not in ConsentLevel.values:
        raise BookletError("Please choose who may see your booklet profile.")
    with transaction.atomic():
        profile = BookletProfile.objects.select_for_update().get(pk=profile.pk)
        row = BookletConsent.objects.create(
            profile=profile, level=level, wording_version=version, wording=wordings.wording(level, version),
            given_at=timezone.now(), given_by=actor if getattr(actor, "is_authenticated", False) else None,
            by_staff=by_staff)
        profile.save(update_fields=["updated_at"])  # what is in the booklet changed: caches key on it
        log_activity(action="booklet.consent_recorded", target=profile, actor=actor, level=level,
                     version=version, by_staff=by_staff)
        content_version.bump()
    return row


def set_lock(*, profiles, locked: bool, actor) -> int:
    """Lock (or unlock) ``profiles`` (an iterable or queryset of profiles); returns how many changed."""
    ids = [p.pk for p in profiles]
    with transaction.atomic():
        rows = list(BookletProfile.objects.select_for_update().filter(pk__in=ids)
                    .filter(locked_at__isnull=locked).order_by("pk"))
        now = timezone.now()
        for profile in rows:
            profile.locked_at = now if locked else None
            profile.locked_by = actor if locked else None
            profile.save(update_fields=["locked_at", "locked_by", "updated_at"])
            log_activity(action="booklet.locked" if locked else "booklet.unlocked", target=profile, actor=actor)
    return len(rows)


def erase_profile(*, profile: BookletProfile, actor=None) -> None:
    """Remove the profile, its photo and its consent rows (the erasure of the person)."""
    with transaction.atomic():
        profile = BookletProfile.objects.select_for_update().filter(pk=profile.pk).first()
        if profile is None:
            return
        photo = profile.photo.name or None
        storage = profile.photo.storage
        log_activity(action="booklet.profile_erased", target=profile, actor=actor)
        profile.delete()
        content_version.bump()
        if photo:
            transaction.on_commit(lambda: storage.delete(photo))


def save_settings(*, edition, introduction: str, published: bool, actor):
    """The edition's booklet settings (made the first time)."""
    from .models import BookletSettings

    with transaction.atomic():
        row, _ = BookletSettings.objects.select_for_update().get_or_create(edition=edition)
        row.introduction, row.published = introduction, published
        row.save()
        log_activity(action="booklet.settings_saved", target=row, actor=actor, published=published)
        content_version.bump()
    return row


def forget_staff_member(*, user) -> int:
    """An erased staff member: the locks they set and consents they recorded name nobody (returns how many)."""
    with transaction.atomic():
        locks = BookletProfile.objects.filter(locked_by=user).update(locked_by=None)
        recorded = BookletConsent.objects.filter(given_by=user, by_staff=True).update(given_by=None)
    return locks + recorded

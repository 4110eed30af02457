"""The kept booklet PDF of an edition, per audience ("public", "participants"): made in the background
(``tasks.make_booklet``) and kept until something in it changes.

A kept booklet is two private files under ``MEDIA_ROOT/private/booklet/``: the PDF and a JSON note with the
**fingerprint** it was made from. The fingerprint is a hash of everything the PDF shows: the template and the
code that fills it, the programme and edition (names, dates), the modules and their providers, the booklet
settings (the introduction), and for every included profile its id, ``updated_at``, consent level and photo
hash (``updated_at`` changes on every save and every consent, so a withdrawn consent changes it at once).
The kept PDF is served only while its fingerprint is the current one; otherwise the visitor sees "being
prepared" and one task is queued (a note of the request keeps a busy page from queuing one per visit).

No table: the files are the state, written whole and renamed into place, so a reader never sees half a PDF and
two workers making the same booklet at once only write it twice. MEDIA_ROOT/private is shared by every app
machine (docs/deployment.md), so every instance sees the same kept file.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from campus.core.activity import log_activity
from campus.programme.models import Module

from . import pdf, selectors
from .models import BookletSettings

AUDIENCES = ("public", "participants")
REQUEST_FRESH_S = 600  # a queued build younger than this is not queued again for the same fingerprint
_CODE = Path(__file__).resolve().parent


def _code_version() -> str:
    digest = hashlib.sha256()
    for path in (pdf.TEMPLATE, pdf.PRELUDE, _CODE / "pdf.py"):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()


@dataclass(frozen=True)
class Kept:
    path: Path
    fingerprint: str
    made_at: str
    people: int
    current: bool


def folder() -> Path:
    return Path(settings.MEDIA_ROOT) / "private" / "booklet"


def _paths(edition_id: int, audience: str) -> tuple[Path, Path, Path]:
    if audience not in AUDIENCES:
        raise ValueError(f"Unknown booklet audience {audience!r}")
    base = folder() / f"edition-{int(edition_id)}-{audience}"
    return base.with_suffix(".pdf"), base.with_suffix(".json"), base.with_suffix(".requested")


def fingerprint(edition, audience: str, profiles: list | None = None) -> str:
    """The hash of everything the booklet of ``edition`` for ``audience`` shows (three queries, or two when
    ``profiles`` are given)."""
    if profiles is None:
        profiles = list(selectors.published_profiles(edition, audience))
    modules = list(Module.objects.filter(edition=edition).order_by("number").values_list(
        "pk", "updated_at", "provider__name"))
    booklet_settings = BookletSettings.objects.filter(edition=edition).values_list("updated_at", flat=True).first()
    programme = edition.programme
    state = {
        "code": CODE_VERSION, "audience": audience,
        "edition": [edition.pk, edition.updated_at, edition.name, edition.slug],
        "programme": [programme.pk, programme.updated_at, programme.name, programme.contact_email],
        "modules": modules, "settings": booklet_settings,
        "profiles": [[p.pk, p.updated_at, p.consent_level, p.photo_sha256] for p in profiles],
    }
    return hashlib.sha256(json.dumps(state, cls=DjangoJSONEncoder).encode()).hexdigest()


def _read_note(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def kept(edition, audience: str, *, current: str | None = None) -> Kept | None:
    """The kept PDF of ``edition`` for ``audience`` (``current``: whether it matches the current fingerprint),
    or None if none was made."""
    pdf_path, note_path, _ = _paths(edition.pk, audience)
    note = _read_note(note_path)
    if note is None or not pdf_path.is_file():
        return None
    current = fingerprint(edition, audience) if current is None else current
    return Kept(path=pdf_path, fingerprint=note.get("fingerprint", ""), made_at=note.get("made_at", ""),
                people=note.get("people", 0),
                current=note.get("fingerprint") == current)


def current_file(edition, audience: str) -> Path | None:
    """The PDF to serve: the kept one if it shows exactly what would be printed now, else None. An outdated
    one is removed on sight (it may show someone who has since withdrawn)."""
    found = kept(edition, audience)
    if found is None:
        return None
    if not found.current:
        _discard(edition.pk, audience)
        return None
    return found.path


def _discard(edition_id: int, audience: str) -> None:
    pdf_path, note_path, _ = _paths(edition_id, audience)
    pdf_path.unlink(missing_ok=True)
    note_path.unlink(missing_ok=True)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o750)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}")
    temporary.write_bytes(data)
    os.chmod(temporary, 0o640)
    os.replace(temporary, path)


def being_made(edition, audience: str) -> bool:
    """Whether a build of the current booklet was asked for recently (a task is queued or running)."""
    _, _, request_path = _paths(edition.pk, audience)
    note = _read_note(request_path)
    return bool(note) and time.time() - note.get("at", 0) < REQUEST_FRESH_S


def request_build(edition, audience: str, *, force: bool = False, actor=None) -> bool:
    """Queue the making of the booklet unless the kept one is current or a build was queued recently
    (``force``: queue anyway, the staff's "make it again"). Returns whether a task was queued."""
    from . import tasks

    if not force:
        if current_file(edition, audience) is not None or being_made(edition, audience):
            return False
    _, _, request_path = _paths(edition.pk, audience)
    _write_atomic(request_path, json.dumps({"at": time.time(), "force": force}).encode())
    if actor is not None:
        with transaction.atomic():
            log_activity(action="booklet.pdf_requested", target=edition, actor=actor, audience=audience, force=force)
    transaction.on_commit(lambda: tasks.make_booklet.enqueue(edition.pk, audience, force))
    return True


def make(edition, audience: str, *, force: bool = False) -> bool:
    """Make and keep the booklet if its fingerprint changed (or ``force``); returns whether it was made."""
    profiles = list(selectors.published_profiles(edition, audience))
    print_ = fingerprint(edition, audience, profiles)
    pdf_path, note_path, request_path = _paths(edition.pk, audience)
    note = _read_note(note_path)
    if not force and note is not None and note.get("fingerprint") == print_ and pdf_path.is_file():
        request_path.unlink(missing_ok=True)
        return False
    data = pdf.render(edition, audience, profiles)
    _write_atomic(pdf_path, data)
    _write_atomic(note_path, json.dumps({
        "fingerprint": print_, "made_at": timezone.now().isoformat(), "people": len(profiles),
        "bytes": len(data)}).encode())
    request_path.unlink(missing_ok=True)
    with transaction.atomic():
        log_activity(action="booklet.pdf_made", target=edition, actor=None, audience=audience, people=len(profiles))
    return True


def forget(edition_id: int) -> None:
    """Remove the kept booklets of an edition (its PDFs show people: an erased person must leave them)."""
    for audience in AUDIENCES:
        for path in _paths(edition_id, audience):
            path.unlink(missing_ok=True)


# --- outdated on change --------------------------------------------------------------------------------------
# A saved or deleted profile, a recorded consent or new settings make the edition's kept booklets outdated: they
# are removed once the change is committed, so no file at rest shows someone who has withdrawn or been erased.
# (A change of the edition or its modules is caught by the fingerprint when the booklet is next asked for.)
# Connected when plugin.py imports this module.

def _edition_id_of(instance) -> int | None:
    """The edition of what changed, if known without a query (else None: every kept booklet goes)."""
    from .models import BookletConsent, BookletProfile

    if isinstance(instance, BookletSettings):
        return instance.edition_id
    profile = instance
    if isinstance(instance, BookletConsent):
        profile = instance.profile if BookletConsent.profile.is_cached(instance) else None
    if profile is None:
        return None
    remembered = getattr(profile, "_booklet_edition_id", None)
    if remembered is not None:
        return remembered
    return profile.participant.edition_id if BookletProfile.participant.is_cached(profile) else None


def forget_all() -> None:
    for path in folder().glob("edition-*"):
        path.unlink(missing_ok=True)


def outdated(sender, instance, **kwargs) -> None:
    edition_id = _edition_id_of(instance)
    transaction.on_commit(lambda: forget_all() if edition_id is None else forget(edition_id))


def _remember_edition(sender, instance, **kwargs) -> None:
    """Before a profile is deleted (with its participant, say), note its edition if it is at hand."""
    from .models import BookletProfile

    if BookletProfile.participant.is_cached(instance):
        instance._booklet_edition_id = instance.participant.edition_id


def connect() -> None:
    from django.db.models.signals import post_delete, post_save, pre_delete

    from .models import BookletConsent, BookletProfile

    for model in (BookletProfile, BookletConsent, BookletSettings):
        post_save.connect(outdated, sender=model, dispatch_uid=f"booklet-pdf-outdated-save-{model.__name__}")
    post_delete.connect(outdated, sender=BookletProfile, dispatch_uid="booklet-pdf-outdated-delete")
    pre_delete.connect(_remember_edition, sender=BookletProfile, dispatch_uid="booklet-pdf-remember-edition")


connect()

"""Reads about the cohort that other apps share: who is a participant, of which edition."""

from .models import Participant

# The session notes that its person is a participant (set at sign-in and by the area's pages), so that the
# account menu on every page offers the area without a query.
SESSION_FLAG = "campus_participant"


def note_in_session(request, user) -> None:
    """Receiver of ``user_logged_in`` (and called by the area's pages): note whether ``user`` is a participant."""
    if is_participant(user):
        request.session[SESSION_FLAG] = True
    else:
        request.session.pop(SESSION_FLAG, None)


def current_participation(user):
    """The ``Participant`` row through which ``user`` enters the participant area: their place in the current
    edition if they hold one, else in the newest edition they took part in; None for anyone else (one query,
    cached on the user object for the request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if "_campus_participation" not in user.__dict__:
        rows = (Participant.objects.filter(user=user).select_related("edition__programme")
                .order_by("-edition__is_current", "-edition__application_deadline", "-pk"))
        participation = rows.first()
        if participation is not None:
            participation.user = user  # the same person: no second read of the account
        user.__dict__["_campus_participation"] = participation
    return user.__dict__["_campus_participation"]


def is_participant(user, edition=None) -> bool:
    """True when ``user`` is a participant (of ``edition``, when given)."""
    participation = current_participation(user)
    if participation is None:
        return False
    if edition is None:
        return True
    edition_id = edition if isinstance(edition, int) else edition.pk
    return participation.edition_id == edition_id or Participant.objects.filter(
        user=user, edition_id=edition_id).exists()


def participants_of(edition):
    """The cohort of ``edition``, with their accounts, ordered by name."""
    return (Participant.objects.filter(edition=edition).select_related("user", "application")
            .order_by("user__family_name", "user__given_name", "user__email"))

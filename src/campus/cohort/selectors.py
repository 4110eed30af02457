"""Reads about the cohort that other apps share: who is a participant, of which edition."""

from django.db.models import Count

from campus.core.plugins import directory
from campus.core.plugins import participant as area
from campus.programme.models import Module
from campus.team.models import Role, TeamMembership

from .models import Onboarding, Participant

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
    cached on the user object for the request, with the values the apps registered with
    ``core.plugins.participant.register_annotation``)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if "_campus_participation" not in user.__dict__:
        rows = (Participant.objects.filter(user=user).select_related("edition__programme")
                .annotate(**area.annotations())  # what the area's sections ask (core.plugins.participant)
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


# --- meetups: the home's next meetup, the schedule's and feed's items ------------------------------------------


def meetups_of_edition(edition_id):
    from campus.programme.models import Meetup

    return (Meetup.objects.filter(module__edition_id=edition_id).select_related("module")
            .order_by("starts_at", "id"))


def next_meetup(participant):
    """The meetup that is on now or comes next for ``participant``'s edition (None: none left)."""
    from django.utils import timezone

    return meetups_of_edition(participant.edition_id).filter(ends_at__gte=timezone.now()).first()


def onboarding_text(participant) -> str:
    from .models import Onboarding

    return Onboarding.objects.filter(edition_id=participant.edition_id).values_list("text", flat=True).first() or ""


def first_module_start(participant):
    from campus.programme.models import Module

    return (Module.objects.filter(edition_id=participant.edition_id).order_by("starts_on")
            .values_list("starts_on", flat=True).first())


def participant_by_feed_token(token: str):
    if not token:
        return None
    return Participant.objects.filter(feed_token=token).select_related("edition__programme", "user").first()


# --- the cohort directory and the staff list: what the application says -----------------------------------------

DIRECTORY_KEYS = ("cluster_name", "cluster_country", "cluster_sector", "phone")


def application_facts(participants) -> dict[int, dict[str, str]]:
    """{participant id: {cluster_name, cluster_country, cluster_sector, phone: display text}} from each
    admitted application: its frozen copy when submitted, else its live answers (one query for these)."""
    from campus.applications.models import Answer
    from campus.applications.selectors import shows_snapshot

    facts: dict[int, dict[str, str]] = {}
    live = {}
    for participant in participants:
        application = participant.application
        facts[participant.pk] = {}
        if application is None:
            continue
        if shows_snapshot(application):
            for item in application.snapshot.get("answers", []):
                if item.get("key") in DIRECTORY_KEYS:
                    facts[participant.pk][item["key"]] = str(item.get("display") or "")
        else:
            live[application.pk] = participant.pk
    if live:
        rows = (Answer.objects.filter(application_id__in=live, question__key__in=DIRECTORY_KEYS)
                .values_list("application_id", "question__key", "value"))
        for application_id, key, value in rows:
            text = value if isinstance(value, str) else ("" if value is None else str(value))
            if key == "cluster_country" and text:
                from django_countries import countries

                text = countries.name(text) or text
            facts[live[application_id]][key] = text
    return facts


def directory_of(participant) -> list[dict]:
    """Fellow participants of ``participant``'s edition (themselves included, marked), each with organisation,
    cluster, country and sector; e-mail and phone only of those who allowed it; and what the apps above add
    (core.plugins.directory). Two queries however many, plus the providers' own (fixed) ones."""
    rows = list(participants_of(participant.edition_id))
    facts = application_facts(rows)
    entries = []
    for row in rows:
        application = row.application
        found = facts.get(row.pk, {})
        shown = row.show_contact
        entries.append({
            "participant": row,
            # never the address as a name (get_full_name falls back to it)
            "name": row.user.full_name or (application.full_name if application else "") or "A participant",
            "organisation": application.organisation if application else "",
            "cluster": found.get("cluster_name", ""),
            "country": found.get("cluster_country", "") or _country_name(application.country if application else ""),
            "sector": found.get("cluster_sector", ""),
            "email": row.user.email if shown else "",
            "phone": found.get("phone", "") if shown else "",
            "is_me": row.pk == participant.pk,
        })
    # apps above add their details (e.g. the booklet profile the person shares with fellow participants)
    extra = directory.details_for(participant, rows)
    return [directory.apply(entry, extra.get(entry["participant"].pk, [])) for entry in entries]


def _country_name(code: str) -> str:
    if not code:
        return ""
    from django_countries import countries

    return countries.name(code) or code


def staff_rows(edition) -> list[dict]:
    """The participants of ``edition`` as staff read them (every contact detail): two queries however many."""
    rows = list(participants_of(edition))
    facts = application_facts(rows)
    result = []
    for row in rows:
        application = row.application
        found = facts.get(row.pk, {})
        result.append({
            "participant": row,
            "name": row.user.get_full_name() or (application.full_name if application else ""),
            "email": row.user.email,
            "phone": found.get("phone", ""),
            "organisation": application.organisation if application else "",
            "cluster": found.get("cluster_name", ""),
            "country": found.get("cluster_country", "") or _country_name(application.country if application else ""),
            "sector": found.get("cluster_sector", ""),
            "reference": application.reference if application else "",
            "since": row.created_at,
            "show_contact": row.show_contact,
        })
    return result


def participant_counts(edition_ids) -> dict[int, int]:
    """How many participants each of ``edition_ids`` has (one query; editions without any are left out)."""
    return dict(Participant.objects.filter(edition_id__in=edition_ids).values("edition_id")
                .annotate(n=Count("id")).values_list("edition_id", "n"))


def participant_count(edition) -> int:
    return Participant.objects.filter(edition=edition).count()


def modules_of(edition):
    """The modules of ``edition`` in order (a query set: the module-lead form's choices)."""
    return Module.objects.filter(edition=edition).order_by("number")


def module_leads_of(edition):
    """The module-lead roles of ``edition`` with their person and module (one query)."""
    return (TeamMembership.objects.filter(edition=edition, role=Role.MODULE_LEAD)
            .select_related("user", "module").order_by("module__number", "user__full_name", "user__email"))


def onboarding_of(edition) -> Onboarding | None:
    return Onboarding.objects.filter(edition=edition).first()

"""The people and objects the security suite works on, built once per test module through the real services.

Roles (see matrix.py for what each may do):

=============  ===============================================================================
anonymous      no session
applicant      owns a submitted application with a CV and a letter, full of ``SECRET`` markers
other          another applicant with a draft application of their own (nothing secret)
participant    a plain signed-in user (the participant role does not exist yet)
lead           a module lead: staff without any permission (the role does not exist yet)
reviewer       staff with only the permission to view applications (no role of its own yet)
manager        staff in the "Programme team" group
superuser      a superuser
=============  ===============================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache

import typst
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

ROLES = ("anonymous", "applicant", "other", "participant", "lead", "reviewer", "manager", "superuser")
# Who may ever see the applicant's data: the applicant and staff with the role of reading applications.
SECRET_READERS = {"applicant", "reviewer", "manager", "superuser"}
SECRET = "Qx7SECRETMARKER"
PASSWORD = "harbour-lantern-kelp-42"  # a string that occurs nowhere on the site but in the applicant's data

APPLICANT_ANSWERS = {
    "first_name": "Aino", "last_name": f"Virtanen{SECRET}", "email": "aino.secret@example.fi",
    "phone": "+358 40 123 4567", "country_of_residence": "FI", "organisation": f"Org{SECRET}",
    "role": "Cluster manager", "languages": "Finnish, Swedish", "english_level": "fluent",
    "cluster_name": f"Cluster{SECRET}", "cluster_website": "https://energy.example.fi", "cluster_country": "FI",
    "cluster_sector": "Energy", "cluster_members": 140, "years_as_manager": 4, "project_management": "yes",
    "project_management_description": f"Led projects {SECRET}.", "motivation_letter": f"Letter {SECRET}",
    "can_join_all_modules": "yes", "meetups_might_miss": [],
}
OTHER_ANSWERS = {"first_name": "Jonas", "last_name": "Petraitis", "email": "jonas@example.lt",
                 "organisation": "Kaunas IT Cluster", "english_level": "fluent"}


@cache
def pdf(text: str) -> bytes:
    return typst.compile(f"= {text}\nExperience.".encode(), format="pdf")


@dataclass
class World:
    call: object
    application: object  # the applicant's, submitted
    cv: object  # its CV (Document)
    letter: object  # its uploaded letter (Document)
    other_application: object  # the other applicant's draft
    users: dict = field(default_factory=dict)  # role -> User (no entry for anonymous)
    values: dict = field(default_factory=dict)  # what URL templates in matrix.py may use

    def user(self, role):
        return self.users.get(role)


def _user(email, *, staff=False, superuser=False, full_name=""):
    User = get_user_model()
    # A real (usable) password, as people have: allauth's pages differ for accounts without one.
    user = User.objects.create_user(email=email, password=PASSWORD, is_staff=staff or superuser,
                                    is_superuser=superuser, full_name=full_name)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _upload(application, kind, name, content, actor):
    from campus.applications import services
    from campus.core.files import validate_document

    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return services.save_document(application=application, kind=kind, detected=validate_document(upload),
                                  content=upload, actor=actor)


def _admin_rows(application):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from campus.applications import tasks
    from campus.programme.models import ContactMessage, Programme

    TOTP.activate(_user("mfa.user@example.org", full_name="Max Mfa"), generate_totp_secret())
    tasks.send_receipt.enqueue(application.pk)  # a task row (services enqueue after the commit, never here)
    ContactMessage.objects.create(
        programme=Programme.objects.first(), name="Carla Contact", email="carla@example.org",
        topic=ContactMessage.Topic.values[0], message="A question about the programme.",
    )


def _erasure_request(applicant):
    """The applicant asked to be erased (pending): staff who handle privacy requests see it, nobody else."""
    try:
        from campus.privacy import services as privacy
    except ImportError:  # the privacy app is not there (yet)
        return None
    privacy.retention_policy(edition=applicant.applications.first().call.edition)  # a row for its admin pages
    return privacy.request_erasure(user=applicant, reason=f"Please erase me, {SECRET}.")


def build_world() -> World:
    from campus.applications import services
    from campus.applications.models import Application, Call
    from campus.programme.models import Edition, Module, Page
    from campus.programme.services import load_seed_edition

    load_seed_edition()
    edition = Edition.objects.get(is_current=True)
    call = Call.objects.get(edition=edition)
    call.opens_at = timezone.now() - timedelta(days=10)
    call.closes_at = timezone.now() + timedelta(days=20)
    call.save()

    users = {
        "applicant": _user("aino.secret@example.fi", full_name=f"Aino Virtanen{SECRET}"),
        "other": _user("jonas@example.lt", full_name="Jonas Petraitis"),
        "participant": _user("participant@example.org", full_name="Pia Participant"),
        "lead": _user("lead@example.org", staff=True, full_name="Lea Lead"),
        "reviewer": _user("reviewer@example.org", staff=True, full_name="Rui Reviewer"),
        "manager": _user("manager@example.org", staff=True, full_name="Mia Manager"),
        "superuser": _user("root@example.org", superuser=True, full_name="Sue Superuser"),
    }
    users["reviewer"].user_permissions.add(
        Permission.objects.get(content_type__app_label="applications", codename="view_application")
    )
    users["manager"].groups.add(Group.objects.get(name="Programme team"))

    applicant = users["applicant"]
    application = services.start_application(call=call, applicant=applicant)
    application = services.save_answers(application=application, step="availability", values=APPLICANT_ANSWERS,
                                        actor=applicant)
    cv = _upload(application, "cv", f"cv-{SECRET}.pdf", pdf(f"CV {SECRET}"), applicant)
    letter = _upload(application, "letter", f"letter-{SECRET}.pdf", pdf(f"Letter {SECRET}"), applicant)
    services.record_consent(application=application, version=call.privacy_version, actor=applicant)
    application = services.submit(application=application, actor=applicant)
    application = Application.objects.get(pk=application.pk)

    other = users["other"]
    other_application = services.start_application(call=call, applicant=other)
    services.save_answers(application=other_application, step="about", values=OTHER_ANSWERS, actor=other)

    # One row of every model the admin shows, so each admin page has an object to open.
    _admin_rows(application)

    erasure = _erasure_request(applicant)

    module = Module.objects.filter(edition=edition).order_by("number").first()
    page = Page.objects.filter(programme=edition.programme).order_by("slug").first()
    user_ct = ContentType.objects.get_for_model(get_user_model())
    values = {
        "application": application.pk,
        "other_application": other_application.pk,
        "document": cv.pk,
        "letter": letter.pk,
        "module": module.number,
        "edition": edition.slug,
        "page": page.slug,
        "applicant_user": applicant.pk,
        "user_ct": user_ct.pk,
        "call": call.pk,
        "erasure": erasure.pk if erasure is not None else 0,
    }
    # Team roles of the edition: the reviewer reviews (and interviews), the manager manages; lead has none.
    from campus.team.models import TeamMembership

    Role = TeamMembership.Role
    for role_name, roles in (("reviewer", (Role.REVIEWER, Role.INTERVIEWER)), ("manager", (Role.MANAGER,))):
        for role in roles:
            TeamMembership.objects.create(edition=edition, user=users[role_name], role=role)

    world = World(call=call, application=application, cv=cv, letter=letter, other_application=other_application,
                  users=users, values=values)
    _extend_for_extra_apps(world)
    return world


def _extend_for_extra_apps(world: World) -> None:
    """The apps of review and admission add the objects their URLs need (tests/security/world_<app>.py)."""
    from importlib import import_module

    from .matrix import EXTRA_APPS, app_modules

    for app in EXTRA_APPS:
        for name in app_modules("world", app):  # world_<app>.py, then world_<app>_<part>.py
            import_module(name).extend(world)

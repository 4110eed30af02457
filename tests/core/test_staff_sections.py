"""The staff bar and the staff home are built from the registered staff sections (core.plugins.staff): the
sections of the installed apps, for each kind of team member, and a section registered by a test, which shows
only to those its predicate lets in (everyone else gets 403 from its page)."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from campus.core.plugins import staff
from campus.programme.models import Edition, Programme
from campus.team.models import Role, TeamMembership

from .staff_section_urls import is_tester

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-staff-password-1"
ALL = ["Editions", "Applications", "Review", "Interviews", "Admissions", "Cohort", "Attendance", "Coursework", "Surveys",
       "Coaching", "Certificates", "Outbox", "News", "Forum", "Booklet", "Radars", "Signals", "Assessment boards", "Canvases", "Strategies", "Content and data", "Privacy requests"]


def _person(email, *roles, **extra):
    user = get_user_model().objects.create_user(email=email, password=PASSWORD, **extra)
    if roles:
        programme = Programme.objects.first() or Programme.objects.create(name="P", slug="p-staff")
        edition = Edition.objects.first() or Edition.objects.create(
            programme=programme, name="E", slug="e-staff", capacity=20, application_deadline=date(2030, 1, 1),
            acceptance_letter_on=date(2030, 2, 1), hours_per_week_min=2, hours_per_week_max=4)
        for role in roles:
            TeamMembership.objects.create(edition=edition, user=user, role=role)
    return user


def _home(client, user):
    client.force_login(user)
    response = client.get("/staff/")
    assert response.status_code == 200
    html = response.content.decode()
    bar = re.findall(r'<nav aria-label="Staff area">(.*?)</nav>', html, re.S)[0]
    home = html.split('class="staff-home"', 1)[1] if 'class="staff-home"' in html else ""
    return re.findall(r"<a [^>]*>([^<]+)</a>", bar), re.findall(r"<h[23]><a [^>]*>([^<]+)</a></h[23]>", home)


# "Content and data" (the Django admin) only to those who may open one of its models: a module lead, reviewer
# or manager without such a permission would find only "You don't have permission to view or edit anything."
@pytest.mark.parametrize("who, expected", [
    ("staff", []),
    ("reviewer", ["Review"]),
    ("interviewer", ["Interviews"]),
    ("module_lead", ["Attendance", "Coursework", "Surveys", "Radars", "Signals", "Assessment boards", "Canvases", "Strategies"]),
    ("manager", ["Editions", "Review", "Interviews", "Admissions", "Cohort", "Attendance", "Coursework", "Surveys", "Coaching",
                 "Certificates", "Outbox", "News", "Forum", "Booklet", "Radars", "Signals", "Assessment boards", "Canvases", "Strategies"]),
    ("viewer", ["Applications"]),
    ("privacy", ["Privacy requests"]),
    ("editor", ["Content and data"]),
    ("superuser", ALL),
])
def test_each_kind_of_staff_sees_its_sections_in_the_bar_and_on_the_home(client, who, expected):
    roles = [who] if who in Role.values else []
    user = _person(f"{who}@example.org", *roles, is_staff=True, is_superuser=who == "superuser")
    perms = {"viewer": ["view_application"], "privacy": ["handle_requests"], "editor": ["change_meetup"]}.get(who, [])
    user.user_permissions.add(*Permission.objects.filter(codename__in=perms))
    bar, home = _home(client, user)
    assert bar == expected and home == expected


def test_the_installed_sections_are_registered_in_order():
    assert [section.title for section in staff.sections()][:len(ALL)] == ALL


@pytest.fixture
def test_section(settings):
    settings.ROOT_URLCONF = "tests.core.staff_section_urls"
    section = staff.register(staff.StaffSection(
        title="Test section", url_name="staff_test:home", order=65, predicate=is_tester,
        description="Registered by a test: only testers see it.",
    ))
    yield section
    staff.unregister(section)


def test_a_registered_section_shows_only_to_those_its_predicate_lets_in(client, test_section):
    tester = _person("tina@tester.example.org", is_staff=True)
    bar, home = _home(client, tester)
    assert bar == home == ["Test section"]  # no content permission: no "Content and data"
    tester.user_permissions.add(Permission.objects.get(codename="change_meetup"))
    tester = get_user_model().objects.get(pk=tester.pk)  # the permissions are cached on the object
    bar, home = _home(client, tester)
    assert bar == home == ["Content and data", "Test section"]  # by ``order``: 60, then 65
    assert 'href="/staff/test-section/"' in client.get("/staff/").content.decode()
    assert "Registered by a test: only testers see it." in client.get("/staff/").content.decode()
    assert client.get("/staff/test-section/").status_code == 200

    for other in (_person("max@example.org", Role.MANAGER, is_staff=True),
                  _person("root@example.org", is_staff=True, is_superuser=True),
                  _person("aino@example.org")):
        client.force_login(other)
        assert client.get("/staff/test-section/").status_code == 403
        if other.is_staff:
            bar, home = _home(client, other)
            assert "Test section" not in bar and "Test section" not in home
    client.logout()
    assert client.get("/staff/test-section/")["Location"].startswith("/accounts/login/")


def test_unregistered_the_section_is_gone(client, test_section):
    staff.unregister(test_section)
    bar, home = _home(client, _person("tina@tester.example.org", is_staff=True))
    assert bar == home == []

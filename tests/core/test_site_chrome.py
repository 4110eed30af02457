"""The site's chrome (issue 11), as far as the HTML tells: the account menu in the header of every page for whoever
is signed in (and only for them: the public page cache never hands one person's menu to another), sign-out by
POST, the content editor's look and section names, the staff sign-in page, one spelling of "programme"."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from campus.core import cache as page_cache

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
MENU = re.compile(r'<details class="account-menu">.*?</details>', re.S)


def make_user(email, *, full_name="", staff=False, superuser=False):
    user = get_user_model().objects.create_user(email=email, password="a-long-enough-password-1", full_name=full_name)
    user.is_staff, user.is_superuser = staff or superuser, superuser
    user.save()
    return user


def menu_of(response) -> str:
    found = MENU.search(response.content.decode())
    return found.group(0) if found else ""


@pytest.fixture
def stored(monkeypatch):
    """What the page cache stores, whatever the backend."""
    values = []
    real = page_cache.cache

    class Recording:
        def get(self, key, default=None):
            return real.get(key, default)

        def set(self, key, value, timeout=None):
            values.append(value)
            real.set(key, value, timeout)

    monkeypatch.setattr(page_cache, "cache", Recording())
    return values


def test_an_applicant_sees_their_account_menu_on_every_kind_of_page(seeded, client):
    user = make_user("ada@example.org", full_name="Ada Lovelace")
    client.force_login(user)
    for path in ("/", "/modules/", "/apply/", "/my-data/", "/accounts/email/"):
        menu = menu_of(client.get(path))
        assert "Ada Lovelace" in menu, path
        assert "ada@example.org" in menu
        assert f'href="{reverse("apply:status")}"' in menu  # my application
        assert f'href="{reverse("privacy:home")}"' in menu  # my data
        assert f'href="{reverse("account_email")}"' in menu  # account settings
        assert f'href="{reverse("staff")}"' not in menu
        form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', menu, re.S)
        assert form and form.group(1) == reverse("account_logout"), "sign out is a POST form"
        assert 'name="csrfmiddlewaretoken"' in form.group(2)


def test_staff_see_the_staff_area_and_a_person_without_a_name_their_address(seeded, client):
    client.force_login(make_user("team@example.org", staff=True))
    menu = menu_of(client.get("/"))
    assert "team@example.org" in menu
    assert f'href="{reverse("staff")}"' in menu
    assert f'href="{reverse("apply:status")}"' not in menu


def test_visitors_get_no_account_menu(seeded, client):
    assert menu_of(client.get("/")) == ""
    assert 'class="menu-button"' in client.get("/").content.decode()


def test_sign_out_from_the_menu_signs_out(seeded, client):
    client.force_login(make_user("ada@example.org"))
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert menu_of(client.get("/")) == ""


def test_the_page_cache_never_hands_one_persons_menu_to_another(seeded, stored):
    visitor, ada, bob, later_visitor = Client(), Client(), Client(), Client()
    ada.force_login(make_user("ada@example.org", full_name="Ada Lovelace"))
    bob.force_login(make_user("bob@example.org", full_name="Bob Marley"))

    assert menu_of(visitor.get("/")) == ""  # fills the cache
    assert len(stored) == 1
    ada_page, bob_page = ada.get("/"), bob.get("/")
    assert "Ada Lovelace" in menu_of(ada_page) and "Bob" not in ada_page.content.decode()
    assert "Bob Marley" in menu_of(bob_page) and "Ada" not in bob_page.content.decode()
    assert ada_page["Cache-Control"] == "private, no-store"
    assert len(stored) == 1, "a signed-in person's page went into the shared cache"
    for content, _type, _headers in stored:
        assert b"account-menu" not in content and b"ada@example.org" not in content
    assert menu_of(later_visitor.get("/")) == ""


def test_the_content_editor_has_the_site_look_and_one_name_per_section(seeded, client):
    client.force_login(make_user("root@example.org", superuser=True))
    response = client.get(reverse("admin:index"))
    html = response.content.decode()
    assert "campus/admin.css" in html and "campus/favicon.svg" in html
    assert "admin/css/dark_mode.css" not in html  # one light theme, the site's
    names = [app["name"] for app in response.context["app_list"]]
    assert len(names) == len(set(names)), f"sections sharing a name: {names}"


def test_the_staff_sign_in_page_speaks_to_staff(seeded, client):
    staff_page = client.get(reverse("account_login"), {"next": "/staff/"}).content.decode()
    applicant_page = client.get(reverse("account_login"), {"next": "/apply/"}).content.decode()
    assert "<title>Staff sign-in" in staff_page
    assert "Fill in your application" not in staff_page and "Create an account" not in staff_page
    assert "Fill in your application" in applicant_page and "<title>Staff sign-in" not in applicant_page


def test_the_add_address_field_says_it_is_an_email_address(seeded, client):
    client.force_login(make_user("ada@example.org"))
    html = client.get(reverse("account_email")).content.decode()
    field = re.search(r'<input type="email"[^>]*>', html).group(0)
    assert 'autocomplete="email"' in field


def test_one_spelling_of_programme_in_templates_mails_seed_and_docs():
    """"Program" for the programme is the US spelling; "program" of a computer is fine in British English too,
    so what is checked is the capitalised word and the name of the education."""
    places = [*ROOT.glob("src/campus/**/templates/**/*.html"), *ROOT.glob("src/campus/templates/**/*.html"),
              *ROOT.glob("src/campus/*/mail.py"), *ROOT.glob("src/campus/*/seed/*.json"), *ROOT.glob("docs/*.md")]
    assert len(places) > 50
    found = []
    for path in places:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"\bProgram\b|\b[Pp]rogram(?:s)? (?:team|manager|content)|Management Program\b", line):
                if "spelling" not in line:  # the note in docs/content.md that tells the story
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "\n".join(found)


def test_the_footer_offers_staff_sign_in_and_leads_to_the_staff_sign_in_page(seeded, client):
    footer = client.get("/").content.decode().split('<footer', 1)[1]
    assert '<a href="/staff/">Staff sign-in</a>' in footer
    response = client.get("/staff/", follow=True)
    assert "<title>Staff sign-in" in response.content.decode()

"""Given and family name: asked at sign-up (allauth's ACCOUNT_SIGNUP_FORM_CLASS), edited on /accounts/name/."""

import pytest
from django.contrib.auth import get_user_model

from campus.accounts import services
from campus.core.models import ActivityLog

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_up_keeps_the_given_and_family_name(signup):
    response = signup("aino.virtanen@example.org", given_name="  Aino   Maria ", family_name="Virtanen")
    assert response.status_code == 302
    user = get_user_model().objects.get(email="aino.virtanen@example.org")
    assert (user.given_name, user.family_name, user.full_name) == ("Aino Maria", "Virtanen", "Aino Maria Virtanen")


def test_sign_up_without_a_given_name_says_so_at_the_field_and_keeps_what_was_typed(signup):
    response = signup("aino.virtanen@example.org", given_name=" ", family_name="Virtanen")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_given_name-error"' in html
    assert "Please type your given name: we use it to address you." in html
    assert 'value="Virtanen"' in html and 'value="aino.virtanen@example.org"' in html
    assert not get_user_model().objects.filter(email="aino.virtanen@example.org").exists()


def test_one_name_only_is_enough(signup):
    assert signup("sukarno@example.org", given_name="Sukarno", family_name="").status_code == 302
    assert get_user_model().objects.get(email="sukarno@example.org").full_name == "Sukarno"


def test_the_sign_up_page_asks_for_the_names(client):
    html = client.get("/accounts/signup/").content.decode()
    assert 'autocomplete="given-name"' in html and 'autocomplete="family-name"' in html


def test_the_name_page_shows_and_changes_the_own_name_only(client, django_user_model):
    aino = django_user_model.objects.create_user(email="aino@example.org", password=PASSWORD)
    services.set_names(user=aino, given_name="Aino", family_name="Virtanen")
    other = django_user_model.objects.create_user(email="olli@example.org", password=PASSWORD)
    services.set_names(user=other, given_name="Olli", family_name="Secretname")
    client.force_login(aino)
    html = client.get("/accounts/name/").content.decode()
    assert 'value="Aino"' in html and 'value="Virtanen"' in html
    assert "Secretname" not in html and "Olli" not in html

    response = client.post("/accounts/name/", {"given_name": "Aino", "family_name": "Virtanen-Laine"})
    assert response.status_code == 302
    aino.refresh_from_db()
    other.refresh_from_db()
    assert aino.full_name == "Aino Virtanen-Laine"
    assert other.full_name == "Olli Secretname"
    assert ActivityLog.objects.filter(action="accounts.names_changed", target_id=str(aino.pk)).exists()


def test_the_name_page_refuses_markup_and_keeps_the_input(client, django_user_model):
    aino = django_user_model.objects.create_user(email="aino@example.org", password=PASSWORD)
    client.force_login(aino)
    response = client.post("/accounts/name/", {"given_name": "<b>Aino</b>", "family_name": "Virtanen"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Write plain text" in html and 'value="Virtanen"' in html
    aino.refresh_from_db()
    assert aino.full_name == ""


def test_the_name_page_asks_visitors_to_sign_in(client):
    response = client.get("/accounts/name/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_account_menu_links_the_name_page(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="aino@example.org", password=PASSWORD))
    assert 'href="/accounts/name/"' in client.get("/accounts/email/").content.decode()


def test_an_empty_post_to_the_name_page_says_what_is_missing(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="aino@example.org", password=PASSWORD))
    response = client.post("/accounts/name/", {})
    assert response.status_code == 200
    assert "Please type your given name" in response.content.decode()

"""A refused step outlines every field in error in the site's error colour, whatever the input's type (text, e-mail,
number, url, file): a rule for `.field input[type=…]` used to win over `.field--error input`, so only textareas and
selects turned red."""
import pytest
from django.test import Client

ERROR_RED = "rgb(180, 35, 24)"  # --error in site.css

BAD = {
    "about": {"#id_first_name": "", "#id_email": "aino(at)example.fi", "#id_phone": "call me"},
    "cluster": {"#id_cluster_name": "", "#id_cluster_website": "not a web address", "#id_cluster_members": "-5",
                "#id_years_as_manager": "61"},
    "cv": {},
}


@pytest.fixture
def applicant_with_application(site, django_user_model):
    from datetime import timedelta

    from django.utils import timezone

    from campus.applications.models import Call

    call = Call.objects.get()
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=14)
    call.save()
    user = django_user_model.objects.create_user(email="aino@example.fi", password="a-long-password-1")
    client = Client()
    client.force_login(user)
    assert client.post("/apply/begin/").status_code == 302
    return user


def outlines(page) -> dict[str, tuple[str, str]]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.field--error input, .field--error textarea, .field--error select')]
        .filter(el => !['hidden', 'radio', 'checkbox'].includes(el.type))
        .map(el => [el.id, [el.type, getComputedStyle(el).borderTopColor]]))""")


def test_every_input_type_in_error_is_outlined_in_red(web, applicant_with_application):
    web.sign_in_as(applicant_with_application)
    seen_types = set()
    for step, bad in BAD.items():
        web.goto(f"/apply/step/{step}/")
        for selector, value in bad.items():
            web.page.fill(selector, value)
        with web.page.expect_navigation():
            web.page.get_by_role("button", name="Save and continue").click()
        fields = outlines(web.page)
        assert fields, f"{step}: no field in error"
        for field_id, (kind, colour) in fields.items():
            assert colour == ERROR_RED, f"{step}: #{field_id} ({kind}) is outlined in {colour}, not the error red"
            seen_types.add(kind)
    assert {"text", "email", "number", "url", "file"} <= seen_types, seen_types

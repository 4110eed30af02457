"""Who gets into the back office. Every endpoint is tried by people who must get nothing, with data that
could leak (a name, an email, an organisation): they get a redirect to the sign-in page or a 404, and
none of the data. Staff who may only read cannot act."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from campus.applications.models import Application
from campus.core.models import ActivityLog

from .staff_factories import (  # noqa: F401  (fixtures)
    SECRET_EMAIL, SECRET_NAME, SECRET_ORGANISATION, make_staff, manager, media, secret_application,
    viewer, viewer_client,
)

SECRETS = [SECRET_NAME[0], SECRET_NAME[1], SECRET_EMAIL, SECRET_ORGANISATION, "Zelda", "zelda"]
FUTURE = "2099-01-15T17:00"


def _endpoints(application):
    pk = application.pk
    return [
        ("get", "/staff/applications/", {}),
        ("get", f"/staff/applications/?call={application.call_id}&q=zelda", {}),
        ("get", f"/staff/applications/{pk}/", {}),
        ("get", "/staff/applications/export.csv", {}),
        ("get", "/staff/applications/export.xlsx", {}),
        ("post", f"/staff/applications/{pk}/eligibility/", {"override-status": "eligible", "override-reason": "Leak?"}),
        ("post", f"/staff/applications/{pk}/deadline/", {"extend-until": FUTURE}),
        ("post", f"/staff/applications/{pk}/more-information/", {"info-message": "Leak?", "info-until": FUTURE}),
    ]


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def _assert_nothing_changed(application):
    fresh = Application.objects.get(pk=application.pk)
    assert fresh.eligibility_override == ""
    assert fresh.deadline_extended_to is None
    assert fresh.state == "submitted"
    staff_actions = ActivityLog.objects.filter(
        action__in=["applications.eligibility_overridden", "applications.deadline_extended",
                    "applications.more_information_requested"]
    )
    assert not staff_actions.exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_sign_in_and_see_nothing(client, secret_application):
    for method, url, data in _endpoints(secret_application):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith(reverse("account_login") + "?next=/staff/applications/"), url
        body = _body(response)
        assert not any(secret in body for secret in SECRETS), url
    _assert_nothing_changed(secret_application)


def _people_without_the_role(applicant):
    staff_without_role = make_staff("plain.staff@example.org")  # may use the content editor, not applications
    not_staff = make_staff("not.staff@example.org", "view_application", "change_application", is_staff=False)
    inactive = make_staff("gone@example.org", "view_application", "change_application")
    inactive.is_active = False
    inactive.save()
    return {"applicant": applicant, "staff without the role": staff_without_role,
            "permissions but not staff": not_staff, "inactive staff": inactive}


@pytest.mark.django_db
def test_people_without_the_role_get_404_and_none_of_the_data(client, applicant, secret_application):
    for who, user in _people_without_the_role(applicant).items():
        client.force_login(user)
        for method, url, data in _endpoints(secret_application):
            response = getattr(client, method)(url, data)
            if who == "inactive staff":  # force_login of an inactive user: the session is not accepted
                assert response.status_code == 302, (who, url)
                assert response["Location"].startswith(reverse("account_login")), (who, url)
            else:
                assert response.status_code == 404, (who, method, url, response.status_code)
            body = _body(response)
            assert not any(secret in body for secret in SECRETS), (who, url)
        client.logout()
    _assert_nothing_changed(secret_application)


@pytest.mark.django_db
def test_the_applicant_cannot_reach_even_their_own_application_in_the_back_office(client, call, media):
    from .staff_factories import make_application

    own = make_application(call, email="own@example.org")
    client.force_login(own.applicant)
    for method, url, data in _endpoints(own):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (method, url)
        assert "own@example.org" not in _body(response)


@pytest.mark.django_db
def test_viewers_read_everything_but_cannot_act(viewer_client, secret_application):
    pk = secret_application.pk
    for url in ["/staff/applications/", f"/staff/applications/{pk}/", "/staff/applications/export.csv",
                "/staff/applications/export.xlsx"]:
        response = viewer_client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    detail = viewer_client.get(f"/staff/applications/{pk}/").content.decode()
    assert SECRET_EMAIL in detail
    assert "Record the eligibility" not in detail and "Extend the deadline" not in detail
    assert "need the permission to change applications" in detail
    for method, url, data in _endpoints(secret_application)[5:]:
        response = viewer_client.post(url, data)
        assert response.status_code == 403, url
        assert SECRET_EMAIL not in response.content.decode()
    _assert_nothing_changed(secret_application)
    assert not mail.outbox


@pytest.mark.django_db
def test_staff_with_the_role_download_documents_and_others_do_not(client, viewer, secret_application):
    document = secret_application.documents.get()
    url = f"/apply/documents/{document.pk}/"
    client.force_login(viewer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(make_staff("plain.staff@example.org"))
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_programme_team_group_has_the_role(manager):
    """The data migration gave the group (programme/0002) the view and change permissions."""
    from campus.applications.permissions import can_manage_applications, can_view_applications

    codenames = set(manager.groups.get().permissions.filter(content_type__app_label="applications")
                    .values_list("codename", flat=True))
    assert codenames == {"view_application", "change_application", "view_document"}
    assert can_view_applications(manager) and can_manage_applications(manager)


@pytest.mark.django_db
def test_the_staff_area_front_page_links_to_the_applications_for_those_with_the_role(client, manager):
    client.force_login(manager)
    page = client.get("/staff/").content.decode()
    assert 'href="/staff/applications/"' in page
    assert 'href="/staff/applications/"' in client.get("/staff/content/").content.decode()  # the admin's index
    plain = make_staff("plain.staff@example.org")
    client.force_login(plain)
    page = client.get("/staff/").content.decode()
    # no role and no model permission: neither the applications nor the content editor, where they could open
    # nothing ("Content and data" only to staff who may open one of its models: tests/core/test_staff_sections.py)
    assert 'href="/staff/applications/"' not in page and 'href="/staff/content/"' not in page
    plain.user_permissions.add(Permission.objects.get(codename="change_page"))
    page = client.get("/staff/").content.decode()
    assert 'href="/staff/applications/"' not in page and 'href="/staff/content/"' in page

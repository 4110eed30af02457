"""core.http.local_path: a form's ``next`` never leads off the site."""

import pytest
from django.test import RequestFactory

from campus.core.http import local_path


@pytest.mark.parametrize("value, expected", [
    ("/staff/review/phases/", "/staff/review/phases/"),
    ("https://evil.example/", "/fallback/"),
    ("//evil.example/x", "/fallback/"),
    ("/\\evil.example", "/fallback/"),
    ("javascript:alert(1)", "/fallback/"),
    ("", "/fallback/"),
])
def test_only_paths_of_this_site_are_followed(value, expected):
    assert local_path(RequestFactory().post("/"), value, "/fallback/") == expected


def test_a_prefix_narrows_it():
    request = RequestFactory().post("/")
    assert local_path(request, "/staff/outbox/", "/staff/review/", under="/staff/review/") == "/staff/review/"

"""``staff_page(predicate)``: the one guard of the staff pages (anonymous -> sign in; predicate false -> 404 or
403; a loader turns a URL id into the object the predicate and the view get; never cached)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from campus.core.access import staff_page

BOXES = {1: "box one", 2: "box two"}


class Person:
    is_authenticated = True

    def __init__(self, boxes):
        self.boxes = boxes


def may_open(user, box=None):
    return box in user.boxes if box else bool(user.boxes)


@staff_page(may_open, load={"box": BOXES.get})
def box_page(request, box):
    return HttpResponse(f"inside {box}")


@staff_page(may_open, denied=403)
def list_page(request):
    return HttpResponse("the list")


def _get(view, user, **kwargs):
    request = RequestFactory().get("/staff/boxes/")
    request.user = user
    return view(request, **kwargs)


def test_anonymous_is_sent_to_sign_in():
    response = _get(box_page, AnonymousUser(), box=1)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=/staff/boxes/")


def test_the_predicate_gets_the_loaded_object_and_so_does_the_view():
    response = _get(box_page, Person({"box one"}), box=1)
    assert response.content == b"inside box one"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    with pytest.raises(Http404):
        _get(box_page, Person({"box one"}), box=2)  # exists, not theirs: 404 like a missing one
    with pytest.raises(Http404):
        _get(box_page, Person({"box one"}), box=99)


def test_denied_403_where_asked():
    assert _get(list_page, Person({"box one"})).content == b"the list"
    with pytest.raises(PermissionDenied):
        _get(list_page, Person(set()))


def test_only_404_or_403():
    with pytest.raises(ValueError):
        staff_page(may_open, denied=401)

"""The project's URLs plus one staff page of a section registered only in a test (test_staff_sections.py)."""

from django.http import HttpResponse
from django.urls import include, path

from campus.core.access import staff_page


def is_tester(user) -> bool:
    return user.email.endswith("@tester.example.org")


@staff_page(is_tester, denied=403)
def page(request):
    return HttpResponse("The test section's page.")


urlpatterns = [
    path("staff/test-section/", include(([path("", page, name="home")], "staff_test"))),
    path("", include("campus.urls")),
]

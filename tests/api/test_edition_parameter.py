"""``?edition=`` with a value that cannot be a slug (a NUL, spaces, markup) is a 404 on both databases, never a
500: PostgreSQL refuses a NUL in a string, SQLite does not (schemathesis found it on PostgreSQL)."""

import pytest

pytestmark = pytest.mark.django_db

ODD = ["%00", "a%00b", "%20", "%3Cb%3E", "2020-2021%00",
       "%C2%AB%F3%88%BB%A3%21%C2%9Fx%C3%BA%00%C2%86%C3%BB%F0%BC%BF%8E%F0%AC%82%BBR%C3%9A%27"]  # schemathesis's


@pytest.mark.parametrize("value", ODD)
@pytest.mark.parametrize("path", ["/api/modules", "/api/modules/1", "/api/meetups", "/schedule.ics",
                                  "/modules/1/schedule.ics"])
def test_an_edition_that_cannot_be_a_slug_is_not_found(client, seeded, path, value):
    assert client.get(f"{path}?edition={value}").status_code == 404


def test_a_real_slug_still_answers(client, seeded):
    assert client.get("/api/modules/1?edition=2020-2021").status_code == 200
    assert client.get("/schedule.ics?edition=2020-2021").status_code == 200

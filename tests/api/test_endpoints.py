"""Every endpoint returns the seed edition's facts, and only what is public."""

from datetime import date, datetime, timedelta, timezone

import pytest

from campus.core.markdown import render_markdown
from campus.programme.models import FAQ, Edition, Meetup, Module, Programme

from .conftest import SLUG, items

pytestmark = pytest.mark.django_db

ZONES = {1: "Europe/Stockholm", 2: "Europe/Helsinki", 3: "Europe/Vilnius", 4: "Europe/Berlin"}


def test_the_index_names_the_schema_and_the_resources(get_json, seeded):
    index = get_json("/api/")
    assert index["openapi"] == "/api/openapi.json"
    assert index["resources"]["modules"] == "/api/editions/{slug}/modules"
    assert set(index["resources"]) == {
        "programme", "editions", "edition", "modules", "module", "meetups", "partners", "faq",
        "current_modules", "current_module", "current_meetups",
    }


def test_programme(get_json, seeded):
    programme = get_json("/api/programme")
    assert programme["slug"] == "bsr-cluster-manager-education"
    assert programme["name"] == "Baltic Sea Region Cluster Manager Education"
    assert programme["tagline"] == "Level up your cluster?"
    assert programme["intro"]["html"].startswith("<p>You need a cluster")
    assert programme["current_edition"] == {"slug": SLUG, "name": "2020–2021", "url": f"/api/editions/{SLUG}"}


def test_editions_list_and_detail(get_json, seeded):
    page = get_json("/api/editions")
    assert page["count"] == 1
    [summary] = items(page)
    assert summary == {
        "slug": SLUG, "name": "2020–2021", "is_current": True, "capacity": 20,
        "application_deadline": "2020-04-30", "acceptance_letter_on": "2020-05-29",
        "starts_on": "2020-09-01", "ends_on": "2021-11-05", "url": f"/api/editions/{SLUG}",
    }
    edition = get_json(summary["url"])
    assert {key: edition[key] for key in summary} == summary
    assert edition["price_eur"] == "0.00"
    assert edition["estimated_value_eur"] == "10000.00"
    assert (edition["hours_per_week_min"], edition["hours_per_week_max"]) == (5, 9)
    assert len(edition["requirements"]) == 4 and "Fluent in English" in edition["requirements"]
    assert edition["outcomes"][0] == "Build a cluster strategy" and len(edition["outcomes"]) == 6
    assert edition["how_to_apply"]["html"].startswith("<ul>")
    assert edition["modules_url"] == f"/api/editions/{SLUG}/modules"
    assert edition["meetups_url"] == f"/api/editions/{SLUG}/meetups"


def test_four_modules_with_kaunas_in_module_3(get_json, seeded):
    page = get_json(f"/api/editions/{SLUG}/modules")
    modules = items(page)
    assert page["count"] == 4
    assert [m["number"] for m in modules] == [1, 2, 3, 4]
    assert [m["city"] for m in modules] == ["Karlshamn", "Vaasa", "Kaunas", "Wildau"]
    assert [m["country"]["code"] for m in modules] == ["SE", "FI", "LT", "DE"]
    kaunas = modules[2]
    assert kaunas["title"] == "Digitalization in Business"
    assert kaunas["country"] == {"code": "LT", "name": "Lithuania"}
    assert (kaunas["starts_on"], kaunas["ends_on"], kaunas["days"]) == ("2021-03-15", "2021-05-21", 68)
    assert kaunas["timezone"] == "Europe/Vilnius"
    assert kaunas["provider"] == {
        "name": "Kaunas University of Technology", "city": "Kaunas",
        "country": {"code": "LT", "name": "Lithuania"}, "website": "",
    }
    assert kaunas["delivery_mode"] == "blended"
    assert kaunas["delivery_mode_label"].startswith("Blended")
    module = Module.objects.get(edition=seeded, number=3)
    assert kaunas["summary"] == {"markdown": module.summary, "html": str(render_markdown(module.summary))}
    assert kaunas["curriculum"]["html"].startswith("<h3>Opening meetup in Kaunas</h3>")
    assert kaunas["learning_outcomes"] == [
        "Knowledge set captures technological megatrends: Big data, Artificial intelligence",
        "Uncover the power of digital-driven innovation for business",
        "Make better data-driven business decisions",
    ]
    assert kaunas["break_after"] == "Summer holidays"
    assert get_json(f"/api/editions/{SLUG}/modules/3") == kaunas


def test_markdown_comes_as_source_and_as_cleaned_html(get_json, seeded):
    Module.objects.filter(edition=seeded, number=3).update(
        summary='**Data** <script>alert("x")</script> [me](javascript:alert(1)) <img src=x onerror=alert(1)>'
    )
    seeded.save()  # bumps the content version (an update() sends no signal)
    summary = get_json(f"/api/editions/{SLUG}/modules/3")["summary"]
    assert summary["markdown"].startswith("**Data** <script>")
    assert "<strong>Data</strong>" in summary["html"]
    for bad in ("<script", "onerror", "javascript:", "<img"):
        assert bad not in summary["html"]


def test_eight_meetups_in_their_own_zones(get_json, seeded):
    page = get_json(f"/api/editions/{SLUG}/meetups")
    meetups = items(page)
    assert page["count"] == 8 and len(meetups) == 8
    assert [m["module"] for m in meetups] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert [m["kind"] for m in meetups] == ["opening", "closing"] * 4
    starts = [m["starts_at"] for m in meetups]
    assert starts == sorted(starts)
    for meetup in meetups:
        assert meetup["timezone"] == ZONES[meetup["module"]]
        starts_at = datetime.fromisoformat(meetup["starts_at"])
        local_start = datetime.fromisoformat(meetup["local_start"])
        assert meetup["starts_at"].endswith("+00:00") and meetup["ends_at"].endswith("+00:00")
        assert starts_at.utcoffset() == timedelta(0)
        assert starts_at == local_start  # the same instant
        # The seed's rule: from 09:00 on the first day to 13:00 on the next, local time.
        assert meetup["local_start"][11:19] == "09:00:00" and meetup["local_end"][11:19] == "13:00:00"
        assert datetime.fromisoformat(meetup["ends_at"]) == datetime.fromisoformat(meetup["local_end"])
    opening, closing = meetups[4], meetups[5]  # Kaunas: winter time in March, summer time in May
    assert opening["module_title"] == "Digitalization in Business"
    assert (opening["starts_at"], opening["local_start"]) == ("2021-03-15T07:00:00+00:00", "2021-03-15T09:00:00+02:00")
    assert (closing["starts_at"], closing["local_start"]) == ("2021-05-20T06:00:00+00:00", "2021-05-20T09:00:00+03:00")
    assert closing["local_end"] == "2021-05-21T13:00:00+03:00"
    assert opening["place"] == "Kaunas, Lithuania" and opening["country"] == {"code": "LT", "name": "Lithuania"}


def test_four_partners(get_json, seeded):
    page = get_json("/api/partners")
    assert page["count"] == 4
    assert [p["name"] for p in items(page)] == [
        "Hyper Island", "University of Vaasa", "Kaunas University of Technology",
        "Technical University of Applied Sciences Wildau",
    ]
    assert items(page)[2]["country"] == {"code": "LT", "name": "Lithuania"}
    assert items(page)[0]["kind"] == "education"


def test_faq_lists_published_entries_only(get_json, seeded):
    page = get_json("/api/faq")
    published = list(FAQ.objects.filter(programme=seeded.programme, is_published=True).order_by("order", "id"))
    assert page["count"] == len(published) == 7
    assert [f["question"] for f in items(page)] == [f.question for f in published]
    FAQ.objects.create(programme=seeded.programme, question="Draft: secret question?", answer="Draft answer.",
                       is_published=False)
    FAQ.objects.filter(pk=published[0].pk).update(is_published=False)
    seeded.save()
    page = get_json("/api/faq")
    assert page["count"] == 6
    questions = [f["question"] for f in items(page)]
    assert published[0].question not in questions and "Draft: secret question?" not in questions


def test_an_edition_being_prepared_is_not_public(get_json, seeded, django_capture_on_commit_callbacks):
    """A draft edition (``published_at`` empty) is not on the site: nor in the API, under any address or parameter.
    Published editions are public, upcoming and past ones too."""
    from campus.programme import services

    programme = seeded.programme
    draft = Edition.objects.create(
        programme=programme, name="2030–2031 (draft)", slug="2030-2031", capacity=20, published_at=None,
        application_deadline=date(2030, 4, 30), acceptance_letter_on=date(2030, 5, 29),
        hours_per_week_min=5, hours_per_week_max=9,
    )
    Module.objects.create(edition=draft, number=1, title="Secret module", city="Riga", country="LV",
                          starts_on=date(2030, 9, 1), ends_on=date(2030, 10, 1), summary="Not yet.")
    older = Edition.objects.create(
        programme=programme, name="2018–2019", slug="2018-2019", capacity=12,
        application_deadline=date(2018, 4, 30), acceptance_letter_on=date(2018, 5, 29),
        hours_per_week_min=5, hours_per_week_max=9,
    )
    assert [e["slug"] for e in items(get_json("/api/editions"))] == [SLUG, older.slug]
    assert get_json(f"/api/editions/{older.slug}")["is_current"] is False
    for path in ("", "/modules", "/modules/1", "/meetups"):
        assert get_json(f"/api/editions/{draft.slug}{path}", status=404) == {"detail": "Not Found"}
    for path in ("/api/modules", "/api/modules/1", "/api/meetups"):
        assert get_json(f"{path}?edition={draft.slug}", status=404) == {"detail": "Not Found"}
    # Once staff publish it, it is public and (it is next, the seed has ended) current; the old ones stay as past.
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_edition(edition=draft)
    assert [e["slug"] for e in items(get_json("/api/editions"))] == [draft.slug, SLUG, older.slug]
    assert get_json("/api/programme")["current_edition"]["slug"] == draft.slug
    assert items(get_json(f"/api/editions/{draft.slug}/modules"))[0]["title"] == "Secret module"


def test_the_edition_parameter_defaults_to_the_current_edition(get_json, seeded, django_capture_on_commit_callbacks):
    """/api/modules, /api/modules/{number} and /api/meetups: the current edition, or the one ?edition= names (each
    answer cached under its own key)."""
    from campus.programme import services
    from tests.programme.test_current_edition import _copy

    later = _copy(seeded, "2027-2028", 6)
    Module.objects.filter(edition=later, number=2).update(title="Module two, six years on")
    later.save()  # .update() sends no signal: move the content version
    assert items(get_json("/api/modules"))[1]["title"] == items(get_json(f"/api/editions/{SLUG}/modules"))[1]["title"]
    assert get_json(f"/api/modules/2?edition={later.slug}")["title"] == "Module two, six years on"
    assert get_json(f"/api/modules/2?edition={SLUG}")["title"] != "Module two, six years on"
    assert get_json("/api/meetups")["count"] == 8
    assert get_json(f"/api/meetups?edition={later.slug}")["count"] == 0  # _copy copies no meetups
    assert get_json("/api/modules?edition=no-such-edition", status=404) == {"detail": "Not Found"}
    with django_capture_on_commit_callbacks(execute=True):  # the content version moves once the change is committed
        services.refresh_current_edition(programme=seeded.programme)  # the seed has ended: the later one runs now
    assert get_json("/api/modules/2")["title"] == "Module two, six years on"
    assert get_json("/api/programme")["current_edition"]["slug"] == later.slug


@pytest.mark.parametrize(
    "path",
    [
        "/api/editions/no-such-edition",
        "/api/editions/no-such-edition/modules",
        "/api/editions/no-such-edition/meetups",
        "/api/editions/no-such-edition/modules/3",
        f"/api/editions/{SLUG}/modules/99",
        f"/api/editions/{SLUG}/modules/0",
    ],
)
def test_unknown_slugs_and_numbers_are_404(get_json, seeded, path):
    assert get_json(path, status=404) == {"detail": "Not Found"}


def test_a_module_number_that_is_not_a_number_is_422(get_json, seeded):
    assert get_json(f"/api/editions/{SLUG}/modules/three", status=422)["detail"][0]["loc"] == ["path", "number"]


def test_without_a_programme_every_resource_is_404_not_500(get_json, unseeded):
    assert not Programme.objects.exists()
    for path in ("/api/programme", "/api/editions", "/api/partners", "/api/faq", f"/api/editions/{SLUG}/meetups"):
        assert get_json(path, status=404) == {"detail": "Not Found"}
    assert get_json("/api/")["openapi"] == "/api/openapi.json"


def test_a_programme_without_editions_has_no_current_edition(get_json, unseeded):
    Programme.objects.create(name="P", short_name="P", slug="p", tagline="t", headline="h", intro="i",
                             format_text="f", cta_title="c", cta_text="c", contact_email="team@example.org")
    assert get_json("/api/programme")["current_edition"] is None
    assert get_json("/api/editions") == {"count": 0, "limit": 50, "offset": 0, "items": []}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, seeded, method):
    for path in ("/api/faq", "/api/programme", f"/api/editions/{SLUG}"):
        response = getattr(client, method)(path)
        assert response.status_code == 405
        assert "GET" in response["Allow"]


def test_meetup_times_follow_a_change_in_the_meetup_zone(get_json, seeded):
    meetup = Meetup.objects.filter(module__edition=seeded, module__number=3).order_by("starts_at").first()
    meetup.starts_at = datetime(2021, 3, 15, 7, 0, tzinfo=timezone.utc)
    meetup.timezone = "Europe/Berlin"
    meetup.save()
    data = next(m for m in items(get_json(f"/api/editions/{SLUG}/meetups")) if m["id"] == meetup.pk)
    assert (data["timezone"], data["local_start"]) == ("Europe/Berlin", "2021-03-15T08:00:00+01:00")

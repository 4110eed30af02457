"""The archive of editions (docs/archive.md): /editions/ lists every published edition; each keeps its pages under
/editions/<slug>/ (home, modules, a module, schedule and the .ics feeds), a past one with a notice; the root URLs
follow the current edition; a draft is invisible everywhere (its name carries a secret marker here)."""

import re

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core.cache import caches

from campus.core import content_memo
from campus.core.plugins import jobs
from campus.forum.models import Event
from campus.programme import services
from campus.programme.admin import EditionAdmin
from campus.programme.models import Edition, Module
from tests.programme.test_current_edition import _copy

pytestmark = pytest.mark.django_db

SECRET = "Qx7DRAFTEDITION"
PILOT = "2020-2021"


@pytest.fixture
def two_editions(seeded, django_capture_on_commit_callbacks):
    """The pilot (ended) and a published edition six years on (running now, so current), module 2 renamed."""
    later = _copy(seeded, "2026-2027", 6)
    later.name = "2026–2027"
    later.save()
    Module.objects.filter(edition=later, number=2).update(title="Strategy, six years on")
    with django_capture_on_commit_callbacks(execute=True):
        services.refresh_current_edition(programme=seeded.programme)
    later.refresh_from_db()
    assert later.is_current
    return seeded, later


@pytest.fixture
def draft(seeded):
    edition = _copy(seeded, "next-draft", 12, published=False)
    edition.name = f"Draft {SECRET}"
    edition.save()
    Module.objects.filter(edition=edition, number=1).update(title=f"Module {SECRET}")
    return edition


def html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response.content.decode()


def hrefs(page: str) -> list[str]:
    main = page[page.index('<main'):page.index("</main>")]
    return re.findall(r'href="([^"]+)"', main)


def test_the_seed_alone_is_published_current_and_served_at_the_root(client, seeded):
    assert seeded.published_at is not None and seeded.is_current
    assert "Level up your cluster?" in html(client, "/")
    page = html(client, "/editions/")
    assert "The 2020–2021 edition" in page and "current" in page
    assert 'href="/editions/"' not in html(client, "/modules/")  # one edition: no archive link in the footer


def test_the_archive_lists_every_published_edition_with_dates_and_no_draft(client, two_editions, draft):
    pilot, later = two_editions
    page = html(client, "/editions/")
    assert page.index("The 2026–2027 edition") < page.index("The 2020–2021 edition")  # newest first
    assert "1 September 2020" in page and "past" in page and "current" in page
    assert SECRET not in page and draft.slug not in page
    assert 'href="/editions/"' in html(client, "/modules/")  # two published editions: the footer links the archive


def test_a_draft_is_404_everywhere_for_the_public(client, admin_client, draft):
    for path in (f"/editions/{draft.slug}/", f"/editions/{draft.slug}/modules/", f"/editions/{draft.slug}/modules/1/",
                 f"/editions/{draft.slug}/schedule/", f"/editions/{draft.slug}/schedule.ics",
                 f"/editions/{draft.slug}/modules/1/schedule.ics", f"/schedule.ics?edition={draft.slug}",
                 f"/modules/1/schedule.ics?edition={draft.slug}", f"/booklet/{draft.slug}/",
                 f"/api/editions/{draft.slug}", f"/api/modules?edition={draft.slug}"):
        assert client.get(path).status_code == 404, path
        assert admin_client.get(path).status_code == 404, path  # staff see drafts on staff pages only
    for path in ("/", "/modules/", "/schedule/", "/schedule.ics", "/editions/", "/api/editions", "/booklet/",
                 "/forum/"):
        response = client.get(path, follow=True)
        assert SECRET.encode() not in response.content, path


def test_the_forum_event_of_a_draft_edition_is_hidden(client, draft):
    event = Event.objects.filter(published=True).first()
    assert event is not None and client.get(event.get_absolute_url()).status_code == 200
    event.edition = draft
    event.title = f"Forum {SECRET}"
    event.save()
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(f"{event.get_absolute_url()}event.ics").status_code == 404
    assert SECRET not in html(client, "/forum/")


def test_the_root_follows_the_current_edition_and_old_links_keep_working(client, two_editions):
    pilot, later = two_editions
    assert "Strategy, six years on" in html(client, "/modules/2/")  # an old /modules/2/ link: today's module 2
    page = html(client, "/modules/2/")
    assert 'href="/editions/2026-2027/modules/2/">Module 2 of the 2026–2027 edition' in page
    assert "This is the" not in page  # the current edition carries no notice
    assert "Strategy, six years on" not in html(client, f"/editions/{PILOT}/modules/2/")
    assert client.get(f"/booklet/{PILOT}/").status_code == 200


@pytest.mark.parametrize("path", ["", "modules/", "modules/2/", "schedule/"])
def test_a_past_editions_pages_carry_the_notice_and_keep_their_links_inside_the_archive(client, two_editions, path):
    page = html(client, f"/editions/{PILOT}/{path}")
    assert "This is the 2020–2021 edition (past)." in page
    assert 'The current edition is <a href="/">2026–2027</a>' in page
    assert "2020–2021 edition" in page[page.index("<title>"):page.index("</title>")]
    links = hrefs(page)
    edition_pages = [h for h in links if re.match(r"^/(modules|schedule)", h)]
    assert not edition_pages, f"links out of the archive: {edition_pages}"
    if path in ("", "modules/", "schedule/"):
        assert f"/editions/{PILOT}/modules/2/" in links
    assert 'rel="canonical"' not in page


def test_the_current_editions_archive_page_points_to_the_root_page(client, two_editions):
    page = html(client, "/editions/2026-2027/modules/2/")
    assert '<link rel="canonical" href="http://testserver/modules/2/">' in page
    assert "the current one" in page and "Strategy, six years on" in page


def test_an_upcoming_edition_is_marked_upcoming_and_offers_no_application(client, seeded):
    _copy(seeded, "2032-2033", 12)
    page = html(client, "/editions/2032-2033/")
    assert "This is the 2032-2033 edition (upcoming)." in page and "Apply now" not in page
    assert "upcoming" in html(client, "/editions/")


def test_the_calendar_feeds_take_the_edition(client, two_editions):
    later_feed = html(client, "/schedule.ics")
    pilot_feed = html(client, f"/schedule.ics?edition={PILOT}")
    assert pilot_feed == html(client, f"/editions/{PILOT}/schedule.ics")
    assert "Module 1 opening meetup" in pilot_feed and "Module 1 opening meetup" not in later_feed  # _copy: no meetups
    assert f"/editions/{PILOT}/modules/1/" in pilot_feed.replace("\r\n ", "")  # the event's lasting address
    assert client.get("/schedule.ics?edition=no-such-edition").status_code == 404


def test_the_page_cache_keys_on_the_edition(client, two_editions):
    assert "Strategy, six years on" in html(client, "/editions/2026-2027/modules/")
    assert "Strategy, six years on" not in html(client, f"/editions/{PILOT}/modules/")
    assert "Strategy, six years on" not in html(client, f"/editions/{PILOT}/modules/")  # cached, still its own


def test_the_periodic_job_hands_over_to_the_next_edition(seeded, django_capture_on_commit_callbacks):
    job = next(job for job in jobs.jobs() if job.name == "programme.refresh_current_edition")
    later = _copy(seeded, "2026-2027", 6)
    assert Edition.objects.get(is_current=True) == seeded
    with django_capture_on_commit_callbacks(execute=True):
        result = job.func()
    assert "2026-2027" in result and Edition.objects.get(is_current=True) == later


def test_the_admin_keeps_is_current_read_only_and_publishes_through_the_services(admin_client, seeded):
    model_admin = EditionAdmin(Edition, admin_site)
    assert {"is_current", "published_at"} <= set(model_admin.readonly_fields)
    draft = _copy(seeded, "2026-2027", 6, published=False)
    response = admin_client.post("/staff/content/programme/edition/",
                                 {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.published_at is not None and draft.is_current
    admin_client.post("/staff/content/programme/edition/", {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.published_at is None and Edition.objects.get(is_current=True) == seeded


# path -> queries of an uncached anonymous request, before the process keeps any content (as test_query_counts.py)
PINNED = {
    "/editions/": 6,
    f"/editions/{PILOT}/": 13,  # as / (11): + the edition, its booklet and forum links, - the call (not current)
    f"/editions/{PILOT}/modules/": 11,  # as /modules/ (8): + the edition, its booklet and forum links
    f"/editions/{PILOT}/modules/3/": 11,
    f"/editions/{PILOT}/schedule/": 11,
    f"/editions/{PILOT}/schedule.ics": 4,
}


@pytest.mark.parametrize("path", list(PINNED))
def test_query_counts_of_the_archive_are_pinned_and_flat(client, two_editions, path):
    from tests.programme.test_query_counts import add_more_content, count_queries

    assert count_queries(client, path) == PINNED[path]
    pilot, later = two_editions
    add_more_content(pilot)
    _copy(pilot, "2032-2033", 12)
    assert count_queries(client, path) == PINNED[path]
    for cache in caches.all():
        cache.clear()
    content_memo.clear()

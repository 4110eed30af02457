import pytest
from django.urls import reverse

from campus.programme.models import FAQ, Module

PAGES = {
    "/": [
        "Level up your cluster?",
        "Join the new Cluster Management Education!",
        "Build a cluster strategy",
        "Expand your network",
        "Improve collaboration and leadership skills",
        "Learn new digital solutions",
        "Use and apply concrete working tools",
        "Try innovation scouting tools",
        "The Juicy Details",
        "physical meeting combined with online learning",
        "modules might be completely remote",
        "4 modules. 4 countries. 4 ways to develop your cluster.",
        "30 April 2020",
        "29 May 2020",
        "1 September 2020",
        "Free",
        "10\u202f000\u00a0€",
        "accommodation, travel and food",
        "Karlshamn, Sweden",
        "Vaasa, Finland",
        "Kaunas, Lithuania",
        "Wildau, Germany",
    ],
    "/modules/": [
        "Collaboration &amp; Leadership",
        "Strategic Management &amp; International Business Environment",
        "Digitalization in Business",
        "Scouting for Innovation",
        "Hyper Island",
        "University of Vaasa",
        "Kaunas University of Technology",
        "Technical University of Applied Sciences Wildau",
    ],
    "/modules/1/": ["Karlshamn, Sweden", "1 September – 6 November 2020", "Hyper Island", "design thinking",
                    "Europe/Stockholm", "Tue 1 Sep 2020, 09:00 – Wed 2 Sep, 13:00 CEST"],
    "/modules/2/": ["Vaasa, Finland", "30 November 2020 – 19 February 2021", "University of Vaasa",
                    "Europe/Helsinki", "Mon 30 Nov 2020, 09:00 – Tue 1 Dec, 13:00 EET"],
    "/modules/3/": ["Kaunas, Lithuania", "15 March – 21 May 2021", "Kaunas University of Technology",
                    "Big data, Artificial intelligence", "Europe/Vilnius", "Curriculum"],
    "/modules/4/": ["Wildau, Germany", "30 August – 5 November 2021", "technology radars, signal scanning",
                    "Europe/Berlin"],
    "/schedule/": ["3 weeks break", "Including winter holidays", "Summer holidays", "/schedule.ics",
                   "/modules/3/schedule.ics", "Opening meetup", "Closing meetup"],
    "/admission/": ["We will admit <strong>20 cluster managers</strong>", "Preferably participants should be able to join all four modules",
                    "Fluent in English", "Minimum 2 years of experience as a cluster manager", "Experienced in project management",
                    "Resident in the EU", "Send in your CV, a short motivational letter", "might have an interview",
                    "30 April 2020", "29 May 2020"],
    "/convince-your-boss/": ["Need to convince your boss?", "Find Solutions to Challenges", "Inspire the Team",
                             "New Project Partners &amp; Coaching", "Knowledge &amp; Internationalization", "5–9"],
    "/about/": ["Who&#x27;s behind this programme?", "Hyper Island", "University of Vaasa", "over 230 active registered clusters",
                "Erasmus+"],
    "/privacy/": ["Privacy notice", "never share your details", "Version 1.0"],
    "/participant-booklet/": ["22 Cluster Managers from eight Baltic Sea Countries"],
    "/forum/forum-2022/": ["Cluster Education Forum 2022", "Vaasa, Finland", "20–21 June 2022"],  # the seed page gives way to it
    "/contact/": ["Your name", "I&#x27;m interested in signing up for a training", "Organisation or cluster"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("path", list(PAGES))
def test_public_page_shows_the_seed_facts(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    missing = [fact for fact in PAGES[path] if fact not in html]
    assert not missing, f"{path} lacks {missing}"


@pytest.mark.django_db
def test_key_figures_are_computed_from_the_data(client, seeded):
    html = client.get("/").content.decode()
    assert "<dd>40</dd>" in html  # 285 days of modules = 40 whole weeks
    assert '<div class="figure"><dt>meetups per module</dt><dd>2</dd>' in html
    module = Module.objects.get(number=4)
    module.ends_on = module.ends_on.replace(month=12, day=31)  # 8 weeks longer
    module.save()
    assert "<dd>48</dd>" in client.get("/").content.decode()


@pytest.mark.django_db
def test_unknown_module_and_page_are_404(client, seeded):
    assert client.get("/modules/9/").status_code == 404
    assert client.get("/modules/9/schedule.ics").status_code == 404
    assert client.get("/no-such-page/").status_code == 404


@pytest.mark.django_db
def test_empty_site_says_how_to_seed_instead_of_crashing(unseeded, client):
    response = client.get("/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_staff_text_is_escaped_and_markdown_is_sanitised(client, seeded):
    module = Module.objects.get(number=3)
    module.title = "<script>alert('t')</script>Digital"
    module.summary = "**Bold** <script>alert('s')</script> <img src=x onerror=alert(1)> [x](javascript:alert(2))"
    module.save()
    html = client.get("/modules/3/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;Digital" in html
    assert "<strong>Bold</strong>" in html
    assert "<img" not in html and 'href="javascript:' not in html


@pytest.mark.django_db
def test_changing_a_module_date_changes_every_page_and_feed(client, seeded):
    for path in ("/", "/modules/", "/modules/3/", "/schedule/", "/schedule.ics"):
        client.get(path)  # fill the page cache first
    module = Module.objects.get(number=3)
    module.starts_on = module.starts_on.replace(day=22)
    module.save()
    for path in ("/", "/modules/", "/modules/3/", "/schedule/", "/convince-your-boss/"):
        assert "22 March – 21 May 2021" in client.get(path).content.decode(), path


@pytest.mark.django_db
def test_unpublished_faq_is_hidden(client, seeded):
    faq = FAQ.objects.get(question="Will there be an interview?")
    faq.is_published = False
    faq.save()
    assert "Will there be an interview?" not in client.get(reverse("programme:admission")).content.decode()


@pytest.mark.django_db
def test_closed_call_says_so_and_shows_the_dates(client, seeded):
    html = client.get("/").content.decode()
    assert "closed on 30 April 2020" in html


@pytest.mark.django_db
def test_open_call_says_until_when(client, seeded, settings):
    from datetime import timedelta

    from django.utils import timezone

    from campus.applications.models import Call

    call = Call.objects.get(edition=seeded)
    call.opens_at, call.closes_at = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=30)
    call.save()
    html = client.get("/admission/").content.decode()
    assert "Applications are open until" in html

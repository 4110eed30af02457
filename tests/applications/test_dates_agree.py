"""Dates that agree: `open_call` moves the decision date, the release moment and the education with the deadline
(whole weeks, a round local deadline), or refuses naming the dates to fix; staff editing the call or the edition get
a message next to the field when the deadline would come after the decisions, or the decisions after the start."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from campus.admissions import services as admissions
from campus.applications.models import Call
from campus.programme.models import Meetup, Module

from .test_call_admin import staff_client  # noqa: F401 (fixture)


@pytest.mark.django_db
def test_open_call_moves_the_dependent_dates_coherently(client, seeded, capsys):
    call = Call.objects.get(edition=seeded)
    release_before = admissions.settings_for(call).release_at  # 29 May 2020, 09:00 Stockholm
    starts_before = {m.number: m.starts_on for m in Module.objects.filter(edition=seeded)}
    meetup = Meetup.objects.filter(module__edition=seeded).order_by("starts_at").first()
    local_before = timezone.localtime(meetup.starts_at, meetup.zone)
    call_command("open_call", "--days", "30")
    call.refresh_from_db()
    seeded.refresh_from_db()
    closes = timezone.localtime(call.closes_at, call.zone)
    assert closes.time() == time(0, 0)  # a round local time: the end of the 30th day
    assert closes.date() == timezone.localtime(timezone.now(), call.zone).date() + timedelta(days=31)
    shift = seeded.acceptance_letter_on - date(2020, 5, 29)
    assert shift.days % 7 == 0 and seeded.application_deadline < seeded.acceptance_letter_on
    modules = list(Module.objects.filter(edition=seeded).order_by("starts_on"))
    assert all(m.starts_on == starts_before[m.number] + shift for m in modules)
    assert seeded.acceptance_letter_on < modules[0].starts_on
    meetup.refresh_from_db()
    local_after = timezone.localtime(meetup.starts_at, meetup.zone)
    assert local_after.date() == local_before.date() + shift and local_after.time() == local_before.time()
    release_after = timezone.localtime(admissions.settings_for(call).release_at, call.zone)
    assert release_after.date() == seeded.acceptance_letter_on and release_after.time() == time(9, 0)
    assert release_after.date() == timezone.localtime(release_before, call.zone).date() + shift
    page = client.get("/apply/").content.decode()
    assert "2020" not in page[page.index('<dl class="key-dates">'):page.index("</dl>")]
    assert "Moved the later dates by" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_receipt_promises_the_moved_decision_date(seeded):
    call_command("open_call", "--days", "10")
    seeded.refresh_from_db()
    call = Call.objects.get(edition=seeded)
    assert call.decisions_expected_on == seeded.acceptance_letter_on and seeded.acceptance_letter_on.year > 2020


@pytest.mark.django_db
def test_open_call_refuses_when_the_dates_cannot_agree(seeded):
    module = Module.objects.filter(edition=seeded).order_by("starts_on").first()
    module.starts_on = date(2020, 5, 20)  # the education would start before the decisions
    module.save()
    with pytest.raises(CommandError, match="Module 1 starts on .* send the letters earlier"):
        call_command("open_call", "--days", "10")
    assert Call.objects.get(edition=seeded).state() == "closed"  # nothing changed


@pytest.mark.django_db
def test_staff_cannot_close_the_call_after_the_decisions(staff_client, seeded):  # noqa: F811
    call = Call.objects.get(edition=seeded)
    data = {
        "edition": seeded.pk, "title": call.title, "local_start": "2020-03-01 00:00", "local_end": "2020-06-10 00:00",
        "timezone": "Europe/Stockholm", "reference_prefix": "BSR20", "motivation_word_limit": 400,
        "privacy_version": "1.0", "questions-TOTAL_FORMS": 0, "questions-INITIAL_FORMS": 0,
    }
    response = staff_client.post(f"/staff/content/applications/call/{call.pk}/change/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The application deadline (9 June 2020) must come before the decisions" in page
    assert 'value="2020-06-10 00:00"' in page  # what was typed is kept
    call.refresh_from_db()
    assert timezone.localtime(call.closes_at, call.zone) == datetime(2020, 5, 1, tzinfo=call.zone)


@pytest.mark.django_db
def test_staff_cannot_send_the_letters_after_the_education_starts(staff_client, seeded):  # noqa: F811
    url = f"/staff/content/programme/edition/{seeded.pk}/change/"
    page = staff_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"acceptance_letter_on": "2020-10-01", "is_current": "on"})
    for prefix in ("requirements", "outcomes", "modules"):
        formset = next(f for f in page.context["inline_admin_formsets"] if f.formset.prefix == prefix).formset
        data.update({k: v for k, v in formset.management_form.initial.items() and
                     {f"{prefix}-TOTAL_FORMS": formset.total_form_count(),
                      f"{prefix}-INITIAL_FORMS": formset.initial_form_count()}.items()})
        for sub in formset.forms:
            data.update({sub.add_prefix(n): sub[n].value() for n in sub.fields if sub[n].value() is not None})
    response = staff_client.post(url, {k: ("on" if v is True else v) for k, v in data.items() if v is not False})
    assert response.status_code == 200
    assert "The acceptance letters (1 October 2020) must go out before the education starts" in response.content.decode()
    seeded.refresh_from_db()
    assert seeded.acceptance_letter_on == date(2020, 5, 29)

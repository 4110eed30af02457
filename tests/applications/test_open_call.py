from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from campus.applications.models import Call


@pytest.mark.django_db
def test_open_call_opens_the_current_call_and_moves_the_deadline(client, seeded, capsys):
    call_command("open_call", "--days", "10")
    call = Call.objects.get(edition=seeded)
    assert call.state() == "open"
    assert 9 <= (call.closes_at - timezone.now()).days <= 10
    seeded.refresh_from_db()
    # closes at midnight (the call's zone) at the end of the deadline's day
    assert seeded.application_deadline == timezone.localtime(call.closes_at - timedelta(seconds=1), call.zone).date()
    assert "is open until" in capsys.readouterr().out
    assert "Applications are open." in client.get("/apply/").content.decode()

from types import SimpleNamespace

import pytest

from campus.core.plugins.privacy import Person
from campus.scanning import services
from campus.scanning.models import Comment, Signal, Vote
from campus.scanning.privacy_handler import ScanningHandler

pytestmark = pytest.mark.django_db


def _person(user):
    return Person(subject=SimpleNamespace(user=user))


def test_export_and_erase(signals, people):
    bob = people["bob"]
    services.comment(signal=signals["group"], actor=bob, text="bob's comment")
    services.toggle_vote(signal=signals["group"], actor=bob)
    services.create_signal(actor=bob, edition=signals["group"].edition, title="Bob's signal", why="bob why")
    handler = ScanningHandler()
    data, files = handler.export(_person(bob))
    assert files == []
    assert [s["title"] for s in data["signals"]["signals"]] == ["Bob's signal"]
    assert data["signals"]["comments"] == [{"signal": "Group heat pumps", "text": "bob's comment"}]
    assert data["signals"]["votes"] == 1
    part = handler.plan(_person(bob))
    assert part["signals"] == 1 and part["comments"] == 1 and part["votes"] == 1
    handler.erase(part, _person(bob))
    assert not Signal.objects.filter(owner=bob).exists()
    assert not Comment.objects.filter(author=bob).exists() and not Vote.objects.filter(voter=bob).exists()
    assert Signal.objects.filter(pk=signals["group"].pk).exists()

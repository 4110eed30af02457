"""The generic hook of the cohort directory (core.plugins.directory): a provider's details replace some of
cohort's facts and add fields, a picture and links; without providers the entry is cohort's alone."""

import pytest

from campus.core.plugins import directory
from tests.cohort.conftest import make_participant

pytestmark = pytest.mark.django_db


def test_apply_replaces_only_known_keys_and_ignores_empty_texts():
    entry = {"name": "Aino", "organisation": "Old Org", "cluster": "Old", "email": "a@example.org"}
    result = directory.apply(entry, [
        directory.Details(replaces={"organisation": "New Org", "cluster": "", "email": "evil@example.org"},
                          fields=(("Role", "Head"),), image_url="/img", link_url="/p/1/", link_label="Profile"),
    ])
    assert result["organisation"] == "New Org" and result["cluster"] == "Old"
    assert result["email"] == "a@example.org"  # not a replaceable key
    assert result["extra_fields"] == [("Role", "Head")] and result["image_url"] == "/img"
    assert result["links"] == [("/p/1/", "Profile")]
    assert directory.apply(entry, [])["extra_fields"] == []


def test_a_registered_provider_reaches_the_cohort_directory(client, seeded):
    viewer = make_participant(seeded, "viewer@example.org", given="Vera")
    seen = []

    def provider(who, participants):
        seen.append((who.pk, sorted(p.pk for p in participants)))
        return {viewer.pk: directory.Details(fields=(("Motto", "Plug-ins everywhere"),))}

    directory.register(provider)
    try:
        client.force_login(viewer.user)
        html = client.get("/me/cohort/").content.decode()
    finally:
        directory.unregister(provider)
    assert "Plug-ins everywhere" in html and seen and seen[0][0] == viewer.pk
    assert "Plug-ins everywhere" not in client.get("/me/cohort/").content.decode()

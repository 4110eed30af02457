"""The API exposes no booklet profile that is not public: with a "participants only" and a "nobody" profile in
the database (values that cannot occur by chance), no API response holds any of their values."""

import json

import pytest

from tests.api.conftest import ALL_PATHS

from .conftest import make_profile

pytestmark = pytest.mark.django_db

SECRETS = {"given": "Membrina", "family": "Onlyparticipantsky", "cluster_name": "MembersOnlyCluster-5512",
           "organisation": "Hushhush Org-7781", "why_applied": "Private reason WHY-4471",
           "contact_email": "membrina.only@booklet.example", "contact_phone": "+358 40 555 0101"}


def test_no_participants_only_or_hidden_profile_in_any_api_response(client, edition):
    make_profile(edition, SECRETS["contact_email"], level="participants", given=SECRETS["given"],
                 family=SECRETS["family"], cluster_name=SECRETS["cluster_name"],
                 organisation=SECRETS["organisation"], why_applied=SECRETS["why_applied"],
                 contact_email=SECRETS["contact_email"], contact_phone=SECRETS["contact_phone"])
    make_profile(edition, "nobody@booklet.example", level="nobody", given="Nobodina", family="Hiddenstein",
                 cluster_name="NobodyCluster-9001")
    secrets = [*SECRETS.values(), "Nobodina", "Hiddenstein", "NobodyCluster-9001"]
    for path in ALL_PATHS:
        response = client.get(path)
        assert response.status_code == 200, path
        readable = json.dumps(response.json(), ensure_ascii=False).lower()
        for secret in secrets:
            assert secret.lower() not in readable and secret not in response.content.decode(), (path, secret)

"""Subject access and erasure of a certificate holder (through campus.privacy, as a data protection officer
would): the export holds the certificate; erasure empties it and its address answers "not found"."""

import json
import zipfile
import io

import pytest

from campus.certificates.models import Certificate
from campus.privacy import erasure
from campus.privacy.selectors import subject_for_user
from campus.privacy import services as privacy

pytestmark = pytest.mark.django_db


def test_export_then_erasure(client, issued, pia, manager, django_capture_on_commit_callbacks):
    content = privacy.export_personal_data(subject=subject_for_user(pia.user), actor=manager, by="staff")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        data = json.loads(archive.read("data.json"))
    [exported] = data["certificates"]
    assert exported["name"] == "Pia Participant" and exported["credential"]["proof"]

    with django_capture_on_commit_callbacks(execute=True):
        erasure.erase_person(user=pia.user, actor=manager)
    certificate = Certificate.objects.get(pk=issued.pk)
    assert certificate.state == "erased" and certificate.holder_name == "" and certificate.credential == {}
    response = client.get(f"/certificates/{issued.code}/")
    assert response.status_code == 404 and "Pia" not in response.content.decode()
    assert client.get(f"/certificates/{issued.code}/?format=json").status_code == 404


def test_erasing_the_manager_keeps_the_certificate_by_nobody(issued, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        erasure.erase_person(user=manager, actor=None)
    issued.refresh_from_db()
    assert issued.state == "valid" and issued.issued_by is None

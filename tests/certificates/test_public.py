"""The public verification address: the page for people, the signed credential for machines, the issuer's key;
valid, revoked, not found; no session, cache-safe."""

import pytest

from campus.certificates import credential, proof, services

pytestmark = pytest.mark.django_db


def url(certificate):
    return f"/certificates/{certificate.code}/"


def test_the_page_of_a_valid_certificate_shows_only_name_programme_edition_and_date(client, issued, pia):
    response = client.get(url(issued))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Valid" in text and "Pia Participant" in text
    assert issued.programme_name in text and issued.edition_name in text
    assert issued.issued_on.strftime("%Y") in text
    assert pia.user.email not in text
    assert "public" in response["Cache-Control"] and "Accept" in response["Vary"]
    assert "Set-Cookie" not in response.headers and not response.cookies


@pytest.mark.parametrize("how", [{"HTTP_ACCEPT": "application/ld+json"}, {"HTTP_ACCEPT": "application/json"},
                                 {"QUERY_STRING": "format=json"}])
def test_the_same_address_answers_with_the_signed_credential(client, issued, how, pia):
    response = client.get(url(issued), **how)
    assert pia.user.email not in response.content.decode() and "Set-Cookie" not in response.headers
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert "public" in response["Cache-Control"] and "Accept" in response["Vary"]
    document = response.json()
    assert document == issued.credential
    assert document["id"].endswith(url(issued))


def test_the_credential_verifies_with_the_published_key_and_fails_when_changed(client, issued):
    document = client.get(url(issued), HTTP_ACCEPT="application/ld+json").json()
    issuer = client.get("/certificates/issuer/").json()
    [method] = issuer["verificationMethod"]
    assert document["proof"]["verificationMethod"] == method["id"] and issuer["id"] == document["issuer"]["id"]
    public = proof.public_key_from_multikey(method["publicKeyMultibase"])
    assert proof.verify(document, public_key=public)
    document["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    assert not proof.verify(document, public_key=public)


def test_a_revoked_certificate_says_so_with_the_date(client, issued, manager):
    assert "Valid" in client.get(url(issued)).content.decode()  # now in the page cache
    assert client.get(url(issued), HTTP_ACCEPT="application/json").status_code == 200
    services.revoke(certificate=issued, reason="Plagiarism", actor=manager)
    issued.refresh_from_db()
    response = client.get(url(issued))
    text = response.content.decode()
    assert response.status_code == 200 and "Revoked" in text
    assert f"revoked on {issued.revoked_at:%-d %B %Y}" in text
    assert "Plagiarism" not in text
    answer = client.get(url(issued), HTTP_ACCEPT="application/json")
    assert answer.status_code == 410 and answer.json()["status"] == "revoked"
    assert "proof" not in answer.json()


def test_an_unknown_code_is_a_404_page_that_says_so(client, db):
    response = client.get("/certificates/ABCDE12345/")
    assert response.status_code == 404 and "Certificate not found" in response.content.decode()
    assert client.get("/certificates/ABCDE12345/?format=json").json() == {"status": "not found"}
    assert client.get("/certificates/not-a-code/").status_code == 404


def test_an_erased_certificate_is_not_found(client, issued):
    assert client.get(url(issued)).status_code == 200  # now in the page cache
    services.erase(certificate_ids=[issued.pk])
    assert client.get(url(issued)).status_code == 404
    assert "Pia" not in client.get(url(issued)).content.decode()


def test_a_typed_code_leads_to_the_page(client, issued):
    typed = f"{issued.code[:5].lower()}-{issued.code[5:].lower()}"
    response = client.get(f"/certificates/{typed}/")
    assert response.status_code == 301 and response["Location"] == url(issued)
    response = client.get("/certificates/", {"code": typed})
    assert response.status_code == 302 and response["Location"] == url(issued)
    refused = client.get("/certificates/", {"code": "12"})
    assert refused.status_code == 200 and 'value="12"' in refused.content.decode()
    assert "10 letters and digits" in refused.content.decode()


def test_the_public_answers_need_no_session_and_few_queries(client, issued, django_assert_num_queries):
    # the content version, the certificate, the layout's programme and pages, the forum's footer link (cold render)
    with django_assert_num_queries(5):
        assert client.get(url(issued)).status_code == 200
    with django_assert_num_queries(1):  # then from the page cache: the content version only
        assert "Pia Participant" in client.get(url(issued)).content.decode()
    with django_assert_num_queries(2):
        assert client.get(url(issued), HTTP_ACCEPT="application/ld+json").status_code == 200
    with django_assert_num_queries(1):
        assert client.get(url(issued), HTTP_ACCEPT="application/ld+json").json()["proof"]
    assert "sessionid" not in client.cookies


def test_the_issuer_profile_publishes_a_multikey(client, db):
    issuer = client.get("/certificates/issuer/").json()
    method = issuer["verificationMethod"][0]
    assert method["type"] == "Multikey" and method["publicKeyMultibase"].startswith("z6Mk")
    assert issuer["assertionMethod"] == [method["id"]]
    assert "secret" not in str(issuer).lower()
    assert credential.key_id("http://x", "1") == "http://x/certificates/issuer/#key-1"

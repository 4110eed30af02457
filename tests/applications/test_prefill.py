"""The step forms start from what the account knows: the names typed at sign-up, the address."""

import pytest


@pytest.mark.django_db
def test_the_names_typed_at_sign_up_start_the_name_fields(client, call, django_user_model):
    user = django_user_model.objects.create_user(email="liisa@example.fi", password="a-long-password-1",
                                                 given_name="Liisa", family_name="Mäkelä", full_name="Liisa Mäkelä")
    client.force_login(user)
    client.post("/apply/begin/")
    page = client.get("/apply/step/about/").content.decode()
    assert 'name="first_name" value="Liisa"' in page and 'name="last_name" value="Mäkelä"' in page
    # what the applicant saved wins over the account
    client.post("/apply/step/about/", {"first_name": "Liisa-Maria", "last_name": "Mäkelä-Koski", "action": "leave"})
    page = client.get("/apply/step/about/").content.decode()
    assert 'name="first_name" value="Liisa-Maria"' in page and 'name="last_name" value="Mäkelä-Koski"' in page

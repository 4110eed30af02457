"""Fixtures of the security suite.

``world`` (package scope) builds the roles and their objects once for the whole security package, inside a
transaction that is rolled back when the package is done; every test (and every request of the matrix) runs in
a savepoint inside it, so nothing one test or request changes is seen by the next. (It was built once per
module: eleven times the same world.) ``walks`` holds the one walk of the matrix per role (walk.py).
"""

import pytest
from django.db import transaction
from django.test import Client

from .world import ROLES, build_world


@pytest.fixture(scope="session")
def security_media(tmp_path_factory):
    return tmp_path_factory.mktemp("security-media")


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, security_media):
    """Overrides the root fixture: the module-scoped world's files must stay readable in every test."""
    settings.MEDIA_ROOT = security_media


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, security_media):
    from django.test.utils import override_settings

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(MEDIA_ROOT=security_media, PASSWORD_HASHERS=[
                    "django.contrib.auth.hashers.MD5PasswordHasher"]):
                built = build_world()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="package")
def walks(world):
    """role -> the walk of the matrix and the admin as that role (walk.py), made when a test first needs it."""
    from .walk import walk_as

    made = {}

    def walk(role):
        if role not in made:
            made[role] = walk_as(world, client_for(world, role))
        return made[role]

    return walk


def client_for(world, role, **kwargs) -> Client:
    client = Client(**kwargs)
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def clients(world, db):
    """One test client per role, signed in (except ``anonymous``)."""
    return {role: client_for(world, role) for role in ROLES}

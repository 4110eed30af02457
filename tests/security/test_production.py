"""Production settings (DEBUG=0, HTTPS=1, SECRET_KEY set): Django's deploy check, and the cookies and headers
of real responses rendered with the settings a production process computes.

The settings are read in a subprocess started with the production environment (settings.py derives many
values from HTTPS at import time), then applied here with override_settings to render responses.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from .http import assert_strict_csp
from .world import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
HOST = "campus.example.org"
PRODUCTION_ENV = {
    "DEBUG": "0",
    "HTTPS": "1",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-security-suite-0123456789",
    "ALLOWED_HOSTS": HOST,
    "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
}
SECURITY_SETTINGS = [
    "DEBUG", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS", "CONTENT_SECURITY_POLICY", "PERMISSIONS_POLICY",
    "ACCOUNT_DEFAULT_HTTP_PROTOCOL", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "SECRET_KEY",
]
DUMP = (
    "import json; from django.conf import settings; "
    f"print(json.dumps({{name: getattr(settings, name) for name in {SECURITY_SETTINGS!r}}}))"
)


def _run(args, tmp_path):
    env = {**os.environ, **PRODUCTION_ENV, "CAMPUS_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """(the deploy check's result, the security settings a production process computes)"""
    tmp = tmp_path_factory.mktemp("production")
    check = _run(["check", "--deploy", "--fail-level", "WARNING"], tmp)
    dump = _run(["shell", "--no-imports", "-c", DUMP], tmp)
    assert dump.returncode == 0, dump.stderr
    return check, json.loads(dump.stdout.strip().splitlines()[-1])


def test_the_deploy_check_passes_with_production_settings(production):
    check, _ = production
    assert check.returncode == 0, check.stdout + check.stderr
    assert "System check identified no issues" in check.stdout


def test_production_settings_are_strict(production):
    _, values = production
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["CSRF_COOKIE_SECURE"] and values["CSRF_COOKIE_HTTPONLY"]
    assert values["SECURE_SSL_REDIRECT"]
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["ACCOUNT_DEFAULT_HTTP_PROTOCOL"] == "https"  # links in account mails
    assert values["SECRET_KEY"] == PRODUCTION_ENV["SECRET_KEY"]


@pytest.fixture
def production_settings(production):
    _, values = production
    with override_settings(**values):
        yield values


def _client():
    return Client(HTTP_HOST=HOST)  # a new client (and handler): middleware reads the overridden settings


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(world, production_settings):
    response = _client().get("/apply/?x=1")
    assert response.status_code == 301
    assert response["Location"] == f"https://{HOST}/apply/?x=1"


@pytest.mark.django_db
def test_hsts_and_headers_on_https(world, production_settings):
    response = _client().get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert_strict_csp(response["Content-Security-Policy"])


@pytest.mark.django_db
def test_cookies_are_secure_and_hidden_from_scripts(world, production_settings):
    client = _client()
    page = client.get("/accounts/login/", secure=True)
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post("/accounts/login/", {"login": world.user("applicant").email, "password": PASSWORD,
                                                "csrfmiddlewaretoken": token},
                           secure=True, HTTP_REFERER=f"https://{HOST}/accounts/login/")
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert session.value

"""Request ids and JSON logs (campus.core.logging), and the client address behind the proxy."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from campus.core.logging import JsonFormatter, RequestIdFilter, RequestIdMiddleware, current_request_id
from campus.core.middleware import ForwardedClientMiddleware

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_lines():
    """A handler like production's (filter + JSON formatter) on the root logger; yields a reader of its lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def view_that_logs(request):
    logging.getLogger("campus.test").warning("inside the view\nsecond line", extra={"answer": 42})
    return HttpResponse("ok", status=201)


def test_the_request_id_goes_in_and_out_and_onto_every_record(json_lines):
    middleware = RequestIdMiddleware(view_that_logs)
    response = middleware(RequestFactory().post("/contact/?secret=1", HTTP_X_REQUEST_ID="abc-123-XYZ"))
    assert response["X-Request-ID"] == "abc-123-XYZ"
    assert current_request_id() is None  # reset after the request
    inside, access = json_lines()
    assert inside["message"] == "inside the view\nsecond line" and inside["request_id"] == "abc-123-XYZ"
    assert inside["level"] == "WARNING" and inside["logger"] == "campus.test" and inside["answer"] == 42
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", inside["time"])
    assert access["logger"] == "campus.request" and access["level"] == "INFO"
    assert access["request_id"] == "abc-123-XYZ"
    assert (access["method"], access["path"], access["status"]) == ("POST", "/contact/", 201)  # no query string
    assert isinstance(access["duration_ms"], float) and access["duration_ms"] >= 0


@pytest.mark.parametrize("header", ["", "a" * 65, "has space", "semi;colon", "new\nline", "ünïcode", "a_b"])
def test_a_malformed_request_id_is_replaced(header):
    response = RequestIdMiddleware(lambda request: HttpResponse())(RequestFactory().get("/", HTTP_X_REQUEST_ID=header))
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_without_a_header_every_request_gets_a_new_id():
    middleware = RequestIdMiddleware(lambda request: HttpResponse())
    ids = {middleware(RequestFactory().get("/"))["X-Request-ID"] for _ in range(3)}
    assert len(ids) == 3


def test_an_exception_is_logged_with_its_traceback_on_one_line(json_lines):
    try:
        raise ValueError("broken")
    except ValueError:
        logging.getLogger("campus.test").exception("it failed", extra={"request": object()})
    [record] = json_lines()
    assert record["request_id"] is None and "request" not in record
    assert "ValueError: broken" in record["exception"] and "Traceback" in record["exception"]


@pytest.mark.django_db
def test_the_middleware_is_installed_first(client):
    from django.conf import settings

    assert settings.MIDDLEWARE[0] == "campus.core.logging.RequestIdMiddleware"
    response = client.get("/healthz", HTTP_X_REQUEST_ID="from-nginx-1")
    assert response["X-Request-ID"] == "from-nginx-1"


def test_behind_the_proxy_the_client_is_the_last_forwarded_address():
    seen = {}

    def view(request):
        seen["addr"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    middleware = ForwardedClientMiddleware(view)
    factory = RequestFactory()
    middleware(factory.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="127.0.0.1"))
    assert seen["addr"] == "203.0.113.7"  # the first entry came from the client and may be forged
    middleware(factory.get("/", HTTP_X_FORWARDED_FOR="2001:db8::1", REMOTE_ADDR="127.0.0.1"))
    assert seen["addr"] == "2001:db8::1"
    middleware(factory.get("/", HTTP_X_FORWARDED_FOR="not-an-address", REMOTE_ADDR="127.0.0.1"))
    assert seen["addr"] == "127.0.0.1"
    middleware(factory.get("/", REMOTE_ADDR="127.0.0.1"))
    assert seen["addr"] == "127.0.0.1"


@pytest.mark.django_db
def test_behind_the_proxy_each_visitor_has_an_own_contact_rate_limit(client, seeded, settings):
    settings.MIDDLEWARE = [settings.MIDDLEWARE[0], "campus.core.middleware.ForwardedClientMiddleware",
                           *settings.MIDDLEWARE[1:]]
    settings.CAMPUS_CONTACT_RATE = 1
    form = {"name": "Ann", "email": "ann@example.org", "topic": "other", "message": "A question about the modules."}
    assert client.post("/contact/", form, HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 302
    assert client.post("/contact/", form, HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 429
    assert client.post("/contact/", form, HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 302


def _manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "S3_BUCKET", "LOG_FORMAT")}
    full.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=full, capture_output=True, text=True,
                          timeout=120)


def test_production_settings_json_logs_shared_sessions_and_media_on_s3(tmp_path):
    code = """
import json, logging
from django.conf import settings
from django.core.files.storage import storages
from campus.applications.models import Document
default_storage = storages["default"]
logging.getLogger("campus.check").warning("hello from the settings test")
print(json.dumps({
    "session": settings.SESSION_ENGINE,
    "cache_options": settings.CACHES["default"].get("OPTIONS"),
    "key_prefix": settings.CACHES["default"].get("KEY_PREFIX"),
    "middleware": settings.MIDDLEWARE[:2],
    "storage": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "bucket": default_storage.bucket_name,
    "endpoint": default_storage.endpoint_url,
    "private": type(Document._meta.get_field("file").storage).__name__,
    "private_location": Document._meta.get_field("file").storage.location,
    "media_root": str(settings.MEDIA_ROOT),
}))
"""
    result = _manage({
        "CAMPUS_VAR_DIR": str(tmp_path), "LOG_FORMAT": "json", "REDIS_URL": "redis://127.0.0.1:1/0",
        "CACHE_KEY_PREFIX": "campus", "BEHIND_PROXY": "1", "S3_BUCKET": "campus-media",
        "S3_ENDPOINT_URL": "http://127.0.0.1:9000", "S3_ACCESS_KEY_ID": "k", "S3_SECRET_ACCESS_KEY": "s",
    }, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    log = next(json.loads(line) for line in lines if '"logger"' in line)
    assert log["message"] == "hello from the settings test" and log["level"] == "WARNING" and log["request_id"] is None
    facts = json.loads(next(line for line in lines if '"session"' in line))
    assert facts["session"] == "django.contrib.sessions.backends.cached_db"
    assert facts["cache_options"] == {"socket_connect_timeout": 2, "socket_timeout": 2}
    assert facts["key_prefix"] == "campus"
    assert facts["middleware"] == [
        "campus.core.logging.RequestIdMiddleware", "campus.core.middleware.ForwardedClientMiddleware"
    ]
    assert facts["storage"] == "storages.backends.s3.S3Storage"
    assert (facts["bucket"], facts["endpoint"]) == ("campus-media", "http://127.0.0.1:9000")
    # Private files stay on the local disk, under MEDIA_ROOT/private, whatever the default storage is.
    assert facts["private"] == "PrivateStorage"
    assert facts["private_location"] == os.path.join(facts["media_root"], "private")


def test_an_unknown_log_format_is_refused(tmp_path):
    result = _manage({"CAMPUS_VAR_DIR": str(tmp_path), "LOG_FORMAT": "xml"}, "check")
    assert result.returncode != 0 and "LOG_FORMAT must be" in result.stderr

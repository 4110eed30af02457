import os
import subprocess
import sys
from email import message_from_bytes
from pathlib import Path

import pytest
from django.core.mail import EmailMessage

from campus.core.mail import EmlFileBackend
from campus.core.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_security_headers_on_public_pages(client, seeded):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "HTTPS": "1",
        "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789",
        "ALLOWED_HOSTS": "campus.example.org",
        "CAMPUS_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**os.environ, "DEBUG": "0", "HTTPS": "1", "CAMPUS_VAR_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_development_mail_is_one_eml_file_per_message(tmp_path):
    backend = EmlFileBackend(file_path=tmp_path)
    messages = [
        EmailMessage(subject=f"Hello {n}", body="Body ÄÖ", from_email="a@example.org", to=["b@example.org"]) for n in (1, 2)
    ]
    assert backend.send_messages(messages) == 2
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2
    parsed = [message_from_bytes(path.read_bytes()) for path in files]
    assert sorted(m["Subject"] for m in parsed) == ["Hello 1", "Hello 2"]
    assert "Body ÄÖ" in parsed[0].get_payload(decode=True).decode()


def test_markdown_keeps_formatting_and_drops_scripts():
    html = str(render_markdown("## Title\n\n- **a**\n- [b](https://example.org)\n\n<script>x()</script><iframe src=//evil>"))
    assert "<h2>Title</h2>" in html and "<strong>a</strong>" in html
    assert 'href="https://example.org"' in html and 'rel="noopener noreferrer"' in html
    assert "<script" not in html and "<iframe" not in html

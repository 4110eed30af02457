"""Prepare the bench database for the application benchmarks: open the seed call and make signed-in
sessions for N applicants (one line per session key in OUT_FILE; the first one has a draft application).
Run after load_seed_edition.

Usage: python bench/prepare.py N OUT_FILE
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.utils import timezone  # noqa: E402

from campus.accounts.models import User  # noqa: E402
from campus.applications.models import Call  # noqa: E402
from campus.applications.services import start_application  # noqa: E402


def main(count: int, out: Path) -> None:
    call = Call.objects.order_by("-opens_at").first()
    call.opens_at = timezone.now() - timedelta(days=1)
    call.closes_at = timezone.now() + timedelta(days=30)
    call.save()
    keys = []
    for number in range(count):
        user = User.objects.create_user(email=f"bench{number}@example.org", password=None, full_name=f"Bench {number}")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
        if number == 0:  # the first applicant has a draft: their step pages are measured with GET
            start_application(call=call, applicant=user)
    out.write_text("\n".join(keys) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))

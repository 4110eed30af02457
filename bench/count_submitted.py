"""Count the applications of the bench applicants (bench/prepare.py: bench<N>@example.org) that the
database holds as submitted. Run with the phase's environment (CAMPUS_VAR_DIR or DATABASE_URL).

Usage: python bench/count_submitted.py   (prints one number)
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

import django  # noqa: E402

django.setup()

from campus.applications.models import Application  # noqa: E402

print(Application.objects.filter(
    applicant__email__startswith="bench", applicant__email__endswith="@example.org",
    state=Application.State.SUBMITTED, submitted_at__isnull=False,
).count())

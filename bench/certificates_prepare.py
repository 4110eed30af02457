"""Prepare the bench database for the certificate benchmarks (issue 12): a participant of the seed edition with a
certificate (issued by hand: the issuer's key is made on the way), whose verification page and JSON are then
measured with wrk; and the time to make 25 certificate PDFs in one go (target under 3 s), written to OUT_FILE.
Prints the certificate's code. Run after load_seed_edition.

Usage: python bench/certificates_prepare.py OUT_FILE
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

import django  # noqa: E402

django.setup()

from campus.accounts.models import User  # noqa: E402
from campus.certificates import pdf, services  # noqa: E402
from campus.cohort.models import Participant  # noqa: E402
from campus.programme.models import Edition  # noqa: E402

PDF_LIMIT_S = 3.0


def main(out: Path) -> None:
    edition = Edition.objects.get(is_current=True)
    certificates = []
    for number in range(25):
        user, _ = User.objects.get_or_create(email=f"bench.holder{number}@example.org",
                                             defaults={"full_name": f"Holder Number{number} Benchmark"})
        participant, _ = Participant.objects.get_or_create(edition=edition, user=user)
        certificate = participant.certificates.filter(state="valid").first() or services.issue_by_hand(
            participant=participant, note="Benchmark", actor=None)
        certificates.append(certificate)
    started = time.perf_counter()
    content = pdf.render(certificates)
    seconds = time.perf_counter() - started
    out.write_text(json.dumps({"pdfs": len(certificates), "seconds": round(seconds, 3), "bytes": len(content),
                               "limit_s": PDF_LIMIT_S, "ok": seconds < PDF_LIMIT_S}))
    print(certificates[0].code)


if __name__ == "__main__":
    main(Path(sys.argv[1]))

"""The seed call of the seed edition, created when programme.services.load_seed_edition creates the edition."""

import json
import zoneinfo
from datetime import datetime
from pathlib import Path

from django.db import transaction

from campus.core.activity import log_activity
from campus.programme.models import Edition, Page

from .models import Call, Question

SEED_CALL = Path(__file__).resolve().parent / "seed" / "call.json"


@transaction.atomic
def load_seed_call(*, edition: Edition, path: Path = SEED_CALL) -> Call | None:
    """Create the edition's call with the default questions, unless the edition has a call already."""
    if Call.objects.filter(edition=edition).exists():
        return None
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    zone = zoneinfo.ZoneInfo(data["timezone"])
    privacy = Page.objects.filter(programme=edition.programme, slug="privacy").first()
    call = Call.objects.create(
        edition=edition,
        title=data["title"],
        opens_at=datetime.fromisoformat(data["opens_at"]).replace(tzinfo=zone),
        closes_at=datetime.fromisoformat(data["closes_at"]).replace(tzinfo=zone),
        timezone=data["timezone"],
        reference_prefix=data["reference_prefix"],
        motivation_word_limit=data["motivation_word_limit"],
        privacy_version=(privacy.version if privacy and privacy.version else "1.0"),
    )
    by_key = {}
    for order, spec in enumerate(data["questions"], start=1):
        spec = dict(spec)
        depends_on = by_key.get(spec.pop("depends_on", None))
        question = Question.objects.create(call=call, order=order, depends_on=depends_on, **spec)
        by_key[question.key] = question
    motivation = by_key.get("motivation_letter")
    if motivation is not None:
        motivation.word_limit = call.motivation_word_limit
        motivation.save(update_fields=["word_limit"])
    log_activity(action="applications.seed_call_loaded", target=call)
    return call


def on_seed_edition_loaded(sender, *, edition, created, **kwargs):
    if created:
        load_seed_call(edition=edition)

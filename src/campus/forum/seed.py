"""The forum's part of the seed: the Cluster Education Forum 2022 (Vaasa, 20–21 June 2022), after the pilot
edition. Loaded when programme's ``load_seed_edition`` has run (its ``seed_edition_loaded`` signal); made only
when no event has its slug, so staff edits are never overwritten. No agenda: the seed has none."""

import json
from datetime import date
from pathlib import Path

from campus.core.activity import log_activity

from .models import Event

SEED_FILE = Path(__file__).resolve().parent / "seed" / "forum-2022.json"


def load_seed_event(*, edition, path: Path = SEED_FILE) -> Event | None:
    spec = {k: v for k, v in json.loads(Path(path).read_text(encoding="utf-8")).items() if not k.startswith("_")}
    if Event.objects.filter(slug=spec["slug"]).exists():
        return None
    for key in ("starts_on", "ends_on"):
        spec[key] = date.fromisoformat(spec[key])
    event = Event.objects.create(programme=edition.programme, edition=edition, **spec)
    log_activity(action="forum.seed_event_loaded", target=event)
    return event


def on_seed_edition_loaded(sender, *, edition, created, **kwargs):
    load_seed_event(edition=edition)

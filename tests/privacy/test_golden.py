"""A privacy export and an erasure of a person with data in every app give the same result as before (issue 10).

Aino (applicant: account, addresses, application with files, contact message, outbox, interview, reviews,
decision, offer with letter, participant record) and Riitta (reviewer: team roles, reviews written, panels,
assignments) are built with the fixtures of the leak tests. What subject access gives them (data.json and the
files of the zip), the erasure plan staff see on the approval page, the counts an erasure returns and every
row of every model with personal data afterwards are compared with ``golden.json``, written from the code as
it was before privacy became a loop over the apps' handlers. Ids, times, uuids and the secret-keyed
pseudonyms are normalised (``normalise``), so the file is the same on SQLite and PostgreSQL.

Regenerate (only for an intended change of behaviour, and say so in the commit):
``GOLDEN_WRITE=1 pytest tests/privacy/test_golden.py``.
"""

import io
import json
import os
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from campus.applications.models import Application
from campus.privacy import erasure_plan, registry, services
from campus.privacy.selectors import subject_for_user

from .conftest import AINO_SECOND, JONAS_EMAIL, make_privacy_officer, review_and_admission

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).with_name("golden.json")
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?")
SHOWN_TIME = re.compile(r"\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d")  # the approval page's "04 Dec 2026 16:40"
LONG_TIME = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d [A-Z]{3,5}")  # in mail texts
HEX = re.compile(r"\b(?:[0-9a-f]{24,32}|[0-9a-f]{64})\b")  # uuids, pseudonyms, sha256 of generated PDFs
REFERENCE = re.compile(r"\b[A-Z]{2,6}\d{2}-[0-9A-F]{6}\b")  # an application's random reference
REFERENCES: dict[str, str] = {}  # reference -> "REF#n" (the n-th application), filled by the test
LETTER = re.compile(r"acceptance-letter-\d+\.pdf")
FORUM_LINK = re.compile(r"/forum/registration/[A-Za-z0-9_-]+/")  # a registration's random token


class Ids:
    """Every primary key as its model's label and rank (the n-th row of that model): the same on every run."""

    def __init__(self):
        self.ranks: dict = {}

    def __call__(self, model, pk) -> str | None:
        if pk in (None, ""):
            return None
        model = model._meta.concrete_model
        if model not in self.ranks:
            self.ranks[model] = {str(p): n for n, p in enumerate(model._default_manager.order_by("pk")
                                                                  .values_list("pk", flat=True), 1)}
        return f"{model._meta.label}#{self.ranks[model].get(str(pk), '?')}"


def normalise(value):
    """Times, hex ids (uuids, pseudonyms) and letter numbers replaced, recursively."""
    if isinstance(value, dict):
        return {normalise(key): normalise(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(item) for item in value]
    if isinstance(value, (datetime, date)):
        return "<time>"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        value = LETTER.sub("acceptance-letter-<n>.pdf", LONG_TIME.sub("<time>", value))
        value = FORUM_LINK.sub("/forum/registration/<token>/", value)
        value = REFERENCE.sub(lambda m: REFERENCES.get(m.group(0), "REF?"), value)
        return HEX.sub("<hex>", SHOWN_TIME.sub("<time>", ISO_TIME.sub("<time>", value)))
    return value


def _generic(model, row, ids: Ids) -> dict:
    """Generic references (activity log targets, admin log objects, outbox related rows) by rank."""
    result = {}
    for type_name, id_name in (("target_type", "target_id"), ("related_type", "related_id")):
        label = getattr(row, type_name, None)
        if label and getattr(row, id_name, None):
            try:
                result[id_name] = ids(apps.get_model(label), getattr(row, id_name))
            except (LookupError, ValueError):
                pass
    if model._meta.label == "admin.LogEntry" and row.content_type_id:
        result["object_id"] = ids(row.content_type.model_class(), row.object_id)
    return result


def dump_rows(ids: Ids) -> dict:
    """Every row of every model that declares personal data (sessions and tasks: only how many)."""
    labels = sorted({f"{d.app_label}.{d.model}" for d in registry.declarations().values()})
    result = {}
    for label in labels:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if label in ("sessions.Session", "django_tasks_database.DBTaskResult") or model._meta.app_label in (
                "sessions", "django_tasks_database", "django_tasks_db"):
            result[label] = model._default_manager.count()
            continue
        rows = []
        for row in model._default_manager.order_by("pk"):
            item = {"pk": ids(model, row.pk)}
            for field in model._meta.concrete_fields:
                if field.primary_key:
                    continue
                value = getattr(row, field.attname)
                if field.is_relation:
                    value = ids(field.related_model, value)
                elif isinstance(field, models.FileField):
                    value = "<file>" if value else ""
                elif field.name in ("token", "checkin_code") and model._meta.app_label == "forum":
                    value = "<token>"  # random
                elif field.name == "password":
                    value = "<usable>" if row.has_usable_password() else "<unusable>"
                elif isinstance(field, models.UUIDField):
                    value = "<uuid>"
                elif field.name == "dedupe_key":  # made of ids ("applications.received:38:...")
                    value = re.sub(r"\d+", "<n>", ISO_TIME.sub("<time>", value))
                item[field.name] = value
            for field in model._meta.many_to_many:
                item[field.name] = sorted(ids(field.related_model, pk) for pk in
                                          getattr(row, field.name).values_list("pk", flat=True))
            item.update(_generic(model, row, ids))
            rows.append(item)
        result[label] = normalise(rows)
    return result


def export_of(user, officer) -> dict:
    content = services.export_personal_data(subject=subject_for_user(user), actor=officer, by="staff")
    archive = zipfile.ZipFile(io.BytesIO(content))
    data = json.loads(archive.read("data.json"))
    files = {name: len(archive.read(name))  # (generated PDFs differ in their bytes from run to run)
             for name in sorted(archive.namelist()) if name != "data.json"}
    data.pop("generated_at")
    return normalise({"data": data, "files": files})


def erasure_of(user, officer, capture) -> dict:
    plan = normalise(erasure_plan.describe(erasure_plan.plan_erasure(user)))
    with capture(execute=True):
        counts = services.erase_person(user=user, actor=officer)
    return {"plan": plan, "counts": counts}


def forum_registrations(aino, jonas):
    """Aino registered for an event with her account and, as a guest, with her second address (confirmed);
    Jonas as a guest (never hers)."""
    from campus.forum import services as forum
    from campus.forum.models import Event

    event = Event.objects.create(programme=aino.application.call.edition.programme, slug="golden-forum",
                                 title="Golden Forum", starts_on=date(2099, 6, 20), ends_on=date(2099, 6, 21),
                                 capacity=1, published=True, city="Vaasa")
    details = {"name": "Aino Virtanen", "organisation": "EnergyVaasa", "dietary_needs": "vegan"}
    forum.register(event=event, email="", user=aino.user, details=details)
    second, _ = forum.register(event=event, email=AINO_SECOND, details=details)
    forum.confirm_email(registration=second)
    other, _ = forum.register(event=event, email=JONAS_EMAIL, details={"name": "Jonas Petraitis"})
    forum.confirm_email(registration=other)


def test_export_and_erasure_of_a_person_in_every_app_give_the_same_result(
    aino, jonas, django_capture_on_commit_callbacks
):
    world = review_and_admission(aino, jonas)
    forum_registrations(aino, jonas)
    REFERENCES.clear()
    REFERENCES.update({ref: f"REF#{n}" for n, ref in enumerate(
        Application.objects.order_by("pk").values_list("reference", flat=True), 1)})
    officer = make_privacy_officer()
    User = get_user_model()
    result = {
        "export_applicant": export_of(aino.user, officer),
        "export_reviewer": export_of(world.reviewer, officer),
        "erase_applicant": erasure_of(User.objects.get(pk=aino.user.pk), officer, django_capture_on_commit_callbacks),
    }
    result["rows_after_applicant"] = dump_rows(Ids())
    result["erase_reviewer"] = erasure_of(User.objects.get(pk=world.reviewer.pk), officer,
                                          django_capture_on_commit_callbacks)
    result["rows_after_reviewer"] = dump_rows(Ids())
    result = json.loads(json.dumps(result, sort_keys=True, default=str))
    text = json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("GOLDEN_WRITE"):
        GOLDEN.write_text(text)
    if os.environ.get("GOLDEN_OUT"):  # to compare by hand: diff tests/privacy/golden.json $GOLDEN_OUT
        Path(os.environ["GOLDEN_OUT"]).write_text(text)
    expected = json.loads(GOLDEN.read_text())
    for key in expected:
        assert result[key] == expected[key], key
    assert result.keys() == expected.keys()

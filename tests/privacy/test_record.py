"""The record of processing: every field that looks personal is declared (purpose, retention, legal basis) or
declared not personal; every model with personal data says how access and erasure treat it; docs/privacy.md
is what `manage.py record_of_processing` writes."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from campus.applications.models import Answer, Application, Document
from campus.core.models import ActivityLog
from campus.privacy import registry
from campus.programme.models import ContactMessage, Partner, Programme


def test_every_field_that_looks_personal_is_declared():
    undeclared = registry.undeclared_fields()
    assert undeclared == [], (
        "These fields look like personal data but have no declaration. Add them to PERSONAL_DATA (purpose, "
        "retention, legal basis) or NOT_PERSONAL (why) in the app's privacy.py, then run "
        "`manage.py record_of_processing`:\n  " + "\n  ".join(undeclared)
    )


def test_no_declaration_names_a_field_that_does_not_exist():
    assert registry.unknown_declarations() == []
    assert registry.conflicting_declarations() == []


def test_every_model_with_personal_data_says_how_access_and_erasure_treat_it():
    handling = registry.handling()
    missing = [model for model in registry.models_with_personal_data() if model not in handling]
    assert missing == [], (
        "Give the model's app a privacy handler (privacy_handler.py, registered in plugin.py) and say how it "
        "treats the model in HANDLING, next to PERSONAL_DATA in the app's privacy.py: " + str(missing)
    )


def test_docs_privacy_md_is_up_to_date():
    path = registry.record_path()
    assert path.exists(), "docs/privacy.md is missing: run `manage.py record_of_processing`."
    assert path.read_text(encoding="utf-8") == registry.render_record(), (
        "docs/privacy.md is out of date with the declarations: run `manage.py record_of_processing`."
    )
    call_command("record_of_processing", "--check", stdout=StringIO())


def test_the_rule_flags_what_looks_personal():
    User = get_user_model()
    flagged = {
        (User, "email"), (User, "full_name"), (Application, "applicant"), (Application, "snapshot"),
        (Application, "full_name"), (Application, "organisation"), (Application, "country"), (Answer, "value"),
        (Document, "file"), (ContactMessage, "email"), (ContactMessage, "name"), (ActivityLog, "actor"),
        (ActivityLog, "data"), (Partner, "name"), (Programme, "contact_email"),
    }
    for model, name in flagged:
        assert registry.looks_personal(model._meta.get_field(name)), (model, name)
    for model, name in ((Application, "state"), (Application, "reference"), (ContactMessage, "topic"),
                        (Document, "kind"), (Answer, "question")):
        assert not registry.looks_personal(model._meta.get_field(name)), (model, name)


def test_a_missing_declaration_fails(monkeypatch):
    from campus.programme import privacy as programme_privacy

    monkeypatch.delitem(programme_privacy.PERSONAL_DATA, "programme.ContactMessage.email")
    assert registry.undeclared_fields() == ["programme.ContactMessage.email"]
    with pytest.raises(CommandError, match="programme.ContactMessage.email"):
        call_command("record_of_processing", "--check", stdout=StringIO())


def test_a_stale_document_fails(monkeypatch):
    from campus.programme import privacy as programme_privacy

    purpose, retention, basis = programme_privacy.PERSONAL_DATA["programme.ContactMessage.email"]
    monkeypatch.setitem(programme_privacy.PERSONAL_DATA, "programme.ContactMessage.email",
                        (purpose, "Forever and a day", basis))
    assert "Forever and a day" in registry.render_record()
    with pytest.raises(CommandError, match="out of date"):
        call_command("record_of_processing", "--check", stdout=StringIO())


def test_malformed_declarations_are_refused(monkeypatch):
    from campus.programme import privacy as programme_privacy

    key = "programme.ContactMessage.email"
    monkeypatch.setitem(programme_privacy.PERSONAL_DATA, key, ("why", "how long", "because"))
    with pytest.raises(registry.DeclarationError, match="legal basis"):
        registry.declarations()
    monkeypatch.setitem(programme_privacy.PERSONAL_DATA, "programme.ContactMessage.email", ("why", "", "consent"))
    with pytest.raises(registry.DeclarationError):
        registry.declarations()


def test_the_legal_bases_we_can_state():
    declarations = registry.declarations()
    assert declarations["applications.Answer.value"].basis == "consent"
    assert declarations["applications.Document.file"].basis == "consent"
    assert declarations["programme.ContactMessage.email"].basis == "legitimate_interest"
    assert declarations["accounts.User.email"].basis == "contract"
    assert declarations["privacy.ErasureRequest.user"].basis == "legal_obligation"
    text = registry.render_record()
    assert "| applications.Answer | value |" in text and "Consent (Art. 6(1)(a))" in text
    assert "purge_expired_documents" in text and "systemd" in text and "cron" in text

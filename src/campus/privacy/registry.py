"""The record of processing: which field of which model holds personal data, why, for how long, on what basis.

Every app declares its own personal data in a module ``privacy.py`` next to its ``models.py``: plain
dictionaries, no import of this app (apps above ``privacy`` in the layout may not import it)::

    PERSONAL_DATA = {
        # "app_label.Model.field": (purpose, retention, legal basis)
        "programme.ContactMessage.email": ("Answer the message", "Until erased", "legitimate_interest"),
    }
    NOT_PERSONAL = {
        # fields the rule below flags, which hold nothing about a person: "app_label.Model.field": why
        "programme.Partner.name": "The name of a partner organisation.",
    }

An app may declare fields of models it brings in from a library (``accounts`` declares allauth's).
:func:`undeclared_fields` lists every field that *looks* personal (:func:`looks_personal`) and is declared in
neither dictionary; a test keeps that list empty, and another keeps docs/privacy.md equal to
:func:`render_record` (regenerate with ``manage.py record_of_processing``).
"""

from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.db import models

# Legal bases (GDPR Art. 6(1)): declarations name them by key; "" where none can be stated yet.
LEGAL_BASES = {
    "consent": "Consent (Art. 6(1)(a))",
    "contract": "Contract, or steps before one at the person's request (Art. 6(1)(b))",
    "legal_obligation": "Legal obligation (Art. 6(1)(c))",
    "legitimate_interest": "Legitimate interest (Art. 6(1)(f))",
}

# --- the rule: which fields look like personal data ---------------------------------------------

PERSONAL_NAMES = frozenset({
    "name", "full_name", "first_name", "last_name", "phone", "email", "organisation", "country",
    "ip", "ip_address", "address",
})
PERSONAL_JSON_NAMES = frozenset({"answers", "answer", "value", "snapshot", "data"})


def looks_personal(field) -> bool:
    """True for fields that hold, or are likely to hold, data about a person."""
    if not getattr(field, "concrete", False):
        return False
    if isinstance(field, (models.EmailField, models.GenericIPAddressField, models.FileField)):
        return True
    if isinstance(field, models.JSONField) and field.name in PERSONAL_JSON_NAMES:
        return True
    if field.is_relation and field.related_model is not None:
        if field.related_model._meta.label == settings.AUTH_USER_MODEL and (
            field.many_to_one or field.one_to_one or field.many_to_many
        ):
            return True
    return field.name in PERSONAL_NAMES


# --- the declarations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Declaration:
    key: str  # "app_label.Model.field"
    app_label: str
    model: str
    field: str
    purpose: str
    retention: str
    basis: str
    source: str  # the module that declared it


class DeclarationError(Exception):
    pass


def _declaring_modules():
    """The ``privacy`` module of every installed app that has one, in INSTALLED_APPS order."""
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.privacy"
        if find_spec(name) is not None:  # an ImportError inside the module is not hidden
            yield import_module(name)


def declarations() -> dict[str, Declaration]:
    """Every PERSONAL_DATA entry of every app, by key. Duplicates and malformed entries are errors."""
    result: dict[str, Declaration] = {}
    for module in _declaring_modules():
        for key, value in getattr(module, "PERSONAL_DATA", {}).items():
            if key in result:
                raise DeclarationError(f"{key} is declared twice ({result[key].source}, {module.__name__}).")
            parts = key.split(".")
            if len(parts) != 3 or not isinstance(value, tuple) or len(value) != 3 or not all(value[:2]):
                raise DeclarationError(
                    f"{module.__name__}: {key!r} must be 'app_label.Model.field': (purpose, retention, legal basis)."
                )
            purpose, retention, basis = value
            if basis and basis not in LEGAL_BASES:
                raise DeclarationError(
                    f"{module.__name__}: {key}: legal basis {basis!r} is not one of {sorted(LEGAL_BASES)}."
                )
            result[key] = Declaration(key, *parts, purpose, retention, basis, module.__name__)
    return result


def not_personal() -> dict[str, str]:
    result: dict[str, str] = {}
    for module in _declaring_modules():
        for key, why in getattr(module, "NOT_PERSONAL", {}).items():
            if key in result:
                raise DeclarationError(f"{key} is declared twice as not personal.")
            result[key] = why
    return result


def handling() -> dict[str, str]:
    """How subject access and erasure treat each model: the ``HANDLING`` texts of every app's privacy module
    (the app that owns the model declares it, next to its privacy handler)."""
    result: dict[str, str] = {}
    for module in _declaring_modules():
        for model, how in getattr(module, "HANDLING", {}).items():
            if model in result:
                raise DeclarationError(f"{model}: its handling is declared twice.")
            result[model] = how
    return result


def field_key(model, field) -> str:
    return f"{model._meta.app_label}.{model._meta.object_name}.{field.name}"


def _concrete_models():
    return [m for m in apps.get_models() if not m._meta.abstract and not m._meta.proxy]


def undeclared_fields() -> list[str]:
    """Fields that look personal but are declared neither as personal data nor as not personal."""
    declared = set(declarations()) | set(not_personal())
    return sorted(
        field_key(model, field)
        for model in _concrete_models()
        for field in model._meta.get_fields()
        if looks_personal(field) and field_key(model, field) not in declared
    )


def unknown_declarations() -> list[str]:
    """Declarations that name no existing field (a renamed or removed field, a typo)."""
    existing = {field_key(model, field) for model in _concrete_models() for field in model._meta.get_fields()
                if getattr(field, "concrete", False)}
    return sorted(key for key in [*declarations(), *not_personal()] if key not in existing)


def conflicting_declarations() -> list[str]:
    return sorted(set(declarations()) & set(not_personal()))


def models_with_personal_data() -> list[str]:
    """``app_label.Model`` of every model with at least one declared field."""
    return sorted({f"{d.app_label}.{d.model}" for d in declarations().values()})


# --- the document -------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _app_order() -> dict[str, int]:
    return {config.label: index for index, config in enumerate(apps.get_app_configs())}


def _field_order(app_label: str, model_name: str) -> dict[str, int]:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return {}
    return {field.name: index for index, field in enumerate(model._meta.get_fields())}


def record_rows() -> list[dict]:
    """The declarations in a stable order: apps as installed, models by name, fields as in the model."""
    texts = handling()  # how access and erasure treat each model
    order = _app_order()
    rows = []
    for declaration in declarations().values():
        fields = _field_order(declaration.app_label, declaration.model)
        rows.append({
            "sort": (order.get(declaration.app_label, 999), declaration.model, fields.get(declaration.field, 999)),
            "model": f"{declaration.app_label}.{declaration.model}",
            "field": declaration.field,
            "purpose": _cell(declaration.purpose),
            "retention": _cell(declaration.retention),
            "basis": _cell(LEGAL_BASES.get(declaration.basis, "—")),
            "handling": _cell(texts.get(f"{declaration.app_label}.{declaration.model}", "")),
        })
    rows.sort(key=lambda row: row["sort"])
    return rows


def render_record() -> str:
    """docs/privacy.md: the fixed text (templates/privacy/record_of_processing.md) and the tables."""
    from django.template.loader import render_to_string

    rows = record_rows()
    models_seen: list[str] = []
    for row in rows:
        if row["model"] not in models_seen:
            models_seen.append(row["model"])
    handling = [{"model": model, "how": next(r["handling"] for r in rows if r["model"] == model)}
                for model in models_seen]
    not_personal_rows = [{"key": _cell(key), "why": _cell(why)} for key, why in sorted(not_personal().items())]
    text = render_to_string(
        "privacy/record_of_processing.md",
        {"rows": rows, "handling": handling, "not_personal": not_personal_rows},
    )
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def record_path():
    return settings.BASE_DIR / "docs" / "privacy.md"

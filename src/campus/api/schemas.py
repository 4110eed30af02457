"""What the API returns: public fields only, named here one by one (never ``fields = "__all__"``).

A model field that is not listed here cannot leak through the API, whatever is added to the model later.
Markdown written by staff comes as a :class:`RichText`: the source and the same HTML the site shows
(rendered by ``campus.core.markdown.render_markdown``, cleaned by nh3).
"""

from datetime import date, datetime, timezone
from typing import Annotated, Any

from ninja import Schema
from pydantic import Field, WithJsonSchema

from campus.core.markdown import render_markdown

# Timestamps are written by us (isoformat with an explicit offset, "+00:00" for UTC) rather than by the
# JSON encoder, which would turn "+00:00" into "Z" and cut microseconds. The schema still says date-time.
IsoDateTime = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]


def iso(value: datetime) -> str:
    return value.isoformat()


def utc(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat()


class RichText(Schema):
    markdown: str = Field(description="The markdown source as staff wrote it.")
    html: str = Field(description="The same text as HTML, cleaned (only harmless tags and attributes are kept).")


def rich(text: str | None) -> dict:
    text = text or ""
    return {"markdown": text, "html": str(render_markdown(text))}


class Country(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2 code, e.g. LT.", examples=["LT"])
    name: str = Field(examples=["Lithuania"])


def country(value) -> dict | None:
    if not value:
        return None
    return {"code": value.code, "name": str(value.name)}


class Error(Schema):
    detail: str = Field(examples=["Not Found"])


class ValidationErrors(Schema):
    detail: list[dict[str, Any]] = Field(description="What was wrong with which parameter.")


class Index(Schema):
    name: str
    openapi: str = Field(description="The URL of the OpenAPI schema.")
    resources: dict[str, str]


# --- programme -------------------------------------------------------------------------------------------


class EditionRef(Schema):
    slug: str
    name: str
    url: str = Field(description="The edition in this API.")


class ProgrammeOut(Schema):
    slug: str
    name: str
    short_name: str
    tagline: str
    headline: str
    intro: RichText
    format_title: str
    format_text: RichText
    cta_title: str
    cta_text: RichText
    contact_email: str = Field(description="The programme team's public address (shown on the contact page).")
    funding_note: str
    current_edition: EditionRef | None

    @staticmethod
    def resolve_intro(obj):
        return rich(obj.intro)

    @staticmethod
    def resolve_format_text(obj):
        return rich(obj.format_text)

    @staticmethod
    def resolve_cta_text(obj):
        return rich(obj.cta_text)


# --- editions --------------------------------------------------------------------------------------------


def edition_url(edition) -> str:
    return f"/api/editions/{edition.slug}"


class EditionSummary(Schema):
    slug: str
    name: str
    is_current: bool = Field(description="The edition the public site shows.")
    capacity: int = Field(description="Places in the cohort.")
    application_deadline: date
    acceptance_letter_on: date
    starts_on: date | None = Field(description="The first module's start (null without modules).")
    ends_on: date | None = Field(description="The last module's end (null without modules).")
    url: str

    @staticmethod
    def resolve_url(obj):
        return edition_url(obj)


class EditionDetail(EditionSummary):
    price_eur: str = Field(description='A decimal amount as a string; "0.00" means free.', examples=["0.00"])
    estimated_value_eur: str | None = Field(examples=["10000.00"])
    costs_note: str
    hours_per_week_min: int
    hours_per_week_max: int
    meetup_note: str
    delivery_note: str
    admission_note: RichText
    how_to_apply: RichText
    background: RichText
    requirements: list[str]
    outcomes: list[str]
    modules_url: str
    meetups_url: str

    @staticmethod
    def resolve_price_eur(obj):
        return f"{obj.price_eur:.2f}"

    @staticmethod
    def resolve_estimated_value_eur(obj):
        return None if obj.estimated_value_eur is None else f"{obj.estimated_value_eur:.2f}"

    @staticmethod
    def resolve_admission_note(obj):
        return rich(obj.admission_note)

    @staticmethod
    def resolve_how_to_apply(obj):
        return rich(obj.how_to_apply)

    @staticmethod
    def resolve_background(obj):
        return rich(obj.background)

    @staticmethod
    def resolve_requirements(obj):
        return [requirement.text for requirement in obj.requirements.all()]

    @staticmethod
    def resolve_outcomes(obj):
        return [outcome.text for outcome in obj.outcomes.all()]

    @staticmethod
    def resolve_modules_url(obj):
        return edition_url(obj) + "/modules"

    @staticmethod
    def resolve_meetups_url(obj):
        return edition_url(obj) + "/meetups"


# --- partners --------------------------------------------------------------------------------------------


class ProviderOut(Schema):
    name: str
    city: str
    country: Country | None
    website: str

    @staticmethod
    def resolve_country(obj):
        return country(obj.country)


class PartnerOut(ProviderOut):
    kind: str = Field(description="education, cluster or other.")
    kind_label: str
    description: RichText

    @staticmethod
    def resolve_kind_label(obj):
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_description(obj):
        return rich(obj.description)


# --- modules ---------------------------------------------------------------------------------------------


class ModuleOut(Schema):
    number: int
    title: str
    provider: ProviderOut | None
    city: str
    country: Country
    timezone: str = Field(description="The IANA time zone of the place.", examples=["Europe/Vilnius"])
    latitude: float | None
    longitude: float | None
    starts_on: date
    ends_on: date
    days: int
    delivery_mode: str = Field(description="on_site, blended or remote.")
    delivery_mode_label: str
    summary: RichText
    curriculum: RichText
    learning_outcomes: list[str]
    break_after: str = Field(description="The note shown on the schedule after this module.")

    @staticmethod
    def resolve_country(obj):
        return country(obj.country)

    @staticmethod
    def resolve_latitude(obj):
        return None if obj.latitude is None else float(obj.latitude)

    @staticmethod
    def resolve_longitude(obj):
        return None if obj.longitude is None else float(obj.longitude)

    @staticmethod
    def resolve_delivery_mode_label(obj):
        return str(obj.get_delivery_mode_display())

    @staticmethod
    def resolve_summary(obj):
        return rich(obj.summary)

    @staticmethod
    def resolve_curriculum(obj):
        return rich(obj.curriculum)

    @staticmethod
    def resolve_learning_outcomes(obj):
        return [outcome.text for outcome in obj.learning_outcomes.all()]


# --- meetups ---------------------------------------------------------------------------------------------


class MeetupOut(Schema):
    id: int
    module: int = Field(description="The module's number.")
    module_title: str
    kind: str = Field(description="opening, closing, online or other.")
    kind_label: str
    title: str
    starts_at: IsoDateTime = Field(description="In UTC, with its offset.", examples=["2021-03-15T07:00:00+00:00"])
    ends_at: IsoDateTime = Field(description="In UTC, with its offset.", examples=["2021-03-16T10:00:00+00:00"])
    timezone: str = Field(description="The meetup's IANA time zone.", examples=["Europe/Vilnius"])
    local_start: IsoDateTime = Field(
        description="The start as wall-clock time of the meetup's zone, with that zone's offset.",
        examples=["2021-03-15T09:00:00+02:00"],
    )
    local_end: IsoDateTime = Field(examples=["2021-03-16T13:00:00+02:00"])
    is_online: bool = Field(description='True when the mode is "remote".')
    mode: str = Field(description="How the meetup is held: on_site, blended or remote.", examples=["blended"])
    mode_note: str = Field(description="The team's note about the mode (may be empty).")
    venue: str
    city: str
    country: Country | None
    place: str = Field(description='Venue, city and country in one line, or "Online".')
    description: RichText

    @staticmethod
    def resolve_module(obj):
        return obj.module.number

    @staticmethod
    def resolve_module_title(obj):
        return obj.module.title

    @staticmethod
    def resolve_kind_label(obj):
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_starts_at(obj):
        return utc(obj.starts_at)

    @staticmethod
    def resolve_ends_at(obj):
        return utc(obj.ends_at)

    @staticmethod
    def resolve_local_start(obj):
        return iso(obj.local_start)

    @staticmethod
    def resolve_local_end(obj):
        return iso(obj.local_end)

    @staticmethod
    def resolve_country(obj):
        return country(obj.country)

    @staticmethod
    def resolve_description(obj):
        return rich(obj.description)


# --- FAQ -------------------------------------------------------------------------------------------------


class FaqOut(Schema):
    category: str = Field(description='"General" when staff gave none.')
    question: str
    answer: RichText

    @staticmethod
    def resolve_category(obj):
        return obj.category or "General"

    @staticmethod
    def resolve_answer(obj):
        return rich(obj.answer)

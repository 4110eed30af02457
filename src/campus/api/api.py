"""The read-only public API: ``/api/`` (see docs/api.md).

Each operation picks a selector (``campus.api.selectors``: public rows only) and names its response schema
(``campus.api.schemas``: public fields only); django-ninja validates the output and writes the OpenAPI
schema from the type hints. Lists are paginated (``campus.api.pagination``); every response is cached by
the content version and carries it as its ETag (``campus.api.cache``).

Swagger UI is not served: django-ninja's docs page loads its scripts from a CDN, which our
Content-Security-Policy forbids (the site loads nothing from another origin). The schema itself is at
``/api/openapi.json``; any OpenAPI viewer can read it.
"""

from django.http import Http404
from ninja import NinjaAPI, Path, Query, Router
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from . import schemas, selectors
from .cache import cached_api_response
from .pagination import LimitOffset

API_DESCRIPTION = """Public, read-only data of the programme: the current programme, its editions, their
modules and meetups, the partners and the published FAQ. Nothing personal and nothing unpublished.

Lists take `limit` (1–100, default 50) and `offset` (0–10,000) and answer `{count, limit, offset, items}`.
Every response carries an `ETag` (the content version): send it back as `If-None-Match` to get
`304 Not Modified` while nothing has changed. Markdown texts come as `{markdown, html}`; the HTML is cleaned.
Meetup times come in UTC (`starts_at`, `ends_at`) and as wall-clock times of the meetup's own IANA zone
(`timezone`, `local_start`, `local_end`)."""

api = NinjaAPI(
    title="Cluster Campus API",
    version="1",
    description=API_DESCRIPTION,
    urls_namespace="api",
    docs_url=None,  # Swagger UI would load from a CDN: against our CSP. The schema is at /api/openapi.json.
    openapi_url="/openapi.json",
)

# Path parameters, with the seed edition as the example (schemathesis and readers of the schema use it).
Slug = Path(..., description="The edition's slug.", example="2020-2021")
Number = Path(..., description="The module's number in its edition.", example=3)
EditionParameter = Query(None, description="The slug of a public edition; the current edition when left out.",
                         example="2020-2021")

# Documented error answers: 404 {"detail": "Not Found"}, 422 {"detail": [what was wrong with which parameter]}.
NOT_FOUND = {404: schemas.Error}
INVALID = {422: schemas.ValidationErrors}

router = Router(tags=["programme"])


@api.get("/", response=schemas.Index, url_name="index", operation_id="index", summary="What this API offers",
         tags=["index"])
def index(request):
    return {
        "name": "Cluster Campus API",
        "openapi": "/api/openapi.json",
        "resources": {
            "programme": "/api/programme",
            "editions": "/api/editions",
            "edition": "/api/editions/{slug}",
            "modules": "/api/editions/{slug}/modules",
            "module": "/api/editions/{slug}/modules/{number}",
            "meetups": "/api/editions/{slug}/meetups",
            "current_modules": "/api/modules?edition={slug}",
            "current_module": "/api/modules/{number}?edition={slug}",
            "current_meetups": "/api/meetups?edition={slug}",
            "partners": "/api/partners",
            "faq": "/api/faq",
        },
    }


@router.get("/programme", response={200: schemas.ProgrammeOut, **NOT_FOUND},
            url_name="programme", operation_id="getProgramme",
            summary="The programme, with a link to its current edition")
@decorate_view(cached_api_response)
def programme(request):
    programme = selectors.programme()
    current = selectors.current_edition(programme)
    programme.current_edition = (
        {"slug": current.slug, "name": current.name, "url": schemas.edition_url(current)} if current else None
    )
    return programme


@router.get("/editions", response={200: list[schemas.EditionSummary], **NOT_FOUND, **INVALID},
            url_name="editions", operation_id="listEditions",
            summary="The public (published) editions: current, upcoming and past, newest first")
@decorate_view(cached_api_response)
@paginate(LimitOffset)
def editions(request):
    return selectors.public_editions(selectors.programme())


@router.get("/editions/{slug}", response={200: schemas.EditionDetail, **NOT_FOUND},
            url_name="edition", operation_id="getEdition",
            summary="One edition: dates, places, costs, requirements and outcomes")
@decorate_view(cached_api_response)
def edition(request, slug: str = Slug):
    return selectors.public_edition(selectors.programme(), slug, detail=True)


@router.get("/editions/{slug}/modules", response={200: list[schemas.ModuleOut], **NOT_FOUND, **INVALID},
            url_name="modules", operation_id="listModules",
            summary="The modules of an edition, by number")
@decorate_view(cached_api_response)
@paginate(LimitOffset)
def modules(request, slug: str = Slug):
    return selectors.modules(selectors.public_edition(selectors.programme(), slug))


@router.get("/editions/{slug}/modules/{number}", response={200: schemas.ModuleOut, **NOT_FOUND, **INVALID},
            url_name="module", operation_id="getModule",
            summary="One module of an edition")
@decorate_view(cached_api_response)
def module(request, slug: str = Slug, number: int = Number):
    edition = selectors.public_edition(selectors.programme(), slug)
    module = selectors.modules(edition).filter(number=number).first()
    if module is None:
        raise Http404("No such module.")
    return module


@router.get("/editions/{slug}/meetups", response={200: list[schemas.MeetupOut], **NOT_FOUND, **INVALID},
            url_name="meetups", operation_id="listMeetups",
            summary="The meetups of an edition, in time order")
@decorate_view(cached_api_response)
@paginate(LimitOffset)
def meetups(request, slug: str = Slug):
    return selectors.meetups(selectors.public_edition(selectors.programme(), slug))


# The current edition's modules and meetups, or those of ``?edition=<slug>``: what the site's root pages show
# (/modules/, /schedule/), under addresses that do not change when the current edition does.


@router.get("/modules", response={200: list[schemas.ModuleOut], **NOT_FOUND, **INVALID},
            url_name="current_modules", operation_id="listCurrentModules",
            summary="The modules of the current edition (or of ?edition=<slug>), by number")
@decorate_view(cached_api_response)
@paginate(LimitOffset)
def current_modules(request, edition: str | None = EditionParameter):
    return selectors.modules(selectors.chosen_edition(selectors.programme(), edition))


@router.get("/modules/{number}", response={200: schemas.ModuleOut, **NOT_FOUND, **INVALID},
            url_name="current_module", operation_id="getCurrentModule",
            summary="One module of the current edition (or of ?edition=<slug>)")
@decorate_view(cached_api_response)
def current_module(request, number: int = Number, edition: str | None = EditionParameter):
    module = selectors.modules(selectors.chosen_edition(selectors.programme(), edition)).filter(number=number).first()
    if module is None:
        raise Http404("No such module.")
    return module


@router.get("/meetups", response={200: list[schemas.MeetupOut], **NOT_FOUND, **INVALID},
            url_name="current_meetups", operation_id="listCurrentMeetups",
            summary="The meetups of the current edition (or of ?edition=<slug>), in time order")
@decorate_view(cached_api_response)
@paginate(LimitOffset)
def current_meetups(request, edition: str | None = EditionParameter):
    return selectors.meetups(selectors.chosen_edition(selectors.programme(), edition))


@router.get("/partners", response={200: list[schemas.PartnerOut], **NOT_FOUND, **INVALID},
            url_name="partners", operation_id="listPartners",
            summary="The partners of the programme")
@decorate_view(cached_api_response)
@paginate(LimitOffset)
def partners(request):
    return selectors.partners(selectors.programme())


@router.get("/faq", response={200: list[schemas.FaqOut], **NOT_FOUND, **INVALID},
            url_name="faq", operation_id="listFaq",
            summary="The published FAQ entries, in their order")
@decorate_view(cached_api_response)
@paginate(LimitOffset)
def faq(request):
    return selectors.published_faqs(selectors.programme())


api.add_router("", router)

"""What the booklet's pages share: a profile as the templates show it, and a photo's answer."""

from django.http import FileResponse, HttpResponse
from django.utils.http import quote_etag
from django_countries import countries

from ..models import Sector

SECTORS = dict(Sector.choices)


def sector_text(profile) -> str:
    label = SECTORS.get(profile.sector, "")
    if profile.sector_detail:
        return f"{label}: {profile.sector_detail}" if label and profile.sector != Sector.OTHER else profile.sector_detail
    return label


def profile_context(profile) -> dict:
    return {"profile": profile, "country_name": countries.name(profile.country) if profile.country else "",
            "sector_label": sector_text(profile)}


def photo_response(request, profile, *, private: bool):
    """The stored (re-encoded) JPEG, shown inline but never sniffed, run or framed. A public photo may be kept
    by browsers only if they ask again each time (its ETag is its hash), so a withdrawn photo goes at once."""
    etag = quote_etag(profile.photo_sha256 or str(profile.updated_at.timestamp()))
    if not private and etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = FileResponse(profile.photo.storage.open(profile.photo.name, "rb"),
                                content_type=profile.photo_content_type or "image/jpeg")
        response.headers["Content-Disposition"] = 'inline; filename="photo.jpg"'
    response.headers["ETag"] = etag
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "private, no-store" if private else "public, no-cache"
    return response

"""The public side of certificates (no sign-in, no session): the verification page of a certificate, the
same URL as an Open Badges 3.0 credential for machines, the issuer's profile with its public key, and a form
to type a code.

Content negotiation on ``/certificates/<code>/``: ``?format=json``, or an ``Accept`` header that names
``application/ld+json`` or ``application/json`` and not ``text/html``, get JSON; everyone else the page.

- valid: the page says "Valid"; JSON: the signed credential (200, ``application/ld+json``);
- revoked: the page says "Revoked" and the date; JSON: 410 Gone with ``{"id", "status": "revoked",
  "revoked": date}`` (the credential is no longer given out, so nobody mistakes it for a valid one);
- unknown or erased: 404, a page that says the code was not found; JSON: ``{"status": "not found"}``.

Answers hold nothing that differs per visitor: ``Cache-Control: public, max-age=300`` (revocation shows
within five minutes in shared caches) with ``Vary: Accept``; the page sets no cookie and reads no session.

The answers for a valid or revoked certificate are kept in the "pages" cache under the content version (as the
public pages are, ``campus.core.cache``): revoking or erasing a certificate bumps the version
(``services``), so no process serves the old answer. The page is cached for visitors without a session only
(a signed-in person's header shows their name); the JSON is the same for everyone.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from campus.communications.services import site_url
from campus.core import content_version
from campus.core.cache import cache as pages

from .. import codes, credential, selectors, services
from ..forms import LookupForm
from ..models import Certificate

MAX_AGE = 300
JSON_TYPES = ("application/ld+json", "application/json")


def wants_json(request) -> bool:
    if request.GET.get("format") == "json":
        return True
    accept = request.headers.get("Accept", "").lower()
    return any(kind in accept for kind in JSON_TYPES) and "text/html" not in accept


def _public(response, max_age=MAX_AGE):
    patch_vary_headers(response, ("Accept",))
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def _anonymous(request) -> bool:
    user = getattr(request, "user", None)
    return (settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES
            and not (user is not None and user.is_authenticated))


@require_safe
def verify(request, code):
    canonical = codes.normalise(code)
    if canonical is not None and canonical != code:
        return redirect("certificates:verify", code=canonical, permanent=True)
    as_json = wants_json(request)
    if not canonical:
        return _answer(request, None, code, as_json)
    if not (as_json or _anonymous(request)):
        return _answer(request, selectors.by_code(canonical), code, as_json)
    name = hashlib.sha256(f"{request.get_host()}\n{canonical}\n{as_json}".encode()).hexdigest()
    version, hit = content_version.lookup(lambda v: f"certificate:{v}:{name}")
    if hit is not None:
        content, content_type, status = hit
        return _public(HttpResponse(content, content_type=content_type, status=status))
    response = _answer(request, selectors.by_code(canonical), code, as_json)
    if response.status_code in (200, 410):  # a valid or revoked certificate (never a 404: codes are free to try)
        pages.set(f"certificate:{version}:{name}", (response.content, response["Content-Type"], response.status_code),
                  settings.CAMPUS_PAGE_CACHE_SECONDS)
    return response


def _answer(request, certificate, code, as_json):
    if certificate is None or certificate.state == Certificate.State.ERASED:
        if as_json:
            return _public(JsonResponse({"status": "not found"}, status=404), max_age=60)
        return _public(render(request, "certificates/public/not_found.html", {"code": code}, status=404), 60)
    if as_json:
        if certificate.state == Certificate.State.REVOKED:
            return _public(JsonResponse({
                "id": request.build_absolute_uri(request.path), "status": "revoked",
                "revoked": certificate.revoked_at.date().isoformat(),
            }, status=410))
        response = JsonResponse(certificate.credential, content_type="application/ld+json",
                                json_dumps_params={"ensure_ascii": False})
        return _public(response)
    return _public(render(request, "certificates/public/verify.html", {
        "certificate": certificate, "json_url": reverse("certificates:verify", kwargs={"code": certificate.code})
        + "?format=json",
    }))


@require_safe
def issuer(request):
    """The issuer's profile: its name, address and public key (a Multikey), for verifiers of the credentials."""
    key = services.issuer_key()
    base = site_url()
    issuer_id = credential.issuer_id(base)
    key_id = credential.key_id(base, key.name)
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                     "https://www.w3.org/ns/cid/v1"],
        "id": issuer_id,
        "type": ["Profile"],
        "name": services.issuer_name(),
        "url": base + "/",
        "verificationMethod": [{"id": key_id, "type": "Multikey", "controller": issuer_id,
                                "publicKeyMultibase": key.public_multikey}],
        "assertionMethod": [key_id],
    }
    return _public(JsonResponse(document, content_type="application/ld+json"), max_age=3600)


@require_safe
def lookup(request):
    """Type a code: sent on to the certificate's page (an unknown code gets the "not found" page there)."""
    form = LookupForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return render(request, "certificates/public/lookup.html", {"form": form})

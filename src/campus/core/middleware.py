import ipaddress

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header: the site needs no camera, microphone or location."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response


class ForwardedClientMiddleware:
    """Behind the reverse proxy (``BEHIND_PROXY=1``), the client's address is the last ``X-Forwarded-For`` entry.

    nginx appends the address it saw (``$proxy_add_x_forwarded_for``), so the last entry cannot be forged by
    the client (entries before it can). Without this, every visitor would share the proxy's address, and
    the per-address limits (the contact form's) would count the whole world as one sender.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            last = forwarded.rsplit(",", 1)[-1].strip()
            try:
                request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(last))
            except ValueError:
                pass
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Whatever is answered to a signed-in person is ``Cache-Control: private, no-store``.

    Pages for someone signed in carry their name, their application, staff data: no browser history cache,
    no proxy and no shared cache may keep them. Anonymous visitors' responses keep whatever the view set (the
    public page cache, the API's ``public, no-cache``). A response that already says ``private`` and
    ``no-store`` (``add_never_cache_headers``) is left as it is; anything else (``public``, a ``max-age``,
    nothing at all) is replaced. Goes after ``AuthenticationMiddleware``; it reads ``request.user`` after the
    view, so the answer to a sign-in is private too, and the one to a sign-out is not (the person has left).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            make_private(response)
        return response


def make_private(response) -> None:
    directives = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
    if {"private", "no-store"} <= directives and "public" not in directives:
        return
    response.headers["Cache-Control"] = "private, no-store"
    if "Expires" in response.headers:
        del response.headers["Expires"]

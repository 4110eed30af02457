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

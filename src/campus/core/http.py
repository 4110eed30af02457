"""Small request helpers shared by the staff pages."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_path(request, value: str, fallback: str, *, under: str = "/") -> str:
    """``value`` when it is a path on this site (under ``under``), else ``fallback``: a ``next`` field from a
    form never sends anyone to another site."""
    if (value and value.startswith(under) and not value.startswith("//")
            and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure())):
        return value
    return fallback

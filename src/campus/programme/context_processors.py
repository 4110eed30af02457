from django.http import Http404

from . import selectors


def site(request):
    """The programme and the footer pages, for the layout (the footer is read only when shown)."""
    try:
        programme = selectors.request_programme(request)
    except Http404:
        return {"programme": None, "footer_pages": [], "editions_in_footer": False}
    # the archive (/editions/) is linked once there is more than one published edition (counted with the programme)
    return {"programme": programme, "footer_pages": lambda: selectors.footer_pages(programme),
            "editions_in_footer": getattr(programme, "published_editions", 0) > 1}

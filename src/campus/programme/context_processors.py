from django.http import Http404

from . import selectors


def site(request):
    """The programme and the footer pages, for the layout (the footer is read only when shown)."""
    try:
        programme = selectors.request_programme(request)
    except Http404:
        return {"programme": None, "footer_pages": []}
    return {"programme": programme, "footer_pages": lambda: selectors.footer_pages(programme)}

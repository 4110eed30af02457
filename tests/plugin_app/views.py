from django.http import HttpResponse

from campus.core.access import staff_page
from campus.team.permissions import Role, holds_any

MAY_READ = holds_any(Role.MODULE_LEAD)


@staff_page(MAY_READ, denied=403)
def home(request):
    return HttpResponse("<h1>Field notes of the cohort</h1>")


@staff_page(MAY_READ, denied=403)
def note(request, pk: int):
    from . import store

    return HttpResponse(store.NOTES.get(pk, ""), content_type="text/plain")

"""Who gets into the staff pages of admissions: the managers of the call's edition (``core.access.staff_page``)."""

from campus.applications.models import Call
from campus.core.access import staff_page

from ..permissions import can_manage_admissions


def call_or_none(pk):
    return Call.objects.select_related("edition__programme").filter(pk=pk).first()


# The call (``call`` in the URL) must be one the person manages; else 404 (nothing tells what exists).
manager_of_call = staff_page(can_manage_admissions, load={"call": call_or_none})

"""What the booklet plugs into the shared parts (campus.core.plugins): its staff section, its page and home
block in the participant area, the public booklet in place of the programme's static "Participant booklet"
page, the booklet details of the cohort directory, and its privacy handler."""

from django.template.loader import render_to_string

from campus.core.plugins import directory, links, privacy, staff
from campus.core.plugins import participant as area

from . import document  # noqa: F401 - connects the receivers that drop outdated booklet PDFs
from . import selectors
from .directory import directory_details
from .permissions import section_predicate
from .privacy_handler import BookletHandler

SECTION = staff.register(staff.StaffSection(
    title="Booklet", url_name="staff_booklet:home", order=55, predicate=section_predicate,
    description="Participants' booklet profiles: completeness, consent, editing for them, locks before printing.",
))

area.register_section(area.ParticipantSection(title="Booklet", url_name="booklet_me:edit", order=80,
                                              namespace="booklet_me"))


def booklet_block(request, participant):
    """'Complete your booklet profile' on the participant's home while parts are missing or nobody may see it
    (two queries at most)."""
    profile = selectors.profile_of(participant)
    completeness = selectors.completeness(profile)
    level = selectors.current_level(profile)
    if profile is not None and not completeness["missing"] and level != "nobody":
        return None
    html = render_to_string("booklet/participant/_home_block.html",
                            {"completeness": completeness, "level": level, "started": profile is not None},
                            request=request)
    return area.HomeBlock(html=html, order=80, key="booklet")


area.register_block(booklet_block)

# The programme's static page of the same name (the seed's footer) now leads to the public booklet.
links.register(f"page:{selectors.BOOKLET_PAGE}", "booklet:current")
links.register("edition_booklet", "booklet:current", state=selectors.edition_booklet_link)  # programme's archive

directory.register(directory_details)

privacy.register(BookletHandler())

from . import cloning  # noqa: E402 - its part of an edition's clone (campus.core.plugins.clone)

cloning.register()

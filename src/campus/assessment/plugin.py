"""What the assessment boards plug into: the participant section, the staff section (the cohort's boards, for
module leads and managers), the privacy handler and scanning's promotion registry (a signal becomes a card)."""

from campus.core.plugins import participant, privacy, staff
from campus.scanning import promotions

from . import permissions
from .privacy_handler import AssessmentHandler

participant.register_section(participant.ParticipantSection(title="Boards", url_name="assessment:list", order=74))

staff.register(staff.StaffSection(
    title="Assessment boards", url_name="staff_assessment:home", order=58, predicate=permissions.staff_section,
    description="The cohort's technology-assessment boards: cards, scores' aggregate and decisions of the boards "
                "shared with a coaching group or the cohort, and the groups' and the cohort's own.",
))

privacy.register(AssessmentHandler())

promotions.register("Assessment card", "assessment:from_signal")

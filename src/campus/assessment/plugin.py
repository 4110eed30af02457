"""What the assessment boards plug into: the participant section, the privacy handler and scanning's promotion
registry (a signal becomes a card)."""

from campus.core.plugins import participant, privacy
from campus.scanning import promotions

from .privacy_handler import AssessmentHandler

participant.register_section(participant.ParticipantSection(title="Boards", url_name="assessment:list", order=74))

privacy.register(AssessmentHandler())

promotions.register("Assessment card", "assessment:from_signal")

"""What signal scanning plugs into the shared parts: its participant section and its privacy handler."""

from campus.core.plugins import participant, privacy

from .privacy_handler import ScanningHandler

participant.register_section(participant.ParticipantSection(title="Signals", url_name="scanning:list", order=72))

privacy.register(ScanningHandler())

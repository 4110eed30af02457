"""What the team app plugs into the shared parts (campus.core.plugins): its privacy handler."""

from campus.core.plugins import privacy

from .privacy_handler import TeamHandler

privacy.register(TeamHandler())

"""What the cohort app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import privacy

from .privacy_handler import CohortHandler

privacy.register(CohortHandler())

"""What the admissions app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import privacy

from .privacy_handler import AdmissionsHandler

privacy.register(AdmissionsHandler())

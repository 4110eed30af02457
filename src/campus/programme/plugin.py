"""What the programme app plugs into the shared parts (campus.core.plugins)."""

from campus.core.plugins import privacy

from .privacy_handler import ContactHandler

privacy.register(ContactHandler())

from . import cloning

cloning.register()

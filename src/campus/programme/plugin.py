"""What the programme app plugs into the shared parts (campus.core.plugins)."""

from datetime import timedelta

from campus.core.plugins import jobs, privacy

from . import cloning, services
from .privacy_handler import ContactHandler

privacy.register(ContactHandler())
# The public site follows the current edition: an edition that ends hands over to the next published one. Asked
# every hour (idempotent, two cheap reads while nothing changes), so the hand-over happens within an hour of the
# day it is due, whenever the tick loop started.
jobs.register("programme.refresh_current_edition", services.refresh_current_editions, every=timedelta(hours=1))

cloning.register()

"""What communications plugs into the shared parts (campus.core.plugins): its periodic job."""

from datetime import timedelta

from campus.core.plugins import jobs

from . import services

# queued messages whose send task was lost (a crash between the commit and the enqueue) get a new one
jobs.register("communications.requeue_stale", services.requeue_stale, every=timedelta(minutes=5))

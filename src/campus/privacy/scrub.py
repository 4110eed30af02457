"""Whole-word scrubbing lives in ``campus.core.scrub`` (the apps' privacy handlers use it too); kept here
under its old name for the privacy app and its tests."""

from campus.core.scrub import *  # noqa: F401,F403
from campus.core.scrub import _clean, _LEFT, _RIGHT  # noqa: F401

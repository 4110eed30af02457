"""What the editions app plugs into the shared parts (campus.core.plugins): its staff section. The parts a clone
copies are registered by the apps that own them (their cloning.py, campus.core.plugins.clone)."""

from campus.core.plugins import staff

from .permissions import section_predicate

staff.register(staff.StaffSection(
    title="Editions", url_name="staff_editions:home", order=8, predicate=section_predicate,
    description="Every edition with its dates and state; clone one into the next (a draft), check its "
                "conflicts, publish it.",
))

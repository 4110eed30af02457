"""Personal data held by the team app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "team.TeamMembership.user": ("Organising the team of an edition (managers, reviewers, interviewers, module "
                                 "leads)", "Until the person leaves the team or is erased", "legitimate_interest"),
}
NOT_PERSONAL = {}

# How subject access and erasure treat the model (docs/privacy.md). Done by this app's privacy handler
# (privacy_handler.py, registered in plugin.py).
HANDLING = {
    "team.TeamMembership": "Access: the team member's roles per edition. Erasure: deleted.",
}

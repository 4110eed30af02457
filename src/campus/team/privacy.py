"""Personal data held by the team app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "team.TeamMembership.user": ("Organising the team of an edition (managers, reviewers, interviewers, module "
                                 "leads)", "Until the person leaves the team or is erased", "legitimate_interest"),
}
NOT_PERSONAL = {}

# How subject access and erasure treat the model (docs/privacy.md). Done by the review app's privacy handler,
# which exports the roles with the rest of a team member's work.
HANDLING = {
    "team.TeamMembership": "Access: the team member's roles per edition. Erasure: deleted.",
}

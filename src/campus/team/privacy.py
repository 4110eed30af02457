"""Personal data held by the team app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "team.TeamMembership.user": ("Organising the team of an edition (managers, reviewers, interviewers, module "
                                 "leads)", "Until the person leaves the team or is erased", "legitimate_interest"),
}
NOT_PERSONAL = {}

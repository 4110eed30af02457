from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "campus.review"
    label = "review"
    verbose_name = "Review"

    def ready(self):
        from campus.programme.services import seed_edition_loaded
        from campus.team.signals import team_role_removed

        from .seed import on_seed_edition_loaded

        # connected after the applications app (INSTALLED_APPS order): the seed call exists when this runs
        seed_edition_loaded.connect(on_seed_edition_loaded, dispatch_uid="review-seed")
        team_role_removed.connect(_team_role_removed, dispatch_uid="review.team_role_removed")
        # its mail event and periodic job: plugin.py (campus.core.plugins)


def _team_role_removed(sender, membership, actor=None, **kwargs):
    """A former reviewer's outstanding assignments go back to the pool (the team app knows nothing of
    assignments; it sends ``team_role_removed``)."""
    from . import services

    if membership.role == membership.Role.REVIEWER:
        services.release_assignments_of_former_reviewer(edition_id=membership.edition_id,
                                                        reviewer_id=membership.user_id, actor=actor)

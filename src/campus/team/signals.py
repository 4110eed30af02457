"""Domain signals of the team app, answered by the apps above it (review …) so that team names none of them.

``team_role_removed(sender=TeamMembership, membership, actor)`` is sent by ``services.remove_team_role`` inside
its transaction, before the row is deleted (``membership`` still has its edition, user and role). A receiver
that fails rolls the removal back. Review returns a former reviewer's outstanding assignments to the pool.
"""

from django.dispatch import Signal

team_role_removed = Signal()

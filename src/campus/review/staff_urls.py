"""The staff pages of review, mounted under /staff/review/."""

from django.urls import path

from .views import staff

app_name = "staff_review"

urlpatterns = [
    path("", staff.home, name="home"),
    path("editions/<int:pk>/team/", staff.team, name="team"),
    path("team/<int:pk>/remove/", staff.team_remove, name="team_remove"),
    path("calls/<int:call_pk>/phases/", staff.phases, name="phases"),
    path("phases/<int:pk>/", staff.phase_edit, name="phase_edit"),
    path("phases/<int:pk>/activate/", staff.phase_activate, name="phase_activate"),
    path("calls/<int:call_pk>/criteria/", staff.criteria, name="criteria"),
    path("criteria/<int:pk>/", staff.criterion_edit, name="criterion_edit"),
    path("criteria/<int:pk>/delete/", staff.criterion_delete, name="criterion_delete"),
    path("calls/<int:call_pk>/assignments/", staff.assignments, name="assignments"),
    path("calls/<int:call_pk>/assignments/auto/", staff.auto_assign, name="auto_assign"),
    path("calls/<int:call_pk>/needs-reviews/", staff.needs_reviews, name="needs_reviews"),
    path("calls/<int:call_pk>/conflicts/", staff.conflict_add, name="conflict_add"),
    path("assignments/<int:pk>/remove/", staff.unassign, name="unassign"),
    path("conflicts/<int:pk>/remove/", staff.conflict_remove, name="conflict_remove"),
    path("applications/<int:pk>/", staff.review, name="review"),
    path("applications/<int:pk>/conflict/", staff.declare_conflict, name="declare_conflict"),
    path("applications/<int:pk>/documents/<slug:kind>/", staff.document, name="document"),
]

"""The strategy pages: the participant's under /me/strategy/, the staff's overview under /staff/strategy/, the
public link under /strategy/shared/<token>/."""

from django.urls import include, path

from .views import editing, output, participant, staff

S = "<int:pk>/"
me = [
    path("", participant.home, name="home"),
    path("import/", output.import_page, name="import"),
    path(S, participant.detail, name="detail"),
    path(S + "edit/", participant.edit, name="edit"),
    path(S + "delete/", participant.delete, name="delete"),
    path(S + "comment/", participant.comment, name="comment"),
    path(S + "sharing/", participant.sharing_page, name="sharing"),
    path(S + "objectives/new/", editing.objective, name="objective_add"),
    path(S + "objectives/<int:objective_id>/", editing.objective, name="objective"),
    path(S + "objectives/<int:objective_id>/remove/", editing.objective_remove, name="objective_remove"),
    path(S + "objectives/<int:objective_id>/move/", editing.objective_move, name="objective_move"),
    path(S + "objectives/<int:objective_id>/actions/new/", editing.action, name="action_add"),
    path(S + "actions/<int:action_id>/", editing.action, name="action"),
    path(S + "actions/<int:action_id>/remove/", editing.action_remove, name="action_remove"),
    path(S + "objectives/<int:objective_id>/indicators/new/", editing.indicator, name="indicator_add"),
    path(S + "indicators/<int:indicator_id>/", editing.indicator, name="indicator"),
    path(S + "indicators/<int:indicator_id>/remove/", editing.indicator_remove, name="indicator_remove"),
    path(S + "checkins/new/", editing.checkin, name="checkin"),
    path(S + "checkins/<int:checkin_id>/remove/", editing.checkin_remove, name="checkin_remove"),
    path(S + "strategy.pdf", output.pdf_view, name="pdf"),
    path(S + "export.json", output.export, {"fmt": "json"}, name="export_json"),
    path(S + "export.csv", output.export, {"fmt": "csv"}, name="export_csv"),
]

staff_urls = ([
    path("", staff.home, name="home"),
    path("<int:pk>/", staff.strategy, name="strategy"),
], "staff_strategy")

public_urls = ([
    path("<str:token>/", output.public, name="strategy"),
    path("<str:token>/strategy.pdf", output.public_pdf, name="pdf"),
], "strategy_public")

urlpatterns = [
    path("me/strategy/", include((me, "strategy"))),
    path("staff/strategy/", include(staff_urls)),
    path("strategy/shared/", include(public_urls)),
]

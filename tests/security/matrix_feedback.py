"""The surveys' URLs in the permission matrix (merged into matrix.py; see the notes there).

The world (world_feedback.py) has open surveys of module 1 (named; "lead" leads module 1), of module 2 (named,
answers with the secret marker) and of the whole edition (anonymous, answers with the marker), and a draft.
Staff pages: visitors sign in; people with neither the manager nor the module-lead role get 404; a survey the
person may not see is a 404; a module lead asking for a manager's action on their module's survey gets 403.
Participant pages: only participants (403 for anyone else signed in); a draft is not found.
"""

from .matrix import LOGIN, Case, E
from .world_feedback import DRAFT, M1

BUILDER_M1 = f"302→/staff/feedback/{M1}/"
BUILDER_DRAFT = f"302→/staff/feedback/{DRAFT}/"
NOT_ANSWERED_M1 = f"302→/staff/feedback/{M1}/not-answered/"
MANAGERS = dict(anonymous=LOGIN, manager="200", superuser="200")
READERS_M1 = dict(anonymous=LOGIN, lead="200", manager="200", superuser="200")
SECRET_FOR_MANAGERS = dict(anonymous=LOGIN, manager="200+secret", superuser="200+secret")
LEAD_403 = dict(anonymous=LOGIN, lead="403", manager="200", superuser="200")
ONLY_PARTICIPANT = dict(anonymous=LOGIN, participant="200")

MATRIX = {
    # --- participants (/me/surveys/) ----------------------------------------------------------------------
    "feedback:list": [Case("/me/surveys/", E("403", **ONLY_PARTICIPANT), E("405"))],
    "feedback:answer": [
        # an empty POST is a refused form (the required question): 200, nothing stored
        Case("/me/surveys/{survey_m2}/", E("403", **ONLY_PARTICIPANT), E("403", **ONLY_PARTICIPANT)),
        Case("/me/surveys/{survey_anon}/", E("403", **ONLY_PARTICIPANT), E("403", **ONLY_PARTICIPANT)),
        Case("/me/surveys/{survey_draft}/", E("403", anonymous=LOGIN, participant="404"),
             E("403", anonymous=LOGIN, participant="404"), note="a draft is not shown"),
        Case("/me/surveys/999999/", E("403", anonymous=LOGIN, participant="404"),
             E("403", anonymous=LOGIN, participant="404")),
    ],
    # --- staff (/staff/feedback/) -------------------------------------------------------------------------
    "staff_feedback:home": [Case("/staff/feedback/", E("404", **READERS_M1), E("405"))],
    "staff_feedback:new": [Case("/staff/feedback/new/", E("404", **MANAGERS), E("404", **MANAGERS))],
    "staff_feedback:survey": [
        Case("/staff/feedback/{survey_m1}/",
             E("404", anonymous=LOGIN, lead=f"302→/staff/feedback/{M1}/results/", manager="200", superuser="200"),
             E("405")),
        Case("/staff/feedback/{survey_m2}/", E("404", **MANAGERS), E("405")),
        Case("/staff/feedback/999999/", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_feedback:edit": [
        Case("/staff/feedback/{survey_m1}/edit/", E("404", **LEAD_403), E("404", **LEAD_403)),
        Case("/staff/feedback/{survey_m2}/edit/", E("404", **MANAGERS), E("404", **MANAGERS)),
    ],
    "staff_feedback:delete": [
        Case("/staff/feedback/{survey_draft}/delete/", E("405"),
             E("404", anonymous=LOGIN, manager="302→/staff/feedback/", superuser="302→/staff/feedback/")),
        Case("/staff/feedback/{survey_m1}/delete/", E("405"),
             E("404", anonymous=LOGIN, lead="403", manager=BUILDER_M1, superuser=BUILDER_M1),
             note="open: refused with a message"),
    ],
    "staff_feedback:question_new": [
        Case("/staff/feedback/{survey_draft}/questions/new/", E("404", **MANAGERS), E("404", **MANAGERS)),
        Case("/staff/feedback/{survey_m1}/questions/new/", E("404", **LEAD_403), E("404", **LEAD_403),
             note="open: the form shows, adding is refused on the form"),
    ],
    "staff_feedback:question_edit": [
        Case("/staff/feedback/questions/{draft_question}/edit/", E("404", **MANAGERS), E("404", **MANAGERS)),
        Case("/staff/feedback/questions/{m1_question}/edit/", E("404", **LEAD_403), E("404", **LEAD_403)),
        Case("/staff/feedback/questions/999999/edit/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "staff_feedback:question_delete": [
        Case("/staff/feedback/questions/{draft_question}/delete/", E("405"),
             E("404", anonymous=LOGIN, manager=BUILDER_DRAFT, superuser=BUILDER_DRAFT)),
        Case("/staff/feedback/questions/{m1_question}/delete/", E("405"),
             E("404", anonymous=LOGIN, lead="403", manager=BUILDER_M1, superuser=BUILDER_M1),
             note="open: refused with a message"),
    ],
    "staff_feedback:question_move": [
        Case("/staff/feedback/questions/{draft_question}/move/", E("405"),
             E("404", anonymous=LOGIN, manager=BUILDER_DRAFT, superuser=BUILDER_DRAFT)),
        Case("/staff/feedback/questions/{m1_question}/move/", E("405"),
             E("404", anonymous=LOGIN, lead="403", manager=BUILDER_M1, superuser=BUILDER_M1)),
    ],
    "staff_feedback:state": [
        Case("/staff/feedback/{survey_m1}/state/", E("405"),
             E("404", anonymous=LOGIN, lead="403", manager=BUILDER_M1, superuser=BUILDER_M1),
             note="no target state: refused with a message"),
    ],
    "staff_feedback:results": [
        Case("/staff/feedback/{survey_m1}/results/", E("404", **READERS_M1), E("405")),
        Case("/staff/feedback/{survey_m2}/results/", E("404", **SECRET_FOR_MANAGERS), E("405")),
        Case("/staff/feedback/{survey_anon}/results/", E("404", **SECRET_FOR_MANAGERS), E("405")),
        Case("/staff/feedback/{survey_draft}/results/", E("404", **MANAGERS), E("405")),
    ],
    "staff_feedback:not_answered": [
        Case("/staff/feedback/{survey_m1}/not-answered/", E("404", **READERS_M1), E("405")),
        Case("/staff/feedback/{survey_m2}/not-answered/", E("404", **MANAGERS), E("405")),
    ],
    "staff_feedback:remind": [
        Case("/staff/feedback/{survey_m1}/remind/", E("405"),
             E("404", anonymous=LOGIN, lead="403", manager=NOT_ANSWERED_M1, superuser=NOT_ANSWERED_M1)),
    ],
    "staff_feedback:export": [
        Case("/staff/feedback/{survey_m1}/export.xlsx", E("404", **READERS_M1), E("405")),
        Case("/staff/feedback/{survey_m2}/export.csv", E("404", **SECRET_FOR_MANAGERS), E("405")),
        Case("/staff/feedback/{survey_anon}/export.xlsx", E("404", **SECRET_FOR_MANAGERS), E("405")),
        Case("/staff/feedback/{survey_m1}/export.pdf", E("404", anonymous=LOGIN), E("405")),
    ],
}

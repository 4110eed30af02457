"""Personal data held by the assessment boards (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "assessment.Board.owner": ("Scouting tools: who made or owns an assessment board",
                               "Until the owner deletes it or is erased (their own boards deleted; group and cohort "
                               "boards kept without them)", "contract"),
    "assessment.Board.title": ("Scouting tools: the board's title and description (the participant's own work)",
                               "With the board", "contract"),
    "assessment.Card.owner": ("Scouting tools: who owns an assessment card", "With the board; erasure keeps the "
                              "card on a shared board without its owner", "contract"),
    "assessment.Card.rationale": ("Scouting tools: a card's description, TRL evidence and decision rationale "
                                  "(the participant's own work)", "With the board", "contract"),
    "assessment.Score.scorer": ("Scouting tools: each scorer's value and confidence per criterion of a card",
                                "With the board; deleted when the scorer is erased", "contract"),
}

HANDLING = {
    "assessment.Board": "Access: every board the person made. Erasure: their own boards deleted (with criteria, "
                        "cards and scores); a group's or the cohort's board kept, its maker set to nobody.",
    "assessment.Card": "Access: every card the person owns, with the titles of its linked signals. Erasure: kept on a "
                       "shared board, owner set to nobody; its links to signals go with the card (or with an erased "
                       "person's signal).",
    "assessment.Score": "Access: every score the person gave. Erasure: deleted.",
    "assessment.Criterion": "Exported and erased with its board.",
}

NOT_PERSONAL = {
    "assessment.Criterion.name": "The name of a board's criterion (e.g. Market pull) and its anchors",
}

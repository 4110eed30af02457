"""Personal data held by signal scanning (read by campus.privacy.registry; see docs/privacy.md)."""

PURPOSE = "Scouting for innovation (module 4): the signals a participant logs and discusses with their group"

PERSONAL_DATA = {
    "scanning.Signal.owner": (f"{PURPOSE}: who made a signal", "Until erased on request", "contract"),
    "scanning.Signal.why": (f"{PURPOSE}: what the person wrote about their cluster", "Until erased on request",
                            "contract"),
    "scanning.Comment.author": (f"{PURPOSE}: who commented", "Until erased on request", "contract"),
    "scanning.Comment.text": (f"{PURPOSE}: what they commented", "Until erased on request", "contract"),
    "scanning.Vote.voter": (f"{PURPOSE}: who voted for a signal", "Until erased on request", "contract"),
}

HANDLING = {
    "scanning.Signal": "Access: the person's signals. Erasure: their own signals deleted; signals owned by their "
                       "coaching group or the cohort stay, without an owner.",
    "scanning.Comment": "Access: the person's comments. Erasure: deleted.",
    "scanning.Vote": "Access: how many votes. Erasure: deleted.",
}

"""Personal data held by the peer-coaching app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "coaching.GroupMember.participant": ("Peer coaching: who is in which coaching group",
                                         "With the round; removed when the participant is erased", "contract"),
    "coaching.CoachingSession.attendees": ("Peer coaching: who took part in a session of their group",
                                           "With the round; removed when the participant is erased", "contract"),
    "coaching.CoachingSession.notes": ("Peer coaching: the group's own notes of a session (read by its members "
                                       "only, never by staff)",
                                       "With the round; cleared when the member who logged them is erased",
                                       "contract"),
    "coaching.CoachingSession.logged_by": ("Peer coaching: which member logged a session",
                                           "With the round; set to nobody when that member is erased", "contract"),
    "coaching.CoachingGroup.reason": ("Peer coaching: why a group was formed (names of members who met before)",
                                      "With the round; rewritten when a person named in it is erased",
                                      "legitimate_interest"),
    "coaching.CoachingRound.created_by": ("Accountability of staff actions",
                                          "Set to nobody when that staff member is erased", "legitimate_interest"),
}

# How subject access and erasure treat each model (docs/privacy.md shows it). Done by privacy_handler.py.
HANDLING = {
    "coaching.GroupMember": "Access: the person's coaching groups (round, group number). Erasure: removed from "
                            "every group.",
    "coaching.CoachingSession": "Access: the sessions the person took part in or logged (date; the notes of the "
                                "sessions they logged). Erasure: removed from who took part; the notes they "
                                "logged cleared; the logger set to nobody.",
    "coaching.CoachingGroup": "Erasure: a reason that names the person is rewritten without their name.",
    "coaching.CoachingRound": "Access: the rounds a staff member generated. Erasure of that staff member: the "
                              "creator set to nobody. Retention: rounds, groups and their session logs are "
                              "deleted with the edition's other data once its retention period has passed.",
}

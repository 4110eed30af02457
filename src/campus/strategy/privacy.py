"""Personal data held by the strategy app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "strategy.Strategy.owner": ("Strategy workspace: who made or owns a cluster strategy",
                                "Until the owner deletes it or is erased (their own strategies deleted; a coaching "
                                "group's kept without them)", "contract"),
    "strategy.Strategy.vision": ("Strategy workspace: the cluster name, vision, mission and objectives (the "
                                 "participant's own work)", "With the strategy", "contract"),
    "strategy.Action.owner_name": ("Strategy workspace: the name of whoever carries out an action (free text, "
                                   "typed by the participant)", "With the strategy", "contract"),
    "strategy.CheckIn.made_by": ("Strategy workspace: who recorded a check-in, and its note",
                                 "With the strategy; emptied when that person is erased", "contract"),
    "strategy.Reading.note": ("Strategy workspace: the note on an indicator's value at a check-in",
                              "With the strategy", "contract"),
    "strategy.Comment.author": ("Strategy workspace: feedback and answers on a strategy, with their author",
                                "With the strategy; deleted when their author is erased", "contract"),
}

HANDLING = {
    "strategy.Strategy": "Access: every strategy the person made, with its objectives, actions, indicators, targets, "
                         "check-ins and comments. Erasure: their own strategies deleted (with everything in them); a "
                         "coaching group's kept, its maker set to nobody.",
    "strategy.Objective": "Exported and erased with its strategy.",
    "strategy.Action": "Exported and erased with its strategy.",
    "strategy.Indicator": "Exported and erased with its strategy.",
    "strategy.Target": "Exported and erased with its strategy.",
    "strategy.CheckIn": "Exported and erased with its strategy; on a strategy kept (a group's) the erased person is "
                        "no longer named as its maker.",
    "strategy.Reading": "Exported and erased with its check-in.",
    "strategy.ActionUpdate": "Exported and erased with its check-in.",
    "strategy.Comment": "Access: every comment the person wrote. Erasure: deleted (on their own strategies with "
                        "them; elsewhere too).",
}

NOT_PERSONAL = {
    "strategy.Indicator.name": "The name and unit of a key performance indicator of a strategy",
    "strategy.Target.value": "A target value of an indicator",
}

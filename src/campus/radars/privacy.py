"""Personal data held by the radars app (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "radars.Radar.owner": ("Scouting tools: who made or owns a technology radar",
                           "Until the owner deletes it or is erased (their own radars deleted; group and cohort "
                           "radars kept without them)", "contract"),
    "radars.Radar.title": ("Scouting tools: the radar's title and description (the participant's own work)",
                           "With the radar", "contract"),
    "radars.Blip.rationale": ("Scouting tools: the rationale of each blip (the participant's own work)",
                              "With the radar", "contract"),
}

HANDLING = {
    "radars.Blip": "Exported and erased with its radar.",
    "radars.Radar": "Access: every radar the person made, with its editions and blips. Erasure: their own radars "
                    "deleted (with editions, items and blips); a group's or the cohort's radar kept, its maker "
                    "set to nobody.",
}

NOT_PERSONAL = {
    "radars.Item.name": "The name of a technology or idea on a radar",
    "radars.Quadrant.name": "The name of a radar's quadrant (e.g. Technologies)",
    "radars.Ring.name": "The name of a radar's ring (e.g. Adopt)",
    "radars.RadarEdition.name": "The name of a radar's edition (e.g. 2021-10)",
}

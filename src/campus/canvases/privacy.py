"""Personal data held by the canvases (read by campus.privacy.registry; see docs/privacy.md)."""

PERSONAL_DATA = {
    "canvases.Canvas.owner": ("Strategy canvases: who made or owns a canvas",
                              "Until the owner deletes it or is erased (their own canvases deleted; group and "
                              "cohort canvases kept without them)", "contract"),
    "canvases.Canvas.title": ("Strategy canvases: the canvas's title and description (the participant's own work)",
                              "With the canvas", "contract"),
    "canvases.Item.text": ("Strategy canvases: the notes on a canvas and who wrote each (the participant's own "
                           "work about their cluster)", "With the canvas", "contract"),
    "canvases.Item.author": ("Strategy canvases: who wrote a note", "With the canvas; set to nobody when the "
                             "author is erased", "contract"),
    "canvases.Version.saved_by": ("Strategy canvases: who saved a version", "With the canvas; set to nobody when "
                                  "that person is erased", "contract"),
    "canvases.Comment.author": ("Strategy canvases: who wrote a comment or feedback", "With the canvas; set to "
                                "nobody when the author is erased", "contract"),
    "canvases.Version.snapshot": ("Strategy canvases: saved versions of a canvas (its notes at that time, a note "
                                  "on what changed, who saved it)", "With the canvas", "contract"),
    "canvases.Comment.body": ("Strategy canvases: comments and the module leads' feedback on a canvas, with their "
                              "author", "With the canvas; erasure keeps the text without its author", "contract"),
}

HANDLING = {
    "canvases.Canvas": "Access: every canvas the person made, with its notes, versions and comments. Erasure: their "
                       "own canvases deleted (with notes, versions and comments); a group's or the cohort's canvas "
                       "kept, its maker set to nobody.",
    "canvases.Item": "Exported with its canvas. Erasure: deleted with the person's own canvases; on a shared canvas "
                     "kept, its author set to nobody.",
    "canvases.Version": "Exported with its canvas. Erasure: deleted with the canvas; otherwise kept, saved_by set "
                        "to nobody.",
    "canvases.Comment": "Access: every comment the person wrote. Erasure: deleted with the person's own canvases; "
                        "elsewhere kept, its author set to nobody.",
}

NOT_PERSONAL = {
    "canvases.CanvasType.title": "A canvas type (e.g. SWOT analysis), its description and grid: programme content",
    "canvases.CanvasBox.prompt": "A box of a canvas type (e.g. Strengths) with its prompt: programme content",
}

"""Personal data held by the surveys app (read by campus.privacy.registry; see docs/privacy.md).

Responses to anonymous surveys hold neither a participant nor a time: they are not personal data of anyone
and are neither exported nor erased per person (what someone wrote in a free-text answer cannot be traced back
to them, not by the team either).
"""

PERSONAL_DATA = {
    "feedback.Response.participant": ("Feedback on the education: answers to named surveys", "Until erased on request",
                                      "legitimate_interest"),
    "feedback.Response.answers": ("Feedback on the education: what was answered (tied to the person in named "
                                  "surveys only)", "Named: until erased on request; anonymous: with the survey",
                                  "legitimate_interest"),
    "feedback.Draft.answers": ("Keeping survey answers saved part-way", "Until the survey is submitted or erased "
                               "on request", "legitimate_interest"),
    "feedback.Completion.participant": ("Knowing who has answered a survey, to remind only the others",
                                        "Until erased on request", "legitimate_interest"),
    "feedback.Draft.participant": ("Keeping survey answers saved part-way", "Until the survey is submitted or "
                                   "erased on request", "legitimate_interest"),
}

HANDLING = {
    "feedback.Response": "Access: the answers to named surveys. Erasure: named responses deleted. Responses to "
                         "anonymous surveys hold no person (no participant, no time) and are neither exported nor "
                         "erased per person.",
    "feedback.Completion": "Access: which surveys the person has answered. Erasure: deleted.",
    "feedback.Draft": "Access: the answers saved part-way. Erasure: deleted.",
}

"""A survey of module 1 with ANSWERS answers, for phase 4 of scripts/bench.sh (issue 12: "the results of a survey
with 250 answers"). Used by bench/attendance_roll_call.py, which times the results page in the same process as
the roll call, signed in as the lead of module 1 (who may read the results of their module's surveys).

One question of each kind (agreement scale, one choice, several choices, free text); the survey is named (so
the results page also lists who has not answered) and closed after the answers came in. Answers are written in
bulk: a Response and a Completion per participant, as feedback.services.submit writes them.
"""

import random


def prepare_survey(*, module, lead, participants) -> int:
    from campus.feedback import services
    from campus.feedback.models import Completion, Question, Response, Survey

    survey = services.create_survey(edition=module.edition, module=module, actor=lead, anonymous=False,
                                     title="How did module 1 go?", intro="Five minutes, four questions.")
    kinds = Question.Kind
    likert = services.add_question(survey=survey, actor=lead, kind=kinds.LIKERT, text="The meetup was worth it.")
    single = services.add_question(survey=survey, actor=lead, kind=kinds.SINGLE, text="Which day helped most?",
                                   choices="Day one\nDay two\nBoth the same")
    several = services.add_question(survey=survey, actor=lead, kind=kinds.MULTIPLE, text="What would you keep?",
                                    choices="Site visits\nPeer coaching\nLectures\nThe dinner")
    text = services.add_question(survey=survey, actor=lead, kind=kinds.TEXT, text="What should change?")
    services.set_state(survey=survey, to=Survey.State.OPEN, actor=lead)
    rng = random.Random(250)
    days, keep = ["Day one", "Day two", "Both the same"], ["Site visits", "Peer coaching", "Lectures", "The dinner"]
    Response.objects.bulk_create([
        Response(survey=survey, participant=p, answers={
            likert.key: rng.randint(1, 5), single.key: rng.choice(days),
            several.key: rng.sample(keep, rng.randint(1, 3)),
            text.key: f"More time for the site visit, please ({i})."})
        for i, p in enumerate(participants)])
    Completion.objects.bulk_create([Completion(survey=survey, participant=p) for p in participants])
    services.set_state(survey=survey, to=Survey.State.CLOSED, actor=lead)
    return survey.pk

"""The participant home's block: the open surveys the participant has not answered yet."""

from django.template.loader import render_to_string

from campus.core.plugins.participant import HomeBlock

from . import selectors, services


def open_surveys_block(request, participant):
    waiting = [s for s in selectors.surveys_for_participant(participant)
               if not s.answered and services.is_answerable(s)]
    if not waiting:
        return None
    return HomeBlock(render_to_string("feedback/participant/_home_block.html", {"surveys": waiting}, request=request),
                     order=40, key="feedback")

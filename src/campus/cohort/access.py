"""One decorator for every page of the participant area (/me/): ``participant_page``.

- a visitor who is not signed in is sent to the sign-in page (and back afterwards);
- a signed-in person who is not a participant gets a page that says what the area is and where to go instead
  (status 403), never another person's data;
- the view gets ``request.participant`` (the ``Participant`` row of the edition shown);
- the answer is never cached (it holds personal data).
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from . import selectors


def participant_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        participant = selectors.current_participation(user)
        if bool(request.session.get(selectors.SESSION_FLAG)) != (participant is not None):
            selectors.note_in_session(request, user)
        if participant is None:
            response = render(request, "cohort/not_participant.html", status=403)
        else:
            request.participant = participant
            response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    wrapper.participant_page = True
    return wrapper

"""The registration's state machine: the table, every pair outside it refused, a label for every state, and
no code outside states.py writes ``Registration.state`` (read from the source)."""

import itertools

import pytest

from campus.forum import states
from campus.forum.models import Registration
from tests.state_writes import Guard, writes, writes_in_source

R = Registration.State
# "message": the outbox's own machine (communications/services.py), an object of another model.
GUARD = Guard(model="Registration", fields={"state"}, allowed={"forum/states.py"}, other_objects={"message"})


def test_the_table_is_the_expected_one_and_every_state_has_a_label():
    assert states.ALLOWED == {
        R.UNCONFIRMED: {R.CONFIRMED, R.WAITLISTED, R.CANCELLED},
        R.CONFIRMED: {R.CANCELLED},
        R.WAITLISTED: {R.OFFERED, R.CONFIRMED, R.CANCELLED},
        R.OFFERED: {R.CONFIRMED, R.LAPSED, R.CANCELLED},
        R.LAPSED: set(),
        R.CANCELLED: set(),
    }
    assert set(states.LABELS) == set(R.values) == set(states.ALLOWED)


@pytest.mark.parametrize("source,target", [(s, t) for s, t in itertools.product(R.values, R.values)])
def test_each_pair_is_allowed_or_refused_as_the_table_says(source, target):
    registration = Registration(state=source)
    if target in states.ALLOWED[source]:
        states.transition(registration, target)
        assert registration.state == target
    else:
        with pytest.raises(states.TransitionError):
            states.transition(registration, target)
        assert registration.state == source


def test_no_code_outside_the_states_module_writes_a_registration_state():
    assert writes_in_source(GUARD) == []


def test_the_search_would_find_a_write():
    source = "def f(r):\n    r.state = 'confirmed'\n    Registration.objects.create(state='confirmed')\n"
    assert len(writes(GUARD, source=source, path="x.py")) == 2

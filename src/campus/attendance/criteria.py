"""The certificate criterion of attendance: "meetups attended: at least N of M".

The rule: M is the number of the edition's meetups that have at least one session (a meetup without sessions
takes no attendance and is not counted). A participant attended a meetup when they were present or late at one
or more of its sessions (excused counts as not attended: the certificate says what was done). Webinars do not
count. A participant who joined the cohort after a meetup ended is still measured against every meetup: N is
the bar staff set, and the verdict says how many they attended of how many.
"""

from campus.core.plugins.criteria import Criterion, Parameter, Verdict

from .models import ATTENDED, Attendance, Session


def meetups_attended(edition, participants, params) -> dict:
    """{participant.pk: Verdict} for all of ``participants`` in two queries."""
    minimum = int(params.get("minimum", 0))
    total = Session.objects.filter(edition=edition, meetup__isnull=False).values("meetup_id").distinct().count()
    ids = [p.pk for p in participants]
    attended: dict[int, set] = {}
    rows = (Attendance.objects.filter(participant_id__in=ids, status__in=ATTENDED, session__edition=edition,
                                      session__meetup__isnull=False)
            .values_list("participant_id", "session__meetup_id").distinct())
    for participant_id, meetup_id in rows:
        attended.setdefault(participant_id, set()).add(meetup_id)
    verdicts = {}
    for pk in ids:
        count = len(attended.get(pk, ()))
        met = count >= minimum
        reason = f"{count} of {total} meetup{'s' if total != 1 else ''} attended"
        verdicts[pk] = Verdict(met, reason if met else f"{reason}; {minimum} needed")
    return verdicts


def describe(params) -> str:
    return f"At least {params.get('minimum', 0)} meetups attended"


CRITERION = Criterion(
    key="meetups_attended", label="Meetups attended",
    parameters=(Parameter("minimum", "At least this many meetups", default=6, minimum=0),),
    describe=describe, evaluate=meetups_attended,
)

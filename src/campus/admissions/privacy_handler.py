"""What the admissions app holds about a person, for subject access and erasure (registered in plugin.py):
decisions (once released), offers and their letters. It tells the handlers that follow which applications
have their results released (``Person.released``): before that, the team's assessment is not exported."""

from campus.applications.models import Application
from campus.core.plugins.privacy import Person, PrivacyHandler, Section, iso, rewrite_texts

from . import erasure
from .models import AdmissionSettings, Decision, Offer


def released_application_ids(applications) -> set[int]:
    """The applications whose results the applicant may see: their decision is released or, without a
    decision, the call's decisions are."""
    applications = list(applications)
    if not applications:
        return set()
    ids = [a.pk for a in applications]
    decisions = dict(Decision.objects.filter(application_id__in=ids).values_list("application_id", "released_at"))
    released_calls = set(AdmissionSettings.objects.filter(
        call_id__in={a.call_id for a in applications}, released_at__isnull=False).values_list("call_id", flat=True))
    return {
        a.pk for a in applications
        if (decisions[a.pk] is not None if a.pk in decisions else a.call_id in released_calls)
    }


def decisions_of(application_ids) -> list:
    return list(Decision.objects.filter(application_id__in=application_ids).order_by("application_id"))


def offers_of(application_ids) -> list:
    return list(Offer.objects.filter(application_id__in=application_ids).order_by("made_at", "id"))


class AdmissionsHandler(PrivacyHandler):
    key, order = "admissions", 60
    internal_actions = ("admissions.",)
    # never in the download: a promotion a manager has not confirmed yet (the offer that follows is)
    unconfirmed_actions = frozenset({"admissions.promotion_suggested"})

    def prepare(self, person: Person):
        person.released = released_application_ids(person.applications)
        label = Application._meta.label_lower
        person.withheld |= {(label, str(a.pk)) for a in person.applications if a.pk not in person.released}

    def export(self, person: Person):
        decisions = [d for d in decisions_of(person.application_ids) if d.released_at is not None]
        offers = [o for o in offers_of(person.application_ids) if o.state != Offer.State.SUGGESTED]
        person.add_targets(decisions)
        person.add_targets(offers)
        files, items = [], []
        for offer in offers:
            reference = person.reference(offer.application_id)
            item = {"application": reference, "state": offer.get_state_display(), "via": offer.get_via_display(),
                    "made_at": iso(offer.made_at), "reply_by": iso(offer.reply_by),
                    "responded_at": iso(offer.responded_at), "letter": None, "confirmation": None}
            if offer.letter:
                item["letter"] = f"{reference}/acceptance-letter-{offer.pk}.pdf"
                files.append((item["letter"], offer.letter))
            if offer.confirmation:
                item["confirmation"] = f"{reference}/place-confirmation-{offer.pk}.pdf"
                files.append((item["confirmation"], offer.confirmation))
            items.append(item)
        return {"decisions": [
            {"application": person.reference(d.application_id), "outcome": d.get_outcome_display(),
             "waitlist_rank": d.waitlist_rank, "released_at": iso(d.released_at)}
            for d in decisions
        ], "offers": items}, files

    def plan(self, person: Person):
        ids = person.application_ids
        part = {"decisions": decisions_of(ids), "offers": offers_of(ids)}
        person.add_targets(part["decisions"])
        person.add_targets(part["offers"])
        others = Decision.objects.select_related("application__applicant").exclude(application_id__in=ids)
        part["texts_of_others"] = person.changed_by_scrubbing(others, ("note",))
        return part

    def describe(self, part, person):
        return [
            Section("Decisions", "note cleared; the outcome stays",
                    [f"{person.reference(d.application_id)}: {d.get_outcome_display()}" for d in part["decisions"]],
                    order=60),
            Section("Offers", "letters deleted; an open offer declined, a suggested promotion dismissed",
                    [f"{person.reference(o.application_id)}: {o.get_state_display()}"
                     f"{', with letter' if o.letter else ''}{', with confirmation' if o.confirmation else ''}"
                     for o in part["offers"]], order=61),
            Section("Texts of others that name them", "",
                    [f"{row._meta.verbose_name} on application {row.application.reference}"
                     for row in part["texts_of_others"]], order=90.1),
        ]

    def erase(self, part, person):
        counts = {"offers_given_up": erasure.give_up_offers(applications=person.application_ids, actor=person.actor)}
        counts.update(erasure.forget_applicant(applications=person.application_ids))
        counts["texts_of_others"] = rewrite_texts(part["texts_of_others"], ("note",), person.scrubbed)
        return counts

    def retained(self):
        """An applicant who accepted an offer is admitted: their documents outlive the retention period."""
        return {"applications": Offer.objects.filter(state=Offer.State.ACCEPTED).values("application_id")}

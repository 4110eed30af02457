"""Objects of the forum staff tests (imported by the test modules, not a conftest: the forum's own tests have
theirs): an event of the seed edition and one of another edition, managers of each, registrants placed through
the forum's services."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from campus.forum import services
from campus.forum.models import Event, Registration
from campus.programme.models import Edition
from campus.team.models import Role, TeamMembership

PEOPLE = [
    # name, organisation, country, dietary, accessibility
    ("Anna Aalto", "Vaasa Energy Cluster", "FI", "vegetarian", ""),
    ("Bert Berg", "Oslo Maritime", "NO", "", "wheelchair"),
    ("Cara Cole", "Riga Food Cluster", "LV", "", ""),
    ("Dan Dahl", "Aarhus Wind", "DK", "no nuts", "hearing loop"),
    ("Eva Ek", "Malmo Health Hub", "SE", "", ""),
]


def make_event(edition, *, standalone=False, slug="forum-staff", capacity=10, offer_mode=Event.OfferMode.AUTOMATIC, **extra) -> Event:
    today = timezone.localdate()
    spec = dict(programme=edition.programme, edition=None if standalone else edition, slug=slug, title="Cluster Education Forum Test",
                region="Baltic Sea Region", starts_on=today + timedelta(days=30), ends_on=today + timedelta(days=31),
                timezone="Europe/Helsinki", city="Vaasa", country="FI", venue="Vaasa Hall", capacity=capacity,
                offer_hours=24, offer_mode=offer_mode, published=True)
    spec.update(extra)
    return Event.objects.create(**spec)


def make_staff(edition, email, role=Role.MANAGER, given="Maria"):
    user = get_user_model().objects.create_user(email=email, password="a-long-password-1", given_name=given,
                                                family_name="Staff", full_name=f"{given} Staff")
    if edition is not None:
        TeamMembership.objects.create(edition=edition, user=user, role=role)
    return user


def other_edition(edition) -> Edition:
    """A second edition of the same programme (its managers must never see this one's registrations)."""
    return Edition.objects.create(programme=edition.programme, name="Next edition", slug="next-edition",
                                  is_current=False, capacity=20, application_deadline=edition.application_deadline,
                                  acceptance_letter_on=edition.acceptance_letter_on, hours_per_week_min=1,
                                  hours_per_week_max=4)


def register(event, name, organisation="", country="", dietary="", access="", *, email=None) -> Registration:
    """A guest registration, address confirmed: a seat or the waitlist."""
    email = email or name.lower().replace(" ", ".") + "@example.org"
    registration, _ = services.register(event=event, email=email, details={
        "name": name, "organisation": organisation, "country": country, "role": "Cluster manager",
        "dietary_needs": dietary, "accessibility_needs": access, "on_attendee_list": True})
    return services.confirm_email(registration=registration)


def fill(event, people=PEOPLE) -> list[Registration]:
    return [register(event, *person) for person in people]

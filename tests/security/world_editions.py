"""The editions app's objects in the security world: a draft edition nobody of the world manages (a manager of
another edition made it), whose only module carries the applicant's secret marker in its title and lies in the past,
so the draft's page names it in a conflict. Only the programme team (the world's manager) and superusers may see it;
a reviewer or a module lead of the seed edition gets 404. Its deadline is early, so lists of editions that show the
newest first keep the seed edition first."""

from datetime import date

from django.contrib.auth import get_user_model

from campus.programme.models import Edition, Module
from campus.team.models import Role, TeamMembership

from .world import SECRET


def extend(world) -> None:
    seed = world.call.edition
    draft = Edition.objects.create(programme=seed.programme, name="Draft edition", slug="ed-draft", capacity=10,
                                   application_deadline=date(2019, 1, 10), acceptance_letter_on=date(2019, 2, 10),
                                   hours_per_week_min=1, hours_per_week_max=2, published_at=None)
    Module.objects.create(edition=draft, number=1, title=f"Module {SECRET}", city="Turku", country="FI",
                          timezone="Europe/Helsinki", starts_on=date(2019, 3, 4), ends_on=date(2019, 3, 8),
                          summary="A draft's module.")
    owner = get_user_model().objects.create_user(email="olga.owner@example.org", password="a-long-password-1",
                                                 is_staff=True, full_name="Olga Owner")
    TeamMembership.objects.create(edition=draft, user=owner, role=Role.MANAGER)
    world.values.update(ed_draft=draft.pk, ed_seed=seed.pk)

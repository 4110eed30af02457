"""The booklet's objects in the security world. The "participant" role has a public profile with a photo; a
fellow participant shares theirs with participants only (with a photo: never on a public page, in the API or
to anyone outside the edition); another chose nobody, and their profile carries the applicant's secret marker
(only the edition's managers may see it: the matrix's leak check covers every other role)."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from campus.booklet import services
from campus.booklet.photos import process_photo
from campus.cohort.models import Participant
from tests.booklet.photo_files import jpeg

from .world import SECRET


def _profile(participant, level, **data):
    profile = services.profile_for(participant=participant)
    photo = process_photo(SimpleUploadedFile("p.jpg", jpeg((400, 500))))
    services.save_profile(profile=profile, data={"role": "Cluster manager", "country": "FI", "sector": "energy",
                                                 **data}, actor=None, by_staff=True, photo=photo)
    services.record_consent(profile=profile, level=level, actor=participant.user)
    return profile


def extend(world) -> None:
    edition = world.call.edition
    users = get_user_model().objects
    pia = Participant.objects.get(edition=edition, user=world.users["participant"])
    public = _profile(pia, "public", display_name="Pia Participant", cluster_name="Pia's Public Cluster")
    members_user = users.create_user(email="mona.members@example.org", password="a-long-password-1",
                                     full_name="Mona Members")
    members = _profile(Participant.objects.create(edition=edition, user=members_user), "participants",
                       display_name="Mona Members", cluster_name="MembersOnlyCluster")
    hidden_user = users.create_user(email="hilda.hidden@example.org", password="a-long-password-1",
                                    full_name="Hilda Hidden")
    hidden_participant = Participant.objects.create(edition=edition, user=hidden_user)
    hidden = _profile(hidden_participant, "nobody", display_name="Hilda Hidden",
                      cluster_name=f"Hidden{SECRET}", why_applied=f"Private {SECRET}")
    world.values.update(bk_edition=edition.pk, bk_slug=edition.slug, bk_public=public.pk, bk_members=members.pk,
                        bk_hidden=hidden.pk, bk_hidden_participant=hidden_participant.pk,
                        bk_public_participant=pia.pk)

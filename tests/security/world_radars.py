"""Radars in the security world, with data that could leak:

- ``radar_mine``: the "participant" role's own private radar (a published edition and a draft with a blip);
- ``radar_secret``: a private radar of another participant of the cohort (group B), the secret marker in its
  title and a blip's rationale: nobody of the world may read it, the module lead and the manager included;
- ``radar_group_b``: group B's own radar: the participant (group A) never sees it; the lead and the manager do
  (the cohort's work) on the staff pages;
- ``radar_revoked``: a radar whose public link was revoked, the secret marker inside: the old link answers 404;
- ``radar_public``: the participant's radar with a live public link (anyone reads its published edition).
"""

from campus.cohort.models import Participant
from campus.coaching.models import GroupMember
from campus.radars import services

from .world import SECRET


def extend(world) -> None:
    edition = world.call.edition
    me = world.users["participant"]
    stranger_member = GroupMember.objects.filter(group__number=2, group__round__edition=edition).first()
    stranger = stranger_member.participant.user

    mine = services.create_radar(actor=me, edition=edition, title="My energy radar", first_edition="2021-10")
    first = mine.editions.get()
    services.add_blip(edition=first, actor=me, name="Heat pumps", quadrant=0, ring=1)
    services.publish(edition=first, actor=me)
    draft = services.new_draft(radar=mine, actor=me, name="2022-04")
    blip = draft.blips.get()
    item = blip.item

    secret = services.create_radar(actor=stranger, edition=edition, title=f"Private plans {SECRET}")
    secret_blip = services.add_blip(edition=secret.editions.get(), actor=stranger, name="Hidden thing", quadrant=1,
                                    ring=2, rationale=f"Rationale {SECRET}")

    group_b = services.create_radar(actor=stranger, edition=edition, title="Group B radar", owner_kind="group",
                                    group=stranger_member.group)

    revoked = services.create_radar(actor=stranger, edition=edition, title=f"Once public {SECRET}")
    old_token = services.open_public_link(radar=revoked, actor=stranger)
    services.revoke_public_link(radar=revoked, actor=stranger)

    public = services.create_radar(actor=me, edition=edition, title="My public radar")
    services.publish(edition=public.editions.get(), actor=me)
    token = services.open_public_link(radar=public, actor=me)

    world.values.update({
        "radar_mine": mine.pk, "radar_mine_draft": draft.pk, "radar_mine_first": first.pk,
        "radar_mine_blip": blip.pk, "radar_mine_item": item.pk,
        "radar_secret": secret.pk, "radar_secret_edition": secret.editions.get().pk,
        "radar_secret_blip": secret_blip.pk, "radar_secret_item": secret_blip.item_id,
        "radar_group_b": group_b.pk, "radar_revoked_token": old_token, "radar_public_token": token,
    })
    assert Participant.objects.filter(user=me, edition=edition).exists()

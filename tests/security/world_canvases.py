"""Strategy canvases in the security world, with data that could leak:

- ``canvas_mine``: the "participant" role's own private SWOT with a note (``note_mine``), versions 1 and 2;
- ``canvas_secret``: a private canvas of another participant of the cohort (group B), the secret marker in its
  title, a note (``note_secret``), a version's snapshot and a comment: nobody of the world may read it, the module
  lead and the manager included;
- ``canvas_group_b``: group B's own canvas: the participant (group A) never sees it; the lead and the manager do
  (the cohort's work) on the staff pages;
- ``canvas_leads``: the other participant's canvas shared with the module leads only (no secret marker): the lead,
  the manager and the superuser open it on the staff pages; the participant never does;
- ``canvas_elsewhere``: a canvas of a participant of another edition, shared with that edition's module leads, the
  secret marker in it: the lead and the manager of the world's edition get 404;
- ``canvas_revoked_token``: a revoked public link (404); ``canvas_public_token``: the participant's live link.
"""

from django.contrib.auth import get_user_model

from campus.canvases import services
from campus.canvases.models import CanvasType
from campus.coaching.models import GroupMember
from campus.cohort.models import Participant
from campus.programme.models import Edition

from .world import SECRET


def extend(world) -> None:
    edition = world.call.edition
    me = world.users["participant"]
    member = GroupMember.objects.filter(group__number=2, group__round__edition=edition).first()
    stranger = member.participant.user
    swot = CanvasType.objects.get(key="swot")
    strengths = swot.boxes.get(key="strengths")

    mine = services.create_canvas(actor=me, edition=edition, canvas_type=swot, title="My cluster SWOT")
    note = services.add_item(canvas=mine, actor=me, box_id=strengths.pk, text="Strong universities")
    services.save_version(canvas=mine, actor=me, note="first")
    services.save_version(canvas=mine, actor=me, note="second")

    secret = services.create_canvas(actor=stranger, edition=edition, canvas_type=swot, title=f"Private SWOT {SECRET}")
    secret_note = services.add_item(canvas=secret, actor=stranger, box_id=strengths.pk, text=f"Hidden {SECRET}")
    services.save_version(canvas=secret, actor=stranger, note=f"Version {SECRET}")
    services.add_comment(canvas=secret, author=stranger, body=f"Comment {SECRET}")

    group_b = services.create_canvas(actor=stranger, edition=edition, canvas_type=swot, title="Group B canvas",
                                     owner_kind="group", group=member.group)
    leads = services.create_canvas(actor=stranger, edition=edition, canvas_type=swot, title="For the leads")
    services.share(canvas=leads, actor=stranger, audience="leads")

    other = Edition.objects.get(pk=edition.pk)
    other.pk, other.name, other.slug, other.is_current = None, "2031–2032", "2031-2032", False
    other.save()
    ola = get_user_model().objects.create_user(email="ola.other@example.org", password="a-long-password-1",
                                               full_name="Ola Other")
    Participant.objects.create(edition=other, user=ola)
    elsewhere = services.create_canvas(actor=ola, edition=other, canvas_type=swot, title=f"Elsewhere {SECRET}")
    services.share(canvas=elsewhere, actor=ola, audience="leads")

    revoked = services.create_canvas(actor=stranger, edition=edition, canvas_type=swot, title=f"Once public {SECRET}")
    old_token = services.open_public_link(canvas=revoked, actor=stranger)
    services.revoke_public_link(canvas=revoked, actor=stranger)
    public = services.create_canvas(actor=me, edition=edition, canvas_type=swot, title="My public canvas")
    token = services.open_public_link(canvas=public, actor=me)

    world.values.update({
        "canvas_mine": mine.pk, "note_mine": note.pk, "canvas_secret": secret.pk, "note_secret": secret_note.pk,
        "canvas_group_b": group_b.pk, "canvas_leads": leads.pk, "canvas_elsewhere": elsewhere.pk,
        "canvas_revoked_token": old_token, "canvas_public_token": token,
    })

"""Objects the outbox URLs need in the security world (tests/security/world.py calls ``extend``).

The applicant's submitted application already put its receipt into the outbox (queued, with the secret
marker in the name); here: two drafts to the applicant (one to edit, one to cancel).
"""


def extend(world) -> None:
    from campus.communications import services as outbox
    from campus.communications.models import OutboxMessage

    application = world.application
    edition = application.call.edition
    receipt = OutboxMessage.objects.get(event="received", related_id=str(application.pk))
    drafts = [
        outbox.compose(event="rejected", edition=edition, to_user=application.applicant,
                       context={"reference": application.reference}, dedupe_key=f"security:{purpose}",
                       related=application)
        for purpose in ("edit", "cancel")
    ]
    world.values.update(outbox_message=receipt.pk, outbox_draft=drafts[0].pk, outbox_cancel=drafts[1].pk,
                        edition_id=edition.pk)

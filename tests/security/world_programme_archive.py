"""The archive's objects in the security world: a draft edition (not published) whose name and first module's
title carry the secret marker. No public page, feed or API answer may show it, to anyone."""

from datetime import timedelta

from campus.programme.models import Edition, Module

from .world import SECRET


def extend(world) -> None:
    current = Edition.objects.get(is_current=True)
    draft = Edition.objects.get(pk=current.pk)
    draft.pk, draft.is_current, draft.published_at = None, False, None
    draft.slug, draft.name = "draft-next", f"Next {SECRET}"
    draft.application_deadline += timedelta(days=364 * 6)
    draft.acceptance_letter_on += timedelta(days=364 * 6)
    draft.save()
    for module in Module.objects.filter(edition=current):
        module.pk, module.edition = None, draft
        module.starts_on += timedelta(days=364 * 6)
        module.ends_on += timedelta(days=364 * 6)
        if module.number == 1:
            module.title = f"Module {SECRET}"
        module.save()
    world.values.update(draft_edition=draft.slug)

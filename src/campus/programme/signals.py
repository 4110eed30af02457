"""Any change to public content bumps the content version, so cached pages are rebuilt."""

from django.db.models.signals import post_delete, post_save

from campus.core.content_version import bump

from .models import FAQ, Benefit, Edition, LearningOutcome, Meetup, Module, Outcome, Page, Partner, Programme, Requirement

CONTENT_MODELS = (Programme, Edition, Requirement, Outcome, Partner, Module, LearningOutcome, Meetup, Benefit, FAQ, Page)

for model in CONTENT_MODELS:
    post_save.connect(bump, sender=model, dispatch_uid=f"content-version-save-{model.__name__}")
    post_delete.connect(bump, sender=model, dispatch_uid=f"content-version-delete-{model.__name__}")

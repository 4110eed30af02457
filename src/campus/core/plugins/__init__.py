"""The plug-in contract: how an app plugs into the shared parts without anyone editing a central file.

Every installed app may have a module ``plugin.py`` next to its ``models.py``. ``CoreConfig.ready()`` imports
each of them once, in the order of ``INSTALLED_APPS`` (as Django's admin finds every ``admin.py``), and each
registers what the shared parts need through the registries of this package, one module per kind:

- ``plugins.staff``   – its staff section (title, URL, description, predicate, order): the staff bar and home;
- ``plugins.mail``    – its mail events (key, label, placeholders, default subject and body);
- ``plugins.privacy`` – its privacy handlers (what it holds about a person, how to erase it, retention);
- ``plugins.status``  – its sections of the applicant's status page;
- ``plugins.jobs``    – its periodic jobs (run by ``manage.py tick``);
- ``plugins.participant`` – its section of the participant area (/me/) and its block on the participant's home;
- ``plugins.calendar`` – the dated things it has for a participant (schedule page and private calendar feed);
- ``plugins.criteria`` – what it can say a participant has done, for the certificate's rules;
- ``plugins.clone`` – the parts of an edition it owns, for cloning an edition (campus.editions, docs/editions.md).

A registry knows no app by name; the apps below never import the apps above to find out what they offer.
"""

from django.utils.module_loading import autodiscover_modules


def autodiscover() -> None:
    """Import every installed app's ``plugin`` module (each registers its parts)."""
    autodiscover_modules("plugin")

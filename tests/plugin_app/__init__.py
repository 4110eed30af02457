"""A test app that is not installed in production: it proves the plug-in contract (issue 10).

It is a folder with an ``AppConfig`` (apps.py), a ``plugin.py`` that registers one of each (a staff section, a
mail event, a privacy handler, a status section, a periodic job) and URLs mounted with one ``include()``
(root_urls.py). ``test_contract.py`` installs it with ``override_settings(INSTALLED_APPS=[..., its line],
ROOT_URLCONF=...)``, so ``CoreConfig.ready()`` finds its plugin.py like any app's, and checks that each part
shows up where it should. It keeps its data in memory (no models, so no migrations).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campus.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

# Import every view and compile every URL pattern now rather than on the first request (about 0.4 s): under
# gunicorn, which loads this module once in the master and forks the workers from it (deploy/gunicorn.conf.py,
# preload_app), a worker that replaces another serves at once. It touches no database or cache.
from django.urls import get_resolver  # noqa: E402

get_resolver().reverse_dict  # noqa: B018 (populates the resolver)

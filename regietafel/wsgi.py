"""The WSGI application (gunicorn). A wrong or missing setting stops the server with its
one-line Dutch message instead of a traceback per worker."""

import os

from django.core.wsgi import get_wsgi_application

from regietafel.env import lees_instellingen

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")
try:
    lees_instellingen()
except SystemExit:
    # gunicorn's "App failed to load" (4): the arbiter stops instead of restarting workers.
    raise SystemExit(4) from None
application = get_wsgi_application()

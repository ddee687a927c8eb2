"""The Celery app: ``celery -A regietafel.taken worker`` (and ``beat`` for the schedule).

Configured from Django's settings (``CELERY_*``, read from the environment in
``regietafel/settings.py``). Imported only by the worker and when a job is sent, never at
start-up: the CLI and the pages that enqueue nothing do not pay for loading Celery.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")

app = Celery("regietafel")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

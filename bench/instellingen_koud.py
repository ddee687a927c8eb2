"""The settings of the bench's cold server: production as it is, without any cache.

``python -m bench.landelijk`` starts gunicorn with ``DJANGO_SETTINGS_MODULE`` pointing here
for its cold phases: Django's DummyCache keeps nothing, so no rendered page, no computed
Stand van zaken and no data version survives a request, and every request does all its
work. Not for any other use.
"""

from regietafel.settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

"""The admin site of the product (``/beheer/``): Django's, with one guard.

Django's change and delete views read ``_to_field`` and only check it when it is not empty;
an empty ``?_to_field=`` then reaches ``Options.get_field("")`` and answers a server error
(``FieldDoesNotExist``) on every model. The site refuses it first, as Django refuses a field
it may not reference: a ``SuspiciousOperation``, which answers the Dutch 400 page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.exceptions import DisallowedModelAdminToField
from django.contrib.admin.options import TO_FIELD_VAR
from django.http import HttpRequest, HttpResponseBase

Weergave = TypeVar("Weergave", bound=Callable[..., HttpResponseBase])


class Beheersite(admin.AdminSite):
    def admin_view(self, view: Weergave, cacheable: bool = False) -> Weergave:
        binnen = super().admin_view(view, cacheable)

        @wraps(binnen)
        def bewaakt(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            for gegevens in (request.GET, request.POST):
                if TO_FIELD_VAR in gegevens and not gegevens[TO_FIELD_VAR]:
                    raise DisallowedModelAdminToField(
                        f"De parameter {TO_FIELD_VAR} is leeg: er is geen veld genoemd."
                    )
            return binnen(request, *args, **kwargs)

        return cast(Weergave, bewaakt)


class BeheerConfig(AdminConfig):
    """``django.contrib.admin`` with the product's site (in ``INSTALLED_APPS``)."""

    default_site = "regietafel.core.beheer.Beheersite"

"""The admin site (``regietafel.core.beheer``): an empty ``_to_field`` is a bad request (the
Dutch 400 page), not Django's ``FieldDoesNotExist`` on every model's change and delete page."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client

from regietafel.core.beheer import Beheersite
from regietafel.gemeenten.models import Gemeente, Provincie


def test_de_site_van_het_product_is_de_beheersite() -> None:
    assert isinstance(admin.site._wrapped, Beheersite)  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_een_lege_to_field_is_een_ongeldig_verzoek(
    secretariaat: Client, drenthe: Provincie
) -> None:
    secretariaat.raise_request_exception = False
    pk = Gemeente.objects.get(naam="Assen").pk
    wijzig = f"/beheer/gemeenten/gemeente/{pk}/change/"
    assert secretariaat.get(wijzig).status_code == 200
    antwoord = secretariaat.get(wijzig, {"_to_field": ""})
    assert antwoord.status_code == 400
    assert "Ongeldig verzoek" in antwoord.content.decode()
    assert secretariaat.post(wijzig, {"_to_field": ""}).status_code == 400
    # A field it may reference still works as in Django.
    assert secretariaat.get(wijzig, {"_to_field": "id"}).status_code == 200
    # The delete page (which the secretariaat may not use: 403) is refused first.
    verwijder = f"/beheer/gemeenten/gemeente/{pk}/delete/"
    assert secretariaat.get(verwijder).status_code == 403
    assert secretariaat.get(verwijder, {"_to_field": ""}).status_code == 400

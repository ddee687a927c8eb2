"""The capacity page of a provincie as a stored projection (locaties.capaciteitprojectie): the
same page as computed, read without computing; a gemeente or another month computed; stale
after a write of a location."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from regietafel.gemeenten.models import Provincie
from regietafel.locaties import capaciteitprojectie, queries
from regietafel.locaties.models import Locatie
from regietafel.locaties.services import wijzig_locatie
from regietafel.monitoring import projectie
from tests.landelijk.test_projectie import _weigert
from tests.monitoring.test_projectie import zonder_tokens

pytestmark = pytest.mark.django_db


def test_the_capacity_page_from_the_projection_is_the_computed_page(
    lezer: Client,
    drenthe: Provincie,
    settings: Any,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
    gebruiker_secretariaat: Any,
) -> None:
    settings.REGIETAFEL_PROJECTIES = True
    settings.MEDIA_ROOT = tmp_path / "media"
    berekend = zonder_tokens(lezer.get("/locaties/capaciteit/").content.decode())
    projectie.bouw_alles(namen=["capaciteit"])
    assert capaciteitprojectie.lees(drenthe) is not None
    assert list((tmp_path / "media" / "grafieken" / f"capaciteit-{drenthe.pk}").glob("*.svg"))

    monkeypatch.setattr(queries, "capaciteit", _weigert)
    assert zonder_tokens(lezer.get("/locaties/capaciteit/").content.decode()) == berekend
    for pad in ("/locaties/capaciteit/?gemeente=GM0106", "/locaties/capaciteit/?van=2026-03"):
        with pytest.raises(AssertionError, match="berekend"):
            lezer.get(pad)
    monkeypatch.undo()

    locatie = (
        Locatie.objects.filter(gemeente__provincie=drenthe).exclude(status="beeindigd").first()
    )
    assert locatie is not None
    wijzig_locatie(locatie=locatie, naam=locatie.naam + " (nieuw)", door=gebruiker_secretariaat)
    assert capaciteitprojectie.lees(drenthe) is None

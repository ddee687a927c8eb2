"""The search hook: titles and kenmerken only, never the (unredacted) text."""

from __future__ import annotations

import datetime as dt

import pytest

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Provincie
from regietafel.woo import services
from regietafel.woo.models import LakStatus
from regietafel.woo.zoeken import zoek

pytestmark = pytest.mark.django_db


def test_titles_not_text(gebruiker_secretariaat: Gebruiker, drenthe: Provincie) -> None:
    besluit = services.maak_besluit(
        door=gebruiker_secretariaat,
        provincie=drenthe,
        titel="Woo-verzoek noodopvang",
        datum=dt.date(2026, 1, 12),
        kenmerk="WOO-77",
    )
    doc = services.voeg_document_toe(
        door=gebruiker_secretariaat,
        besluit=besluit,
        titel="Verzoek noodopvang ministerie",
        tekst="Beste Raymond Wanders, het gaat om noodopvang.",
        bron="tekst",
    )
    assert [(t.kind, t.title, t.snippet) for t in zoek("noodopvang", drenthe)] == [
        ("Woo-besluiten", "Woo-verzoek noodopvang", "Kenmerk WOO-77")
    ]
    assert zoek("Wanders", drenthe) == []
    for lak in doc.lakken.all():
        services.beoordeel_lak(door=gebruiker_secretariaat, lak=lak, status=LakStatus.GEACCEPTEERD)
    for status in ("beoordeeld", "gepubliceerd"):
        services.zet_status(door=gebruiker_secretariaat, document=doc, status=status)
    treffers = zoek("noodopvang", drenthe)
    assert [t.kind for t in treffers] == ["Woo-besluiten", "Woo-documenten"]
    assert treffers[1].url == f"/woo/{besluit.pk}/document/1/"
    assert "Wanders" not in " ".join(t.snippet + t.title for t in treffers)
    groningen = Provincie.objects.exclude(pk=drenthe.pk).first()
    assert zoek("noodopvang", groningen) == []

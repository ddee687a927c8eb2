"""Demo of Woo publication (R10): a Woo-besluit with seeds 001 and 002 as its documents.

``laad(door)`` only adds what is missing: a besluit with the kenmerk WOO-2026-004 that is there
stays as it is, with its documents and redactions (a reviewer's work); a new besluit gets
its two documents. A second run writes nothing.
The proposals come from the detection (deduce and the patterns), not from stored answers.
Writes go through ``regietafel.woo.services``, which only the secretariaat may call: when
``door`` is not a secretariaat, the demo's secretariaat account of Drenthe acts (and without
one — ``demo accounts`` not yet run — nothing is loaded).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.db import transaction

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.gemeenten.models import Provincie
from regietafel.woo import services
from regietafel.woo.models import Bron, WooBesluit
from regietafel.woo.permissions import mag_woo

VOORBEELDEN = Path(__file__).resolve().parent.parent / "woo" / "voorbeelden"
KENMERK = "WOO-2026-004"
DOCUMENTEN = (
    (
        "001_aanbiedingsbrieven.txt",
        "E-mail en aanbiedingsbrieven provinciaal verslag Spreidingswet",
        dt.date(2024, 11, 1),
    ),
    ("002_agenda_prt.txt", "Agenda PRT Drenthe 5 februari 2026 met bijlagen", dt.date(2026, 2, 5)),
)


@transaction.atomic
def laad(door: Any = None) -> None:
    provincie = Provincie.objects.filter(naam="Drenthe").first()
    if provincie is None:
        return
    if WooBesluit.objects.filter(provincie=provincie, kenmerk=KENMERK).exists():
        return
    if not mag_woo(door):
        door = Gebruiker.objects.filter(rol=Rol.SECRETARIAAT, provincie=provincie).first()
        if door is None:
            return
    besluit = services.maak_besluit(
        door=door,
        provincie=provincie,
        titel="Woo-verzoek documenten verdeling asielopvang Drenthe",
        datum=dt.date(2026, 2, 10),
        kenmerk=KENMERK,
    )
    for naam, titel, datum in DOCUMENTEN:
        services.voeg_document_toe(
            door=door,
            besluit=besluit,
            titel=titel,
            tekst=(VOORBEELDEN / naam).read_text(encoding="utf-8"),
            bron=Bron.UPLOAD,
            datum=datum,
            bestandsnaam=naam,
        )

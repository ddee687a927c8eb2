"""A large confirmed upload imported by a worker: the page does not hold a web request (and
one of the app server's workers) for the seconds a national file takes. The file stays in
``opslag`` until the job has read it; the job imports it as the requester (``door``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from regietafel.taken.models import Taak
from regietafel.taken.soorten import Resultaat, TaakFout, Taaksoort, Voortgang

IMPORT = "aanlevering.import"
GROOT = 1000
"""Confirmations with more changed figures than this run as a job."""


def importeer_bestand(taak: Taak, voortgang: Voortgang) -> Resultaat:
    from regietafel.aanlevering import opslag
    from regietafel.aanlevering.services import importeer
    from regietafel.aanlevering.weergave import fout_regels, samenvatting_regels

    p = taak.parameters
    data = opslag.lees(p["checksum"], p["extensie"])
    if data is None:
        raise TaakFout(
            "het bestand is niet meer beschikbaar (al verwerkt of verlopen). Lever het opnieuw aan."
        )
    voortgang(10, "bestand lezen en vergelijken")
    samenvatting = importeer(
        p["soort"],
        data,
        door=taak.aangevraagd_door,
        bestandsnaam=p["bestandsnaam"],
        peildatum=dt.date.fromisoformat(p["peildatum"]) if p.get("peildatum") else None,
    )
    if samenvatting.fouten:
        raise TaakFout("het bestand is geweigerd: " + " ".join(fout_regels(samenvatting)[:5]))
    opslag.verwijder(p["checksum"], p["extensie"])
    regels = samenvatting_regels(samenvatting)
    return Resultaat(
        melding=(
            f"{len(samenvatting.regels)} rijen: {samenvatting.nieuw} nieuw, "
            f"{samenvatting.gewijzigd} gewijzigd, {samenvatting.ongewijzigd} ongewijzigd."
        ),
        gegevens={"regels": regels},
    )


def _mag_zien(gebruiker: Any, taak: Taak) -> bool:
    from regietafel.aanlevering.permissions import mag_aanleveren

    return mag_aanleveren(gebruiker)


SOORTEN = (
    Taaksoort(
        IMPORT,
        importeer_bestand,
        mag_zien=_mag_zien,
        resultaat_template="aanlevering/_taak_resultaat.html",
    ),
)

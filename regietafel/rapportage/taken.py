"""The reports as background jobs: a download asks ``taken`` for the document of the current
data version; a worker makes it with the CLI's code (``bouwen`` or ``verslag``, then
``uitvoer``).

The key of a document is what it is made of besides the data version: provincie, peildatum or
cyclus, format, and today's date (a document without stored texts carries today's date).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from regietafel.core import klok
from regietafel.core.rapporten import GeenGegevens
from regietafel.gemeenten.models import Provincie
from regietafel.taken.models import Taak
from regietafel.taken.soorten import Resultaat, TaakFout, Taaksoort, Voortgang

STAND = "rapportage.stand_van_zaken"
LANDELIJK = "rapportage.stand_landelijk"
VERSLAG = "rapportage.verslag"


def stand_sleutel(
    provincie: Provincie,
    peildatum: dt.date,
    formaat: str,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
) -> str:
    bekend = bekend_op.isoformat() if bekend_op else "-"
    sleutel = (
        f"{provincie.code}:{peildatum.isoformat()}:{bekend}:{formaat}:{klok.vandaag().isoformat()}"
    )
    return sleutel if cyclus is None else f"{sleutel}:cyclus-{cyclus}"


def landelijk_sleutel(peildatum: dt.date, formaat: str, cyclus: int | None = None) -> str:
    sleutel = f"NL:{peildatum.isoformat()}:{formaat}:{klok.vandaag().isoformat()}"
    return sleutel if cyclus is None else f"{sleutel}:cyclus-{cyclus}"


def verslag_sleutel(provincie: Provincie, jaar: int, formaat: str) -> str:
    return f"{provincie.code}:{jaar}:{formaat}:{klok.vandaag().isoformat()}"


def _provincie(taak: Taak) -> Provincie:
    provincie = Provincie.objects.filter(pk=taak.parameters.get("provincie")).first()
    if provincie is None:
        raise TaakFout("de provincie van dit rapport bestaat niet meer.")
    return provincie


def _maak(document: object, formaat: str, voortgang: Voortgang) -> Resultaat:
    from regietafel.rapportage.document import Document
    from regietafel.rapportage.uitvoer import NAMEN, genereer

    assert isinstance(document, Document)
    voortgang(30, f"{NAMEN[formaat]}-bestand maken")
    inhoud, _ = genereer(document, formaat)
    return Resultaat(bestand=inhoud, extensie=formaat, bestandsnaam=document.bestandsnaam(formaat))


def maak_stand(taak: Taak, voortgang: Voortgang) -> Resultaat:
    from regietafel.rapportage import bouwen

    provincie = _provincie(taak)
    peildatum = dt.date.fromisoformat(taak.parameters["peildatum"])
    bekend = taak.parameters.get("bekend_op")
    cyclus = taak.parameters.get("cyclus")
    voortgang(5, "cijfers verzamelen")
    try:
        document = bouwen.stand_document(
            provincie,
            peildatum,
            bekend_op=dt.date.fromisoformat(bekend) if bekend else None,
            cyclus=int(cyclus) if cyclus is not None else None,
        )
    except GeenGegevens as exc:
        raise TaakFout(str(exc)) from exc
    return _maak(document, taak.parameters["formaat"], voortgang)


def maak_landelijk(taak: Taak, voortgang: Voortgang) -> Resultaat:
    from regietafel.rapportage.stand_landelijk import landelijk_document

    cyclus = taak.parameters.get("cyclus")
    voortgang(5, "cijfers van alle provincies verzamelen")
    try:
        document = landelijk_document(
            dt.date.fromisoformat(taak.parameters["peildatum"]),
            cyclus=int(cyclus) if cyclus is not None else None,
        )
    except GeenGegevens as exc:
        raise TaakFout(str(exc)) from exc
    return _maak(document, taak.parameters["formaat"], voortgang)


def _landelijk_zien(gebruiker: Any, taak: Taak) -> bool:
    """Only national users see the national document's job and its file."""
    from regietafel.landelijk.permissions import is_landelijk

    return is_landelijk(gebruiker)


def maak_verslag(taak: Taak, voortgang: Voortgang) -> Resultaat:
    from regietafel.rapportage import verslag
    from regietafel.rapportage.queries import zoek_cyclus

    provincie = _provincie(taak)
    voortgang(5, "cijfers verzamelen")
    try:
        cyclus = zoek_cyclus(provincie, int(taak.parameters["jaar"]))
        document = verslag.verslag_document(provincie, cyclus)
    except GeenGegevens as exc:
        raise TaakFout(str(exc)) from exc
    return _maak(document, taak.parameters["formaat"], voortgang)


SOORTEN = (
    Taaksoort(STAND, maak_stand, gedeeld=True),
    Taaksoort(LANDELIJK, maak_landelijk, gedeeld=True, mag_zien=_landelijk_zien),
    Taaksoort(VERSLAG, maak_verslag, gedeeld=True),
)

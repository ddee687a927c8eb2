"""The meeting documents as background jobs: the agenda and the actie- en besluitenlijst as
PDF or Word (a download reuses the file of the current data version), and the Stand van zaken
stored with an agenda item (the secretariaat's request; the job writes the attachment)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

from regietafel.core import klok
from regietafel.taken.models import Taak
from regietafel.taken.soorten import Resultaat, TaakFout, Taaksoort, Voortgang

AGENDA = "overleg.agenda"
ACTIELIJST = "overleg.actielijst"
STAND_BIJ_PUNT = "overleg.stand_van_zaken_bij_agendapunt"
MIME_DOCX = "docx"


def sleutel(overleg_id: int, formaat: str) -> str:
    return f"{overleg_id}:{formaat}:{klok.vandaag().isoformat()}"


def _overleg(taak: Taak) -> Any:
    from regietafel.overleg import queries
    from regietafel.overleg.models import Overleg

    if taak.provincie is None:
        raise TaakFout("dit overleg bestaat niet meer.")
    try:
        return queries.overleg_volledig(taak.provincie, int(taak.parameters["overleg"]))
    except Overleg.DoesNotExist as exc:
        raise TaakFout("dit overleg bestaat niet meer.") from exc


def maak_agenda(taak: Taak, voortgang: Voortgang) -> Resultaat:
    from regietafel.overleg import documenten

    voortgang(10, "agenda samenstellen")
    agenda = documenten.agenda_van(_overleg(taak))
    formaat = taak.parameters["formaat"]
    voortgang(40, "bestand maken")
    inhoud = documenten.agenda_pdf(agenda) if formaat == "pdf" else documenten.agenda_docx(agenda)
    return Resultaat(bestand=inhoud, extensie=formaat, bestandsnaam=taak.parameters["naam"])


def maak_actielijst(taak: Taak, voortgang: Voortgang) -> Resultaat:
    from regietafel.overleg import documenten, queries

    voortgang(10, "actie- en besluitenlijst samenstellen")
    lijst = queries.lijst(_overleg(taak))
    formaat = taak.parameters["formaat"]
    voortgang(40, "bestand maken")
    inhoud = documenten.lijst_pdf(lijst) if formaat == "pdf" else documenten.lijst_docx(lijst)
    return Resultaat(bestand=inhoud, extensie=formaat, bestandsnaam=taak.parameters["naam"])


def maak_stand_bij_punt(taak: Taak, voortgang: Voortgang) -> Resultaat:
    from regietafel.overleg import services
    from regietafel.overleg.models import Agendapunt

    punt = (
        Agendapunt.objects.select_related("overleg__provincie")
        .filter(pk=taak.parameters["punt"], overleg__provincie=taak.provincie)
        .first()
    )
    if punt is None:
        raise TaakFout("dit agendapunt bestaat niet meer.")
    voortgang(10, "stand van zaken maken")
    try:
        bijlage = services.voeg_stand_van_zaken_toe(
            door=taak.aangevraagd_door,
            punt=punt,
            peildatum=dt.date.fromisoformat(taak.parameters["peildatum"]),
        )
    except ValidationError as exc:
        raise TaakFout(" ".join(exc.messages)) from exc
    return Resultaat(
        melding=f"De stand van zaken is bewaard bij agendapunt {punt}: {bijlage.titel}.",
        gegevens={"bijlage": bijlage.pk},
    )


def _mag_lezen(gebruiker: Any, taak: Taak) -> bool:
    from regietafel.overleg.permissions import mag_lezen

    return mag_lezen(gebruiker)


SOORTEN = (
    Taaksoort(AGENDA, maak_agenda, gedeeld=True, mag_zien=_mag_lezen),
    Taaksoort(ACTIELIJST, maak_actielijst, gedeeld=True, mag_zien=_mag_lezen),
    Taaksoort(STAND_BIJ_PUNT, maak_stand_bij_punt, mag_zien=_mag_lezen),
)

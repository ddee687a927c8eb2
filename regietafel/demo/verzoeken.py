"""Demo data for the ministry's requests and toezicht (issue 8, points 4–6), through the
services. Only adds what is missing; a second run writes nothing. "Already there": the
noodopvang request by provincie, date and sender (or made before: a user may have changed
those), with its candidate locations, which come only with a new request; the nareismaatregel
by its code; a placement by gemeente, date and hotel (or made before); Tynaarlo's dossier when
it has one opened on that date or any open one, with its steps, which come only with a new
dossier. What a user changed in any of them stays.

From the seeds (002): the noodopvang request received 12-1-2026 (100 places, first half of
2026, usable within 3 days, staffed by the Red Cross) and the nareismaatregel of 19-12-2025
(told ≥ 2 days before, COA pays ≤ 6 months, HAR+ until 1-7-2026). From seed 000 (via the
Stand van zaken): Tynaarlo's tekort of 100 regular places (opgave 250, realised 150).

Invented for the demo, and marked "demo: verzonnen" in the notes of every such row: the
candidate locations and their readiness, both nareizigers placements, the dossier's dates
and steps.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from regietafel.demo.bestaand import eerder_aangemaakt
from regietafel.demo.queries import gemeenten_van, zoek
from regietafel.gemeenten.models import Provincie
from regietafel.toezicht.models import StapSoort, StapStatus
from regietafel.toezicht.services import open_dossier, zet_stap
from regietafel.verzoeken.models import Gereedheid, NareizigersPlaatsing, NoodopvangVerzoek
from regietafel.verzoeken.services import (
    plaats_nareizigers,
    zet_kandidaat,
    zet_maatregel,
    zet_verzoek,
)

VERZONNEN = "demo: verzonnen"
BRON_NOODOPVANG = (
    "Agenda PRT Drenthe 05-02-2026, punt 5c: verzoek tot noodopvang (ontvangen 12-01-2026)"
)
BRON_NAREIS = (
    "Brief ministerie van Asiel en Migratie, versnelling huisvesting nareizigers (19-12-2025)"
)

VERZOEK: dict[str, Any] = {
    "van_wie": "Ministerie van Asiel en Migratie, Programmadirectie Realisatie Onderdak (PRO)",
    "ontvangen_op": dt.date(2026, 1, 12),
    "plaatsen": 100,
    "periode_van": dt.date(2026, 1, 1),
    "periode_tot": dt.date(2026, 6, 30),
    "activeringstermijn_dagen": 3,
    "bemensing": "Rode Kruis",
    "notities": (
        "100 plekken achter de hand voor het geval Ter Apel de mensen niet meer kan herbergen; "
        "één of meer leegstaande ruimtes, ook 's nachts te gebruiken, binnen zo'n 3 dagen in "
        "gebruik te nemen; het Rode Kruis kan bemensen. Periode: 'het eerste half jaar' "
        "(vastgelegd als 01-01-2026 tot en met 30-06-2026)."
    ),
}

# (gemeente, naam, plaatsen, gereedheid, per): all invented. 40 + 40 ready = 80 of 100.
KANDIDATEN = [
    ("Assen", "Sporthal (demo)", 40, Gereedheid.GEREED, dt.date(2026, 1, 26)),
    ("Emmen", "Leegstaand kantoorgebouw (demo)", 40, Gereedheid.GEREED, dt.date(2026, 1, 30)),
    ("Hoogeveen", "Voormalige school (demo)", 30, Gereedheid.VERKEND, dt.date(2026, 1, 28)),
]

MAATREGEL: dict[str, Any] = {
    "code": "nareismaatregel-2025",
    "naam": "Nareismaatregel (brief van 19-12-2025)",
    "geldig_vanaf": dt.date(2025, 12, 19),
    "informeren_dagen": 2,
    "max_maanden": 6,
    "signaal_dagen": 30,
    "har_plus_tot": dt.date(2026, 7, 1),
}

# (gemeente, hotel, personen, geïnformeerd, geplaatst): all invented; Emmen told 1 day ahead.
PLAATSINGEN = [
    ("Assen", "Hotel (demo) Assen", 4, dt.date(2025, 12, 18), dt.date(2025, 12, 22)),
    ("Emmen", "Hotel (demo) Emmen", 3, dt.date(2026, 1, 14), dt.date(2026, 1, 15)),
]

DOSSIER_GEMEENTE = "Tynaarlo"
DOSSIER: dict[str, Any] = {
    "geopend_op": dt.date(2026, 1, 20),
    "onderwerp": "Asielopvang regulier: tekort 100 (vastgesteld 250, gerealiseerd 150 per 01-11-2025)",
    "notities": f"{VERZONNEN}: datum en stappen. Het tekort komt uit de stand van zaken van 14-11-2025.",
}
# (soort, datum, termijn, status): invented.
STAPPEN = [
    (
        StapSoort.INFORMATIE_OPVRAGEN,
        dt.date(2026, 1, 20),
        dt.date(2026, 2, 17),
        StapStatus.AFGEROND,
    ),
    (StapSoort.BESTUURLIJK_GESPREK, dt.date(2026, 3, 2), dt.date(2026, 4, 1), StapStatus.LOPEND),
]


@transaction.atomic
def laad(door: Any) -> None:
    provincie = Provincie.objects.get(naam="Drenthe")
    gemeenten = gemeenten_van(provincie)

    if not eerder_aangemaakt(NoodopvangVerzoek(provincie=provincie, **VERZOEK)):
        verzoek, nieuw = zet_verzoek(
            door=door,
            provincie=provincie,
            bron=BRON_NOODOPVANG,
            alleen_als_ontbreekt=True,
            **VERZOEK,
        )
        if nieuw:  # the candidates come with a new request only
            for naam_g, naam, plaatsen, gereedheid, per in KANDIDATEN:
                zet_kandidaat(
                    door=door,
                    verzoek=verzoek,
                    gemeente=zoek(gemeenten, naam_g),
                    naam=naam,
                    plaatsen=plaatsen,
                    gereedheid=gereedheid,
                    gereedheid_op=per,
                    notities=f"{VERZONNEN}: locatie, plaatsen en gereedheid.",
                    alleen_als_ontbreekt=True,
                )

    maatregel = dict(MAATREGEL)
    zet_maatregel(
        door=None,
        code=maatregel.pop("code"),
        bron=BRON_NAREIS,
        alleen_als_ontbreekt=True,
        **maatregel,
    )
    for naam_g, hotel, personen, geinformeerd, geplaatst in PLAATSINGEN:
        gemeente = zoek(gemeenten, naam_g)
        if eerder_aangemaakt(
            NareizigersPlaatsing(gemeente=gemeente, personen=personen, geplaatst_op=geplaatst)
        ):
            continue
        plaats_nareizigers(
            door=door,
            gemeente=gemeente,
            geplaatst_op=geplaatst,
            hotel=hotel,
            personen=personen,
            geinformeerd_op=geinformeerd,
            einddatum=None,
            notities=f"{VERZONNEN}: hotel, personen en data.",
            alleen_als_ontbreekt=True,
        )

    dossier, nieuw = open_dossier(
        door=door, gemeente=zoek(gemeenten, DOSSIER_GEMEENTE), alleen_als_ontbreekt=True, **DOSSIER
    )
    if nieuw:  # the steps come with a new dossier only
        for soort, datum, termijn, status in STAPPEN:
            zet_stap(
                door=door,
                dossier=dossier,
                soort=soort,
                datum=datum,
                termijn=termijn,
                status=status,
                notities=f"{VERZONNEN}.",
                alleen_als_ontbreekt=True,
            )

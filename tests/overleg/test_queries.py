"""Every page runs a constant number of SQL queries, whatever the number of rows."""

from __future__ import annotations

import datetime as dt

import pytest

from regietafel.overleg import services
from regietafel.overleg.models import Agendapunt, Brief, Overleg

pytestmark = pytest.mark.django_db


def _meer_rijen(demo, door) -> None:  # type: ignore[no-untyped-def]
    """Ten more meetings, items with decisions, actions and attachments, letters linked to them."""
    provincie = demo["februari"].provincie
    for i in range(10):
        o = services.bewaar_overleg(
            door=door,
            provincie=provincie,
            waarden={
                "soort": "bestuurlijk",
                "datum": dt.date(2026, 3, 1) + dt.timedelta(days=7 * i),
            },
        )
        for n in range(1, 4):
            p = services.bewaar_agendapunt(
                door=door,
                overleg=o,
                waarden={
                    "nummer": n,
                    "letter": "",
                    "titel": f"Punt {n} noodopvang",
                    "aantekeningen": "Een\nTwee",
                },
            )
            services.bewaar_besluit(door=door, punt=p, tekst=f"Besluit {n} noodopvang")
            services.bewaar_actie(
                door=door,
                punt=p,
                waarden={"omschrijving": f"Actie {i}-{n} noodopvang", "door_wie": "Secretaris"},
            )
            services.voeg_bijlage_toe(
                door=door, punt=p, bestandsnaam=f"b{i}{n}.txt", data=f"noodopvang {i} {n}".encode()
            )
        services.bewaar_brief(
            door=door,
            provincie=provincie,
            waarden={
                "afzender": f"Gemeente {i}",
                "ontvangen": dt.date(2026, 1, 1),
                "onderwerp": f"Brief {i} noodopvang",
                "soort": "brief",
            },
            agendapunten=list(Agendapunt.objects.filter(overleg=o)),
        )


@pytest.mark.parametrize(
    "pad",
    [
        "/overleg/",
        "/overleg/acties/",
        "/overleg/acties/?formaat=xlsx",
        "/overleg/brieven/",
        "/overleg/brieven/?formaat=xlsx",
        "/overleg/zoeken/?q=noodopvang",
        "FEBRUARI",
        "FEBRUARI/actie-en-besluitenlijst.xlsx",
    ],
)
def test_constant_queries(
    demo, secretariaat, gebruiker_secretariaat, django_assert_max_num_queries, pad: str
) -> None:  # type: ignore[no-untyped-def]
    pad = pad.replace("FEBRUARI", f"/overleg/{demo['februari'].pk}/").replace("//", "/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as voor:
        assert secretariaat.get(pad).status_code == 200
    _meer_rijen(demo, gebruiker_secretariaat)
    assert Overleg.objects.count() == 12 and Brief.objects.count() == 12
    # The last new meeting carries the open actions of all earlier ones.
    laatste = Overleg.objects.order_by("-datum")[0]
    if pad.startswith(f"/overleg/{demo['februari'].pk}/"):
        pad = pad.replace(f"/overleg/{demo['februari'].pk}/", f"/overleg/{laatste.pk}/")
    with django_assert_max_num_queries(len(voor)):
        assert secretariaat.get(pad).status_code == 200

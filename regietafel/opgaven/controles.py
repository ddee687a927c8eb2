"""Bijlage 1 of the provinciaal verslag: computed once, and checked against the source.

``verslag_invulling`` is Bijlage 1 as the system computes it (per type: the provincial opgave
in force on the verslag's date, the places the gemeenten offered, what is still to fill);
``bron_bevindingen`` compares it with Bijlage 1 as the source printed it (``BronInvulling``),
for the verslag and for the Stand van zaken alike: three queries per cyclus, whatever is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Sum

from regietafel.domain.invulling import InvullingTotaal, invulling
from regietafel.domain.validatie import Bevinding, InvullingVolgensBron, controleer_invulling
from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.models import (
    SOORTEN_PER_CYCLUS,
    BronInvulling,
    Cyclus,
    Opgave,
    ProvincieOpgave,
    Soort,
    Stadium,
)

NAMEN = {Soort.REGULIER.value: "Asielopvang regulier", Soort.AMV.value: "Asielopvang AMV"}


def verslag_datum(cyclus: Cyclus) -> dt.date:
    """The verslag's date: the cyclus deadline (or its begin)."""
    return cyclus.deadline_verslag or cyclus.begin


def verslag_invulling(provincie: Provincie, cyclus: Cyclus) -> InvullingTotaal:
    """Bijlage 1 as computed: per type (never mixed) the provincial opgave in force just
    before the verslag's date (the newest one), the offer of the gemeenten, what is left.
    Two queries, whatever is stored."""
    soorten = [str(s) for s in SOORTEN_PER_CYCLUS.get(cyclus.soort, ())]
    provinciaal = (
        ProvincieOpgave.objects.filter(provincie=provincie, cyclus=cyclus, soort__in=soorten)
        .order_by("geldig_vanaf")
        .values_list("soort", "geldig_vanaf", "aantal")
    )
    aanbod = (
        Opgave.objects.filter(
            gemeente__provincie=provincie, cyclus=cyclus, stadium=Stadium.AANBOD, soort__in=soorten
        )
        .order_by()
        .values_list("soort")
        .annotate(n=Sum("aantal"))
        .values_list("soort", "n")
    )
    return invulling_uit(cyclus, provinciaal, aanbod)


def invulling_uit(
    cyclus: Cyclus,
    provinciaal: Iterable[tuple[str, dt.date, int]],
    aanbod: Iterable[tuple[str, int]],
) -> InvullingTotaal:
    """``verslag_invulling`` from rows already read: the provincie's provincial opgaven of the
    cyclus (soort, geldig_vanaf, aantal; oldest first) and its gemeenten's aanbod opgaven of
    the cyclus (soort, aantal; summed here)."""
    soorten = [str(s) for s in SOORTEN_PER_CYCLUS.get(cyclus.soort, ())]
    datum = verslag_datum(cyclus)
    opgaven = dict.fromkeys(soorten, 0)
    for soort, geldig_vanaf, aantal in provinciaal:
        if soort in opgaven and geldig_vanaf < datum:
            opgaven[soort] = aantal
    som = dict.fromkeys(soorten, 0)
    for soort, aantal in aanbod:
        if soort in som:
            som[soort] += aantal
    return invulling(opgaven, [(s, som[s]) for s in opgaven])


def bron_bevindingen(
    provincie: Provincie,
    cyclus: Cyclus,
    berekend: InvullingTotaal | None = None,
    volgens_bron: Iterable[BronInvulling] | None = None,
) -> list[Bevinding]:
    """Every difference between Bijlage 1 as its source printed it and as computed.

    ``berekend`` (the verslag passes what it shows) saves computing it again;
    ``volgens_bron`` (the provincie's ``BronInvulling`` rows of the cyclus, read for many
    provincies at once) saves reading them.
    """
    if volgens_bron is None:
        volgens_bron = BronInvulling.objects.filter(provincie=provincie, cyclus=cyclus)
    volgens_bron = list(volgens_bron)
    if berekend is None:  # also without source figures: the same queries for every provincie
        berekend = verslag_invulling(provincie, cyclus)
    bevindingen: list[Bevinding] = []
    for bron in dict.fromkeys(b.bron for b in volgens_bron):
        bevindingen += controleer_invulling(
            bron,
            berekend,
            [
                InvullingVolgensBron(b.soort, b.opgave, b.ingevuld, b.nog_in_te_vullen)
                for b in volgens_bron
                if b.bron == bron
            ],
            NAMEN,
        )
    return bevindingen

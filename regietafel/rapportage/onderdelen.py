"""Parts that both reports share (the Stand van zaken in ``bouwen``, its national variant in
``stand_landelijk`` and the provinciaal verslag in ``verslag``): a text as blocks, the section
of source checks, and the texts, date and number of a stored version."""

from __future__ import annotations

import datetime as dt

from regietafel.core import klok
from regietafel.domain.validatie import Bevinding, Ernst
from regietafel.rapportage.document import Alinea, Blok, Opsomming, Sectie
from regietafel.rapportage.models import RapportVersie
from regietafel.rapportage.teksten import blokken, standaardteksten


def tekstblokken(tekst: str) -> tuple[Blok, ...]:
    return tuple(
        Opsomming(b.regels) if b.soort == "ul" else Alinea(b.regels[0]) for b in blokken(tekst)
    )


def bevindingen_sectie(bevindingen: list[Bevinding] | tuple[Bevinding, ...]) -> Sectie:
    if not bevindingen:
        inhoud: tuple[Blok, ...] = (
            Alinea("Geen bevindingen: de rijen sluiten aan op de totalen van de bronnen."),
        )
    else:
        inhoud = (
            Alinea(
                "De tabellen tonen de totalen zoals het systeem ze uit de rijen berekent. Waar "
                "een bron iets anders vermeldt, staat dat hieronder."
            ),
            Opsomming(
                tuple(
                    f"{'Fout' if b.ernst == Ernst.FOUT else 'Waarschuwing'}: {b.melding} "
                    f"(bron: {b.bron})"
                    for b in bevindingen
                )
            ),
        )
    return Sectie("Controles op de bronnen", inhoud, sleutel="controles")


def versie_teksten(
    versie: RapportVersie | None, soort: str, **waarden: object
) -> tuple[dict[str, str], dt.date, int | None, str]:
    teksten = standaardteksten(soort, **waarden)
    if versie is None:
        return teksten, klok.vandaag(), None, ""
    teksten.update({k: v for k, v in versie.teksten.items() if k in teksten})
    return teksten, versie.versie_datum, versie.volgnummer, versie.adressering

"""Build the Stand van zaken as a ``Document``, once, from the computed query objects.

``stand_document`` follows seed 000 ("Stand van zaken realisatie opgaven"); the provinciaal
verslag (seed 001) is built in ``verslag``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils.text import slugify

from regietafel.core import opmaak
from regietafel.core.opmaak import datum_lang
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.queries import StandVanZaken
from regietafel.monitoring.views_tabellen import nidos_tabel, statushouders_tabel, verdeling_tabel
from regietafel.rapportage import grafieken, zinnen
from regietafel.rapportage.document import (
    Alinea,
    Blok,
    Document,
    GrafiekBlok,
    Opsomming,
    Sectie,
    TabelBlok,
)
from regietafel.rapportage.models import Rapportsoort, RapportVersie
from regietafel.rapportage.onderdelen import bevindingen_sectie, tekstblokken, versie_teksten
from regietafel.rapportage.queries import (
    controleer_peildatum,
    huisstijl,
    laatste_versie,
)
from regietafel.rapportage.teksten import opsomming

STAND_TITEL = "Stand van zaken realisatie opgaven"


# ---------------------------------------------------------------- Stand van zaken (seed 000)


def opgave_realisatie_grafieken(
    namen: tuple[str, ...],
    soorten: Iterable[tuple[str, str, tuple[int | None, ...], tuple[int | None, ...]]],
    per: str,
    tabel: str,
) -> list[grafieken.Grafiek]:
    """Per soort (key, title, opgaven, realisaties) a chart of the opgave and realisatie per
    gemeente or provincie (``namen``, ``per``); none for a soort with neither."""
    return [
        grafieken.maak(
            f"grafiek-{soort}",
            f"{titel}: opgave en realisatie per {per}",
            namen,
            (grafieken.Reeks("Opgave", opgaven), grafieken.Reeks("Realisatie", realisaties)),
            tabel,
        )
        for soort, titel, opgaven, realisaties in soorten
        if any(opgaven) or any(realisaties)
    ]


def stand_grafieken(stand: StandVanZaken) -> tuple[grafieken.Grafiek, ...]:
    uit = opgave_realisatie_grafieken(
        tuple(r.gemeente.naam for r in stand.rijen),
        (
            (
                k.soort,
                k.titel,
                tuple(r.cellen[i].opgave for r in stand.rijen),
                tuple(r.cellen[i].realisatie for r in stand.rijen),
            )
            for i, k in enumerate(stand.kolommen)
        ),
        "gemeente",
        "De verdeling van de opgaven",
    )
    if stand.statushouders:
        uit.append(
            grafieken.maak(
                "grafiek-statushouders",
                "Huisvesting vergunninghouders: achterstand (positief) of voorsprong (negatief)",
                tuple(r.gemeente.naam for r in stand.statushouders),
                (
                    grafieken.Reeks(
                        "Achter/voor", tuple(r.stand.achter_voor for r in stand.statushouders)
                    ),
                ),
                "Overzicht huisvesting vergunninghouders",
            )
        )
    return tuple(uit)


def stand_document(
    provincie: Provincie,
    peildatum: dt.date,
    versie: RapportVersie | None = None,
    *,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
) -> Document:
    """The Stand van zaken of ``provincie`` on ``peildatum``, as known now or at the end of
    day ``bekend_op``, against the opgave of the cyclus in force or of the Spreidingswet
    cyclus of year ``cyclus`` (raises GeenGegevens)."""
    stand = controleer_peildatum(provincie, peildatum, bekend_op, cyclus)
    return stand_document_uit(stand, versie)


def stand_document_uit(stand: StandVanZaken, versie: RapportVersie | None = None) -> Document:
    provincie = stand.provincie
    if versie is None:
        versie = laatste_versie(Rapportsoort.STAND_VAN_ZAKEN, provincie, peildatum=stand.peildatum)
    teksten, versie_datum, volgnummer, aan = versie_teksten(
        versie, Rapportsoort.STAND_VAN_ZAKEN, provincie=provincie.naam
    )
    kopregels, bekend = _kopregels(stand, aan, versie_datum)
    gekozen = stand.cyclus_keuze.gekozen if stand.cyclus_keuze else None
    return Document(
        soort=Rapportsoort.STAND_VAN_ZAKEN,
        titel=STAND_TITEL,
        provincie=provincie.naam,
        huisstijl=huisstijl(provincie),
        versie_datum=versie_datum,
        volgnummer=volgnummer,
        aan=aan,
        kenmerk=f"peildatum {datum_lang(stand.peildatum)}{bekend}",
        secties=_stand_secties(stand, teksten),
        bestandsbasis=f"stand-van-zaken-{slugify(provincie.naam)}-{stand.peildatum:%Y-%m-%d}"
        + (f"-bekend-op-{stand.bekend_op:%Y-%m-%d}" if stand.bekend_op else "")
        + (f"-cyclus-{gekozen.jaar}" if gekozen else ""),
        kopregels=kopregels,
        toelichting=(
            ("Rapport", STAND_TITEL),
            ("Provincie", provincie.naam),
            ("Peildatum", datum_lang(stand.peildatum)),
            ("Zoals bekend op", datum_lang(stand.bekend_op)),
            ("Opgave van de cyclus", f"{gekozen.jaar} ({gekozen.naam})" if gekozen else ""),
            (
                "Versie",
                datum_lang(versie_datum) + (f" (versie {volgnummer})" if volgnummer else ""),
            ),
            ("Aan", aan),
        ),
    )


def _kopregels(
    stand: StandVanZaken, aan: str, versie_datum: dt.date
) -> tuple[tuple[tuple[str, str], ...], str]:
    """The head lines of the Stand van zaken, and what the kenmerk adds after the peildatum
    (as known on a day, the cyclus of the opgave)."""
    kopregels = [("Aan", aan)] if aan else []
    kopregels += [
        ("Versie", datum_lang(versie_datum)),
        ("Peildatum", datum_lang(stand.peildatum)),
    ]
    bekend = ""
    if stand.bekend_op:
        kopregels.append(("Zoals bekend op", datum_lang(stand.bekend_op)))
        bekend = f", zoals bekend op {datum_lang(stand.bekend_op)}"
    gekozen = stand.cyclus_keuze.gekozen if stand.cyclus_keuze else None
    if gekozen is not None:
        kopregels.append(("Opgave van de cyclus", f"{gekozen.jaar} ({gekozen.naam})"))
        bekend += f", opgave cyclus {gekozen.jaar}"
    return tuple(kopregels), bekend


def _stand_secties(stand: StandVanZaken, teksten: dict[str, str]) -> tuple[Sectie, ...]:
    """The sections of seed 000 in its order: inleiding, verdeling, the two toelichtingen,
    the charts, statushouders, minderjarige statushouders and the checks on the sources."""
    naam = stand.provincie.naam
    # All charts together on portrait pages (a tall one in parts that fit a page); each
    # names the table with its numbers.
    alle_grafieken = tuple(
        GrafiekBlok(deel) for g in stand_grafieken(stand) for deel in grafieken.op_paginas(g)
    )
    secties: list[Sectie] = []
    if teksten["inleiding"].strip():
        secties.append(Sectie("Inleiding", tekstblokken(teksten["inleiding"]), "inleiding"))
    secties += [
        Sectie(
            f"De verdeling van de asiel- en Oekraïneopgaven in {naam}",
            (TabelBlok(verdeling_tabel(stand)),),
            "verdeling",
        ),
        Sectie(
            "Toelichting opvangopgave ontheemden uit Oekraïne",
            (Opsomming(zinnen.oekraine(stand) + opsomming(teksten["oekraine"])),),
            "oekraine",
        ),
        Sectie(
            "Toelichting opvangopgave in het kader van de Spreidingswet",
            (Opsomming(zinnen.spreidingswet(stand) + opsomming(teksten["spreidingswet"])),),
            "spreidingswet",
        ),
    ]
    if alle_grafieken:
        secties.append(Sectie("Grafieken", alle_grafieken, "grafieken"))
    secties += [
        _statushouders_sectie(stand, teksten),
        _nidos_sectie(stand, teksten),
        bevindingen_sectie(stand.bevindingen),
    ]
    return tuple(secties)


def _statushouders_sectie(stand: StandVanZaken, teksten: dict[str, str]) -> Sectie:
    status: list[Blok] = []
    if stand.statushouders:
        status += [
            Alinea(
                f"Overzicht huisvesting vergunninghouders, peildatum "
                f"{opmaak.datum(stand.statushouders_peildatum)}: overzicht gemeenten van provincie "
                f"{stand.provincie.naam}."
            ),
            Alinea(zinnen.statushouders(stand)[0]),
            TabelBlok(statushouders_tabel(stand)),
            *tekstblokken(teksten["statushouders"]),
        ]
    else:
        status.append(Alinea(zinnen.statushouders(stand)[0]))
    return Sectie(
        "Overzicht realisatie statushouders",
        tuple(status),
        "statushouders",
        breed=bool(stand.statushouders),
        nieuwe_pagina=bool(stand.statushouders),
    )


def _nidos_sectie(stand: StandVanZaken, teksten: dict[str, str]) -> Sectie:
    nidos: list[Blok] = [Alinea(zinnen.nidos(stand)[0])]
    if stand.nidos:
        nidos += [TabelBlok(nidos_tabel(stand)), *tekstblokken(teksten["nidos"])]
    return Sectie(
        "Overzicht realisatie minderjarige statushouders",
        tuple(nidos),
        "nidos",
        nieuwe_pagina=bool(stand.nidos),
    )

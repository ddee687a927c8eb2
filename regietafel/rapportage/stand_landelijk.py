"""The national Stand van zaken: every provincie and all their gemeenten on one peildatum.

Built from the same objects as the provincial report and the national overview: the
provincies' ``StandVanZaken`` (computed together, ``monitoring.queries.standen_van_zaken``),
the national table of ``/landelijk/`` (``landelijk.queries.tabel``), each provincie's table
per gemeente (``verdeling_tabel``) and the sentences of ``zinnen``. A gemeente without a
figure for the peildatum has its latest known figure with its own date, or "niet
aangeleverd": never 0, and no verschil.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from django.utils.text import slugify

from regietafel.core import klok, opmaak
from regietafel.core.opmaak import datum_lang
from regietafel.domain.maanden import eerste_van_maand
from regietafel.landelijk.queries import Landelijk, landelijk, tabel
from regietafel.monitoring.queries import TABEL_SOORTEN, StandVanZaken, standen_van_zaken
from regietafel.monitoring.views_tabellen import verdeling_tabel
from regietafel.rapportage import grafieken, zinnen
from regietafel.rapportage.bouwen import STAND_TITEL, opgave_realisatie_grafieken
from regietafel.rapportage.document import (
    Alinea,
    Document,
    GrafiekBlok,
    Opsomming,
    Sectie,
    Tabel,
    TabelBlok,
)
from regietafel.rapportage.models import Rapportsoort
from regietafel.rapportage.onderdelen import bevindingen_sectie
from regietafel.rapportage.queries import GeenGegevens, huisstijl

NEDERLAND = "Nederland"


def controleer_landelijk(peildatum: dt.date, cyclus: int | None = None) -> Landelijk:
    """The national overview on ``peildatum`` (its month); an error when no provincie has
    figures for it, or the cyclus of year ``cyclus`` applies in no provincie on it."""
    o = landelijk(eerste_van_maand(peildatum), cyclus)
    if o.peildatum not in o.peildata:
        bekend = ", ".join(f"{d:%Y-%m-%d}" for d in o.peildata) or "geen"
        raise GeenGegevens(
            f"Voor geen enkele provincie zijn cijfers opgeslagen met peildatum "
            f"{peildatum:%Y-%m-%d}. Peildata met cijfers: {bekend}."
        )
    if cyclus is not None and (o.gekozen is None or o.gekozen.jaar != cyclus):
        keuzes = ", ".join(str(c.jaar) for c in o.cycli) or "geen"
        raise GeenGegevens(
            f"De cyclus {cyclus} is op {o.peildatum:%Y-%m-%d} in geen provincie van "
            f"toepassing. Cycli van toepassing: {keuzes}."
        )
    return o


def landelijk_document(peildatum: dt.date, *, cyclus: int | None = None) -> Document:
    """The national Stand van zaken on ``peildatum`` against the opgave of the cyclus in
    force, or of the Spreidingswet cyclus of year ``cyclus`` where it applies (raises
    GeenGegevens)."""
    o = controleer_landelijk(peildatum, cyclus)
    assert o.peildatum is not None
    standen = standen_van_zaken([r.provincie for r in o.rijen], o.peildatum, cyclus=cyclus)
    return landelijk_document_uit(o, standen)


def landelijk_grafieken(o: Landelijk) -> tuple[grafieken.Grafiek, ...]:
    """Per soort the opgave and realisatie per provincie (the table per provincie has the
    numbers)."""
    return tuple(
        opgave_realisatie_grafieken(
            tuple(r.provincie.naam for r in o.rijen),
            (
                (
                    soort,
                    titel,
                    tuple(r.soorten[i].opgave for r in o.rijen),
                    tuple(r.soorten[i].realisatie for r in o.rijen),
                )
                for i, (soort, _c, titel) in enumerate(TABEL_SOORTEN)
            ),
            "provincie",
            "Opgave en realisatie per provincie",
        )
    )


def gemeenten_tabel(stand: StandVanZaken) -> Tabel:
    """The provincial report's table per gemeente, named after its provincie (one sheet
    per provincie in Excel)."""
    t = verdeling_tabel(stand)
    return dataclasses.replace(
        t,
        sleutel=stand.provincie.naam,
        titel=f"{stand.provincie.naam}: opgave, realisatie en verschil per gemeente",
    )


def _gemeenten(stand: StandVanZaken, aangeleverd: int) -> Sectie:
    naam = stand.provincie.naam
    woord = "gemeente" if len(stand.rijen) == 1 else "gemeenten"
    return Sectie(
        naam,
        (
            Alinea(
                f"{aangeleverd} van de {len(stand.rijen)} {woord} hebben cijfers aangeleverd "
                f"met peildatum {opmaak.datum(stand.peildatum)}."
            ),
            TabelBlok(gemeenten_tabel(stand)),
        ),
        f"gemeenten-{slugify(naam)}",
    )


def landelijk_document_uit(o: Landelijk, standen: Sequence[StandVanZaken]) -> Document:
    assert o.peildatum is not None
    vandaag = klok.vandaag()
    secties: list[Sectie] = [
        Sectie(
            "Landelijk totaal",
            (
                Alinea(zinnen.landelijk_aangeleverd(o)),
                Opsomming(zinnen.landelijk_soorten(o, standen)),
                *(
                    (Alinea("Synthetische cijfers (landelijke demo): geen echte cijfers."),)
                    if o.synthetisch
                    else ()
                ),
            ),
            "totaal",
        ),
        Sectie(
            "Opgave en realisatie per provincie",
            (TabelBlok(tabel(o)),),
            "provincies",
            breed=True,
            nieuwe_pagina=True,
        ),
    ]
    alle_grafieken = tuple(
        GrafiekBlok(deel) for g in landelijk_grafieken(o) for deel in grafieken.op_paginas(g)
    )
    if alle_grafieken:
        secties.append(Sectie("Grafieken", alle_grafieken, "grafieken", nieuwe_pagina=True))
    for rij, stand in zip(o.rijen, standen, strict=True):
        secties.append(_gemeenten(stand, rij.aangeleverd))
    secties.append(
        bevindingen_sectie(
            [
                dataclasses.replace(b, melding=f"{s.provincie.naam}: {b.melding}")
                for s in standen
                for b in s.bevindingen
            ]
        )
    )
    kopregels = [("Versie", datum_lang(vandaag)), ("Peildatum", datum_lang(o.peildatum))]
    kenmerk = f"peildatum {datum_lang(o.peildatum)}"
    bestand = f"stand-van-zaken-nederland-{o.peildatum:%Y-%m-%d}"
    gekozen = ""
    if o.gekozen is not None:
        gekozen = f"{o.gekozen.jaar} ({o.gekozen.naam}), waar die van toepassing is"
        kopregels.append(("Opgave van de cyclus", gekozen))
        kenmerk += f", opgave cyclus {o.gekozen.jaar}"
        bestand += f"-cyclus-{o.gekozen.jaar}"
    return Document(
        soort=Rapportsoort.STAND_VAN_ZAKEN,
        titel=STAND_TITEL,
        provincie=NEDERLAND,
        huisstijl=huisstijl(None),
        versie_datum=vandaag,
        volgnummer=None,
        aan="",
        kenmerk=kenmerk,
        secties=tuple(secties),
        bestandsbasis=bestand,
        kopregels=(("Gebied", f"{NEDERLAND}, alle {len(o.rijen)} provincies"), *kopregels),
        toelichting=(
            ("Rapport", STAND_TITEL),
            ("Gebied", NEDERLAND),
            ("Peildatum", datum_lang(o.peildatum)),
            ("Opgave van de cyclus", gekozen),
            ("Versie", datum_lang(vandaag)),
        ),
        illustratief=o.synthetisch,
    )

"""Build the two reports as ``Document`` objects, once, from the computed query objects.

``stand_document`` follows seed 000 ("Stand van zaken realisatie opgaven"),
``verslag_document`` seed 001 (the provinciaal verslag with Bijlage 1 and 2).
"""

from __future__ import annotations

import datetime as dt

from django.utils.text import slugify

from regietafel.core import klok, opmaak
from regietafel.core.opmaak import bijvoeglijk, datum_lang, euro, getal
from regietafel.domain.validatie import Bevinding, Ernst
from regietafel.gemeenten.models import Provincie
from regietafel.locaties.models import LocatieType
from regietafel.monitoring.queries import StandVanZaken
from regietafel.monitoring.views_tabellen import nidos_tabel, statushouders_tabel, verdeling_tabel
from regietafel.opgaven.models import Cyclus
from regietafel.rapportage import grafieken, verslag_cyclus, zinnen
from regietafel.rapportage.document import (
    Alinea,
    Blok,
    Document,
    Eigenschappen,
    GrafiekBlok,
    Kolom,
    Opsomming,
    Sectie,
    Tabel,
    TabelBlok,
    Waarde,
)
from regietafel.rapportage.models import Rapportsoort, RapportVersie
from regietafel.rapportage.queries import (
    Verslag,
    controleer_peildatum,
    huisstijl,
    laatste_versie,
    verslag,
    werkt_met_aanbod,
)
from regietafel.rapportage.teksten import blokken, opsomming, standaardteksten

STAND_TITEL = "Stand van zaken realisatie opgaven"


def _tekstblokken(tekst: str) -> tuple[Blok, ...]:
    return tuple(
        Opsomming(b.regels) if b.soort == "ul" else Alinea(b.regels[0]) for b in blokken(tekst)
    )


def _bevindingen(bevindingen: list[Bevinding] | tuple[Bevinding, ...]) -> Sectie:
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


def _versie(
    versie: RapportVersie | None, soort: str, **waarden: object
) -> tuple[dict[str, str], dt.date, int | None, str]:
    teksten = standaardteksten(soort, **waarden)
    if versie is None:
        return teksten, klok.vandaag(), None, ""
    teksten.update({k: v for k, v in versie.teksten.items() if k in teksten})
    return teksten, versie.versie_datum, versie.volgnummer, versie.adressering


# ---------------------------------------------------------------- Stand van zaken (seed 000)


def stand_grafieken(stand: StandVanZaken) -> tuple[grafieken.Grafiek, ...]:
    namen = tuple(r.gemeente.naam for r in stand.rijen)
    uit = []
    for i, k in enumerate(stand.kolommen):
        if not k.totaal.opgave and not k.totaal.realisatie:
            continue
        uit.append(
            grafieken.maak(
                f"grafiek-{k.soort}",
                f"{k.titel}: opgave en realisatie per gemeente",
                namen,
                (
                    grafieken.Reeks("Opgave", tuple(r.cellen[i].opgave for r in stand.rijen)),
                    grafieken.Reeks(
                        "Realisatie", tuple(r.cellen[i].realisatie for r in stand.rijen)
                    ),
                ),
                "De verdeling van de opgaven",
            )
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
    teksten, versie_datum, volgnummer, aan = _versie(
        versie, Rapportsoort.STAND_VAN_ZAKEN, provincie=provincie.naam
    )
    grafiek = {g.sleutel: g for g in stand_grafieken(stand)}
    # All charts together on portrait pages; each names the table with its numbers.
    alle_grafieken = tuple(GrafiekBlok(g) for g in grafiek.values())
    secties: list[Sectie] = []
    if teksten["inleiding"].strip():
        secties.append(Sectie("Inleiding", _tekstblokken(teksten["inleiding"]), "inleiding"))
    secties.append(
        Sectie(
            f"De verdeling van de asiel- en Oekraïneopgaven in {provincie.naam}",
            (TabelBlok(verdeling_tabel(stand)),),
            "verdeling",
        )
    )
    secties.append(
        Sectie(
            "Toelichting opvangopgave ontheemden uit Oekraïne",
            (Opsomming(zinnen.oekraine(stand) + opsomming(teksten["oekraine"])),),
            "oekraine",
        )
    )
    secties.append(
        Sectie(
            "Toelichting opvangopgave in het kader van de Spreidingswet",
            (Opsomming(zinnen.spreidingswet(stand) + opsomming(teksten["spreidingswet"])),),
            "spreidingswet",
        )
    )
    if alle_grafieken:
        secties.append(Sectie("Grafieken", alle_grafieken, "grafieken"))
    status: list[Blok] = []
    if stand.statushouders:
        status += [
            Alinea(
                f"Overzicht huisvesting vergunninghouders, peildatum "
                f"{opmaak.datum(stand.statushouders_peildatum)}: overzicht gemeenten van provincie "
                f"{provincie.naam}."
            ),
            Alinea(zinnen.statushouders(stand)[0]),
            TabelBlok(statushouders_tabel(stand)),
            *_tekstblokken(teksten["statushouders"]),
        ]
    else:
        status.append(Alinea(zinnen.statushouders(stand)[0]))
    secties.append(
        Sectie(
            "Overzicht realisatie statushouders",
            tuple(status),
            "statushouders",
            breed=bool(stand.statushouders),
            nieuwe_pagina=bool(stand.statushouders),
        )
    )
    nidos: list[Blok] = [Alinea(zinnen.nidos(stand)[0])]
    if stand.nidos:
        nidos += [TabelBlok(nidos_tabel(stand)), *_tekstblokken(teksten["nidos"])]
    secties.append(
        Sectie(
            "Overzicht realisatie minderjarige statushouders",
            tuple(nidos),
            "nidos",
            nieuwe_pagina=bool(stand.nidos),
        )
    )
    secties.append(_bevindingen(stand.bevindingen))
    kopregels = []
    if aan:
        kopregels.append(("Aan", aan))
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
    return Document(
        soort=Rapportsoort.STAND_VAN_ZAKEN,
        titel=STAND_TITEL,
        provincie=provincie.naam,
        huisstijl=huisstijl(provincie),
        versie_datum=versie_datum,
        volgnummer=volgnummer,
        aan=aan,
        kenmerk=f"peildatum {datum_lang(stand.peildatum)}{bekend}",
        secties=tuple(secties),
        bestandsbasis=f"stand-van-zaken-{slugify(provincie.naam)}-{stand.peildatum:%Y-%m-%d}"
        + (f"-bekend-op-{stand.bekend_op:%Y-%m-%d}" if stand.bekend_op else "")
        + (f"-cyclus-{gekozen.jaar}" if gekozen else ""),
        kopregels=tuple(kopregels),
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


# ---------------------------------------------------------------- Provinciaal verslag (seed 001)


def puzzel_tabel(v: Verslag) -> Tabel:
    oek = "Oekraïne-opgave"
    reg = "Asielopvang (regulier)"
    amv = "Asielopvang (AMV)"
    kop_oek = v.oekraine_cyclus.kolomkop if v.oekraine_cyclus else ""
    kop = v.cyclus.kolomkop
    real = opmaak.datum(v.realisatie_peildatum)
    kolommen = (
        Kolom("Gemeente", "tekst", breedte=18),
        Kolom("Inwoners", sub=str(v.inwoners_jaar or ""), som=True),
        Kolom("Opgave", groep=oek, sub=kop_oek, som=True),
        Kolom("Realisatie", groep=oek, sub=real, som=True),
        Kolom("Ambitie", groep=oek, sub=kop_oek, som=True),
        Kolom("Opgave", groep=reg, sub=kop, som=True),
        Kolom("Realisatie", groep=reg, sub=real, som=True),
        Kolom("Aanbod gemeenten", groep=reg, sub=kop, som=True),
        Kolom("Opgave", groep=amv, sub=kop, som=True),
        Kolom("Realisatie", groep=amv, sub=real, som=True),
        Kolom("Aanbod gemeenten", groep=amv, sub=kop, som=True),
    )
    velden = (
        "inwoners",
        "oek_opgave",
        "oek_realisatie",
        "oek_ambitie",
        "reg_opgave",
        "reg_realisatie",
        "reg_aanbod",
        "amv_opgave",
        "amv_realisatie",
        "amv_aanbod",
    )
    return Tabel(
        sleutel="PUZZEL",
        titel=(
            f"De {bijv} PUZZEL voor Nieuwkomers"
            if (bijv := bijvoeglijk(v.provincie.naam))
            else f"De PUZZEL voor Nieuwkomers in {v.provincie.naam}"
        ),
        bijschrift=(
            f"Gegevens voor de puzzel: opgave per {opmaak.datum(v.peildatum)}. De totalen zijn de "
            f"som van de rijen."
        ),
        kolommen=kolommen,
        rijen=tuple((r.gemeente.naam, *(getattr(r, veld) for veld in velden)) for r in v.rijen),
        totaal=("Totaal", *(v.totaal(veld) for veld in velden)),
        breed=True,
    )


def bijlage1_tabel(v: Verslag) -> Tabel:
    namen = {
        "regulier": "Asielopvang regulier (inclusief bijzondere opvangvormen)",
        "amv": "Asielopvang AMV",
    }
    return Tabel(
        sleutel="Bijlage 1",
        titel="Provinciale asielopvangopgave en invulling",
        bijschrift=(
            "Per type: ingevuld is de som van het aanbod van de gemeenten; nog in te vullen is "
            "de opgave min het ingevulde, niet minder dan 0."
        ),
        kolommen=(
            Kolom("Type", "tekst", breedte=40),
            Kolom("Provinciale opgave", som=True),
            Kolom("Ingevuld", som=True),
            Kolom("Nog in te vullen", som=True),
        ),
        rijen=tuple(
            (namen.get(i.type, i.type), i.opgave, i.ingevuld, i.nog_in_te_vullen)
            for i in v.invulling.per_type
        ),
        totaal=(
            "Totaal",
            v.invulling.opgave,
            v.invulling.ingevuld,
            v.invulling.nog_in_te_vullen,
        ),
    )


def _bron_noot(v: Verslag) -> tuple[Blok, ...]:
    """The note under Bijlage 1's table: where the source printed other figures, and why."""
    afwijkend = [b for b in v.bevindingen if b.code == "invulling_bron"]
    if not afwijkend:
        return ()
    bronnen = ", ".join(dict.fromkeys(b.bron for b in afwijkend))
    return (
        Alinea(
            f"Opmerking bij de bron ({bronnen}): de tabel hierboven toont per type de opgave, "
            "het aanbod van de gemeenten en wat nog in te vullen is, zoals het systeem ze "
            "berekent. De bron vermeldt andere cijfers; ze zijn niet overgenomen:",
            klein=True,
        ),
        Opsomming(tuple(b.melding for b in afwijkend)),
    )


# Short type names as the verslag prints them (Bijlage 1).
TYPE_KORT = {
    LocatieType.REGULIER: "azc",
    LocatieType.AMV: "AMV",
    LocatieType.TGO: "TGO",
    LocatieType.NOODOPVANG: "NO",
    LocatieType.HTL: "HTL",
    LocatieType.GEZINSLOCATIE: "gezinslocatie",
    LocatieType.HOTEL_NAREIZIGERS: "hotel nareizigers",
}


def _tot(lr) -> Waarde:  # type: ignore[no-untyped-def]
    loc = lr.locatie
    if loc.onbepaalde_tijd:
        return "onbep. tijd"
    return loc.beschikbaar_tot


def locaties_tabel(v: Verslag) -> Tabel:
    return Tabel(
        sleutel="Locaties",
        titel="Overzicht gemeenten die te kennen hebben gegeven asielopvang mogelijk te maken",
        bijschrift="Locaties met type, plekken en beschikbaarheid (op basis van het contract met het COA).",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=15),
            Kolom("Locatie", "tekst", breedte=24),
            Kolom("Type", "tekst", breedte=10),
            Kolom("Totaal aantal plekken", som=True, breedte=10),
            Kolom("Regulier", som=True, breedte=9),
            Kolom("Bijzonder", som=True, breedte=9),
            Kolom("AMV", som=True, breedte=7),
            Kolom("Beschikbaar van", "datum", breedte=12),
            Kolom("Beschikbaar tot", "datum", breedte=12),
            Kolom("Bijzonderheden", "tekst", breedte=40),
        ),
        rijen=tuple(
            (
                lr.locatie.gemeente.naam,
                lr.locatie.naam,
                TYPE_KORT.get(LocatieType(lr.locatie.type), lr.locatie.type),
                lr.locatie.capaciteit,
                lr.locatie.plaatsen_regulier or None,
                lr.locatie.plaatsen_bijzonder or None,
                lr.locatie.plaatsen_amv or None,
                lr.locatie.beschikbaar_van,
                _tot(lr),
                lr.locatie.bijzonderheden,
            )
            for lr in v.locaties
        ),
        totaal=(
            "Totaal",
            None,
            None,
            sum(lr.locatie.capaciteit for lr in v.locaties),
            sum(lr.locatie.plaatsen_regulier for lr in v.locaties),
            sum(lr.locatie.plaatsen_bijzonder for lr in v.locaties),
            sum(lr.locatie.plaatsen_amv for lr in v.locaties),
            None,
            None,
            None,
        ),
        breed=True,
        klein=True,
    )


def bonus_tabel(v: Verslag) -> Tabel:
    """Bijlage 2: the same table as the verslag of a cyclus with a set-up prints."""
    assert v.bonus is not None
    return verslag_cyclus.bonus_tabel(v.bonus)


def duurzaam_tabel(v: Verslag) -> Tabel:
    regeling = v.regeling
    jaren = regeling.spuk1_minimale_jaren if regeling else 5
    regulier = [lr for lr in v.locaties if lr.locatie.type == LocatieType.REGULIER]
    return Tabel(
        sleutel="Duurzame locaties",
        titel=f"SPUK 1: reguliere locaties, duurzaam bij minimaal {jaren} jaar beschikbaar",
        bijschrift="Zonder einddatum of voor onbepaalde tijd telt een locatie als duurzaam.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Locatie", "tekst", breedte=24),
            Kolom("Reguliere plekken", som=True),
            Kolom("Beschikbaar van", "datum", breedte=12),
            Kolom("Beschikbaar tot", "datum", breedte=12),
            Kolom("Duurzaam", "tekst"),
            Kolom("Bijzonderheden", "tekst", breedte=36),
        ),
        rijen=tuple(
            (
                lr.locatie.gemeente.naam,
                lr.locatie.naam,
                lr.locatie.plaatsen_regulier,
                lr.locatie.beschikbaar_van,
                _tot(lr),
                "ja" if lr.duurzaam else "nee",
                lr.locatie.bijzonderheden,
            )
            for lr in regulier
        ),
        totaal=(
            "Totaal",
            None,
            sum(lr.locatie.plaatsen_regulier for lr in regulier),
            None,
            None,
            None,
            None,
        ),
    )


def verslag_document(
    provincie: Provincie, cyclus: Cyclus, versie: RapportVersie | None = None
) -> Document:
    """The provinciaal verslag of ``cyclus``: of a cyclus run as a workflow (it has a set-up:
    the gemeenten hand in their aanbod) from its PUZZEL (``verslag_cyclus``); of an earlier one
    (the first cyclus, its offer recorded as opgaven and locations) as it always was."""
    if werkt_met_aanbod(cyclus):
        return verslag_cyclus.verslag_document(provincie, cyclus, versie)
    v = verslag(provincie, cyclus)
    return verslag_document_uit(v, versie)


def verslag_document_uit(v: Verslag, versie: RapportVersie | None = None) -> Document:
    provincie = v.provincie
    if versie is None:
        versie = laatste_versie(Rapportsoort.VERSLAG, provincie, cyclus=v.cyclus)
    jaar1, jaar2 = v.jaren
    teksten, versie_datum, volgnummer, aan = _versie(
        versie, Rapportsoort.VERSLAG, provincie=provincie.naam, jaar1=jaar1, jaar2=jaar2
    )
    titel = f"Het verslag van {provincie.naam} in het kader van de Spreidingswet"
    secties: list[Sectie] = []
    for sleutel, kop in (("inleiding", "Inleiding"), ("huidige_situatie", "Huidige situatie")):
        if teksten[sleutel].strip():
            secties.append(Sectie(kop, _tekstblokken(teksten[sleutel]), sleutel))
    secties.append(
        Sectie(
            "Verdeling opvangopgaven",
            (
                *_tekstblokken(teksten["verdeling"]),
                Alinea(f"De verdeling over {jaar1} en {jaar2}:"),
                TabelBlok(puzzel_tabel(v)),
            ),
            "verdeling",
            breed=True,
        )
    )
    if teksten["conclusie"].strip():
        secties.append(Sectie("Conclusie", _tekstblokken(teksten["conclusie"]), "conclusie"))
    financieel: list[Blok] = [
        Alinea(
            f"De gemeenten in de provincie {provincie.naam} kunnen in aanmerking komen voor "
            f"verschillende bonusregelingen uit de wet, te weten:"
        ),
        Opsomming(zinnen.SPUK_REGELINGEN, genummerd=True),
    ]
    if v.bonus is not None:
        financieel += [
            Alinea(z) for z in zinnen.financieel(v.bonus, provincie.naam, jaar2 - jaar1 + 1)
        ]
    else:
        financieel.append(
            Alinea(
                f"Voor de cyclus {v.cyclus.jaar} zijn (nog) geen bedragen van de bonusregelingen "
                f"vastgelegd; de aanspraken zijn daarom niet berekend."
            )
        )
    financieel += list(_tekstblokken(teksten["financieel"]))
    secties.append(Sectie("Financiële regelingen", tuple(financieel), "financieel"))
    if teksten["verzoeken"].strip():
        secties.append(
            Sectie("Verzoeken en adviezen", _tekstblokken(teksten["verzoeken"]), "verzoeken")
        )
    bevindingen = list(v.bevindingen)
    secties.append(_bevindingen(bevindingen))

    bijlage1: list[Blok] = [
        Eigenschappen(
            (
                ("Provincie", provincie.naam),
                *(
                    (f"Provinciale asielopvangopgave {t}", getal(i.opgave))
                    for t, i in zip(("regulier", "AMV"), v.invulling.per_type, strict=True)
                ),
            )
        ),
        TabelBlok(bijlage1_tabel(v)),
        *_bron_noot(v),
        TabelBlok(locaties_tabel(v)),
    ]
    secties.append(
        Sectie(
            f"Bijlage 1 Format provinciale verslag {provincie.naam}",
            tuple(bijlage1),
            "bijlage-1",
            breed=True,
            nieuwe_pagina=True,
        )
    )
    if v.bonus is not None:
        b = v.bonus
        bijlage2: list[Blok] = [
            Alinea(
                f"De gemeenten in de provincie {provincie.naam} willen in aanmerking komen voor "
                f"de verschillende bonusregelingen uit de wet. In onderstaande overzichten wordt "
                f"aangegeven welke gemeenten in aanmerking komen voor welke regelingen. Daarbij is "
                f"rekening gehouden met het feit dat regeling 1 en regeling 3 niet gestapeld "
                f"kunnen worden."
            ),
            TabelBlok(bonus_tabel(v)),
            Alinea(
                f"Provincie {provincie.naam} (SPUK 3, 75%-regeling): {euro(b.provincie)}. "
                f"De provincie vult {getal(b.ingevuld)} van {getal(b.provinciale_opgave)} "
                f"plekken van de opgave in."
            ),
            TabelBlok(duurzaam_tabel(v)),
        ]
        secties.append(
            Sectie(
                "Bijlage 2 Aanspraak bonusregelingen",
                tuple(bijlage2),
                "bijlage-2",
                breed=True,
                nieuwe_pagina=True,
            )
        )
    kopregels = []
    if aan:
        kopregels.append(("Aan", aan))
    kopregels += [("Versie", datum_lang(versie_datum)), ("Cyclus", v.cyclus.naam)]
    return Document(
        soort=Rapportsoort.VERSLAG,
        titel=titel,
        provincie=provincie.naam,
        huisstijl=huisstijl(provincie),
        versie_datum=versie_datum,
        volgnummer=volgnummer,
        aan=aan,
        kenmerk=f"cyclus {v.cyclus.jaar}",
        secties=tuple(secties),
        bestandsbasis=f"provinciaal-verslag-{slugify(provincie.naam)}-{v.cyclus.jaar}",
        kopregels=tuple(kopregels),
        toelichting=(
            ("Rapport", "Provinciaal verslag (Spreidingswet)"),
            ("Provincie", provincie.naam),
            ("Cyclus", v.cyclus.naam),
            ("Realisatie per", datum_lang(v.realisatie_peildatum)),
            (
                "Versie",
                datum_lang(versie_datum) + (f" (versie {volgnummer})" if volgnummer else ""),
            ),
            ("Aan", aan),
        ),
    )

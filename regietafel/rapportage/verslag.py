"""The provinciaal verslag of a cyclus of the Spreidingswet (seed 001: the verslag with its
editable text sections and the PUZZEL, Bijlage 1 and Bijlage 2), one builder for every cyclus.

Its figures come from ``queries``, computed once, in one of two kinds:

- ``queries.Verslag``: a cyclus without a set-up (the first cyclus, whose offer was recorded
  as opgaven and locations). The PUZZEL shows every task with its realisation and the offer;
  Bijlage 1 lists the register's locations; Bijlage 2 follows the provincie's bonus schemes
  and lists the duurzaam locations. The verslag was sent as it is: no status, no letters.
- ``queries.CyclusVerslag``: a cyclus run as a workflow (it has a ``cyclus.CyclusOpzet``),
  from its PUZZEL (``cyclus.queries.puzzel_van``). The commissaris' letters to the minister and
  to the colleges frame it; Bijlage 1 lists the approved aanbod per location or plan, Bijlage 2
  the cyclus' own amounts and rules. The document is CONCEPT until the secretariaat approves
  the version of its texts (``services.stel_vast``); a cyclus with derived figures says so on
  every page (*illustratief*).

The sections both kinds share are built once; where they differ, a small named step (a table,
a sentence, a section) looks at the kind. Every number in a sentence is the number in its
table: both read the same computed object.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from django.utils.text import slugify

from regietafel.core import klok, opmaak
from regietafel.core.opmaak import bijvoeglijk, datum_lang, euro, getal
from regietafel.cyclus.tabellen import elementen_tekst
from regietafel.domain.bonus import BonusOverzicht, Bonusregeling, Keuze
from regietafel.gemeenten.models import Provincie
from regietafel.locaties.models import LocatieType
from regietafel.opgaven.models import Cyclus
from regietafel.rapportage import zinnen
from regietafel.rapportage.document import (
    Alinea,
    Blok,
    Document,
    Eigenschappen,
    Kolom,
    Opsomming,
    Sectie,
    Tabel,
    TabelBlok,
    Waarde,
)
from regietafel.rapportage.models import Rapportsoort, RapportVersie
from regietafel.rapportage.onderdelen import bevindingen_sectie, tekstblokken
from regietafel.rapportage.queries import (
    CyclusVerslag,
    LocatieRij,
    Verslag,
    cyclus_verslag,
    huisstijl,
    laatste_versie,
    verslag,
    werkt_met_aanbod,
)
from regietafel.rapportage.teksten import standaardteksten, standaardteksten_met_brieven

Gegevens = Verslag | CyclusVerslag
"""The figures of one verslag: of a cyclus without a set-up, or of one with a set-up."""

TITEL = "Het verslag van {provincie} in het kader van de Spreidingswet"
MINISTER = ("De minister van Asiel en Migratie", "Postbus 20301", "2500 EH Den Haag")
ONDERWERP = "Provinciaal verslag Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen"

# Short type names as the verslag of the first cyclus prints them (Bijlage 1).
TYPE_KORT = {
    LocatieType.REGULIER: "azc",
    LocatieType.AMV: "AMV",
    LocatieType.TGO: "TGO",
    LocatieType.NOODOPVANG: "NO",
    LocatieType.HTL: "HTL",
    LocatieType.GEZINSLOCATIE: "gezinslocatie",
    LocatieType.HOTEL_NAREIZIGERS: "hotel nareizigers",
}
TYPE_NAAM = {
    "regulier": "Asielopvang regulier (inclusief bijzondere opvangvormen)",
    "amv": "Asielopvang AMV",
}


# ---------------------------------------------------------------- the document


def verslag_document(
    provincie: Provincie, cyclus: Cyclus, versie: RapportVersie | None = None
) -> Document:
    """The provinciaal verslag of ``cyclus``: from its PUZZEL when it has a set-up (the
    gemeenten hand in their aanbod), else from its opgaven and locations (the first cyclus)."""
    gegevens = cyclus_verslag if werkt_met_aanbod(cyclus) else verslag
    return verslag_document_uit(gegevens(provincie, cyclus), versie)


@dataclass(frozen=True)
class Kader:
    """The texts and version of one verslag, and what its pages say about its status."""

    teksten: dict[str, str]
    versie_datum: dt.date
    volgnummer: int | None
    aan: str
    status: str = ""
    """Of a verslag with a set-up: CONCEPT, or when it was approved; empty for the first."""
    concept: bool = False
    illustratief: bool = False


def kader(v: Gegevens, versie: RapportVersie | None) -> Kader:
    """The default texts (with the two letters for a cyclus with a set-up), those of ``versie``
    over them, its date, number and addressee; CONCEPT until approved, *illustratief*."""
    jaar1, jaar2 = v.jaren
    standaard = standaardteksten_met_brieven if _met_brieven(v) else standaardteksten
    teksten = standaard(Rapportsoort.VERSLAG, provincie=v.provincie.naam, jaar1=jaar1, jaar2=jaar2)
    versie_datum, volgnummer, aan = klok.vandaag(), None, ""
    if versie is not None:
        teksten.update({k: t for k, t in versie.teksten.items() if k in teksten})
        versie_datum, volgnummer, aan = versie.versie_datum, versie.volgnummer, versie.adressering
    if not isinstance(v, CyclusVerslag):
        return Kader(teksten, versie_datum, volgnummer, aan)
    if versie is not None and versie.vastgesteld_op is not None:
        status = f"vastgesteld op {datum_lang(klok.lokaal(versie.vastgesteld_op).date())}"
    else:
        status = "CONCEPT — nog niet vastgesteld"
    return Kader(
        teksten,
        versie_datum,
        volgnummer,
        aan,
        status=status,
        concept=versie is None or versie.vastgesteld_op is None,
        illustratief=v.p.illustratief,
    )


def _met_brieven(v: Gegevens) -> bool:
    """A verslag of a cyclus with a set-up goes out with the commissaris' two letters."""
    return isinstance(v, CyclusVerslag)


def verslag_document_uit(v: Gegevens, versie: RapportVersie | None = None) -> Document:
    provincie, cyclus = v.provincie, v.cyclus
    if versie is None:
        versie = laatste_versie(Rapportsoort.VERSLAG, provincie, cyclus=cyclus)
    k = kader(v, versie)
    secties = (
        *_voorwerk(v, k),
        *_verslag(v, k),
        _bijlage1(v),
        *_bijlage2(v),
        *_brief_colleges(v, k),
    )
    return Document(
        soort=Rapportsoort.VERSLAG,
        titel=TITEL.format(provincie=provincie.naam),
        provincie=provincie.naam,
        huisstijl=huisstijl(provincie),
        versie_datum=k.versie_datum,
        volgnummer=k.volgnummer,
        aan=k.aan,
        kenmerk=f"cyclus {cyclus.jaar}",
        secties=secties,
        bestandsbasis=f"provinciaal-verslag-{slugify(provincie.naam)}-{cyclus.jaar}",
        kopregels=_kopregels(v, k),
        toelichting=(
            ("Rapport", "Provinciaal verslag (Spreidingswet)"),
            ("Provincie", provincie.naam),
            ("Cyclus", cyclus.naam),
            *_toelichting(v, k),
            (
                "Versie",
                datum_lang(k.versie_datum) + (f" (versie {k.volgnummer})" if k.volgnummer else ""),
            ),
            ("Aan", k.aan),
        ),
        concept=k.concept,
        illustratief=k.illustratief,
    )


def _kopregels(v: Gegevens, k: Kader) -> tuple[tuple[str, str], ...]:
    """The lines under the title."""
    regels = [("Aan", k.aan)] if k.aan else []
    regels += [("Versie", datum_lang(k.versie_datum)), ("Cyclus", v.cyclus.naam)]
    if k.status:
        regels.append(("Status", k.status))
    if k.illustratief:
        regels.append(("Let op", "illustratief: afgeleide cijfers, niet die van de minister"))
    return tuple(regels)


def _toelichting(v: Gegevens, k: Kader) -> tuple[tuple[str, str], ...]:
    """The lines of the Excel file's first sheet that belong to the kind of verslag."""
    if isinstance(v, CyclusVerslag):
        return (
            ("Status", k.status),
            ("Volledig en uitvoerbaar", "ja" if v.p.puzzel.volledig else "nee"),
            ("Verslag uiterlijk", opmaak.datum(v.cyclus.deadline_verslag)),
        )
    return (("Realisatie per", datum_lang(v.realisatie_peildatum)),)


# ---------------------------------------------------------------- the letters


def _brief(
    aan: tuple[str, ...], k: Kader, tekst: str, berekend: tuple[str, ...], provincie: str
) -> tuple[Blok, ...]:
    return (
        Eigenschappen(
            (
                ("Aan", ", ".join(aan)),
                ("Datum", datum_lang(k.versie_datum)),
                ("Onderwerp", ONDERWERP),
            )
        ),
        *tekstblokken(tekst),
        *(Alinea(z) for z in berekend),
        Alinea("Hoogachtend,"),
        Alinea(f"De commissaris van de Koning in {provincie}"),
    )


def _voorwerk(v: Gegevens, k: Kader) -> tuple[Sectie, ...]:
    """Before the verslag: that its figures are illustrative, and the letter to the minister
    (a cyclus with a set-up)."""
    if not isinstance(v, CyclusVerslag):
        return ()
    illustratief = Sectie(
        "Illustratief",
        (
            Alinea(
                "De cijfers van deze cyclus zijn afgeleid voor een demonstratie, niet die "
                "van de minister: dit verslag is illustratief."
            ),
        ),
        "illustratief",
    )
    brief = Sectie(
        "Aanbiedingsbrief aan de minister",
        _brief(
            MINISTER,
            k,
            k.teksten["brief_minister"],
            (_invulling_zin(v, redenen=False),),
            v.provincie.naam,
        ),
        "brief-minister",
    )
    return (illustratief, brief) if k.illustratief else (brief,)


def _brief_colleges(v: Gegevens, k: Kader) -> tuple[Sectie, ...]:
    """After the bijlagen: the letter to the colleges (a cyclus with a set-up)."""
    if not isinstance(v, CyclusVerslag):
        return ()
    opzet = v.p.opzet
    besluit = opzet.besluit_uiterlijk if opzet else None
    vervolg = (
        f"Het is nu aan de minister van Asiel en Migratie om, op basis van de twaalf provinciale "
        f"verslagen, {'uiterlijk ' + datum_lang(besluit) if besluit else 'binnenkort'} een "
        "verdeelbesluit te nemen. Uitgangspunt daarbij is dat een sluitende en uitvoerbare "
        "verdeling van een provincie wordt overgenomen."
    )
    colleges = (
        f"De colleges van burgemeester en wethouders van de gemeenten in {v.provincie.naam}",
    )
    return (
        Sectie(
            "Aanbiedingsbrief aan de colleges",
            _brief(
                colleges,
                k,
                k.teksten["brief_colleges"],
                (_invulling_zin(v, redenen=False), vervolg),
                v.provincie.naam,
            ),
            "brief-colleges",
            nieuwe_pagina=True,
        ),
    )


# ---------------------------------------------------------------- the verslag


def _tekstsectie(k: Kader, sleutel: str, kop: str, *, nieuwe_pagina: bool = False) -> list[Sectie]:
    """An editable section, left out when its text is empty."""
    if not k.teksten[sleutel].strip():
        return []
    return [Sectie(kop, tekstblokken(k.teksten[sleutel]), sleutel, nieuwe_pagina=nieuwe_pagina)]


def _verslag(v: Gegevens, k: Kader) -> list[Sectie]:
    """The verslag itself: its texts, the PUZZEL, the financial schemes and the checks."""
    jaar1, jaar2 = v.jaren
    return [
        # After the letter to the minister the verslag starts on a page of its own.
        *_tekstsectie(k, "inleiding", "Inleiding", nieuwe_pagina=_met_brieven(v)),
        *_tekstsectie(k, "huidige_situatie", "Huidige situatie"),
        Sectie(
            "Verdeling opvangopgaven",
            (
                *tekstblokken(k.teksten["verdeling"]),
                Alinea(f"De verdeling over {jaar1} en {jaar2}:"),
                TabelBlok(puzzel_tabel(v)),
                *_na_puzzel(v),
            ),
            "verdeling",
            breed=True,
        ),
        *_kanttekeningen(v),
        *_tekstsectie(k, "conclusie", "Conclusie"),
        _financieel(v, k),
        *_tekstsectie(k, "verzoeken", "Verzoeken en adviezen"),
        *_controles(v),
    ]


def _na_puzzel(v: Gegevens) -> tuple[Blok, ...]:
    """Under the PUZZEL of a cyclus with a set-up: what counts, the verdict and the rest."""
    if not isinstance(v, CyclusVerslag):
        return ()
    return (Alinea(_invulling_zin(v)), Alinea(_aanvulling_zin(v)))


def _kanttekeningen(v: Gegevens) -> tuple[Sectie, ...]:
    if not isinstance(v, CyclusVerslag) or not v.p.puzzel.kanttekeningen:
        return ()
    return (
        Sectie(
            "Kanttekeningen",
            tuple(Alinea(k) for k in v.p.puzzel.kanttekeningen),
            "kanttekeningen",
        ),
    )


def _financieel(v: Gegevens, k: Kader) -> Sectie:
    jaar1, jaar2 = v.jaren
    naam = v.provincie.naam
    blokken: list[Blok] = [
        Alinea(
            f"De gemeenten in de provincie {naam} kunnen in aanmerking komen voor "
            "verschillende bonusregelingen uit de wet, te weten:"
        ),
        Opsomming(zinnen.SPUK_REGELINGEN, genummerd=True),
    ]
    if v.bonus is not None:
        blokken += [Alinea(z) for z in zinnen.financieel(v.bonus, naam, jaar2 - jaar1 + 1)]
    else:
        blokken.append(
            Alinea(
                f"Voor de cyclus {v.cyclus.jaar} zijn (nog) geen bedragen van de bonusregelingen "
                "vastgelegd; de aanspraken zijn daarom niet berekend."
            )
        )
    blokken += tekstblokken(k.teksten["financieel"])
    return Sectie("Financiële regelingen", tuple(blokken), "financieel")


def _controles(v: Gegevens) -> tuple[Sectie, ...]:
    """The first cyclus checks its sources (always a section, also without findings); a cyclus
    with a set-up lists what the PUZZEL remarks, when it remarks anything."""
    if not isinstance(v, CyclusVerslag):
        return (bevindingen_sectie(v.bevindingen),)
    if not v.bevindingen:
        return ()
    return (
        Sectie(
            "Controles",
            (
                Alinea("Wat de berekening opmerkt bij de verdeling en de bronnen:"),
                Opsomming(tuple(b.melding for b in v.bevindingen)),
            ),
            "controles",
        ),
    )


def _invulling_zin(v: CyclusVerslag, *, redenen: bool = True) -> str:
    """What counts against the opgave, and the verdict (with its reasons in the verslag; a
    letter refers to them)."""
    r, a = v.invulling.per_type
    pz = v.p.puzzel
    if pz.volledig:
        oordeel = "De verdeling is volledig en uitvoerbaar."
    elif redenen:
        oordeel = "De verdeling is nog niet volledig en uitvoerbaar: " + " ".join(
            x.tekst for x in pz.redenen
        )
    else:
        oordeel = "De verdeling is nog niet volledig en uitvoerbaar; het verslag noemt de redenen."
    return (
        f"De gemeenten van {v.provincie.naam} bieden {getal(r.ingevuld)} reguliere en "
        f"{getal(a.ingevuld)} AMV-plaatsen aan die meetellen, tegen een provinciale opgave van "
        f"{getal(r.opgave)} regulier en {getal(a.opgave)} AMV. {oordeel}"
    )


def _aanvulling_zin(v: CyclusVerslag) -> str:
    u = v.p.aanvulling
    if not (u.restopgave.regulier or u.restopgave.amv):
        kansrijk = v.p.puzzel.aanbod.kansrijk
        if kansrijk.regulier or kansrijk.amv:
            return (
                f"De minister voegt de kansrijke plannen toe ({getal(kansrijk.regulier)} regulier, "
                f"{getal(kansrijk.amv)} AMV); er blijft geen restopgave over."
            )
        return "Er blijft geen restopgave over: de minister kan het verslag één op één overnemen."
    return (
        f"Als het verslag zo uitgaat, verdeelt de minister een restopgave van "
        f"{getal(u.restopgave.regulier)} regulier en {getal(u.restopgave.amv)} AMV over de "
        "gemeenten die nog niet genoeg bijdragen (de methode van het verdeelbesluit)."
    )


# ---------------------------------------------------------------- Bijlage 1


def _bijlage1(v: Gegevens) -> Sectie:
    blokken: tuple[Blok, ...] = (
        Eigenschappen((("Provincie", v.provincie.naam), *_opgave_regels(v))),
        TabelBlok(bijlage1_tabel(v)),
        *(() if isinstance(v, CyclusVerslag) else _bron_noot(v)),
        TabelBlok(locaties_tabel(v)),
    )
    return Sectie(
        f"Bijlage 1 Format provinciale verslag {v.provincie.naam}",
        blokken,
        "bijlage-1",
        breed=True,
        nieuwe_pagina=True,
    )


def _opgave_regels(v: Gegevens) -> tuple[tuple[str, str], ...]:
    """The format's lines above the table: the opgave per type (a cyclus with a set-up: also
    what is filled and what is still to fill, as the format asks)."""
    r, a = v.invulling.per_type
    if not isinstance(v, CyclusVerslag):
        return (
            ("Provinciale asielopvangopgave regulier", getal(r.opgave)),
            ("Provinciale asielopvangopgave AMV", getal(a.opgave)),
        )
    return (
        (
            "Provinciale asielopvangopgave regulier (inclusief bijzondere opvangvormen)",
            getal(r.opgave),
        ),
        ("Aantal ingevulde asielopvangplekken regulier", getal(r.ingevuld)),
        ("Nog in te vullen asielopvangplekken regulier", getal(r.nog_in_te_vullen)),
        ("Provinciale asielopvangopgave AMV", getal(a.opgave)),
        ("Aantal ingevulde asielopvangplekken AMV", getal(a.ingevuld)),
        ("Nog in te vullen asielopvangplekken AMV", getal(a.nog_in_te_vullen)),
    )


def bijlage1_tabel(v: Gegevens) -> Tabel:
    if isinstance(v, CyclusVerslag):
        ingevuld = (
            "Per type: ingevuld is de som van de plaatsen die meetellen; nog in te vullen is de "
            "opgave min het ingevulde, niet minder dan 0. Regulier en AMV worden niet gemengd."
        )
    else:
        ingevuld = (
            "Per type: ingevuld is de som van het aanbod van de gemeenten; nog in te vullen is "
            "de opgave min het ingevulde, niet minder dan 0."
        )
    return Tabel(
        sleutel="Bijlage 1",
        titel="Provinciale asielopvangopgave en invulling",
        bijschrift=ingevuld,
        kolommen=(
            Kolom("Type", "tekst", breedte=40),
            Kolom("Provinciale opgave", som=True),
            Kolom("Ingevuld", som=True),
            Kolom("Nog in te vullen", som=True),
        ),
        rijen=tuple(
            (TYPE_NAAM.get(i.type, i.type), i.opgave, i.ingevuld, i.nog_in_te_vullen)
            for i in v.invulling.per_type
        ),
        totaal=("Totaal", v.invulling.opgave, v.invulling.ingevuld, v.invulling.nog_in_te_vullen),
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


def locaties_tabel(v: Gegevens) -> Tabel:
    """The locations the gemeenten offer: of the register (the first cyclus) or the approved
    aanbod per location or plan (a cyclus with a set-up)."""
    if isinstance(v, CyclusVerslag):
        return _aanbod_tabel(v)
    return _register_tabel(v)


def _tot(lr: LocatieRij) -> Waarde:
    return "onbep. tijd" if lr.locatie.onbepaalde_tijd else lr.locatie.beschikbaar_tot


def _som(kolommen: tuple[Kolom, ...], rijen: tuple[tuple[Waarde, ...], ...]) -> tuple[Waarde, ...]:
    """The total row: per column marked ``som`` the sum of its numbers (an empty cell adds
    nothing), the other cells empty."""
    return (
        "Totaal",
        *(
            sum(w for r in rijen if isinstance(w := r[i], int)) if k.som else None
            for i, k in enumerate(kolommen)
            if i
        ),
    )


def _locaties(
    bijschrift: str, kolommen: tuple[Kolom, ...], rijen: tuple[tuple[Waarde, ...], ...]
) -> Tabel:
    return Tabel(
        sleutel="Locaties",
        titel="Overzicht gemeenten die te kennen hebben gegeven asielopvang mogelijk te maken",
        bijschrift=bijschrift,
        kolommen=kolommen,
        rijen=rijen,
        totaal=_som(kolommen, rijen),
        breed=True,
        klein=True,
    )


def _plekken_en_periode(*, plekken: int, soort: int, datum: int) -> tuple[Kolom, ...]:
    """The columns both location lists have: the places, in total and per type, and when
    they are available (narrower in the list of the aanbod, which has two columns more)."""
    return (
        Kolom("Totaal aantal plekken", som=True, breedte=plekken),
        Kolom("Regulier", som=True, breedte=soort),
        Kolom("Bijzonder", som=True, breedte=soort),
        Kolom("AMV", som=True, breedte=7),
        Kolom("Beschikbaar van", "datum", breedte=datum),
        Kolom("Beschikbaar tot", "datum", breedte=datum),
    )


def _register_tabel(v: Verslag) -> Tabel:
    return _locaties(
        "Locaties met type, plekken en beschikbaarheid (op basis van het contract met het COA).",
        (
            Kolom("Gemeente", "tekst", breedte=15),
            Kolom("Locatie", "tekst", breedte=24),
            Kolom("Type", "tekst", breedte=10),
            *_plekken_en_periode(plekken=10, soort=9, datum=12),
            Kolom("Bijzonderheden", "tekst", breedte=40),
        ),
        tuple(
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
    )


def _aanbod_tabel(v: CyclusVerslag) -> Tabel:
    return _locaties(
        "Het goedgekeurde aanbod per locatie of plan: soort, plaatsen, beschikbaarheid, of de "
        "plaatsen duurzaam zijn en meetellen, en de kansrijke elementen van een plan.",
        (
            Kolom("Gemeente", "tekst", breedte=14),
            Kolom("Locatie of plan", "tekst", breedte=22),
            *_plekken_en_periode(plekken=9, soort=8, datum=11),
            Kolom("Duurzaam", "tekst", breedte=8),
            Kolom("Telt", "tekst", breedte=10),
            Kolom("Bijzonderheden", "tekst", breedte=40),
        ),
        tuple(
            (
                gemeente,
                r.naam + ("" if r.locatie_id else " (plan)"),
                r.plaatsen,
                r.plaatsen if r.soort == "regulier" else None,
                r.plaatsen if r.soort == "bijzonder" else None,
                r.plaatsen if r.soort == "amv" else None,
                r.beschikbaar_van,
                r.beschikbaar_tot or "geen einddatum",
                "ja" if b.duurzaam else "nee",
                b.categorie_label,
                "; ".join(t for t in (r.toelichting, elementen_tekst(r), *b.toelichting) if t),
            )
            for gemeente, r, b in v.regels
        ),
    )


# ---------------------------------------------------------------- Bijlage 2


def _bijlage2(v: Gegevens) -> tuple[Sectie, ...]:
    """The bonus schemes (R6): a cyclus with a set-up has its own amounts and rules (or says
    they are not set yet); the first cyclus follows the provincie's schemes and leaves the
    bijlage out without them."""
    if isinstance(v, CyclusVerslag):
        blokken = _aanspraken_van_de_cyclus(v)
    elif v.bonus is not None:
        blokken = _aanspraken_van_de_provincie(v, v.bonus)
    else:
        return ()
    return (
        Sectie(
            "Bijlage 2 Aanspraak bonusregelingen",
            blokken,
            "bijlage-2",
            breed=True,
            nieuwe_pagina=True,
        ),
    )


def _aanspraken_van_de_cyclus(v: CyclusVerslag) -> tuple[Blok, ...]:
    naam, b = v.provincie.naam, v.bonus
    inleiding = Alinea(
        f"De gemeenten in de provincie {naam} kunnen in aanmerking komen voor de "
        f"bonusregelingen van de cyclus {v.cyclus.jaar}, met deze bedragen en regels:"
    )
    if b is None:
        return (
            inleiding,
            Alinea(
                "De bedragen van deze cyclus zijn (nog) niet vastgelegd in de opzet van de cyclus."
            ),
        )
    return (
        inleiding,
        Opsomming(_regels_van(b.regeling), genummerd=True),
        TabelBlok(bonus_tabel(b)),
        Alinea(_spuk3_provincie(naam, b, "SPUK 3")),
        *(Alinea(m) for m in b.meldingen),
    )


def _aanspraken_van_de_provincie(v: Verslag, b: BonusOverzicht) -> tuple[Blok, ...]:
    naam = v.provincie.naam
    procent = _procent(b.regeling.spuk3_drempel)
    return (
        Alinea(
            f"De gemeenten in de provincie {naam} willen in aanmerking komen voor de "
            "verschillende bonusregelingen uit de wet. In onderstaande overzichten wordt "
            "aangegeven welke gemeenten in aanmerking komen voor welke regelingen. Daarbij "
            "is rekening gehouden met het feit dat regeling 1 en regeling 3 niet gestapeld "
            "kunnen worden."
        ),
        TabelBlok(bonus_tabel(b)),
        Alinea(_spuk3_provincie(naam, b, f"SPUK 3, {procent}%-regeling")),
        TabelBlok(duurzaam_tabel(v)),
    )


def _procent(deel: Fraction) -> int:
    return int(deel * 100)


def _regels_van(reg: Bonusregeling) -> tuple[str, ...]:
    """The amounts and rules of the cyclus' bonus schemes, one item each."""
    procent = _procent(reg.spuk3_drempel)
    return (
        f"SPUK 1, duurzame plekken: {euro(reg.spuk1_per_plek)} per reguliere plek die "
        f"minimaal {reg.minimale_jaren} jaar beschikbaar is, boven het totale "
        "indicatieve aantal van de gemeente (regulier + AMV).",
        f"SPUK 2, bijzondere plekken: {euro(reg.spuk2_per_plek)} per AMV-plek.",
        f"SPUK 3, {procent}%-regeling: een bedrag per gemeente als de provincie {procent}% van "
        f"haar opgave invult; voor de provincie {euro(reg.spuk3_provincie)}.",
        "SPUK 1 en SPUK 3 worden niet gestapeld: per gemeente telt de gunstigste.",
    )


def _spuk3_provincie(naam: str, b: BonusOverzicht, regeling: str) -> str:
    return (
        f"Provincie {naam} ({regeling}): {euro(b.provincie)}. De provincie vult "
        f"{getal(b.ingevuld)} van {getal(b.provinciale_opgave)} plekken van de opgave in."
    )


def bonus_tabel(b: BonusOverzicht) -> Tabel:
    return Tabel(
        sleutel="Bijlage 2",
        titel="Aanspraak bonusregelingen per gemeente",
        bijschrift=(
            "SPUK 1 en SPUK 3 worden niet gestapeld: per gemeente staat het gunstigste bedrag "
            "in de kolom van de gekozen regeling."
        ),
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Indicatief (regulier + AMV)", som=True),
            Kolom("Duurzame reguliere plekken", som=True),
            Kolom("Duurzaam boven indicatief"),
            Kolom("SPUK 1", "euro", som=True, breedte=13),
            Kolom("SPUK 3", "euro", som=True, breedte=13),
            Kolom("AMV-plekken", som=True),
            Kolom("SPUK 2", "euro", som=True, breedte=13),
            Kolom("Totaal", "euro", som=True, breedte=13),
            Kolom("Keuze", "tekst", breedte=9),
            Kolom("Toelichting", "tekst", breedte=44),
        ),
        rijen=tuple(
            (
                a.naam,
                a.indicatief_totaal,
                a.duurzaam_regulier,
                a.spuk1_plekken,
                a.spuk1_gekozen if a.keuze is Keuze.SPUK1 else None,
                a.spuk3_gekozen if a.keuze is Keuze.SPUK3 else None,
                a.spuk2_plekken or None,
                a.spuk2_bedrag or None,
                a.totaal,
                str(a.keuze),
                a.toelichting,
            )
            for a in b.aanspraken
        ),
        totaal=(
            "Totaal",
            sum(a.indicatief_totaal for a in b.aanspraken),
            sum(a.duurzaam_regulier for a in b.aanspraken),
            None,
            b.spuk1,
            b.spuk3,
            b.spuk2_plekken,
            b.spuk2,
            b.gemeenten,
            None,
            None,
        ),
        breed=True,
        klein=True,
    )


def duurzaam_tabel(v: Verslag) -> Tabel:
    """The first cyclus' regular locations and whether they count as duurzaam for SPUK 1."""
    jaren = v.regeling.spuk1_minimale_jaren if v.regeling else 5
    kolommen = (
        Kolom("Gemeente", "tekst", breedte=16),
        Kolom("Locatie", "tekst", breedte=24),
        Kolom("Reguliere plekken", som=True),
        Kolom("Beschikbaar van", "datum", breedte=12),
        Kolom("Beschikbaar tot", "datum", breedte=12),
        Kolom("Duurzaam", "tekst"),
        Kolom("Bijzonderheden", "tekst", breedte=36),
    )
    rijen = tuple(
        (
            lr.locatie.gemeente.naam,
            lr.locatie.naam,
            lr.locatie.plaatsen_regulier,
            lr.locatie.beschikbaar_van,
            _tot(lr),
            "ja" if lr.duurzaam else "nee",
            lr.locatie.bijzonderheden,
        )
        for lr in v.locaties
        if lr.locatie.type == LocatieType.REGULIER
    )
    return Tabel(
        sleutel="Duurzame locaties",
        titel=f"SPUK 1: reguliere locaties, duurzaam bij minimaal {jaren} jaar beschikbaar",
        bijschrift="Zonder einddatum of voor onbepaalde tijd telt een locatie als duurzaam.",
        kolommen=kolommen,
        rijen=rijen,
        totaal=_som(kolommen, rijen),
    )


# ---------------------------------------------------------------- the PUZZEL


def puzzel_tabel(v: Gegevens) -> Tabel:
    """The PUZZEL: of the first cyclus with every task, its realisation and the offer; of a
    cyclus with a set-up with the indicative numbers, the aanbod that counts and the plans."""
    if isinstance(v, CyclusVerslag):
        return _puzzel_aanbod(v)
    return _puzzel_opgaven(v)


def _puzzel_opgaven(v: Verslag) -> Tabel:
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
    rijen = tuple((r.gemeente.naam, *(getattr(r, veld) for veld in velden)) for r in v.rijen)
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
        rijen=rijen,
        totaal=_som(kolommen, rijen),
        breed=True,
    )


def _puzzel_aanbod(v: CyclusVerslag) -> Tabel:
    pz = v.p.puzzel
    inwoners = {g.naam: g.inwoners for g in v.p.casus.gemeenten}
    kop = v.cyclus.kolomkop or str(v.cyclus.jaar)
    kolommen = tuple(
        kolom
        for groep in ("Asielopvang (regulier)", "Asielopvang (AMV)")
        for kolom in (
            Kolom("Indicatief", groep=groep, sub=kop, som=True),
            Kolom("Aanbod", groep=groep, sub="telt mee", som=True),
            Kolom("Kansrijk", groep=groep, som=True),
            Kolom("Verschil", "verschil", groep=groep, som=True),
        )
    )
    rijen: list[tuple[Waarde, ...]] = []
    for s in pz.gemeenten:
        a = s.aanbod
        if s.ingediend:
            reg: tuple[Waarde, ...] = (a.telt.regulier, a.kansrijk.regulier, s.verschil.regulier)
            amv: tuple[Waarde, ...] = (a.telt.amv, a.kansrijk.amv, s.verschil.amv)
        else:
            reg = amv = (None, None, None)
        rijen.append(
            (
                s.naam,
                inwoners.get(s.naam) or None,
                s.indicatief.regulier,
                *reg,
                s.indicatief.amv,
                *amv,
            )
        )
    a, ind = pz.aanbod, pz.indicatief
    return Tabel(
        sleutel="PUZZEL",
        titel=f"De PUZZEL van {v.provincie.naam}: {v.cyclus.naam}",
        bijschrift=(
            "Aanbod: de plaatsen die volgens de regels van de cyclus meetellen; kansrijk: de "
            "plannen die de minister toevoegt. Verschil = aanbod − indicatief. Een lege cel: "
            "geen goedgekeurd aanbod. De totalen zijn de som van de rijen."
        ),
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Inwoners", som=True),
            *kolommen,
        ),
        rijen=tuple(rijen),
        totaal=(
            "Totaal",
            sum(inwoners.values()) or None,
            *(ind.regulier, a.telt.regulier, a.kansrijk.regulier, a.telt.regulier - ind.regulier),
            *(ind.amv, a.telt.amv, a.kansrijk.amv, a.telt.amv - ind.amv),
        ),
        breed=True,
    )

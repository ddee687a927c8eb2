"""The provinciaal verslag of a cyclus run as a workflow (it has a ``cyclus.CyclusOpzet``), in
seed 001's layout: the commissaris' letter to the minister, the verslag with its editable text
sections and the PUZZEL, Bijlage 1 (the format: opgave, filled, still to fill, and every
location and plan offered) and Bijlage 2 (the bonus schemes with the cyclus' own amounts and
rules), and the letter to the colleges.

Every number comes from the one computed result, ``cyclus.queries.puzzel_van`` (and R6 on top
of it, computed here once): the PUZZEL table, the letters, Bijlage 1 and 2 cannot contradict
each other (no 141 / 200 / 229). The document is CONCEPT until the secretariaat approves the
version of its texts (``services.stel_vast``); a cyclus with derived figures says so on every
page (*illustratief*).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from django.utils.text import slugify

from regietafel.core import klok, opmaak
from regietafel.core.opmaak import datum_lang, euro, getal
from regietafel.cyclus.models import AanbodRegel
from regietafel.cyclus.queries import PuzzelPagina, puzzel_van
from regietafel.cyclus.tabellen import elementen_tekst
from regietafel.domain.aanbod import Beoordeling, Categorie
from regietafel.domain.bonus import (
    BonusGemeente,
    BonusOverzicht,
    Bonusregeling,
    Keuze,
    bonus_aanspraken,
)
from regietafel.domain.invulling import InvullingTotaal, invulling
from regietafel.domain.validatie import Bevinding, Ernst, controleer_som
from regietafel.gemeenten.models import Provincie
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
from regietafel.rapportage.models import BonusRegeling, Rapportsoort, RapportVersie
from regietafel.rapportage.queries import huisstijl, laatste_versie
from regietafel.rapportage.teksten import blokken, standaardteksten_met_brieven

MINISTER = ("De minister van Asiel en Migratie", "Postbus 20301", "2500 EH Den Haag")


@dataclass(frozen=True)
class CyclusVerslag:
    """Everything the verslag of a workflow cyclus shows, computed once."""

    p: PuzzelPagina
    invulling: InvullingTotaal
    bonus: BonusOverzicht | None
    regeling: BonusRegeling | None
    bevindingen: tuple[Bevinding, ...]

    @property
    def provincie(self) -> Provincie:
        return self.p.provincie

    @property
    def cyclus(self) -> Cyclus:
        return self.p.cyclus

    @property
    def jaren(self) -> tuple[int, int]:
        return self.cyclus.begin.year, self.cyclus.eind.year

    @property
    def regels(self) -> list[tuple[str, AanbodRegel, Beoordeling]]:
        """Every approved line of the provincie: (gemeente, line, judgement), by gemeente."""
        return [(g.naam, r, b) for g in self.p.gemeenten for r, b in self.p.stand(g).regels]


def _bonus(
    p: PuzzelPagina, gevuld: InvullingTotaal
) -> tuple[BonusOverzicht | None, BonusRegeling | None]:
    """R6 with the cyclus' own amounts (its set-up), the provincie's SPUK 3 amounts when it has
    a bonus scheme of its own. Without an amount for SPUK 1 and 2: not computed."""
    opzet = p.opzet
    regeling = (
        BonusRegeling.objects.filter(cyclus=p.cyclus, provincie=p.provincie)
        .prefetch_related("spuk3_bedragen")
        .first()
    )
    spuk1 = opzet.spuk1_per_plek if opzet and opzet.spuk1_per_plek is not None else None
    spuk2 = opzet.spuk2_per_plek if opzet and opzet.spuk2_per_plek is not None else None
    if regeling is not None:
        spuk1 = regeling.spuk1_per_plek if spuk1 is None else spuk1
        spuk2 = regeling.spuk2_per_plek if spuk2 is None else spuk2
    if spuk1 is None or spuk2 is None:
        return None, regeling
    drempel = (
        opzet.spuk3_drempel_procent
        if opzet is not None
        else (regeling.spuk3_drempel_procent if regeling else 75)
    )
    spuk3 = {b.gemeente_id: b.bedrag for b in regeling.spuk3_bedragen.all()} if regeling else {}
    per_gemeente: dict[str, int] = {}
    for g in p.gemeenten:
        per_gemeente[g.naam] = sum(
            r.plaatsen
            for r, b in p.stand(g).regels
            if r.soort == "regulier" and b.duurzaam and b.categorie is Categorie.TELT
        )
    overzicht = bonus_aanspraken(
        Bonusregeling(
            spuk1_per_plek=spuk1,
            spuk2_per_plek=spuk2,
            spuk3_drempel=Fraction(drempel, 100),
            spuk3_provincie=regeling.spuk3_provincie if regeling else 0,
            spuk3_budget=regeling.spuk3_budget if regeling else None,
            minimale_jaren=p.regels.minimale_jaren,
        ),
        [
            BonusGemeente(
                naam=s.naam,
                indicatief_regulier=s.indicatief.regulier,
                indicatief_amv=s.indicatief.amv,
                duurzaam_regulier=per_gemeente[s.naam],
                amv_plekken=s.aanbod.telt.amv,
                spuk3_bedrag=spuk3.get(g.pk, 0),
            )
            for g, s in zip(p.gemeenten, p.puzzel.gemeenten, strict=True)
        ],
        provinciale_opgave=gevuld.opgave,
        ingevuld=gevuld.ingevuld,
    )
    return overzicht, regeling


def cyclus_verslag(provincie: Provincie, cyclus: Cyclus) -> CyclusVerslag:
    p = puzzel_van(provincie, cyclus)
    telt = p.puzzel.aanbod.telt
    gevuld = invulling(
        {"regulier": p.puzzel.opgave.regulier, "amv": p.puzzel.opgave.amv},
        [("regulier", telt.regulier), ("amv", telt.amv)],
    )
    bonus, regeling = _bonus(p, gevuld)
    bevindingen: list[Bevinding] = []
    for soort, titel in (("regulier", "Asielopvang regulier"), ("amv", "Asielopvang AMV")):
        bron = p.opgave[soort]
        if bron.tekst.startswith("de som"):
            continue
        bevindingen.extend(
            controleer_som(
                f"{titel}, indicatieve verdeling, provinciale opgave ({bron.tekst})",
                {s.naam: getattr(s.indicatief, soort) for s in p.puzzel.gemeenten},
                bron.aantal,
            )
        )
    for r in p.puzzel.redenen:
        bevindingen.append(Bevinding(r.code, Ernst.WAARSCHUWING, r.tekst, "PUZZEL van de cyclus"))
    return CyclusVerslag(p, gevuld, bonus, regeling, tuple(bevindingen))


# ---------------------------------------------------------------- tables


def puzzel_tabel(v: CyclusVerslag) -> Tabel:
    pz = v.p.puzzel
    inwoners = {g.naam: g.inwoners for g in v.p.casus.gemeenten}
    kop = v.cyclus.kolomkop or str(v.cyclus.jaar)
    kolommen = (
        Kolom("Gemeente", "tekst", breedte=18),
        Kolom("Inwoners", som=True),
        Kolom("Indicatief", groep="Asielopvang (regulier)", sub=kop, som=True),
        Kolom("Aanbod", groep="Asielopvang (regulier)", sub="telt mee", som=True),
        Kolom("Kansrijk", groep="Asielopvang (regulier)", som=True),
        Kolom("Verschil", "verschil", groep="Asielopvang (regulier)", som=True),
        Kolom("Indicatief", groep="Asielopvang (AMV)", sub=kop, som=True),
        Kolom("Aanbod", groep="Asielopvang (AMV)", sub="telt mee", som=True),
        Kolom("Kansrijk", groep="Asielopvang (AMV)", som=True),
        Kolom("Verschil", "verschil", groep="Asielopvang (AMV)", som=True),
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
        kolommen=kolommen,
        rijen=tuple(rijen),
        totaal=(
            "Totaal",
            sum(inwoners.values()) or None,
            ind.regulier,
            a.telt.regulier,
            a.kansrijk.regulier,
            a.telt.regulier - ind.regulier,
            ind.amv,
            a.telt.amv,
            a.kansrijk.amv,
            a.telt.amv - ind.amv,
        ),
        breed=True,
    )


def bijlage1_tabel(v: CyclusVerslag) -> Tabel:
    namen = {
        "regulier": "Asielopvang regulier (inclusief bijzondere opvangvormen)",
        "amv": "Asielopvang AMV",
    }
    return Tabel(
        sleutel="Bijlage 1",
        titel="Provinciale asielopvangopgave en invulling",
        bijschrift=(
            "Per type: ingevuld is de som van de plaatsen die meetellen; nog in te vullen is de "
            "opgave min het ingevulde, niet minder dan 0. Regulier en AMV worden niet gemengd."
        ),
        kolommen=(
            Kolom("Type", "tekst", breedte=40),
            Kolom("Provinciale opgave", som=True),
            Kolom("Ingevuld", som=True),
            Kolom("Nog in te vullen", som=True),
        ),
        rijen=tuple(
            (namen[i.type], i.opgave, i.ingevuld, i.nog_in_te_vullen) for i in v.invulling.per_type
        ),
        totaal=("Totaal", v.invulling.opgave, v.invulling.ingevuld, v.invulling.nog_in_te_vullen),
    )


def locaties_tabel(v: CyclusVerslag) -> Tabel:
    regels = v.regels
    return Tabel(
        sleutel="Locaties",
        titel="Overzicht gemeenten die te kennen hebben gegeven asielopvang mogelijk te maken",
        bijschrift=(
            "Het goedgekeurde aanbod per locatie of plan: soort, plaatsen, beschikbaarheid, of "
            "de plaatsen duurzaam zijn en meetellen, en de kansrijke elementen van een plan."
        ),
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=14),
            Kolom("Locatie of plan", "tekst", breedte=22),
            Kolom("Totaal aantal plekken", som=True, breedte=9),
            Kolom("Regulier", som=True, breedte=8),
            Kolom("Bijzonder", som=True, breedte=8),
            Kolom("AMV", som=True, breedte=7),
            Kolom("Beschikbaar van", "datum", breedte=11),
            Kolom("Beschikbaar tot", "datum", breedte=11),
            Kolom("Duurzaam", "tekst", breedte=8),
            Kolom("Telt", "tekst", breedte=10),
            Kolom("Bijzonderheden", "tekst", breedte=40),
        ),
        rijen=tuple(
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
            for gemeente, r, b in regels
        ),
        totaal=(
            "Totaal",
            None,
            sum(r.plaatsen for _, r, _ in regels),
            sum(r.plaatsen for _, r, _ in regels if r.soort == "regulier"),
            sum(r.plaatsen for _, r, _ in regels if r.soort == "bijzonder"),
            sum(r.plaatsen for _, r, _ in regels if r.soort == "amv"),
            None,
            None,
            None,
            None,
            None,
        ),
        breed=True,
        klein=True,
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


# ---------------------------------------------------------------- the document


def _tekstblokken(tekst: str) -> tuple[Blok, ...]:
    return tuple(
        Opsomming(b.regels) if b.soort == "ul" else Alinea(b.regels[0]) for b in blokken(tekst)
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


def _brief(
    aan: tuple[str, ...],
    plaats_datum: str,
    onderwerp: str,
    tekst: str,
    berekend: tuple[str, ...],
    ondertekening: str,
) -> tuple[Blok, ...]:
    return (
        Eigenschappen((("Aan", ", ".join(aan)), ("Datum", plaats_datum), ("Onderwerp", onderwerp))),
        *_tekstblokken(tekst),
        *(Alinea(z) for z in berekend),
        Alinea("Hoogachtend,"),
        Alinea(ondertekening),
    )


def _status(versie: RapportVersie | None) -> tuple[bool, str]:
    if versie is not None and versie.vastgesteld_op is not None:
        return False, f"vastgesteld op {datum_lang(klok.lokaal(versie.vastgesteld_op).date())}"
    return True, "CONCEPT — nog niet vastgesteld"


def verslag_document(
    provincie: Provincie, cyclus: Cyclus, versie: RapportVersie | None = None
) -> Document:
    return verslag_document_uit(cyclus_verslag(provincie, cyclus), versie)


def verslag_document_uit(v: CyclusVerslag, versie: RapportVersie | None = None) -> Document:
    provincie, cyclus = v.provincie, v.cyclus
    if versie is None:
        versie = laatste_versie(Rapportsoort.VERSLAG, provincie, cyclus=cyclus)
    jaar1, jaar2 = v.jaren
    teksten = standaardteksten_met_brieven(
        Rapportsoort.VERSLAG, provincie=provincie.naam, jaar1=jaar1, jaar2=jaar2
    )
    versie_datum: dt.date = klok.vandaag()
    volgnummer, aan = None, ""
    if versie is not None:
        teksten.update({k: t for k, t in versie.teksten.items() if k in teksten})
        versie_datum, volgnummer, aan = versie.versie_datum, versie.volgnummer, versie.adressering
    concept, status = _status(versie)
    opzet = v.p.opzet
    illustratief = bool(opzet and opzet.illustratief)
    ondertekening = f"De commissaris van de Koning in {provincie.naam}"
    titel = f"Het verslag van {provincie.naam} in het kader van de Spreidingswet"
    onderwerp = "Provinciaal verslag Wet gemeentelijke taak mogelijk maken asielopvangvoorzieningen"
    datum = f"{datum_lang(versie_datum)}"

    secties: list[Sectie] = []
    if illustratief:
        secties.append(
            Sectie(
                "Illustratief",
                (
                    Alinea(
                        "De cijfers van deze cyclus zijn afgeleid voor een demonstratie, niet die "
                        "van de minister: dit verslag is illustratief."
                    ),
                ),
                "illustratief",
            )
        )
    secties.append(
        Sectie(
            "Aanbiedingsbrief aan de minister",
            _brief(
                MINISTER,
                datum,
                onderwerp,
                teksten["brief_minister"],
                (_invulling_zin(v, redenen=False),),
                ondertekening,
            ),
            "brief-minister",
        )
    )
    for sleutel, kop in (("inleiding", "Inleiding"), ("huidige_situatie", "Huidige situatie")):
        if teksten[sleutel].strip():
            secties.append(
                Sectie(
                    kop,
                    _tekstblokken(teksten[sleutel]),
                    sleutel,
                    nieuwe_pagina=sleutel == "inleiding",
                )
            )
    secties.append(
        Sectie(
            "Verdeling opvangopgaven",
            (
                *_tekstblokken(teksten["verdeling"]),
                Alinea(f"De verdeling over {jaar1} en {jaar2}:"),
                TabelBlok(puzzel_tabel(v)),
                Alinea(_invulling_zin(v)),
                Alinea(_aanvulling_zin(v)),
            ),
            "verdeling",
            breed=True,
        )
    )
    if v.p.puzzel.kanttekeningen:
        secties.append(
            Sectie(
                "Kanttekeningen",
                tuple(Alinea(k) for k in v.p.puzzel.kanttekeningen),
                "kanttekeningen",
            )
        )
    if teksten["conclusie"].strip():
        secties.append(Sectie("Conclusie", _tekstblokken(teksten["conclusie"]), "conclusie"))
    financieel: list[Blok] = [
        Alinea(
            f"De gemeenten in de provincie {provincie.naam} kunnen in aanmerking komen voor "
            "verschillende bonusregelingen uit de wet, te weten:"
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
                f"Voor de cyclus {cyclus.jaar} zijn (nog) geen bedragen van de bonusregelingen "
                "vastgelegd; de aanspraken zijn daarom niet berekend."
            )
        )
    financieel += list(_tekstblokken(teksten["financieel"]))
    secties.append(Sectie("Financiële regelingen", tuple(financieel), "financieel"))
    if teksten["verzoeken"].strip():
        secties.append(
            Sectie("Verzoeken en adviezen", _tekstblokken(teksten["verzoeken"]), "verzoeken")
        )
    if v.bevindingen:
        secties.append(
            Sectie(
                "Controles",
                (
                    Alinea("Wat de berekening opmerkt bij de verdeling en de bronnen:"),
                    Opsomming(tuple(b.melding for b in v.bevindingen)),
                ),
                "controles",
            )
        )

    r, a = v.invulling.per_type
    secties.append(
        Sectie(
            f"Bijlage 1 Format provinciale verslag {provincie.naam}",
            (
                Eigenschappen(
                    (
                        ("Provincie", provincie.naam),
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
                ),
                TabelBlok(bijlage1_tabel(v)),
                TabelBlok(locaties_tabel(v)),
            ),
            "bijlage-1",
            breed=True,
            nieuwe_pagina=True,
        )
    )
    bijlage2: list[Blok] = [
        Alinea(
            f"De gemeenten in de provincie {provincie.naam} kunnen in aanmerking komen voor de "
            f"bonusregelingen van de cyclus {cyclus.jaar}, met deze bedragen en regels:"
        ),
    ]
    if v.bonus is not None:
        reg = v.bonus.regeling
        procent = reg.spuk3_drempel * 100
        bijlage2 += [
            Opsomming(
                (
                    f"SPUK 1, duurzame plekken: {euro(reg.spuk1_per_plek)} per reguliere plek die "
                    f"minimaal {reg.minimale_jaren} jaar beschikbaar is, boven het totale "
                    "indicatieve aantal van de gemeente (regulier + AMV).",
                    f"SPUK 2, bijzondere plekken: {euro(reg.spuk2_per_plek)} per AMV-plek.",
                    f"SPUK 3, {procent.numerator // procent.denominator}%-regeling: een bedrag per "
                    f"gemeente als de provincie {procent.numerator // procent.denominator}% van "
                    f"haar opgave invult; voor de provincie {euro(reg.spuk3_provincie)}.",
                    "SPUK 1 en SPUK 3 worden niet gestapeld: per gemeente telt de gunstigste.",
                ),
                genummerd=True,
            ),
            TabelBlok(bonus_tabel(v.bonus)),
            Alinea(
                f"Provincie {provincie.naam} (SPUK 3): {euro(v.bonus.provincie)}. De provincie "
                f"vult {getal(v.bonus.ingevuld)} van {getal(v.bonus.provinciale_opgave)} plekken "
                "van de opgave in."
            ),
            *(Alinea(m) for m in v.bonus.meldingen),
        ]
    else:
        bijlage2.append(
            Alinea(
                "De bedragen van deze cyclus zijn (nog) niet vastgelegd in de opzet van de cyclus."
            )
        )
    secties.append(
        Sectie(
            "Bijlage 2 Aanspraak bonusregelingen",
            tuple(bijlage2),
            "bijlage-2",
            breed=True,
            nieuwe_pagina=True,
        )
    )
    besluit = opzet.besluit_uiterlijk if opzet else None
    vervolg = (
        f"Het is nu aan de minister van Asiel en Migratie om, op basis van de twaalf provinciale "
        f"verslagen, {'uiterlijk ' + datum_lang(besluit) if besluit else 'binnenkort'} een "
        "verdeelbesluit te nemen. Uitgangspunt daarbij is dat een sluitende en uitvoerbare "
        "verdeling van een provincie wordt overgenomen."
    )
    secties.append(
        Sectie(
            "Aanbiedingsbrief aan de colleges",
            _brief(
                (
                    f"De colleges van burgemeester en wethouders van de gemeenten in {provincie.naam}",
                ),
                datum,
                onderwerp,
                teksten["brief_colleges"],
                (_invulling_zin(v, redenen=False), vervolg),
                ondertekening,
            ),
            "brief-colleges",
            nieuwe_pagina=True,
        )
    )

    kopregels: list[tuple[str, str]] = []
    if aan:
        kopregels.append(("Aan", aan))
    kopregels += [
        ("Versie", datum_lang(versie_datum)),
        ("Cyclus", cyclus.naam),
        ("Status", status),
    ]
    if illustratief:
        kopregels.append(("Let op", "illustratief: afgeleide cijfers, niet die van de minister"))
    return Document(
        soort=Rapportsoort.VERSLAG,
        titel=titel,
        provincie=provincie.naam,
        huisstijl=huisstijl(provincie),
        versie_datum=versie_datum,
        volgnummer=volgnummer,
        aan=aan,
        kenmerk=f"cyclus {cyclus.jaar}",
        secties=tuple(secties),
        bestandsbasis=f"provinciaal-verslag-{slugify(provincie.naam)}-{cyclus.jaar}",
        kopregels=tuple(kopregels),
        toelichting=(
            ("Rapport", "Provinciaal verslag (Spreidingswet)"),
            ("Provincie", provincie.naam),
            ("Cyclus", cyclus.naam),
            ("Status", status),
            ("Volledig en uitvoerbaar", "ja" if v.p.puzzel.volledig else "nee"),
            (
                "Verslag uiterlijk",
                opmaak.datum(cyclus.deadline_verslag),
            ),
            (
                "Versie",
                datum_lang(versie_datum) + (f" (versie {volgnummer})" if volgnummer else ""),
            ),
            ("Aan", aan),
        ),
        concept=concept,
        illustratief=illustratief,
    )

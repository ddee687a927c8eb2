"""The sentences of the reports that state numbers: generated from the computed objects.

One function per paragraph; the PDF, Word and Excel renderers all print these strings, so a
number in a sentence is always the number in the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from regietafel.core.opmaak import (
    bijvoeglijk,
    datum_lang,
    euro,
    getal,
    maand_jaar,
    plekken,
    telwoord,
)
from regietafel.domain.bonus import BonusOverzicht, Keuze
from regietafel.domain.voortgang import voortgang_tekst
from regietafel.monitoring.queries import Kolom, StandVanZaken
from regietafel.opgaven.models import Soort, Stadium

DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def opsomming_namen(namen: Sequence[str]) -> str:
    """ "Assen, Coevorden en Hoogeveen"."""
    if len(namen) <= 1:
        return "".join(namen)
    return f"{', '.join(namen[:-1])} en {namen[-1]}"


def tekort_of_overschot(verschil: int) -> str:
    if verschil < 0:
        return f"een tekort van {plekken(-verschil)}"
    if verschil > 0:
        return f"een overschot van {plekken(verschil)}"
    return "dat de opgave precies is gehaald"


def de_verdeling(provincie: str) -> str:
    """ "de Drentse verdeling"."""
    bijv = bijvoeglijk(provincie)
    return f"de {bijv} verdeling" if bijv else f"de verdeling in {provincie}"


def de_gemeenten(provincie: str, aantal: int) -> str:
    """ "de twaalf Drentse gemeenten"."""
    bijv = bijvoeglijk(provincie)
    if bijv:
        return f"de {telwoord(aantal)} {bijv} gemeenten"
    return f"de {telwoord(aantal)} gemeenten in {provincie}"


def _kolom(stand: StandVanZaken, soort: str) -> Kolom:
    return next(k for k in stand.kolommen if k.soort == soort)


def _provinciaal(kolom: Kolom) -> int | None:
    return kolom.provinciale_opgaven[-1].aantal if kolom.provinciale_opgaven else None


def oekraine(stand: StandVanZaken) -> tuple[str, ...]:
    k = _kolom(stand, Soort.OEKRAINE)
    if k.cyclus is None:
        return ("Er is geen opgave voor de opvang van Oekraïense ontheemden vastgelegd.",)
    provincie = stand.provincie.naam
    o = k.overzicht
    zinnen = []
    if k.stadium == Stadium.AMBITIE:
        zinnen.append(
            f"Vanuit de op dat moment geldende opgave zijn {de_gemeenten(provincie, len(stand.rijen))}, "
            f"in het kader van {de_verdeling(provincie)}, met elkaar een ambitie aangegaan van "
            f"{plekken(o.opgave)} voor Oekraïense ontheemden."
        )
    else:
        zinnen.append(
            f"De opgave voor Oekraïense ontheemden, verdeeld over "
            f"{de_gemeenten(provincie, len(stand.rijen))} ({k.stadium_label.lower()}), "
            f"bedraagt {plekken(o.opgave)}."
        )
    po = k.provinciale_opgaven[-1] if k.provinciale_opgaven else None
    if po is not None:
        bron = f" ({po.bron})" if po.bron else ""
        zinnen.append(
            f"De opvangopgave voor ontheemden uit Oekraïne is voor {provincie} per "
            f"{datum_lang(po.geldig_vanaf)} door het ministerie bepaald op "
            f"{plekken(po.aantal)}{bron}."
        )
    per = f" (peildatum {datum_lang(k.realisatie_peildatum)})" if k.realisatie_peildatum else ""
    zin = (
        f"Er zijn {plekken(o.realisatie)} gerealiseerd{per}, wat "
        f"{tekort_of_overschot(o.verschil)} betekent op basis van {de_verdeling(provincie)}."
    )
    if po is not None:
        zin += (
            f" Op basis van de opgave van het ministerie ({getal(po.aantal)}) betreft dit "
            f"{tekort_of_overschot(o.realisatie - po.aantal)}."
        )
    zinnen.append(zin)
    return tuple(zinnen)


def spreidingswet(stand: StandVanZaken) -> tuple[str, ...]:
    reg, amv = _kolom(stand, Soort.REGULIER), _kolom(stand, Soort.AMV)
    if reg.cyclus is None:
        return ("Er is geen cyclus van de Spreidingswet vastgelegd.",)
    provincie = stand.provincie.naam
    afgesproken = reg.stadium in (Stadium.VASTGESTELD, Stadium.AANBOD)
    zinnen = []
    per = (
        f"per {maand_jaar(reg.realisatie_peildatum)} "
        if reg.realisatie_peildatum
        else "op dit moment "
    )
    regulier = (
        f"Voor de reguliere asielplekken zijn {per}in totaal {plekken(reg.overzicht.realisatie)} "
        f"beschikbaar. "
    )
    if afgesproken:
        regulier += f"In het kader van {de_verdeling(provincie)} zijn {plekken(reg.overzicht.opgave)} afgesproken"
    else:
        regulier += (
            f"De indicatieve opgave van de gemeenten samen is {plekken(reg.overzicht.opgave)}"
        )
    v = reg.overzicht.verschil
    regulier += (
        f"; dat zijn er {getal(abs(v))} {'meer' if v > 0 else 'minder'}."
        if v
        else "; dat aantal is gehaald."
    )
    p_reg, p_amv = _provinciaal(reg), _provinciaal(amv)
    if p_reg is not None:
        regulier += (
            f" De provinciale (wettelijke) opgave bedraagt {getal(p_reg)} reguliere opvangplekken"
        )
        if p_amv is not None:
            regulier += (
                f"; met de AMV-opgave van {plekken(p_amv)} is dat samen "
                f"{getal(p_reg + p_amv)} opvangplekken"
            )
        regulier += "."
    zinnen.append(regulier)
    amv_zin = (
        f"Voor de AMV-plekken zijn op dit moment {plekken(amv.overzicht.realisatie)} gerealiseerd."
    )
    if amv.overzicht.opgave:
        amv_zin += (
            f" In de verdeling is afgesproken dat er in totaal {plekken(amv.overzicht.opgave)} komen"
            if afgesproken
            else f" De indicatieve AMV-opgave van de gemeenten samen is {plekken(amv.overzicht.opgave)}"
        )
        nog = -amv.overzicht.verschil
        amv_zin += f"; er zijn er nog {getal(nog)} te realiseren." if nog > 0 else "."
    if p_amv is not None:
        amv_zin += f" De provinciale (wettelijke) opgave bedraagt {getal(p_amv)} AMV-opvangplekken."
    zinnen.append(amv_zin)
    return tuple(zinnen)


def statushouders(stand: StandVanZaken) -> tuple[str, ...]:
    if not stand.statushouders or stand.statushouders_peildatum is None:
        return ("Er is geen overzicht van het COA opgeslagen tot deze peildatum.",)
    t = stand.statushouders_totaal
    p = stand.statushouders_peildatum
    eind = f"1 januari {p.year + 1}"
    if t.achter_voor >= 0:
        saldo = (
            f"moeten de gemeenten tot {eind} samen nog {getal(t.achter_voor)} "
            f"vergunninghouders huisvesten"
        )
    else:
        saldo = f"hebben de gemeenten tot {eind} samen een voorsprong van {getal(-t.achter_voor)}"
    zin = (
        f"Volgens het overzicht van het COA met peildatum {datum_lang(p)} {saldo} "
        f"(taakstelling inclusief achterstand {getal(t.taakstelling_incl)}, gerealiseerd "
        f"{getal(t.realisatie_totaal)})."
    )
    achter, voor = stand.statushouders_achterstand, stand.statushouders_voorsprong
    delen = []
    if achter:
        delen.append(
            f"{achter} {'gemeente heeft' if achter == 1 else 'gemeenten hebben'} een achterstand "
            f"(samen {getal(t.achterstand)})"
        )
    if voor:
        delen.append(
            f"{voor} {'gemeente heeft' if voor == 1 else 'gemeenten hebben'} een voorsprong "
            f"(samen {getal(t.voorsprong)})"
        )
    if delen:
        zin += " " + " en ".join(delen) + "."
    return (zin,)


def nidos_update(datum: dt.date) -> str:
    return f"{DAGEN[datum.weekday()]} {datum_lang(datum)}"


def nidos(stand: StandVanZaken) -> tuple[str, ...]:
    if not stand.nidos or stand.nidos_peildatum is None:
        return ("Er is geen factsheet van Nidos opgeslagen tot deze peildatum.",)
    zin = (
        f"Volgens de factsheet van Nidos (update van {nidos_update(stand.nidos_peildatum)}) zijn "
        f"van de taakstelling van {getal(stand.nidos_taakstelling)} minderjarige statushouders er "
        f"{getal(stand.nidos_gerealiseerd)} gehuisvest "
        f"({voortgang_tekst(stand.nidos_gerealiseerd, stand.nidos_taakstelling)})."
    )
    zonder = [r.gemeente.naam for r in stand.nidos if r.taakstelling == 0 and r.gerealiseerd]
    if zonder:
        zin += (
            f" {opsomming_namen(zonder)} {'heeft' if len(zonder) == 1 else 'hebben'} geen "
            f"taakstelling; de voortgang is daar n.v.t."
        )
    return (zin,)


SPUK_REGELINGEN = (
    "Specifieke uitkering voor duurzame opvangplekken (SPUK 1).",
    "Specifieke uitkering voor bijzondere opvangplekken (SPUK 2).",
    "Specifieke uitkering 75% van de provinciale opgave (SPUK 3).",
)


def financieel(bonus: BonusOverzicht, provincie: str, jaren: int) -> tuple[str, ...]:
    """The financial paragraph of the verslag (R6)."""
    r = bonus.regeling
    zinnen = [
        f"Met elkaar kunnen de gemeenten van {provincie} voor {telwoord(jaren)} jaar "
        f"{euro(bonus.gemeenten)} aanvragen. Voor de provincie is het bedrag berekend op "
        f"{euro(bonus.provincie)}.",
        "In bijlage 2 is aangegeven welke gemeenten in aanmerking komen voor welke regelingen. "
        "Daarbij is rekening gehouden met het feit dat regeling 1 en regeling 3 niet gestapeld "
        "kunnen worden.",
    ]
    spuk1 = [a.naam for a in bonus.met_keuze(Keuze.SPUK1)]
    if spuk1:
        wie = "de gemeente" if len(spuk1) == 1 else "de gemeenten"
        zinnen.append(
            f"Voor {wie} {opsomming_namen(spuk1)} is het financieel gunstiger om SPUK 1 aan te "
            f"vragen in plaats van SPUK 3. Totaal kan {euro(bonus.spuk1)} aangevraagd worden "
            f"({getal(bonus.spuk1_plekken)} duurzame plekken boven de indicatieve verdeling × "
            f"{euro(r.spuk1_per_plek)})."
        )
    else:
        zinnen.append("Geen gemeente komt voordeliger uit met SPUK 1 dan met SPUK 3.")
    zinnen.append(
        f"De gemeenten die een AMV-voorziening realiseren komen in aanmerking voor SPUK 2. Totaal "
        f"kan voor {provincie} {euro(bonus.spuk2)} aangevraagd worden bij het aantal voorgenomen "
        f"bedden ({getal(bonus.spuk2_plekken)} × {euro(r.spuk2_per_plek)})."
    )
    if bonus.spuk3_drempel_gehaald:
        zinnen.append(
            f"Via SPUK 3 kan totaal {euro(bonus.spuk3)} verdeeld worden. Afhankelijk van de "
            f"bijdrage aan de asielopvang kunnen de betreffende gemeenten hiervan gebruik maken."
        )
    zinnen.extend(bonus.meldingen)
    return tuple(zinnen)

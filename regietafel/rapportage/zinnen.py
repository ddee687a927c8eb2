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
from regietafel.domain.voortgang import verschil as r5_verschil
from regietafel.domain.voortgang import voortgang_tekst
from regietafel.landelijk.queries import Landelijk
from regietafel.monitoring.queries import TABEL_SOORTEN, Kolom, StandVanZaken
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
    return kolom.provinciale_opgave.aantal if kolom.provinciale_opgave else None


def volgens(k: Kolom) -> str:
    """How current the figures of a soort are, as a phrase after "gerealiseerd":
    " (peildatum 1 november 2025)" when every gemeente delivered for it, else
    " volgens de laatst bekende cijfers (1 van de 12 gemeenten per 1 januari 2026, 11 met een
    oudere stand)"."""
    d = k.dekking
    if d.actueel == d.gemeenten:
        return f" (peildatum {datum_lang(d.peildatum)})"
    delen = [f"{d.actueel} van de {d.gemeenten} gemeenten per {datum_lang(d.peildatum)}"]
    if d.toelichting:
        delen.append(d.toelichting)
    return f" volgens de laatst bekende cijfers ({', '.join(delen)})"


def _over(k: Kolom) -> str:
    """ " (over de 11 gemeenten met een cijfer)" when a gemeente with an opgave has none."""
    if not k.totaal.verschil_onvolledig:
        return ""
    return f" (over de {k.totaal.met_verschil} gemeenten met een cijfer)"


def oekraine(stand: StandVanZaken) -> tuple[str, ...]:
    k = _kolom(stand, Soort.OEKRAINE)
    provincie = stand.provincie.naam
    t = k.totaal
    if k.cyclus is None or k.stadium is None or t.opgave is None:
        zinnen = [
            f"Op {datum_lang(stand.peildatum)} gold geen opgave voor de opvang van Oekraïense "
            "ontheemden; er is dus geen verschil."
        ]
        if t.realisatie is not None:
            zinnen.append(f"Er zijn {plekken(t.realisatie)} gerealiseerd{volgens(k)}.")
        return tuple(zinnen)
    zinnen = []
    if k.stadium == Stadium.AMBITIE:
        zinnen.append(
            f"Vanuit de op dat moment geldende opgave zijn {de_gemeenten(provincie, len(stand.rijen))}, "
            f"in het kader van {de_verdeling(provincie)}, met elkaar een ambitie aangegaan van "
            f"{plekken(t.opgave)} voor Oekraïense ontheemden."
        )
    else:
        zinnen.append(
            f"De opgave voor Oekraïense ontheemden, verdeeld over "
            f"{de_gemeenten(provincie, len(stand.rijen))} ({k.stadium_label.lower()}), "
            f"bedraagt {plekken(t.opgave)}."
        )
    po = k.provinciale_opgave
    if po is not None:
        bron = f" ({po.bron})" if po.bron else ""
        zinnen.append(
            f"De opvangopgave voor ontheemden uit Oekraïne is voor {provincie} per "
            f"{datum_lang(po.geldig_vanaf)} door het ministerie bepaald op "
            f"{plekken(po.aantal)}{bron}."
        )
    if t.realisatie is None or t.verschil is None:
        zinnen.append(
            f"Er zijn nog geen cijfers over de realisatie aangeleverd{volgens(k)}; er is dus "
            "geen verschil."
        )
        return tuple(zinnen)
    zin = (
        f"Er zijn {plekken(t.realisatie)} gerealiseerd{volgens(k)}, wat "
        f"{tekort_of_overschot(t.verschil)}{_over(k)} betekent op basis van "
        f"{de_verdeling(provincie)}."
    )
    if po is not None:
        if k.dekking.niet_aangeleverd:
            zin += (
                f" Met de opgave van het ministerie ({getal(po.aantal)}) is dit niet te "
                f"vergelijken zolang {k.dekking.niet_aangeleverd} "
                f"{'gemeente' if k.dekking.niet_aangeleverd == 1 else 'gemeenten'} geen cijfer "
                "heeft aangeleverd."
            )
        else:
            zin += (
                f" Op basis van de opgave van het ministerie ({getal(po.aantal)}) betreft dit "
                f"{tekort_of_overschot(r5_verschil(t.realisatie, po.aantal))}."
            )
    zinnen.append(zin)
    return tuple(zinnen)


def spreidingswet(stand: StandVanZaken) -> tuple[str, ...]:
    """The Spreidingswet paragraph of the Stand van zaken: which cyclus, then regulier and AMV
    (realised, agreed or indicative, the verschil, and the provincial opgave)."""
    reg, amv = _kolom(stand, Soort.REGULIER), _kolom(stand, Soort.AMV)
    if reg.cyclus is None:
        return _zonder_cyclus(stand, reg, amv)
    afgesproken = reg.stadium in (Stadium.VASTGESTELD, Stadium.AANBOD)
    zinnen = []
    if stand.cyclus_keuze and stand.cyclus_keuze.gekozen:
        zinnen.append(f"Deze stand toont de {stand.cyclus_keuze.tekst}.")
    zinnen.append(_regulier(stand, reg, amv, afgesproken))
    zinnen.append(_amv(amv, afgesproken))
    return tuple(zinnen)


def _zonder_cyclus(stand: StandVanZaken, reg: Kolom, amv: Kolom) -> tuple[str, ...]:
    zinnen = [
        f"Op {datum_lang(stand.peildatum)} gold nog geen cyclus van de Spreidingswet; er "
        "is dus geen opgave en geen verschil."
    ]
    for k, wat in ((reg, "reguliere asielplekken"), (amv, "AMV-plekken")):
        if k.totaal.realisatie is not None:
            zinnen.append(
                f"Voor de {wat} zijn in totaal {plekken(k.totaal.realisatie)} "
                f"gerealiseerd{volgens(k)}."
            )
    return tuple(zinnen)


def _regulier(stand: StandVanZaken, reg: Kolom, amv: Kolom, afgesproken: bool) -> str:
    provincie = stand.provincie.naam
    r = reg.totaal
    if r.realisatie is None:
        regulier = (
            f"Voor de reguliere asielplekken zijn nog geen cijfers aangeleverd{volgens(reg)}. "
        )
    elif reg.dekking.actueel == reg.dekking.gemeenten:
        regulier = (
            f"Voor de reguliere asielplekken zijn per {maand_jaar(stand.peildatum)} in totaal "
            f"{plekken(r.realisatie)} beschikbaar. "
        )
    else:
        regulier = (
            f"Voor de reguliere asielplekken zijn in totaal {plekken(r.realisatie)} "
            f"beschikbaar{volgens(reg)}. "
        )
    if r.opgave is not None:
        if afgesproken:
            regulier += (
                f"In het kader van {de_verdeling(provincie)} zijn {plekken(r.opgave)} afgesproken"
            )
        else:
            regulier += f"De indicatieve opgave van de gemeenten samen is {plekken(r.opgave)}"
        v = r.verschil
        if v is None:
            regulier += "; zonder cijfers is er geen verschil."
        elif v:
            regulier += (
                f"; dat zijn er {getal(abs(v))} {'meer' if v > 0 else 'minder'}{_over(reg)}."
            )
        else:
            regulier += f"; dat aantal is gehaald{_over(reg)}."
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
    return regulier.strip()


def _amv(amv: Kolom, afgesproken: bool) -> str:
    a = amv.totaal
    if a.realisatie is None:
        amv_zin = f"Voor de AMV-plekken zijn nog geen cijfers aangeleverd{volgens(amv)}."
    elif amv.dekking.actueel == amv.dekking.gemeenten:
        amv_zin = f"Voor de AMV-plekken zijn op dit moment {plekken(a.realisatie)} gerealiseerd."
    else:
        amv_zin = f"Voor de AMV-plekken zijn {plekken(a.realisatie)} gerealiseerd{volgens(amv)}."
    if a.opgave:
        amv_zin += (
            f" In de verdeling is afgesproken dat er in totaal {plekken(a.opgave)} komen"
            if afgesproken
            else f" De indicatieve AMV-opgave van de gemeenten samen is {plekken(a.opgave)}"
        )
        if a.verschil is None:
            amv_zin += "; zonder cijfers is er geen verschil."
        else:
            nog = -a.verschil
            amv_zin += (
                f"; er zijn er nog {getal(nog)} te realiseren{_over(amv)}." if nog > 0 else "."
            )
    p_amv = _provinciaal(amv)
    if p_amv is not None:
        amv_zin += f" De provinciale (wettelijke) opgave bedraagt {getal(p_amv)} AMV-opvangplekken."
    return amv_zin


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


def landelijk_aangeleverd(o: Landelijk) -> str:
    """How many gemeenten delivered for the peildatum, in the whole country."""
    gemeenten = sum(r.gemeenten for r in o.rijen)
    aangeleverd = sum(r.aangeleverd for r in o.rijen)
    assert o.peildatum is not None
    return (
        f"{getal(aangeleverd)} van de {getal(gemeenten)} gemeenten in {telwoord(len(o.rijen))} "
        f"provincies hebben cijfers aangeleverd met peildatum {datum_lang(o.peildatum)}. Van "
        "een gemeente zonder cijfer van die datum telt het laatst bekende cijfer, met zijn "
        "eigen datum; een gemeente zonder enig cijfer staat er als „niet aangeleverd”: nooit "
        "als 0, en zonder verschil."
    )


def landelijk_soorten(o: Landelijk, standen: Sequence[StandVanZaken]) -> tuple[str, ...]:
    """Per soort the national opgave, realisatie and verschil (the sum of the provincies),
    how current the figures are, and over how many gemeenten the verschil goes."""
    assert o.peildatum is not None
    zinnen = []
    for i, ((_soort, _c, titel), t) in enumerate(zip(TABEL_SOORTEN, o.totaal, strict=True)):
        totalen = [s.kolommen[i].totaal for s in standen]
        met_verschil = sum(x.met_verschil for x in totalen)
        zonder_cijfer = sum(x.zonder_cijfer for x in totalen)
        zin = f"{titel}: "
        zin += f"een opgave van {plekken(t.opgave)}" if t.opgave is not None else "geen opgave"
        if t.realisatie is None:
            zinnen.append(f"{zin}; er zijn nog geen cijfers aangeleverd, dus geen verschil.")
            continue
        actueel = (
            f"peildatum {datum_lang(o.peildatum)}"
            if t.actueel == t.gemeenten
            else f"{getal(t.actueel)} van de {getal(t.gemeenten)} gemeenten per "
            f"{datum_lang(o.peildatum)}, de andere met hun laatst bekende cijfer"
        )
        zin += f"; gerealiseerd {plekken(t.realisatie)} ({actueel})"
        if t.verschil is None:
            zin += (
                "; zonder opgave is er geen verschil."
                if t.opgave is None
                else "; geen gemeente heeft zowel een opgave als een cijfer, dus geen verschil."
            )
        else:
            zin += f", {tekort_of_overschot(t.verschil)}"
            if zonder_cijfer:
                zin += (
                    f" (over de {getal(met_verschil)} gemeenten met een cijfer; "
                    f"{getal(zonder_cijfer)} met een opgave zonder cijfer)"
                )
            zin += "."
        zinnen.append(zin)
    return tuple(zinnen)


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

"""The tables of the verdeling pages, each built once as a ``core.tabel.Tabel`` from the object
the page renders (a ``Werkblad``, the Oekraïne verdeling, the comparison).

The page renders them with ``core/tabel.html``, ``?formaat=xlsx`` writes the same objects to
Excel (``core.excelpagina``), and Tabel 1 of the verdeelbesluit feeds the PDF (the same
template) and the Word file (``core.woord``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from regietafel.core import opmaak
from regietafel.core.tabel import (
    Decimaal,
    Html,
    Kolom,
    Lijst,
    Link,
    Noot,
    Ontbreekt,
    Percentage,
    Tabel,
    Waarde,
)
from regietafel.domain.restopgave import TYPEN, Opvangtype
from regietafel.verdeling.grafiek import Grafiek
from regietafel.verdeling.models import Scenario, ScenarioGemeente
from regietafel.verdeling.queries import OekraineVerdeling, Rij, VergelijkRij, Werkblad

TABEL1_TITEL = "Tabel 1: Verdeling asielopvangplaatsen over gemeenten"


def _percentage(werkblad: Werkblad, t: Opvangtype) -> Waarde:
    p = werkblad.percentage(t)
    return Percentage(p) if p is not None else werkblad.percentage_tekst[TYPEN.index(t)]


def kengetallen_tabel(werkblad: Werkblad) -> Tabel:
    t = werkblad.totalen
    return Tabel(
        sleutel="Kengetallen",
        titel="Opgave, aanbod, restopgave en percentage per type",
        bijschrift="Percentage p: van het indicatieve aantal van de deelnemende gemeenten.",
        kolommen=(Kolom("", "tekst", breedte=36), Kolom("Regulier"), Kolom("Amv")),
        rijen=(
            ("Provinciale opgave", werkblad.opgave.regulier, werkblad.opgave.amv),
            ("Aangeboden (verslag + kansrijk)", t["aangeboden"].regulier, t["aangeboden"].amv),
            ("Restopgave", werkblad.restopgave.regulier, werkblad.restopgave.amv),
            (
                "Percentage p van het indicatieve aantal",
                _percentage(werkblad, "regulier"),
                _percentage(werkblad, "amv"),
            ),
            ("Onverdeeld", werkblad.onverdeeld.regulier, werkblad.onverdeeld.amv),
            ("Verdeeld (definitief)", t["definitief"].regulier, t["definitief"].amv),
        ),
        klasse="tabel-smal",
    )


def _uitgesloten(rij: Rij) -> Lijst:
    return Lijst(
        tuple(Noot(f"{u.label} ({u.typen})", u.uitleg, scheiding=": ") for u in rij.redenen),
        klasse="uitsluitingen",
    )


def _extra(aantal: int, onafgerond: str) -> Waarde:
    """The extra places, with the unrounded share as a note (where there are any)."""
    return Noot(aantal, f"({onafgerond})") if aantal else aantal


def verdeling_tabel(werkblad: Werkblad) -> Tabel:
    """The table "Verdeling per gemeente" of the scenario page (the definitief total a formula)."""
    kolommen = (
        Kolom("Gemeente", "tekst", breedte=18),
        Kolom("Regulier", groep="Indicatief", som=True),
        Kolom("Amv", groep="Indicatief", som=True),
        Kolom("Regulier", groep="Aangeboden", som=True),
        Kolom("Amv", groep="Aangeboden", som=True),
        Kolom("Regulier", groep="Extra", som=True),
        Kolom("Amv", groep="Extra", som=True),
        Kolom("Regulier", groep="Definitief", som=True),
        Kolom("Amv", groep="Definitief", som=True),
        Kolom("Totaal", groep="Definitief", som=True, rijsom=(7, 8)),
        Kolom("Uitgesloten van de restopgave", "tekst", breedte=60),
    )
    t = werkblad.totalen
    return Tabel(
        sleutel="Verdeling",
        titel="Verdeling per gemeente",
        bijschrift=(
            "Indicatief, aangeboden (verslag + kansrijk), extra uit de restopgave (tussen "
            "haakjes onafgerond) en definitief per gemeente, met de redenen van uitsluiting."
        ),
        kolommen=kolommen,
        rijen=tuple(
            (
                r.naam,
                r.indicatief.regulier,
                r.indicatief.amv,
                r.aangeboden.regulier,
                r.aangeboden.amv,
                _extra(r.extra.regulier, r.extra_onafgerond[0]),
                _extra(r.extra.amv, r.extra_onafgerond[1]),
                r.definitief.regulier,
                r.definitief.amv,
                r.definitief.totaal,
                _uitgesloten(r),
            )
            for r in werkblad.rijen
        ),
        totaal=(
            "Totaal",
            t["indicatief"].regulier,
            t["indicatief"].amv,
            t["aangeboden"].regulier,
            t["aangeboden"].amv,
            t["extra"].regulier,
            t["extra"].amv,
            t["definitief"].regulier,
            t["definitief"].amv,
            t["definitief"].totaal,
            None,
        ),
        breed=True,
        klein=True,
    )


def grafiek_tabel(grafiek: Grafiek) -> Tabel:
    return Tabel(
        sleutel=f"Grafiek {grafiek.opvangtype}",
        titel=grafiek.titel,
        bijschrift="De cijfers van de grafiek.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Indicatief", som=True),
            Kolom("Aangeboden", som=True),
            Kolom("Toegewezen", som=True),
        ),
        rijen=tuple(grafiek.rijen),
        klein=True,
    )


def invoer_tabel(rijen: Sequence[ScenarioGemeente]) -> Tabel:
    """The input per gemeente as stored (the page shows it, or the form's initial values)."""
    return Tabel(
        sleutel="Invoer",
        titel="Invoer per gemeente",
        bijschrift="Het indicatieve aantal en de inwoners komen uit de opgeslagen gegevens.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Inwoners"),
            Kolom("Indicatief regulier"),
            Kolom("Indicatief amv"),
            Kolom("Verslag regulier"),
            Kolom("Verslag amv"),
            Kolom("Kansrijk regulier"),
            Kolom("Kansrijk amv"),
            Kolom("Historisch gemiddelde"),
            Kolom("Oekraïne-plaatsen"),
        ),
        rijen=tuple(
            (
                r.gemeente.naam,
                r.inwoners,
                r.indicatief_regulier,
                r.indicatief_amv,
                r.verslag_regulier,
                r.verslag_amv,
                r.kansrijk_regulier,
                r.kansrijk_amv,
                r.historisch_gemiddelde,
                r.oekraine_plaatsen,
            )
            for r in rijen
        ),
        klein=True,
    )


@dataclass(frozen=True)
class ScenarioTabellen:
    """The tables of the scenario page, by name for the template, in order for Excel."""

    kengetallen: Tabel
    verdeling: Tabel
    grafieken: tuple[tuple[Grafiek, Tabel], ...]
    invoer: Tabel

    def alle(self) -> list[Tabel]:
        return [self.kengetallen, self.verdeling, *(t for _, t in self.grafieken), self.invoer]


def scenario_tabellen(
    werkblad: Werkblad, grafieken: Sequence[Grafiek], rijen: Sequence[ScenarioGemeente]
) -> ScenarioTabellen:
    return ScenarioTabellen(
        kengetallen=kengetallen_tabel(werkblad),
        verdeling=verdeling_tabel(werkblad),
        grafieken=tuple((g, grafiek_tabel(g)) for g in grafieken),
        invoer=invoer_tabel(rijen),
    )


def scenarios_tabel(scenarios: Sequence[Scenario]) -> Tabel:
    """The list page's table; the scenario's name links to it."""
    return Tabel(
        sleutel="Scenario's",
        titel="Opgeslagen scenario's",
        bijschrift="Laatst gewijzigd bovenaan.",
        kolommen=(
            Kolom("Scenario", "tekst", breedte=30),
            Kolom("Cyclus", "tekst", breedte=30),
            Kolom("Aangemaakt", "tekst", breedte=16),
            Kolom("Aangemaakt door", "tekst", breedte=16),
            Kolom("Gewijzigd", "tekst", breedte=16),
            Kolom("Kopie van", "tekst", breedte=30),
        ),
        rijen=tuple(
            (
                Link(s.naam, reverse("verdeling:scenario", args=[s.pk])),
                str(s.cyclus),
                opmaak.moment(s.aangemaakt_op),
                s.aangemaakt_door.get_username() if s.aangemaakt_door else "–",
                opmaak.moment(s.gewijzigd_op),
                (
                    Link(s.kopie_van.naam, reverse("verdeling:scenario", args=[s.kopie_van.pk]))
                    if s.kopie_van
                    else "–"
                ),
            )
            for s in scenarios
        ),
    )


def _vergelijk_samenvatting(a: Scenario, b: Scenario, blad_a: Werkblad, blad_b: Werkblad) -> Tabel:
    """Opgave, restopgave, percentage and onverdeeld of A and B side by side."""
    ga, gb = f"A: {a.naam}", f"B: {b.naam}"
    return Tabel(
        sleutel="Samenvatting",
        titel="Opgave, restopgave, percentage en onverdeeld",
        bijschrift=f"A = {a.naam}, B = {b.naam}.",
        kolommen=(
            Kolom("", "tekst", breedte=22),
            Kolom("Regulier", groep=ga),
            Kolom("Amv", groep=ga),
            Kolom("Regulier", groep=gb),
            Kolom("Amv", groep=gb),
        ),
        rijen=(
            (
                "Provinciale opgave",
                blad_a.opgave.regulier,
                blad_a.opgave.amv,
                blad_b.opgave.regulier,
                blad_b.opgave.amv,
            ),
            (
                "Restopgave",
                blad_a.restopgave.regulier,
                blad_a.restopgave.amv,
                blad_b.restopgave.regulier,
                blad_b.restopgave.amv,
            ),
            (
                "Percentage p",
                _percentage(blad_a, "regulier"),
                _percentage(blad_a, "amv"),
                _percentage(blad_b, "regulier"),
                _percentage(blad_b, "amv"),
            ),
            (
                "Onverdeeld",
                blad_a.onverdeeld.regulier,
                blad_a.onverdeeld.amv,
                blad_b.onverdeeld.regulier,
                blad_b.onverdeeld.amv,
            ),
        ),
    )


def _definitief(r: Rij | None, welk: str) -> tuple[Waarde, Waarde, Waarde]:
    """A gemeente's definitive places in one scenario; marked missing when it is not in it."""
    if r is None:
        niet = Ontbreekt(f"niet in {welk}")
        return niet, niet, niet
    return r.definitief.regulier, r.definitief.amv, r.definitief.totaal


def _redenen(r: Rij | None) -> str:
    """Why a gemeente is excluded in one scenario, "–" when it is not."""
    return ("; ".join(f"{u.label} ({u.typen})" for u in r.redenen) if r else "") or "–"


def _vergelijk_per_gemeente(
    a: Scenario, b: Scenario, blad_a: Werkblad, blad_b: Werkblad, rijen: Sequence[VergelijkRij]
) -> Tabel:
    """The definitive places of every gemeente in A and B, the difference and the exclusions."""
    ga, gb = f"A: {a.naam}", f"B: {b.naam}"
    da, db = blad_a.totalen["definitief"], blad_b.totalen["definitief"]
    return Tabel(
        sleutel="Per gemeente",
        titel="Definitieve verdeling per gemeente in A en B",
        bijschrift="Verschil B − A; een negatief verschil is minder in B. –: niet in A of B.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Regulier", groep=ga, som=True),
            Kolom("Amv", groep=ga, som=True),
            Kolom("Totaal", groep=ga, som=True),
            Kolom("Regulier", groep=gb, som=True),
            Kolom("Amv", groep=gb, som=True),
            Kolom("Totaal", groep=gb, som=True),
            Kolom("Regulier", "verschil", groep="Verschil B − A", tekort=False),
            Kolom("Amv", "verschil", groep="Verschil B − A", tekort=False),
            Kolom("A", "tekst", groep="Uitgesloten", breedte=40),
            Kolom("B", "tekst", groep="Uitgesloten", breedte=40),
        ),
        rijen=tuple(
            (
                r.naam,
                *_definitief(r.a, "A"),
                *_definitief(r.b, "B"),
                r.verschil.regulier,
                r.verschil.amv,
                _redenen(r.a),
                _redenen(r.b),
            )
            for r in rijen
        ),
        totaal=("Totaal", da.regulier, da.amv, da.totaal, db.regulier, db.amv, db.totaal)
        + (None,) * 4,
        breed=True,
        klein=True,
    )


def vergelijk_tabellen(
    a: Scenario, b: Scenario, blad_a: Werkblad, blad_b: Werkblad, rijen: Sequence[VergelijkRij]
) -> list[Tabel]:
    """The two tables of the comparison page: the summary and the gemeenten side by side."""
    return [
        _vergelijk_samenvatting(a, b, blad_a, blad_b),
        _vergelijk_per_gemeente(a, b, blad_a, blad_b, rijen),
    ]


def oekraine_tabel(v: OekraineVerdeling) -> Tabel:
    jaren = ", ".join(str(j) for j in v.inwoners_jaren)
    return Tabel(
        sleutel="Oekraïne",
        titel=f"Verdeling van {opmaak.getal(v.totaal)} plaatsen naar inwoners (1 januari {jaren})",
        bijschrift=(
            "Naast de opgeslagen indicatieve verdeling; verschil = verdeling − opgeslagen. "
            "Quotum = provinciaal aantal × inwoners ÷ totaal inwoners; verdeling met de grootste "
            "overschotten."
        ),
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Inwoners", som=True),
            Kolom("Quotum", som=True),
            Kolom("Verdeling", som=True),
            Kolom("Per rij afgerond", som=True),
            Kolom(
                "Opgeslagen indicatief",
                som=True,
                sub=v.cyclus.kolomkop if v.cyclus else "",
                breedte=13,
            ),
            Kolom("Verschil", "verschil", som=True, tekort=False),
        ),
        rijen=tuple(
            (
                r.naam,
                r.inwoners,
                Decimaal(r.quotum),
                (
                    Noot(r.verdeeld, "+1 (grootste overschot)", klasse="opgehoogd")
                    if r.opgehoogd
                    else r.verdeeld
                ),
                r.per_rij_afgerond,
                r.bron if r.bron is not None else Ontbreekt("niet opgeslagen"),
                r.verschil,
            )
            for r in v.rijen
        ),
        totaal=(
            "Totaal",
            v.totaal_inwoners,
            v.totaal,
            v.som_verdeeld,
            v.som_per_rij,
            v.som_bron,
            v.som_verschil,
        ),
        klasse="tabel-stand",
    )


def tabel1(werkblad: Werkblad) -> Tabel:
    """Tabel 1 of the verdeelbesluit: the gemeenten with places in the decision, for the PDF
    and the Word file."""
    d = werkblad.totalen["definitief"]
    return Tabel(
        sleutel="Tabel 1",
        titel=TABEL1_TITEL,
        bijschrift="",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=30),
            Kolom("Reguliere opvangplaatsen", som=True),
            Kolom("Amv-opvangplaatsen", som=True),
            Kolom("Totaal", som=True, rijsom=(1, 2)),
        ),
        rijen=tuple(
            (r.naam, r.definitief.regulier, r.definitief.amv, r.definitief.totaal)
            for r in werkblad.aangewezen
        ),
        totaal=("Totaal", d.regulier, d.amv, d.totaal),
        scroll=False,
    )


def invoer_formulier_tabel(paren: Sequence[tuple[Any, ScenarioGemeente]]) -> Tabel:
    """The input form per gemeente on the scenario page: the stored inwoners and indicatief
    aantal, then a field per input (each with its hidden label and errors). Excel gets the
    fields' values; the sheet "Invoer" of the page's download is ``invoer_tabel``."""

    def veld(v: Any, naam: str) -> Html:
        waarde = v.value()
        return Html.opmaak(
            '<label class="visueel-verborgen" for="{}">{} {}</label>{}{}',
            v.id_for_label,
            v.label,
            naam,
            v,
            v.errors,
            tekst="" if waarde is None else str(waarde),
        )

    rijen: tuple[tuple[Waarde, ...], ...] = tuple(
        (
            Html.opmaak("{}{}", rij.gemeente.naam, form["gemeente"], tekst=rij.gemeente.naam),
            rij.inwoners,
            f"{opmaak.getal(rij.indicatief_regulier)} / {opmaak.getal(rij.indicatief_amv)}",
            *(veld(v, rij.gemeente.naam) for v in form if not v.is_hidden),
        )
        for form, rij in paren
    )
    return Tabel(
        sleutel="Invoer",
        titel=(
            "Invoer per gemeente; het indicatieve aantal en de inwoners komen uit de "
            "opgeslagen gegevens"
        ),
        bijschrift="",
        kolommen=(
            Kolom("Gemeente", "tekst"),
            Kolom("Inwoners", "getal"),
            Kolom("Indicatief regulier / amv", "getal"),
            Kolom("Verslag regulier", "tekst"),
            Kolom("Verslag amv", "tekst"),
            Kolom("Kansrijk regulier", "tekst"),
            Kolom("Kansrijk amv", "tekst"),
            Kolom("Historisch gemiddelde", "tekst"),
            Kolom("Oekraïne-plaatsen", "tekst"),
        ),
        rijen=rijen,
        klein=True,
        klasse="invoer-tabel",
    )

"""The tables of the cycle's pages as ``core.tabel.Tabel``: the same figures in HTML and in
the page's Excel download (``?formaat=xlsx``), built from the one computed PUZZEL. A gemeente
without an approved aanbod has empty cells (never 0)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.urls import reverse

from regietafel.core import opmaak
from regietafel.core.tabel import Kolom, Link, Noot, Ontbreekt, Tabel, Waarde
from regietafel.cyclus.models import AanbodRegel, AanbodVersie
from regietafel.cyclus.queries import PuzzelPagina, opzet_van
from regietafel.domain.aanbod import ELEMENT_LABEL, Beoordeling, Element
from regietafel.domain.restopgave import PerType
from regietafel.domain.voortgang import verschil_als_bekend
from regietafel.gemeenten.models import Gemeente
from regietafel.opgaven.models import Cyclus
from regietafel.verdeling.queries import REDEN_LABEL

JA_NEE = {True: "ja", False: "nee", None: "niet getoetst"}


def _status(p: PuzzelPagina, gemeente: Gemeente) -> str:
    if p.uit_verslag:
        return "aanbod in het verslag"
    stand = p.stand(gemeente)
    delen = []
    if stand.goedgekeurd is not None:
        delen.append(f"versie {stand.goedgekeurd.volgnummer} goedgekeurd")
    if stand.open is not None:
        delen.append(f"versie {stand.open.volgnummer} ter beoordeling")
    return "; ".join(delen) or "niet ingediend"


def puzzel_tabel(p: PuzzelPagina) -> Tabel:
    kop = p.cyclus.kolomkop or str(p.cyclus.jaar)
    groepen = (
        ("Indicatief", "indicatief"),
        ("Aangeboden", "aangeboden"),
        ("waarvan duurzaam", "duurzaam"),
        ("waarvan telt mee", "telt"),
        ("waarvan kansrijk", "kansrijk"),
    )
    kolommen: list[Kolom] = [Kolom("Gemeente", "tekst", breedte=18)]
    for groep, _ in groepen:
        kolommen += [
            Kolom("Regulier", groep=groep, sub=kop if groep == "Indicatief" else "", som=True),
            Kolom("AMV", groep=groep, som=True, breedte=8),
        ]
    kolommen += [
        Kolom("Regulier", "verschil", groep="Verschil (telt − indicatief)", som=True),
        Kolom("AMV", "verschil", groep="Verschil (telt − indicatief)", som=True, breedte=8),
        Kolom("Aanbod", "tekst", breedte=28),
    ]
    rijen: list[tuple[Waarde, ...]] = []
    for gemeente, s in zip(p.gemeenten, p.puzzel.gemeenten, strict=True):
        cellen: list[Waarde] = [s.naam, s.indicatief.regulier, s.indicatief.amv]
        for _, veld in groepen[1:]:
            paar: PerType[int] = getattr(s.aanbod, veld)
            cellen += [paar.regulier, paar.amv] if s.ingediend else [None, None]
        cellen += [s.verschil.regulier, s.verschil.amv] if s.ingediend else [None, None]
        cellen.append(_status(p, gemeente))
        rijen.append(tuple(cellen))
    a, ind = p.puzzel.aanbod, p.puzzel.indicatief
    totaal: list[Waarde] = ["Totaal", ind.regulier, ind.amv]
    for _, veld in groepen[1:]:
        paar = getattr(a, veld)
        totaal += [paar.regulier, paar.amv]
    totaal += [a.telt.regulier - ind.regulier, a.telt.amv - ind.amv, None]
    return Tabel(
        sleutel="PUZZEL",
        titel=f"PUZZEL {p.cyclus.naam}: indicatief, aanbod en verschil per gemeente",
        bijschrift=(
            "Bijzondere opvang (TGO, noodopvang) telt als regulier. Telt mee: wat de regels van "
            "de cyclus toelaten en op tijd en lang genoeg beschikbaar is. Een lege cel: geen "
            "goedgekeurd aanbod."
        ),
        kolommen=tuple(kolommen),
        rijen=tuple(rijen),
        totaal=tuple(totaal),
        breed=True,
    )


def _uitgesloten(redenen: tuple[str, ...]) -> str:
    return "; ".join(REDEN_LABEL.get(r, r) for r in redenen)  # type: ignore[call-overload]


def aanvulling_tabel(p: PuzzelPagina) -> Tabel:
    """What R3 would make of the verslag as it stands, per gemeente."""
    u = p.aanvulling
    return Tabel(
        sleutel="Aanvulling",
        titel="Aanvulling door de minister als het verslag zo uitgaat",
        bijschrift=(
            "Initieel: wat meetelt plus wat kansrijk is (stap 1 en 2); extra: het deel van de "
            "restopgave (stap 4b)."
        ),
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Regulier", groep="Initieel", som=True),
            Kolom("AMV", groep="Initieel", som=True, breedte=8),
            Kolom("Regulier", groep="Extra", som=True),
            Kolom("AMV", groep="Extra", som=True, breedte=8),
            Kolom("Regulier", groep="Uitkomst", som=True),
            Kolom("AMV", groep="Uitkomst", som=True, breedte=8),
            Kolom("Niet in de restopgave", "tekst", breedte=40),
        ),
        rijen=tuple(
            (
                g.naam,
                g.initieel.regulier,
                g.initieel.amv,
                g.extra.regulier,
                g.extra.amv,
                g.definitief.regulier,
                g.definitief.amv,
                "; ".join(
                    f"{t}: {_uitgesloten(g.uitgesloten.van(t))}"  # type: ignore[arg-type]
                    for t in ("regulier", "amv")
                    if g.uitgesloten.van(t)  # type: ignore[arg-type]
                ),
            )
            for g in u.gemeenten
        ),
        totaal=(
            "Totaal",
            sum(g.initieel.regulier for g in u.gemeenten),
            sum(g.initieel.amv for g in u.gemeenten),
            sum(g.extra.regulier for g in u.gemeenten),
            sum(g.extra.amv for g in u.gemeenten),
            sum(g.definitief.regulier for g in u.gemeenten),
            sum(g.definitief.amv for g in u.gemeenten),
            None,
        ),
        breed=True,
    )


def elementen_tekst(regel: AanbodRegel) -> str:
    return "; ".join(
        ELEMENT_LABEL[Element(e.element)]
        + (f": {e.toelichting}" if e.toelichting else "")
        + (f" (bijlage {e.bestandsnaam})" if e.bestandsnaam else "")
        for e in regel.elementen.all()
    )


def regels_tabel(
    versie: AanbodVersie, regels: Sequence[tuple[AanbodRegel, Beoordeling]], sleutel: str = "Aanbod"
) -> Tabel:
    return Tabel(
        sleutel=sleutel,
        titel=f"Aanbod {versie.gemeente.naam}, versie {versie.volgnummer}",
        bijschrift="Per regel: beschikbaarheid, de toetsen van de cyclus en of de plaatsen meetellen.",
        kolommen=(
            Kolom("Locatie of plan", "tekst", breedte=24),
            Kolom("Herkomst", "tekst", breedte=10),
            Kolom("Soort", "tekst", breedte=10),
            Kolom("Plaatsen", som=True, breedte=9),
            Kolom("Beschikbaar van", "datum", breedte=12),
            Kolom("Beschikbaar tot", "datum", breedte=12),
            Kolom("Duurzaam", "tekst", breedte=9),
            Kolom("Op tijd", "tekst", breedte=9),
            Kolom("Tot volgende raming", "tekst", breedte=9),
            Kolom("Kansrijke elementen", "tekst", breedte=36),
            Kolom("Telt", "tekst", breedte=12),
            Kolom("Toelichting", "tekst", breedte=40),
        ),
        rijen=tuple(
            (
                r.naam,
                ("register, gepland" if r.locatie_id else "plan") if r.plan else "register",
                r.get_soort_display(),
                r.plaatsen,
                r.beschikbaar_van,
                r.beschikbaar_tot,
                JA_NEE[b.duurzaam],
                JA_NEE[b.tijdig],
                JA_NEE[b.tot_raming],
                elementen_tekst(r),
                b.categorie_label,
                "; ".join(t for t in (r.toelichting, *b.toelichting) if t),
            )
            for r, b in regels
        ),
        totaal=("Totaal", None, None, sum(r.plaatsen for r, _ in regels), *([None] * 8)),
        breed=True,
        klein=True,
    )


def cycli_tabel(cycli: Sequence[Cyclus]) -> Tabel:
    def opzet(c: Cyclus, veld: str) -> Waarde:
        o = opzet_van(c)
        return getattr(o, veld, None) if o is not None else None

    return Tabel(
        sleutel="Cycli",
        titel="De cycli van de Spreidingswet",
        bijschrift="Elke cyclus is data: een beheerder stelt haar in.",
        kolommen=(
            Kolom("Cyclus", "tekst", breedte=36),
            Kolom("Raming", breedte=10),
            Kolom("Verslag uiterlijk", "datum", breedte=12),
            Kolom("Besluit uiterlijk", "datum", breedte=12),
            Kolom("Gerealiseerd uiterlijk", "datum", breedte=12),
            Kolom("Alleen duurzaam", "tekst", breedte=9),
        ),
        rijen=tuple(
            (
                c.naam,
                opzet(c, "capaciteitsraming"),
                c.deadline_verslag,
                opzet(c, "besluit_uiterlijk"),
                opzet(c, "realisatie_uiterlijk"),
                {True: "ja", False: "nee"}.get(opzet(c, "alleen_duurzaam"), ""),  # type: ignore[call-overload]
            )
            for c in cycli
        ),
    )


def verschillen_tabel(
    cyclus: Cyclus, rijen: Sequence[tuple[Gemeente, PerType[int | None], PerType[int | None]]]
) -> Tabel:
    def verschil(verslag: int | None, besluit: int | None) -> int | None:
        return verschil_als_bekend(besluit, verslag)

    return Tabel(
        sleutel="Verschillen",
        titel=f"Verdeelbesluit en verslag per gemeente, {cyclus.naam}",
        bijschrift="Verschil = verdeelbesluit − verslag; een lege cel: geen cijfer.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Regulier", groep="Verslag (aanbod)", som=True),
            Kolom("AMV", groep="Verslag (aanbod)", som=True, breedte=8),
            Kolom("Regulier", groep="Verdeelbesluit", som=True),
            Kolom("AMV", groep="Verdeelbesluit", som=True, breedte=8),
            Kolom("Regulier", "verschil", groep="Verschil", som=True),
            Kolom("AMV", "verschil", groep="Verschil", som=True, breedte=8),
        ),
        rijen=tuple(
            (
                g.naam,
                verslag.regulier,
                verslag.amv,
                besluit.regulier,
                besluit.amv,
                verschil(verslag.regulier, besluit.regulier),
                verschil(verslag.amv, besluit.amv),
            )
            for g, verslag, besluit in rijen
        ),
        totaal=(
            "Totaal",
            *(
                sum(w for w in waarden if w is not None)
                if any(w is not None for w in waarden)
                else None
                for waarden in (
                    [v.regulier for _, v, _ in rijen],
                    [v.amv for _, v, _ in rijen],
                    [b.regulier for _, _, b in rijen],
                    [b.amv for _, _, b in rijen],
                    [verschil(v.regulier, b.regulier) for _, v, b in rijen],
                    [verschil(v.amv, b.amv) for _, v, b in rijen],
                )
            ),
        ),
    )


def _versie_link(versie: AanbodVersie, gemeente: Gemeente) -> Link:
    return Link(
        f"versie {versie.volgnummer}",
        reverse("cyclus:versie", args=[versie.pk]),
        uitleg=gemeente.naam,
    )


def versies_tabel(versies: Sequence[AanbodVersie]) -> Tabel:
    """A gemeente's own versions of its aanbod, newest first."""
    return Tabel(
        sleutel="versies",
        titel="Alle versies, nieuwste bovenaan",
        bijschrift="",
        kolommen=(
            Kolom("Versie", "tekst"),
            Kolom("Status", "tekst"),
            Kolom("Ingediend", "tekst", leeg="–"),
            Kolom("Beoordeeld", "tekst", leeg="–"),
            Kolom("Opmerking van het secretariaat", "tekst"),
        ),
        rijen=tuple(
            (
                Link(f"Versie {v.volgnummer}", reverse("cyclus:versie", args=[v.pk])),
                Noot(v.get_status_display(), "", klasse=f"status status--{v.status}"),
                opmaak.moment(v.ingediend_op) if v.ingediend_op else None,
                opmaak.moment(v.beoordeeld_op) if v.beoordeeld_op else None,
                v.opmerking or "",
            )
            for v in versies
        ),
    )


def aanbod_gemeenten_tabel(
    p: PuzzelPagina, *, beoordelaar: bool, gemeente: Gemeente | None
) -> Tabel:
    """Per gemeente the approved aanbod (what counts in the PUZZEL) and a newer version that
    waits for review; the review link only for a reviewer and the gemeente itself."""
    geen = Ontbreekt("geen aanbod")
    rijen: list[tuple[Waarde, ...]] = []
    for g, s, stand in p.per_gemeente:
        regel: Any = s
        if regel.ingediend:
            telt: tuple[Waarde, ...] = (regel.aanbod.telt.regulier, regel.aanbod.telt.amv)
            goed: Waarde = (
                _versie_link(stand.goedgekeurd, g) if stand.goedgekeurd else "aanbod in het verslag"
            )
        else:
            telt, goed = (geen, geen), "nog niet ingediend"
        open_: Waarde = "–"
        if stand.open is not None:
            mag = beoordelaar or (gemeente is not None and gemeente.pk == g.pk)
            open_ = _versie_link(stand.open, g) if mag else f"versie {stand.open.volgnummer}"
        rijen.append((g.naam, regel.indicatief.regulier, regel.indicatief.amv, *telt, goed, open_))
    return Tabel(
        sleutel="gemeenten",
        titel=(
            "Per gemeente het goedgekeurde aanbod (dat telt in de PUZZEL) en een nieuwere "
            "versie die op beoordeling wacht"
        ),
        bijschrift="",
        kolommen=(
            Kolom("Gemeente", "tekst"),
            Kolom("Indicatief regulier"),
            Kolom("Indicatief AMV"),
            Kolom("Telt mee regulier"),
            Kolom("Telt mee AMV"),
            Kolom("Goedgekeurd", "tekst"),
            Kolom("Ter beoordeling", "tekst"),
        ),
        rijen=tuple(rijen),
    )

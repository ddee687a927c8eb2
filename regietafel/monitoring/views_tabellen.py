"""The tables of the monitoring pages as ``Tabel`` objects, built from the object the page
renders (``StandVanZaken``, ``Trends``, the inzendingen): the HTML and the Excel download
(``?formaat=xlsx``, core.excelpagina) show the same figures.

The three tables of the Stand van zaken (``verdeling_tabel``, ``statushouders_tabel``,
``nidos_tabel``) are also those of the report (rapportage.bouwen), so the page, the PDF, the
Word file and both workbooks cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from regietafel.core import opmaak
from regietafel.core.opmaak import getal
from regietafel.core.tabel import Aandeel, Kolom, Lijst, Link, Noot, Ontbreekt, Tabel, Waarde
from regietafel.domain.laatst_bekend import Status
from regietafel.domain.validatie import Bevinding
from regietafel.monitoring.models import Inzending
from regietafel.monitoring.queries import (
    Cel,
    SoortTrend,
    StandVanZaken,
    TrendPunt,
    Trends,
    Vergelijking,
)
from regietafel.opgaven.models import Soort

# Sheet names of the trend tables per paneel (monitoring.grafiek.Paneel.sleutel).
TREND_SLEUTELS = {
    "oekraine": "Oekraïne",
    "regulier": "Regulier",
    "amv": "AMV",
    "statushouders": "Statushouders",
}
STATUSHOUDERS_GEMEENTEN = "Statushouders per gemeente"
PEILDATA_PER_GEMEENTE = 12
"""The COA peildata the table "achter/voor per gemeente" shows by default: the newest twelve
(a year). Sixty monthly columns by 56 gemeenten (3.360 cells) is no table anyone reads on a
screen; the chart above it shows the whole period, and ``?peildata=alle`` (page and Excel)
every peildatum."""
GEEN_CIJFER = Ontbreekt("geen cijfer")
GEEN_OPGAVE = Ontbreekt("geen opgave")


def _of(waarde: int | None, ontbreekt: Ontbreekt = GEEN_CIJFER) -> Waarde:
    """A figure of a trend table; a missing one is "–" on the page, never 0 (Excel: empty)."""
    return ontbreekt if waarde is None else waarde


def _stand_van(cel: Cel) -> Waarde:
    """The "Stand per" cell: the figure's own date when older, "niet aangeleverd" without one."""
    if cel.cijfer.ouder:
        return cel.realisatie_peildatum
    if not cel.heeft_realisatie:
        return Status.NIET_AANGELEVERD.label
    return None


GEEN_REALISATIE = Ontbreekt("geen realisatie")
NIET_AANGELEVERD = Ontbreekt(Status.NIET_AANGELEVERD.label)
GEEN_VERSCHIL = Ontbreekt("geen verschil")


def verdeling_tabel(stand: StandVanZaken) -> Tabel:
    """Opgave, realisatie and verschil per gemeente (domain.laatst_bekend): each gemeente's
    latest figure up to the peildatum; a soort with an older or missing figure gets a column
    "Stand per" with the figure's own date or "niet aangeleverd"; a missing figure is no 0
    and has no verschil: "–" with the reason for a screen reader, an empty cell in Excel."""
    kolommen: list[Kolom] = [Kolom("Gemeente", "tekst", breedte=18)]
    totaal: list[Waarde] = ["Totaal"]
    met_stand: list[bool] = []
    for k in stand.kolommen:
        sub_opgave = k.cyclus.kolomkop if k.cyclus else ""
        extra = k.met_stand
        met_stand.append(extra)
        kolommen += [
            Kolom("Opgave", groep=k.titel, sub=sub_opgave, som=True),
            Kolom("Realisatie", groep=k.titel, sub=opmaak.datum(stand.peildatum), som=True),
        ]
        totaal += [_of(k.totaal.opgave, GEEN_OPGAVE), _of(k.totaal.realisatie, GEEN_REALISATIE)]
        if extra:
            kolommen.append(Kolom("Stand per", "datum", groep=k.titel, breedte=12))
            totaal.append(None)
        kolommen.append(Kolom("Verschil", "verschil", groep=k.titel, som=True))
        verschil = _of(k.totaal.verschil, GEEN_VERSCHIL)
        if k.totaal.verschil is not None and k.totaal.verschil_onvolledig:
            n = k.totaal.met_verschil
            verschil = Noot(k.totaal.verschil, f"over {n} gemeente{'' if n == 1 else 'n'}")
        totaal.append(verschil)
    rijen = []
    for rij in stand.rijen:
        cellen: list[Waarde] = [rij.gemeente.naam]
        for cel, extra in zip(rij.cellen, met_stand, strict=True):
            if cel.leeg:
                cellen += [GEEN_OPGAVE, GEEN_REALISATIE, *([None] if extra else []), None]
                continue
            cellen += [_of(cel.opgave, GEEN_OPGAVE), _of(cel.realisatie, NIET_AANGELEVERD)]
            if extra:
                cellen.append(_stand_van(cel))
            cellen.append(_of(cel.verschil, GEEN_VERSCHIL))
        rijen.append(tuple(cellen))
    dekking = "; ".join(f"{k.titel}: {k.dekking.volledige_tekst}" for k in stand.kolommen)
    onvolledig = [
        f"{k.titel}: {k.totaal.verschil_tekst}" for k in stand.kolommen if k.totaal.verschil_tekst
    ]
    return Tabel(
        sleutel="Verdeling",
        titel=(
            f"Opgave, realisatie en verschil per gemeente in {stand.provincie.naam} "
            f"per {opmaak.datum(stand.peildatum)}"
        ),
        bijschrift=(
            "Per gemeente het laatst bekende cijfer; een ouder cijfer staat met zijn eigen "
            "peildatum, een gemeente zonder cijfer heeft geen verschil (geen 0, geen tekort). "
            "Een negatief verschil is een tekort. Een streepje: geen opgave, geen realisatie "
            f"of geen verschil. Cijfers: {dekking}."
            + (f" {'; '.join(onvolledig)}." if onvolledig else "")
            + (
                f" Gekozen: {stand.cyclus_keuze.tekst}."
                if stand.cyclus_keuze and stand.cyclus_keuze.gekozen
                else ""
            )
        ),
        kolommen=tuple(kolommen),
        rijen=tuple(rijen),
        totaal=tuple(totaal),
        klein=any(met_stand),  # a "Stand per" column: the smaller type keeps it on the page
    )


def statushouders_tabel(stand: StandVanZaken) -> Tabel:
    p = stand.statushouders_peildatum or stand.peildatum
    j = p.year
    maanden = ("jul", "aug", "sep", "okt", "nov", "dec")
    kolommen = (
        Kolom("Gemeente", "tekst", breedte=14),
        Kolom(f"Stand op 1 jan {j}", som=True),
        Kolom(f"Taakstelling 1e helft {j}", som=True),
        Kolom(f"Realisatie 1e helft {j}", som=True),
        Kolom(f"Stand op 1 jul {j}", som=True),
        Kolom(f"Taakstelling 2e helft {j}", som=True),
        Kolom("Correcties", som=True),
        Kolom("Taakstelling incl. achter/voor", som=True),
        *(Kolom(f"Realisatie {m} {j}", som=True, breedte=8) for m in maanden),
        Kolom(f"Realisatie tot 1 jan {j + 1}", som=True),
        Kolom(f"Achter/voor tot 1 jan {j + 1}", "getal", som=True),
        Kolom("Achterstand", som=True, breedte=10),
        Kolom("Voorsprong", som=True, breedte=10),
    )

    def rij(naam: str, s, leeg_als_nul: bool = True) -> tuple[Waarde, ...]:  # type: ignore[no-untyped-def]
        return (
            naam,
            s.stand_1_jan,
            s.taakstelling_h1,
            s.realisatie_h1,
            s.stand_1_jul,
            s.taakstelling_h2,
            s.correcties,
            s.taakstelling_incl,
            *s.realisatie_maanden,
            s.realisatie_totaal,
            s.achter_voor,
            s.achterstand or (None if leeg_als_nul else 0),
            s.voorsprong or (None if leeg_als_nul else 0),
        )

    t = stand.statushouders_totaal
    leeg: list[Waarde] = [None] * (len(kolommen) - 3)
    return Tabel(
        sleutel="Statushouders",
        titel="Overzicht huisvesting vergunninghouders",
        bijschrift=(
            f"COA, peildatum {opmaak.datum(stand.statushouders_peildatum)}. Positief achter/voor "
            f"is een achterstand, negatief een voorsprong. De laatste regel telt de gemeenten "
            f"met een achterstand en die met een voorsprong."
        ),
        kolommen=kolommen,
        rijen=tuple(rij(r.gemeente.naam, r.stand) for r in stand.statushouders),
        totaal=rij(f"Totaal {stand.provincie.naam}", t, leeg_als_nul=False),
        voetregels=(
            (
                f"Aantal gemeenten: {len(stand.statushouders)}",
                *leeg,
                stand.statushouders_achterstand,
                stand.statushouders_voorsprong,
            ),
        ),
        breed=True,
        klein=True,
    )


def nidos_tabel(stand: StandVanZaken) -> Tabel:
    kolommen = (
        Kolom("Gemeente", "tekst", breedte=18),
        Kolom("Gerealiseerd", som=True),
        Kolom("Taakstelling resterend", som=True),
        Kolom("Totaal taakstelling", som=True),
        Kolom("Gerealiseerd van taakstelling", "procent", aandeel=(1, 3), breedte=14),
    )
    return Tabel(
        sleutel="Nidos",
        titel="Taakstelling minderjarige statushouders (Nidos), per gemeente",
        bijschrift=("Gerealiseerd van de taakstelling; zonder taakstelling is de voortgang n.v.t."),
        kolommen=kolommen,
        rijen=tuple(
            (
                r.gemeente.naam,
                r.gerealiseerd,
                r.resterend,
                r.taakstelling,
                Aandeel(r.gerealiseerd, r.taakstelling),
            )
            for r in stand.nidos
        ),
        totaal=(
            "Totaal",
            stand.nidos_gerealiseerd,
            stand.nidos_resterend,
            stand.nidos_taakstelling,
            Aandeel(stand.nidos_gerealiseerd, stand.nidos_taakstelling),
        ),
    )


def bevindingen_tabel(bevindingen: Sequence[Bevinding]) -> Tabel:
    return Tabel(
        sleutel="Controles",
        titel="Controles op de bronnen",
        bijschrift="Bevindingen bij het vergelijken van de rijen met de totalen van de bronnen.",
        kolommen=(
            Kolom("Ernst", "tekst", breedte=12),
            Kolom("Bevinding", "tekst", breedte=80),
            Kolom("Bron", "tekst", breedte=40),
        ),
        rijen=tuple(
            ("Fout" if b.ernst == "fout" else "Waarschuwing", b.melding, b.bron)
            for b in bevindingen
        ),
    )


def stand_tabellen(stand: StandVanZaken) -> list[Tabel]:
    """The tables the page shows, in its order (statushouders and Nidos only with data): those
    of the report, with each gemeente of the Verdeling linking to its trends."""
    from urllib.parse import quote

    from django.urls import reverse

    # One reverse per page, not one per gemeente.
    sjabloon = reverse("trends-gemeente", args=["GM-CODE"])
    verdeling = verdeling_tabel(stand).met_links(
        [sjabloon.replace("GM-CODE", quote(r.gemeente.cbs_code, safe="")) for r in stand.rijen]
    )
    tabellen = [verdeling]
    if stand.statushouders:
        tabellen.append(statushouders_tabel(stand))
    if stand.nidos:
        tabellen.append(nidos_tabel(stand))
    if stand.bevindingen:
        tabellen.append(bevindingen_tabel(stand.bevindingen))
    return tabellen


def _actueel(p: TrendPunt) -> str:
    """ "11 van 12": gemeenten with a figure dated the peildatum itself."""
    return f"{p.dekking.actueel} van {p.dekking.gemeenten}" if p.dekking else ""


def _andere_cyclus(t: Trends, soort: str) -> str:
    """The caption's note when regulier and AMV follow a chosen cyclus."""
    if t.gekozen is None or soort not in (Soort.REGULIER, Soort.AMV):
        return ""
    return (
        f" De opgave is die van de cyclus {t.gekozen.jaar} ({t.gekozen.naam}) op elke "
        "peildatum waarop die van toepassing is."
    )


def trend_tabellen(
    t: Trends, *, alle_peildata: bool = False, gemeente_url: Callable[[str], str] | None = None
) -> list[Tabel]:
    """Per soort realisatie, opgave, verschil (and for a provincie the provincial number) per
    peildatum; the statushouders achter/voor; for a provincie achter/voor per gemeente (the
    newest ``PEILDATA_PER_GEMEENTE`` peildata unless ``alle_peildata``; ``gemeente_url(cbs)``:
    the link of a gemeente's name on the page)."""
    tabellen = [_soort_tabel(t, soort) for soort in t.soorten if soort.punten]
    if t.statushouders:
        tabellen.append(_statushouders_tabel(t))
    if t.statushouders_per_gemeente:
        tabellen.append(statushouders_per_gemeente(t, alle_peildata, gemeente_url))
    return tabellen


def _soort_tabel(t: Trends, soort: SoortTrend) -> Tabel:
    """Realisatie, opgave and verschil of one soort per peildatum (for a provincie also the
    provincial number and how many gemeenten are actueel)."""
    provincie = t.gemeente is None
    kolommen = [
        Kolom("Peildatum", "datum", breedte=12),
        Kolom("Realisatie"),
        Kolom("Opgave"),
        Kolom("Verschil", "verschil"),
    ]
    if provincie:
        kolommen.append(Kolom("Provinciale opgave"))
        kolommen.append(Kolom("Gemeenten actueel", "tekst", breedte=14))
    rijen: list[tuple[Waarde, ...]] = []
    for p in soort.punten:
        rij: tuple[Waarde, ...] = (
            p.peildatum,
            _of(p.realisatie),
            _of(p.opgave),
            _of(p.verschil),
        )
        rijen.append(
            (*rij, _of(p.provinciale_opgave, GEEN_OPGAVE), _actueel(p)) if provincie else rij
        )
    return Tabel(
        sleutel=TREND_SLEUTELS[soort.soort],
        titel=f"{soort.titel}, {t.naam}: realisatie en opgave per peildatum",
        bijschrift=(
            "De cijfers van de grafiek. Per peildatum de laatst bekende cijfers van de "
            "gemeenten tegen de opgave die toen gold; het verschil telt alleen gemeenten "
            "met een cijfer. Een negatief verschil is een tekort; een streepje: geen "
            "cijfer of geen opgave." + _andere_cyclus(t, soort.soort)
        ),
        kolommen=tuple(kolommen),
        rijen=tuple(rijen),
        klein=True,
        anker=f"tabel-{soort.soort}",
    )


def _statushouders_tabel(t: Trends) -> Tabel:
    """The statushouders achter/voor per COA peildatum (for a provincie with its gemeenten)."""
    provincie = t.gemeente is None
    kolommen = [
        Kolom("Peildatum", "datum", breedte=12),
        Kolom("Taakstelling incl. achter/voor"),
        Kolom("Realisatie 2e helft"),
        Kolom("Achter/voor"),
    ]
    if provincie:
        kolommen.append(Kolom("Gemeenten"))
    rijen: list[tuple[Waarde, ...]] = []
    for s in t.statushouders:
        rij: tuple[Waarde, ...] = (
            s.peildatum,
            s.stand.taakstelling_incl,
            s.stand.realisatie_totaal,
            s.stand.achter_voor,
        )
        rijen.append((*rij, s.gemeenten) if provincie else rij)
    return Tabel(
        sleutel=TREND_SLEUTELS["statushouders"],
        titel=f"Huisvesting vergunninghouders, {t.naam}: achter/voor per peildatum",
        bijschrift="De cijfers van de grafiek. Positief is een achterstand, negatief een "
        "voorsprong.",
        kolommen=tuple(kolommen),
        rijen=tuple(rijen),
        klein=True,
        anker="tabel-statushouders",
    )


def statushouders_per_gemeente(
    t: Trends, alle_peildata: bool = False, gemeente_url: Callable[[str], str] | None = None
) -> Tabel:
    """Achter/voor per gemeente (rows) and COA peildatum (columns), with the provincial total."""
    aantal = len(t.statushouders)
    van = 0 if alle_peildata else max(0, aantal - PEILDATA_PER_GEMEENTE)
    punten = t.statushouders[van:]
    rijen = []
    for r in t.statushouders_per_gemeente:
        naam = r.gemeente.naam
        kop: Waarde = Link(naam, gemeente_url(r.gemeente.cbs_code)) if gemeente_url else naam
        rijen.append((kop, *(_of(w) for w in r.achter_voor[van:])))
    getoond = (
        f" De laatste {len(punten)} van de {aantal} peildata; alle peildata: „Toon alle peildata”."
        if van
        else ""
    )
    return Tabel(
        sleutel=STATUSHOUDERS_GEMEENTEN,
        titel="Achter/voor per gemeente en peildatum",
        bijschrift="Positief is een achterstand, negatief een voorsprong." + getoond,
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            *(Kolom(opmaak.datum(s.peildatum), som=True) for s in punten),
        ),
        rijen=tuple(rijen),
        totaal=("Totaal", *(s.stand.achter_voor for s in punten)),
        klein=True,
        anker="statushouders-gemeenten",
    )


def _moment(waarde: object) -> str:
    return opmaak.moment(waarde) if waarde else ""  # type: ignore[arg-type]


def inzendingen_tabel(
    sleutel: str, titel: str, inzendingen: Sequence[Inzending], *, eigen: bool = False
) -> Tabel:
    """A list of inzendingen as the page and its workbook show it: one row per inzending,
    the gemeente linking to the inzending; ``eigen``: the gemeente's own list, where a
    returned inzending links to its correction."""
    from django.urls import reverse

    def opmerking(i: Inzending) -> Waarde:
        if eigen and i.status == "teruggestuurd":
            url = f"{reverse('inzendingen')}?opnieuw={i.pk}#formulier-kop"
            verbeter = Link("Verbeter en dien opnieuw in", url)
            return Lijst((i.opmerking, verbeter) if i.opmerking else (verbeter,))
        return i.opmerking

    return Tabel(
        sleutel=sleutel,
        titel=titel,
        bijschrift="Cijfers: de ingediende realisatie per opgave.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Peildatum", "datum", breedte=12),
            Kolom("Cijfers", "tekst", breedte=36),
            Kolom("Ingediend", "tekst", breedte=17),
            Kolom("Ingediend door", "tekst", breedte=16),
            Kolom("Status", "tekst", breedte=14),
            Kolom("Beoordeeld", "tekst", breedte=17),
            Kolom("Beoordeeld door", "tekst", breedte=16),
            Kolom("Opmerking secretariaat", "tekst", breedte=40),
        ),
        rijen=tuple(
            (
                Link(
                    i.gemeente.naam,
                    reverse("inzending", args=[i.pk]),
                    uitleg=opmaak.datum(i.peildatum),
                ),
                i.peildatum,
                Lijst(
                    tuple(f"{r.get_soort_display()}: {getal(r.aantal)}" for r in i.regels.all()),
                    leeg="",
                ),
                _moment(i.ingediend_op),
                str(i.ingediend_door or ""),
                Noot(i.get_status_display(), "", klasse=f"status status--{i.status}"),
                _moment(i.beoordeeld_op),
                str(i.beoordeeld_door or ""),
                opmerking(i),
            )
            for i in inzendingen
        ),
        klein=True,
    )


def vergelijking_tabel(inzending: Inzending, regels: Sequence[Vergelijking]) -> Tabel:
    return Tabel(
        sleutel="Vergelijking",
        titel=(
            f"Inzending {inzending.gemeente.naam}, peildatum {opmaak.datum(inzending.peildatum)}: "
            "opgeslagen en ingediende realisatie"
        ),
        bijschrift="Verschil = ingediend − opgeslagen; een streepje: geen cijfer.",
        kolommen=(
            Kolom("Opgave", "tekst", breedte=22),
            Kolom("Opgeslagen"),
            Kolom("Ingediend"),
            Kolom("Verschil", "verschil", tekort=False),
        ),
        rijen=tuple(
            (
                r.titel,
                _of(r.opgeslagen),
                _of(r.ingediend, Ontbreekt("niet ingediend")),
                r.verschil,
            )
            for r in regels
        ),
    )

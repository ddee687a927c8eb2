"""The export contract: statushouders (COA ledger, R4) and the stand (opgave, realisatie,
verschil per soort) of a provincie on a stored peildatum, as JSON, CSV or XLSX.

Computed once (``statushouders`` / ``stand``: the domain rules over the stored rows, the
stand through monitoring's query) into one ``Tabel``; JSON, CSV and XLSX render that same
object, so the three formats cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from regietafel.core import csvexport, opmaak
from regietafel.core import xlsx as excel
from regietafel.core.tabel import Kolom as KernKolom
from regietafel.core.tabel import Tabel as KernTabel
from regietafel.domain.laatst_bekend import Dekking, Status
from regietafel.domain.laatst_bekend import Totaal as SoortTotaal
from regietafel.domain.statushouders import (
    VergunninghoudersStand,
    stand_vergunninghouders,
    totaal_vergunninghouders,
)
from regietafel.domain.validatie import naam_sleutel
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.models import VergunninghoudersStand as CoaRij
from regietafel.monitoring.queries import TABEL_SOORTEN, peildata, stand_van_zaken

MAANDEN = ("jul", "aug", "sep", "okt", "nov", "dec")
FORMATEN = ("json", "csv", "xlsx")


class ExportFout(Exception):
    """A Dutch message for the user: unknown provincie, no figures on that peildatum."""


@dataclass(frozen=True)
class Kolom:
    kop: str
    """Dutch header (CSV, XLSX)."""
    waarde: Callable[[Any], int | str | None]
    getal: bool = True
    verschil: bool = False
    """A difference (realisatie − opgave): shown with its sign, +5 and −670."""


@dataclass(frozen=True)
class Tabel:
    titel: str
    provincie: str
    peildatum: dt.date
    kolommen: tuple[Kolom, ...]
    rijen: tuple[Any, ...]
    totaal: Any
    json: dict[str, Any]
    bekend_op: dt.date | None = None
    """The stand as known at the end of this day (None: as known now)."""


ALIASSEN = {"friesland": "fryslan"}


def _sleutel(naam: str) -> str:
    t = unicodedata.normalize("NFKD", naam_sleutel(naam))
    t = "".join(c for c in t if not unicodedata.combining(c))
    return ALIASSEN.get(t, t)


def _provincie(naam: str) -> Provincie:
    """By name, tolerant of case, accents and the Dutch name of Fryslân."""
    provincie = next(
        (p for p in Provincie.objects.all() if _sleutel(p.naam) == _sleutel(naam)), None
    )
    if provincie is None:
        bekend = ", ".join(Provincie.objects.values_list("naam", flat=True))
        raise ExportFout(
            f"De provincie „{naam}” is onbekend."
            + (f" Bekend zijn: {bekend}." if bekend else " Er is nog geen register geladen.")
        )
    return provincie


def _niet_opgeslagen(
    wat: str, provincie: Provincie, peildatum: dt.date, bekend: list[dt.date]
) -> ExportFout:
    lijst = ", ".join(opmaak.datum(d) for d in bekend[:12])
    return ExportFout(
        f"Voor {provincie.naam} is geen {wat} met peildatum {opmaak.datum(peildatum)} opgeslagen."
        + (f" Opgeslagen peildata: {lijst}." if lijst else " Er zijn nog geen cijfers opgeslagen.")
    )


# --- statushouders ---------------------------------------------------------------------


@dataclass(frozen=True)
class StatushoudersRij:
    gemeente: str
    cbs_code: str
    stand: VergunninghoudersStand


def _stand_json(s: VergunninghoudersStand) -> dict[str, Any]:
    return {
        "stand_1_jan": s.stand_1_jan,
        "taakstelling_h1": s.taakstelling_h1,
        "realisatie_h1": s.realisatie_h1,
        "stand_1_jul": s.stand_1_jul,
        "taakstelling_h2": s.taakstelling_h2,
        "correcties": s.correcties,
        "taakstelling_incl": s.taakstelling_incl,
        "realisatie_maand": dict(zip(MAANDEN, s.realisatie_maanden, strict=True)),
        "realisatie_totaal": s.realisatie_totaal,
        "achter_voor": s.achter_voor,
    }


def _maand(i: int) -> Callable[[Any], int]:
    return lambda r: r.stand.realisatie_maanden[i]


STATUSHOUDERS_KOLOMMEN = (
    Kolom("Gemeente", lambda r: r.gemeente, getal=False),
    Kolom("CBS-code", lambda r: r.cbs_code, getal=False),
    Kolom("Stand op 1 jan", lambda r: r.stand.stand_1_jan),
    Kolom("Taakstelling 1e helft", lambda r: r.stand.taakstelling_h1),
    Kolom("Realisatie 1e helft", lambda r: r.stand.realisatie_h1),
    Kolom("Stand op 1 jul", lambda r: r.stand.stand_1_jul),
    Kolom("Taakstelling 2e helft", lambda r: r.stand.taakstelling_h2),
    Kolom("Correcties", lambda r: r.stand.correcties),
    Kolom("Taakstelling incl. achter/voor", lambda r: r.stand.taakstelling_incl),
    *(Kolom(f"Realisatie {m}", _maand(i)) for i, m in enumerate(MAANDEN)),
    Kolom("Realisatie tot 1 jan", lambda r: r.stand.realisatie_totaal),
    Kolom("Achter/voor tot 1 jan", lambda r: r.stand.achter_voor),
)


def statushouders(provincie_naam: str, peildatum: dt.date) -> Tabel:
    """The COA ledger of every gemeente of the provincie with a stored row on ``peildatum``."""
    provincie = _provincie(provincie_naam)
    opgeslagen = list(
        CoaRij.objects.actueel()
        .filter(gemeente__provincie=provincie, peildatum=peildatum)
        .select_related("gemeente")
        .order_by("gemeente__naam")
    )
    if not opgeslagen:
        bekend = sorted(
            set(
                CoaRij.objects.actueel()
                .filter(gemeente__provincie=provincie)
                .values_list("peildatum", flat=True)
            ),
            reverse=True,
        )
        raise _niet_opgeslagen("COA-overzicht", provincie, peildatum, bekend)
    rijen = tuple(
        StatushoudersRij(r.gemeente.naam, r.gemeente.cbs_code, stand_vergunninghouders(r.invoer()))
        for r in opgeslagen
    )
    totaal = StatushoudersRij("Totaal", "", totaal_vergunninghouders(r.stand for r in rijen))
    return Tabel(
        titel="Huisvesting vergunninghouders",
        provincie=provincie.naam,
        peildatum=peildatum,
        kolommen=STATUSHOUDERS_KOLOMMEN,
        rijen=rijen,
        totaal=totaal,
        json={
            "provincie": provincie.naam,
            "peildatum": peildatum.isoformat(),
            "gemeenten": [
                {"gemeente": r.gemeente, "cbs_code": r.cbs_code, **_stand_json(r.stand)}
                for r in rijen
            ],
            "totaal": _stand_json(totaal.stand),
        },
    )


# --- stand -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StandCel:
    opgave: int | None
    realisatie: int | None
    verschil: int | None
    realisatie_peildatum: dt.date | None = None
    """The figure's own peildatum (older than the stand's when the gemeente did not deliver)."""
    status: str | None = None
    """actueel, ouder or niet_aangeleverd (``domain.laatst_bekend.Status``)."""

    def json(self) -> dict[str, int | str | None]:
        return {
            "opgave": self.opgave,
            "realisatie": self.realisatie,
            "verschil": self.verschil,
            "realisatie_peildatum": (
                self.realisatie_peildatum.isoformat() if self.realisatie_peildatum else None
            ),
            "status": self.status,
        }


@dataclass(frozen=True)
class StandRij:
    gemeente: str
    cbs_code: str
    cellen: dict[str, StandCel]
    dekking: dict[str, Dekking] | None = None
    """Only the totaal: per soort how complete the figures are."""


SOORT_KOPPEN = {"oekraine": "Oekraïne", "regulier": "Regulier", "amv": "AMV"}


def _cel(soort: str, veld: str) -> Callable[[Any], int | None]:
    return lambda r: getattr(r.cellen[soort], veld)


def _peildatum_cel(soort: str) -> Callable[[Any], str | None]:
    def waarde(r: Any) -> str | None:
        datum = r.cellen[soort].realisatie_peildatum
        return opmaak.datum(datum) if datum else None

    return waarde


def _status_cel(soort: str) -> Callable[[Any], str | None]:
    def waarde(r: Any) -> str | None:
        if r.dekking is not None:  # the totaal: how complete the soort is
            return str(r.dekking[soort].volledige_tekst)
        status = r.cellen[soort].status
        return Status(status).label if status else None

    return waarde


STAND_KOLOMMEN = (
    Kolom("Gemeente", lambda r: r.gemeente, getal=False),
    Kolom("CBS-code", lambda r: r.cbs_code, getal=False),
    *(
        Kolom(f"{SOORT_KOPPEN[soort]} {veld}", _cel(soort, veld), verschil=veld == "verschil")
        for soort, _, _ in TABEL_SOORTEN
        for veld in ("opgave", "realisatie", "verschil")
    ),
    # Added (issue 16): the figure's own peildatum and its status, after the existing columns.
    *(
        kolom
        for soort, _, _ in TABEL_SOORTEN
        for kolom in (
            Kolom(
                f"{SOORT_KOPPEN[soort]} peildatum realisatie", _peildatum_cel(soort), getal=False
            ),
            Kolom(f"{SOORT_KOPPEN[soort]} status", _status_cel(soort), getal=False),
        )
    ),
)


def _dekking_json(d: Dekking, t: SoortTotaal) -> dict[str, Any]:
    return {
        "gemeenten": d.gemeenten,
        "actueel": d.actueel,
        "ouder": d.ouder,
        "niet_aangeleverd": d.niet_aangeleverd,
        "volledig": d.volledig,
        "tekst": d.volledige_tekst,
        "verschil_over_gemeenten": t.met_verschil,
    }


def stand(provincie_naam: str, peildatum: dt.date, bekend_op: dt.date | None = None) -> Tabel:
    """Opgave, realisatie and verschil per gemeente and soort, as the Stand van zaken shows them
    (as known now, or at the end of day ``bekend_op``).

    Each gemeente's latest figure up to the peildatum, with its own peildatum and status
    (actueel, ouder, niet_aangeleverd); a missing figure is null, never 0, and has no verschil.
    A soort without opgave and realisatie for a gemeente (a "–" on the page) has nulls.
    """
    provincie = _provincie(provincie_naam)
    bekend = peildata(provincie, bekend_op)
    if peildatum.day != 1 or peildatum not in bekend:
        raise _niet_opgeslagen("stand", provincie, peildatum, bekend)
    svz = stand_van_zaken(provincie, peildatum, bekend_op)
    soorten = [k.soort for k in svz.kolommen]
    rijen = tuple(
        StandRij(
            r.gemeente.naam,
            r.gemeente.cbs_code,
            {
                soort: StandCel(None, None, None)
                if cel.leeg
                else StandCel(
                    cel.opgave,
                    cel.realisatie,
                    cel.verschil,
                    cel.realisatie_peildatum,
                    str(cel.status),
                )
                for soort, cel in zip(soorten, r.cellen, strict=True)
            },
        )
        for r in svz.rijen
    )
    totaal = StandRij(
        "Totaal",
        "",
        {
            k.soort: StandCel(k.totaal.opgave, k.totaal.realisatie, k.totaal.verschil)
            for k in svz.kolommen
        },
        dekking={k.soort: k.dekking for k in svz.kolommen},
    )
    return Tabel(
        titel="Stand van zaken realisatie opgaven",
        provincie=provincie.naam,
        peildatum=peildatum,
        kolommen=STAND_KOLOMMEN,
        rijen=rijen,
        totaal=totaal,
        json={
            "provincie": provincie.naam,
            "peildatum": peildatum.isoformat(),
            "bekend_op": bekend_op.isoformat() if bekend_op else None,
            "volledig": svz.volledig,
            "gemeenten": [
                {
                    "gemeente": r.gemeente,
                    "cbs_code": r.cbs_code,
                    **{s: c.json() for s, c in r.cellen.items()},
                }
                for r in rijen
            ],
            "totaal": {
                k.soort: {
                    **totaal.cellen[k.soort].json(),
                    "dekking": _dekking_json(k.dekking, k.totaal),
                }
                for k in svz.kolommen
            },
        },
        bekend_op=bekend_op,
    )


# --- rendering -------------------------------------------------------------------------


def als_csv(tabel: Tabel) -> str:
    """Semicolon-separated (core.csvexport: as Dutch spreadsheets expect, no cell a formula),
    a header row, the rows, the totaal."""
    return csvexport.csv_tekst(
        (k.kop for k in tabel.kolommen),
        ([k.waarde(rij) for k in tabel.kolommen] for rij in (*tabel.rijen, tabel.totaal)),
    )


def _bekend(tabel: Tabel) -> str:
    return f", zoals bekend op {opmaak.datum(tabel.bekend_op)}" if tabel.bekend_op else ""


def als_tabel(tabel: Tabel) -> KernTabel:
    """The export as a ``core.tabel.Tabel``: the rows, and a total row of SUM formulas."""
    kolommen = tuple(
        KernKolom(
            kolom.kop,
            "verschil" if kolom.verschil else "getal" if kolom.getal else "tekst",
            som=kolom.getal,
            breedte=20 if i == 0 else 12,
        )
        for i, kolom in enumerate(tabel.kolommen)
    )
    return KernTabel(
        sleutel=tabel.titel[:31],
        titel=f"{tabel.titel}, provincie {tabel.provincie}",
        bijschrift=f"Peildatum {opmaak.datum(tabel.peildatum)}{_bekend(tabel)}.",
        kolommen=kolommen,
        rijen=tuple(tuple(k.waarde(rij) for k in tabel.kolommen) for rij in tabel.rijen),
        totaal=("Totaal", *([None] * (len(kolommen) - 1))),
        breed=True,
    )


def als_xlsx(tabel: Tabel) -> bytes:
    """A workbook (core.xlsx): title and peildatum, a frozen header row, number formats,
    totals as formulas."""
    kern = als_tabel(tabel)
    titel = f"{tabel.titel} — provincie {tabel.provincie}"
    wb = excel.nieuw_werkboek(titel=titel, onderwerp=f"Peildatum {opmaak.datum(tabel.peildatum)}")
    ws: Any = wb.active
    ws.title = excel.bladnaam(kern)
    excel.blad(
        ws,
        kern,
        voettekst=f"{titel}, peildatum {opmaak.datum(tabel.peildatum)}{_bekend(tabel)}",
        koptekst=(titel, f"Peildatum: {opmaak.datum(tabel.peildatum)}{_bekend(tabel)}"),
    )
    return excel.opslaan(wb)


EXPORTS: dict[str, Callable[..., Tabel]] = {
    "statushouders": statushouders,
    "stand": stand,
}

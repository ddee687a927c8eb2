"""The targets of the bench (issue 20): one list, judged and printed in one place.

Every measurement that has a target reports it here with ``meld(naam, waarde)``; the bench
modules (``bench.landelijk``, ``bench.rapport``, ``bench.aanlevering``, …) each run in a
process of their own, so the results are kept in ``var/bench.json`` under ``"targets"``:

    {"targets": [{"naam", "waarde", "doel", "gehaald", …}], …}

``python -m bench`` empties that list when it starts and prints every target of ``DOELEN``
at the end with *gehaald* or *niet gehaald* beside its figure. A target that was not
measured in the run (its module failed, or nobody measures it yet) is printed as *niet
gemeten* and counts as *niet gehaald*: a target is never left out of the table.

To add a target: append a ``Doel`` to ``DOELEN`` (a unique ``naam``) and call ``meld`` with
that name where it is measured.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import dataclass
from typing import Any

from bench.meten import UITVOER, lees, schrijf

__all__ = ["DOELEN", "UITVOER", "Doel", "begin", "getal", "meld", "tabel", "uitslagen"]


@dataclass(frozen=True)
class Doel:
    naam: str
    """Unique key, also in ``var/bench.json``."""
    omschrijving: str
    """Dutch: what is measured, and against what."""
    doel: float
    """The bound: ``waarde ≤ doel`` (or ``≥`` with ``hoogstens=False``)."""
    eenheid: str
    """``×`` (a ratio to a baseline of the same run), ``s``, ``fouten``, ``queries``."""
    punt: str
    """The point of issue 20 the target belongs to."""
    hoogstens: bool = True

    def gehaald(self, waarde: float | None) -> bool:
        if waarde is None or math.isnan(waarde):
            return False
        return waarde <= self.doel if self.hoogstens else waarde >= self.doel

    @property
    def doel_tekst(self) -> str:
        return f"{'≤' if self.hoogstens else '≥'} {getal(self.doel)}{_eenheid(self.eenheid)}"


TRIVIAAL = "de triviale view /landelijk/ping/ in dezelfde belastingtest"

DOELEN: tuple[Doel, ...] = (
    # --- Point 1: the dashboard (bench.landelijk, locust against gunicorn) ----------------
    Doel(
        "dashboard_koud_p95",
        "Stand van zaken Noord-Brabant koud (server zonder cache, elk verzoek een andere "
        f"peildatum): p95 gedeeld door p95 van {TRIVIAAL}",
        3,
        "×",
        "1",
    ),
    Doel(
        "dashboard_warm_p95",
        "Stand van zaken Noord-Brabant warm (cache aan, per gebruiker steeds dezelfde pagina): "
        f"p95 gedeeld door p95 van {TRIVIAAL}",
        1.5,
        "×",
        "1",
    ),
    Doel(
        "belasting_fouten",
        "Fouten (status ≠ 200) in alle fasen van de belastingtest (20 gebruikers, elk met een "
        "eigen sessie)",
        0,
        "fouten",
        "1",
    ),
    # --- Point 2: the national pages, cold (bench.landelijk) ------------------------------
    Doel(
        "trends_koud_p95",
        f"/trends/ Noord-Brabant koud: p95 gedeeld door p95 van {TRIVIAAL}",
        5,
        "×",
        "2",
    ),
    Doel(
        "kaart_nederland_koud_p95",
        f"/kaart/nederland/ koud: p95 gedeeld door p95 van {TRIVIAAL}",
        5,
        "×",
        "2",
    ),
    Doel(
        "capaciteit_koud_p95",
        f"/locaties/capaciteit/ Noord-Brabant koud: p95 gedeeld door p95 van {TRIVIAAL}",
        5,
        "×",
        "2",
    ),
    Doel(
        "landelijk_koud_p95",
        f"/landelijk/ koud: p95 gedeeld door p95 van {TRIVIAAL}",
        5,
        "×",
        "2",
    ),
    Doel(
        "grafieken_koud_p95",
        "De grafieken van /trends/ en /locaties/capaciteit/ Noord-Brabant, elk een eigen URL "
        f"(opgeslagen per inhoud, zoals een bewaard document): p95 gedeeld door p95 van {TRIVIAAL}",
        2,
        "×",
        "2",
    ),
    Doel(
        "queries_onafhankelijk",
        "Pagina's waarvan het aantal queries (cache leeg) verschilt tussen Drenthe (12 "
        "gemeenten) en Noord-Brabant (56 gemeenten, 60 peildata), of tussen 1 en 12 provincies",
        0,
        "pagina's",
        "2",
    ),
    # --- Points 4–6: documents, imports, CLI (the documenten helper measures these) -------
    Doel(
        "document_bewaard",
        f"Een bewaard document (zelfde gegevensversie) serveren, gedeeld door {TRIVIAAL}",
        2,
        "×",
        "4",
    ),
    Doel(
        "stand_pdf_noord_brabant_koud",
        "Stand van zaken Noord-Brabant als PDF, koud",
        2,
        "s",
        "4",
    ),
    Doel(
        "stand_pdf_landelijk",
        "Landelijke stand van zaken (342 gemeenten) als PDF",
        10,
        "s",
        "4",
    ),
    Doel("import_coa_342", "COA-import van 342 rijen", 1, "s", "5"),
    Doel("import_realisatie_5000", "Realisatie-import van 5.000 rijen", 2, "s", "5"),
    Doel("cli_start", "Langzaamste start van een regietafel-commando", 0.5, "s", "6"),
)

_PER_NAAM = {d.naam: d for d in DOELEN}
if len(_PER_NAAM) != len(DOELEN):
    raise RuntimeError("bench.doelen: een naam staat twee keer in DOELEN")


def getal(waarde: float) -> str:
    """Dutch notation: 1.234,56 (at most two decimals, none for whole numbers)."""
    if float(waarde).is_integer():
        return f"{int(waarde):,}".replace(",", ".")
    tekst = f"{waarde:,.2f}".rstrip("0").rstrip(".")
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")


def _eenheid(eenheid: str) -> str:
    return eenheid if eenheid in ("×",) else f" {eenheid}"


def begin() -> None:
    """A new run: forget the targets of earlier runs (their figures are not this run's)."""
    inhoud = lees()
    inhoud["targets"] = []
    schrijf(inhoud)


def meld(
    naam: str,
    waarde: float | None,
    toelichting: str = "",
    *,
    meting: str = "",
    basis: str = "",
) -> dict[str, Any]:
    """Judge ``waarde`` against the target ``naam`` and keep the result in var/bench.json
    (replacing an earlier result of the same target). ``None``: measured, but no figure came
    out (it counts as niet gehaald); say why in ``toelichting``. For a ratio, ``meting`` and
    ``basis`` are its two figures as text (``"p95 1.234 ms"``, ``"p95 41 ms"``): the table
    prints them beside the ratio."""
    doel = _PER_NAAM[naam]
    uitslag = {
        "naam": naam,
        "waarde": waarde,
        "meting": meting,
        "basis": basis,
        "doel": doel.doel,
        "gehaald": doel.gehaald(waarde),
        "eenheid": doel.eenheid,
        "vergelijking": "<=" if doel.hoogstens else ">=",
        "omschrijving": doel.omschrijving,
        "punt": doel.punt,
        "toelichting": toelichting,
        "gemeten": dt.datetime.fromtimestamp(time.time(), dt.UTC).isoformat(timespec="seconds"),
    }
    inhoud = lees()
    inhoud["targets"] = [
        t for t in inhoud.get("targets", []) if isinstance(t, dict) and t.get("naam") != naam
    ] + [uitslag]
    schrijf(inhoud)
    return uitslag


def uitslagen() -> list[dict[str, Any]]:
    """Every target of ``DOELEN`` in its order, measured or not (then waarde None,
    gehaald False, toelichting "niet gemeten")."""
    gemeten = {t.get("naam"): t for t in lees().get("targets", []) if isinstance(t, dict)}
    uit = []
    for doel in DOELEN:
        if doel.naam in gemeten:
            uit.append(gemeten[doel.naam])
        else:
            uit.append(
                {
                    "naam": doel.naam,
                    "waarde": None,
                    "doel": doel.doel,
                    "gehaald": False,
                    "eenheid": doel.eenheid,
                    "vergelijking": "<=" if doel.hoogstens else ">=",
                    "omschrijving": doel.omschrijving,
                    "punt": doel.punt,
                    "toelichting": "niet gemeten",
                }
            )
    return uit


def tabel(rijen: list[dict[str, Any]] | None = None) -> str:
    """The targets as a text table: punt, naam, waarde, grens, gehaald / niet gehaald, and
    for a ratio its figure and baseline (meting / basis), then the explanation."""
    rijen = uitslagen() if rijen is None else rijen
    regels = [
        f"{'punt':<5}{'doel':<30}{'waarde':>12}  {'grens':<15}{'oordeel':<14}"
        f"{'meting':<18}{'basis':<18}toelichting",
        "-" * 130,
    ]
    for r in rijen:
        doel = _PER_NAAM.get(r["naam"])
        eenheid = _eenheid(r.get("eenheid", ""))
        waarde = "–" if r["waarde"] is None else f"{getal(r['waarde'])}{eenheid}"
        grens = doel.doel_tekst if doel else str(r["doel"])
        oordeel = "gehaald" if r["gehaald"] else "NIET GEHAALD"
        regels.append(
            f"{r.get('punt', ''):<5}{r['naam']:<30}{waarde:>12}  {grens:<15}{oordeel:<14}"
            f"{r.get('meting') or '–':<18}{r.get('basis') or '–':<18}{r.get('toelichting', '')}"
        )
    gehaald = sum(1 for r in rijen if r["gehaald"])
    regels.append("-" * 130)
    regels.append(f"{gehaald} van {len(rijen)} doelen gehaald.")
    return "\n".join(regels)

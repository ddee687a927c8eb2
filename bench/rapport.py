"""``python -m bench.rapport`` (also run by ``python -m bench``): the reports of issue 6.

On a throwaway SQLite database with the Drenthe demo it times the Stand van zaken per
1-11-2025 as PDF (WeasyPrint), Word and Excel, and the provinciaal verslag 2024 as PDF,
each against the baseline of rendering the same report as HTML (query + document + template:
what the page costs). Warm timings, the median of HERHALINGEN runs (min and max beside it in
var/bench.json); the first (cold) PDF, which loads fonts, is reported separately. The budget
for the Stand van zaken PDF is 2 seconds.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.meten import UITVOER, bewaar, herhalingen, meting, tijden

HERHALINGEN = herhalingen(5)
BUDGET_PDF = 2.0


def _django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from regietafel.demo.services import laad_drenthe

    call_command("migrate", verbosity=0)
    laad_drenthe()


def meet_rapporten() -> dict[str, dict[str, Any]]:
    from regietafel.gemeenten.models import Provincie
    from regietafel.monitoring.queries import stand_van_zaken
    from regietafel.opgaven.models import Cyclus
    from regietafel.rapportage import bouwen, pdf, rekenblad, woord
    from regietafel.rapportage.queries import verslag
    from regietafel.rapportage.verslag import verslag_document_uit

    provincie = Provincie.objects.get(naam="Drenthe")
    cyclus = Cyclus.objects.get(soort="spreidingswet", jaar=2024)
    peildatum = dt.date(2025, 11, 1)

    def stand() -> Any:
        return bouwen.stand_document_uit(stand_van_zaken(provincie, peildatum))

    def verslag_document() -> Any:
        return verslag_document_uit(verslag(provincie, cyclus))

    begin = time.perf_counter()
    pdf.pdf(stand())
    koud = time.perf_counter() - begin

    html = statistics.median(tijden(lambda: pdf.html(stand()), 9))
    resultaten: dict[str, dict[str, Any]] = {
        "rapport_stand_van_zaken_pdf": meting(tijden(lambda: pdf.pdf(stand()), HERHALINGEN), html),
        "rapport_stand_van_zaken_docx": meting(
            tijden(lambda: woord.docx(stand()), HERHALINGEN), html
        ),
        "rapport_stand_van_zaken_xlsx": meting(
            tijden(lambda: rekenblad.xlsx(stand()), HERHALINGEN), html
        ),
    }
    verslag_html = statistics.median(tijden(lambda: pdf.html(verslag_document()), 9))
    resultaten["rapport_verslag_pdf"] = meting(
        tijden(lambda: pdf.pdf(verslag_document()), HERHALINGEN), verslag_html
    )
    resultaten["rapport_stand_van_zaken_pdf"].update(
        {
            "cold_seconds": koud,
            "budget_seconds": BUDGET_PDF,
            "within_budget": resultaten["rapport_stand_van_zaken_pdf"]["seconds"] < BUDGET_PDF,
        }
    )
    return resultaten


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="regietafel-bench-") as map_:
        _django(Path(map_) / "bench.sqlite3")
        resultaten = meet_rapporten()
        from django.db import connections

        connections.close_all()
    kop = f"{'benchmark':<30}{'seconden':>10}{'basis (HTML)':>14}{'verhouding':>12}"
    print(kop)
    print("-" * len(kop))
    for naam, r in resultaten.items():
        print(f"{naam:<30}{r['seconds']:>10.3f}{r['baseline_seconds']:>14.3f}{r['ratio']:>11.1f}×")
    pdf = resultaten["rapport_stand_van_zaken_pdf"]
    oordeel = "binnen" if pdf["within_budget"] else "BOVEN"
    print()
    print(
        f"Stand van zaken Drenthe als PDF: {pdf['seconds']:.2f} s warm, {pdf['cold_seconds']:.2f} s "
        f"koud (eerste keer in het proces: WeasyPrint importeren, lettertypen laden); {oordeel} het budget van "
        f"{BUDGET_PDF:.0f} s. Basis: dezelfde rapportage als HTML (query, document, template). "
        f"mediaan van {HERHALINGEN} herhalingen. Geschreven: {UITVOER}"
    )
    bewaar(resultaten)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m bench.landelijk`` (also run by ``python -m bench``): the national dataset.

On a throwaway SQLite database under var/ (or the PostgreSQL of ``DATABASE_URL``) it loads
the Drenthe demo and the synthetic national demo (12 provincies, 342 gemeenten, 60 monthly
peildata), then measures, each against a baseline in the same run:

- demo_landelijk — loading the national demo; baseline: generating its rows in Python (plan).
- dashboard — the Stand van zaken page (``/?provincie=PV30``, Noord-Brabant: the provincie
  with the most gemeenten, 56) with an empty cache; dashboard_cached — the same page warm;
  trends — ``/trends/?provincie=PV30`` cold; landelijk_overzicht — ``/landelijk/`` cold.
  Baseline of the pages: the trivial view ``/landelijk/ping/`` (session and user only).
- import_inwoners_342 — ``regietafel import inwoners``: a StatLine 03759ned CSV with all 342
  gemeenten, stored and rolled back; baseline: reading and checking the same file only.
- stand_van_zaken_pdf_national — the Stand van zaken PDF of Noord-Brabant (the national
  scale of a provincial report), {"seconds"} only; the table shows its HTML baseline.
- queries — the SQL queries of every page with an empty cache, for Drenthe (12 gemeenten,
  1 peildatum) and Noord-Brabant (56 gemeenten, 60 peildata): the counts must be equal.
- load — gunicorn with 2 workers and production settings on loopback (DEBUG off, a generated
  SECRET_KEY, whitenoise), locust headless: 20 logged-in users (session cookie) for 60 s on
  the dashboard, then 20 users for 60 s on the trivial view, each on its own so neither
  view's latency hides in the other's queue; p50/p95/p99 per view, throughput (all requests
  over the 120 s) and errors.
"""

from __future__ import annotations

import csv
import io
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.rapport import beste, bewaar

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
DATABASE = VAR / "bench-landelijk.sqlite3"
BIN = Path(sys.executable).parent
NATIONAAL = "PV30"  # Noord-Brabant: 56 gemeenten
HERHALINGEN = 5
GEBRUIKERS = 20
DUUR = 60
WORKERS = 2
SECRET_KEY = secrets.token_urlsafe(50)
BUDGET_PDF = 10.0

PAGINAS = [
    "/",
    f"/?provincie={NATIONAAL}",
    "/trends/",
    f"/trends/?provincie={NATIONAAL}",
    "/trends/GM0106/",
    "/landelijk/",
    "/landelijk/ping/",
    "/inzendingen/",
    "/locaties/",
    "/verdeling/",
    "/rapportage/",
    "/aanlevering/",
    "/kaart/",
    "/kaart/nederland/",
    "/historie/",
    "/overleg/",
    "/verzoeken/",
    "/toezicht/",
    "/woo/",
]


def _database_url() -> str:
    if url := os.environ.get("DATABASE_URL"):
        return url
    VAR.mkdir(parents=True, exist_ok=True)
    for pad in (DATABASE, Path(f"{DATABASE}-journal"), Path(f"{DATABASE}-wal")):
        pad.unlink(missing_ok=True)
    return f"sqlite:///{DATABASE}"


def _django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["SECRET_KEY"] = SECRET_KEY  # the same key as the gunicorn of the load test
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def laden() -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    from regietafel.demo import landelijk as demo
    from regietafel.gemeenten.models import Gemeente, Provincie
    from regietafel.opgaven.models import Cyclus

    uitkomst = demo.laad()
    drenthe = Provincie.objects.get(naam="Drenthe")
    provincies = list(Provincie.objects.exclude(pk=drenthe.pk))
    gemeenten = list(Gemeente.objects.exclude(provincie=drenthe))
    cycli = {c.code: c for c in Cyclus.objects.all()}
    basis = beste(lambda: demo.plan(provincies, gemeenten, cycli), 3)
    opnieuw = demo.laad()
    assert opnieuw.totaal == 0, opnieuw.wijzigingen
    return (
        {
            "demo_landelijk": {
                "seconds": uitkomst.seconden,
                "baseline_seconds": basis,
                "ratio": uitkomst.seconden / basis,
            }
        },
        uitkomst.wijzigingen,
    )


def _gebruikers() -> tuple[Any, Any]:
    from regietafel.accounts.models import Gebruiker, Rol
    from regietafel.demo.services import maak_demo_accounts

    maak_demo_accounts()
    landelijk, _ = Gebruiker.objects.get_or_create(
        username="bench-landelijk", defaults={"rol": Rol.LEZER, "landelijk": True}
    )
    return landelijk, Gebruiker.objects.get(username="secretariaat")


def _client(gebruiker: Any) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(gebruiker)
    return client


def paginas(landelijk: Any) -> dict[str, dict[str, Any]]:
    from django.core.cache import cache

    client = _client(landelijk)

    def haal(pad: str, koud: bool = True) -> None:
        if koud:
            cache.clear()
        antwoord = client.get(pad)
        assert antwoord.status_code == 200, (pad, antwoord.status_code)

    haal("/landelijk/ping/")
    basis = beste(lambda: haal("/landelijk/ping/"), 20)
    metingen = {
        "dashboard": beste(lambda: haal(f"/?provincie={NATIONAAL}")),
        "dashboard_cached": beste(lambda: haal(f"/?provincie={NATIONAAL}", koud=False)),
        "trends": beste(lambda: haal(f"/trends/?provincie={NATIONAAL}")),
        "landelijk_overzicht": beste(lambda: haal("/landelijk/"), 3),
    }
    return {
        naam: {"seconds": s, "baseline_seconds": basis, "ratio": s / basis}
        for naam, s in metingen.items()
    }


def queries(landelijk: Any, secretariaat: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Queries per page (empty cache); pages that do not answer 200 are listed apart."""
    import logging

    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the expected 403s
    tellingen: dict[str, int] = {}
    overgeslagen: dict[str, int] = {}
    for gebruiker, achtervoegsel in ((secretariaat, " (secretariaat Drenthe)"), (landelijk, "")):
        client = _client(gebruiker)
        for pad in PAGINAS:
            if gebruiker is secretariaat and ("provincie=" in pad or pad == "/landelijk/"):
                continue
            client.get(pad)  # a national user's choice of provincie is written once
            cache.clear()
            with CaptureQueriesContext(connection) as ctx:
                antwoord = client.get(pad)
            if antwoord.status_code == 200:
                tellingen[pad + achtervoegsel] = len(ctx.captured_queries)
            else:
                overgeslagen[pad + achtervoegsel] = antwoord.status_code
    return tellingen, overgeslagen


def statline_csv() -> bytes:
    """A StatLine 03759ned export (CSV) of 1-1-2026 for all 342 gemeenten. Deterministic."""
    from regietafel.gemeenten.models import Gemeente

    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(["Perioden", "Regio's", "Bevolking op 1 januari (aantal)"])
    w.writerow(["2026", "Nederland", "18100000"])
    for i, g in enumerate(Gemeente.objects.order_by("cbs_code")):
        naam = f"{g.naam} (gemeente)" if g.naam in ("Groningen", "Utrecht") else g.naam
        w.writerow(["2026", naam if i % 3 else g.cbs_code, str(10_000 + i * 517)])
    return uit.getvalue().encode("utf-8-sig")


def importeren() -> dict[str, dict[str, Any]]:
    from django.db import transaction

    from regietafel.gemeenten.inwoners import importeer_inwoners, lees_inwoners

    data = statline_csv()

    def lezen() -> None:
        u = lees_inwoners(data, "03759ned.csv")
        assert not u.fouten and len(u.rijen) == 342, u.fouten[:3]

    def schrijven() -> None:
        with transaction.atomic():
            u = importeer_inwoners(data, door=None, bestandsnaam="03759ned.csv")
            assert not u.fouten and u.nieuw == 342, (u.fouten[:3], u.nieuw)
            transaction.set_rollback(True)

    basis = beste(lezen)
    s = beste(schrijven)
    return {"import_inwoners_342": {"seconds": s, "baseline_seconds": basis, "ratio": s / basis}}


def pdf_nationaal() -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    from regietafel.gemeenten.models import Provincie
    from regietafel.monitoring.queries import bereken_stand_van_zaken
    from regietafel.rapportage import bouwen, pdf

    provincie = Provincie.objects.get(code=NATIONAAL)

    def document() -> Any:
        return bouwen.stand_document_uit(bereken_stand_van_zaken(provincie))

    pdf.pdf(document())  # cold: fonts
    html = beste(lambda: pdf.html(document()), 3)
    s = beste(lambda: pdf.pdf(document()), 3)
    return (
        {"stand_van_zaken_pdf_national": {"seconds": s}},
        {"seconds": s, "baseline_seconds": html, "ratio": s / html},
    )


# --- Load test ---------------------------------------------------------------------------


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sessie_cookie(gebruiker: Any) -> str:
    from django.conf import settings

    client = _client(gebruiker)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _locust(basis: str, cookie: str, pad: str) -> dict[str, str]:
    """One phase: GEBRUIKERS users asking ``pad`` for DUUR seconds; locust's aggregated row."""
    with tempfile.TemporaryDirectory(prefix="regietafel-locust-") as map_:
        prefix = Path(map_) / "locust"
        subprocess.run(
            [
                BIN / "locust",
                "-f",
                ROOT / "bench" / "locustfile.py",
                "--headless",
                "--users",
                str(GEBRUIKERS),
                "--spawn-rate",
                str(GEBRUIKERS),
                "--run-time",
                f"{DUUR}s",
                "--host",
                basis,
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--exit-code-on-error",
                "0",
            ],
            env={**os.environ, "BENCH_COOKIE": cookie, "BENCH_PAD": pad},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with open(f"{prefix}_stats.csv", encoding="utf-8") as fh:
            return next(r for r in csv.DictReader(fh) if r["Name"] == "Aggregated")


def belasting(landelijk: Any, url: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    cookie = _sessie_cookie(landelijk)
    poort = _vrije_poort()
    omgeving = {
        **os.environ,
        "REGIETAFEL_ENV": "production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": url,
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        "LOG_LEVEL": "ERROR",
    }
    subprocess.run(
        [BIN / "regietafel", "collectstatic", "--noinput", "-v0"], env=omgeving, check=True
    )
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "regietafel.wsgi:application",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env=omgeving,
        cwd=ROOT,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(basis + "/account/inloggen/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn start niet")
        # Warm up both workers (imports, the first render, the cache).
        for pad in (f"/?provincie={NATIONAAL}", "/landelijk/ping/") * 6:
            verzoek = urllib.request.Request(basis + pad, headers={"Cookie": cookie})
            with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
                assert antwoord.status == 200 and antwoord.geturl().endswith(pad), antwoord.geturl()
        fasen = {
            "dashboard": _locust(basis, cookie, f"/?provincie={NATIONAAL}"),
            "trivial": _locust(basis, cookie, "/landelijk/ping/"),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    aantal = sum(int(r["Request Count"]) for r in fasen.values())
    load = {
        "dashboard_p95_ms": float(fasen["dashboard"]["95%"]),
        "trivial_p95_ms": float(fasen["trivial"]["95%"]),
        "errors": sum(int(r["Failure Count"]) for r in fasen.values()),
        "requests_per_s": aantal / (DUUR * len(fasen)),
    }
    detail = [
        {
            "naam": naam,
            "aantal": int(r["Request Count"]),
            "fouten": int(r["Failure Count"]),
            "per_s": float(r["Requests/s"]),
            "p50": float(r["50%"]),
            "p95": float(r["95%"]),
            "p99": float(r["99%"]),
        }
        for naam, r in fasen.items()
    ]
    return load, detail


def main() -> int:
    eigen_database = "DATABASE_URL" not in os.environ
    try:
        return _main()
    finally:
        if eigen_database:
            for pad in (DATABASE, Path(f"{DATABASE}-journal"), Path(f"{DATABASE}-wal")):
                pad.unlink(missing_ok=True)


def _main() -> int:
    url = _database_url()
    _django(url)
    print(f"Landelijke dataset laden in {url.split('://')[0]} …", flush=True)
    resultaten, aantallen = laden()
    landelijk, secretariaat = _gebruikers()
    resultaten.update(paginas(landelijk))
    resultaten.update(importeren())
    nationaal_pdf, pdf_detail = pdf_nationaal()
    tellingen, overgeslagen = queries(landelijk, secretariaat)
    from django.db import connections

    connections.close_all()
    print(
        f"Belasting met {BIN / 'gunicorn'} ({WORKERS} workers) en locust: {GEBRUIKERS} gebruikers, "
        f"{DUUR} s dashboard en {DUUR} s triviale view …",
        flush=True,
    )
    load, detail = belasting(landelijk, url)

    kop = f"{'benchmark':<28}{'seconden':>10}{'basis':>10}{'verhouding':>12}  basis"
    print()
    print(kop)
    print("-" * (len(kop) + 30))
    bases = {
        "demo_landelijk": "rijen genereren (Python)",
        "import_inwoners_342": "bestand lezen en controleren",
    }
    for naam, r in resultaten.items():
        print(
            f"{naam:<28}{r['seconds']:>10.3f}{r['baseline_seconds']:>10.4f}{r['ratio']:>11.1f}×  "
            f"{bases.get(naam, '/landelijk/ping/ (triviale view)')}"
        )
    print(
        f"{'stand_van_zaken_pdf_national':<28}{pdf_detail['seconds']:>10.3f}"
        f"{pdf_detail['baseline_seconds']:>10.4f}{pdf_detail['ratio']:>11.1f}×  "
        f"dezelfde rapportage als HTML (Noord-Brabant, 56 gemeenten); budget {BUDGET_PDF:.0f} s: "
        f"{'gehaald' if pdf_detail['seconds'] < BUDGET_PDF else 'NIET GEHAALD'}"
    )
    print()
    print(
        "Geladen (synthetisch): "
        + ", ".join(f"{n:,} {w}".replace(",", ".") for w, n in aantallen.items())
    )
    print()
    print(f"{'pagina (cache leeg)':<50}{'queries':>8}")
    print("-" * 58)
    for pad, n in tellingen.items():
        print(f"{pad:<50}{n:>8}")
    for pad, status in overgeslagen.items():
        print(f"{pad:<50}{'status ' + str(status):>8}")
    gelijk = tellingen.get("/ (secretariaat Drenthe)") == tellingen.get(f"/?provincie={NATIONAAL}")
    print(
        f"Stand van zaken: Drenthe (12 gemeenten, 1 peildatum) en Noord-Brabant (56 gemeenten, "
        f"60 peildata) {'evenveel' if gelijk else 'NIET evenveel'} queries."
    )
    print()
    print(
        f"{'belasting (' + str(GEBRUIKERS) + ' gebruikers, ' + str(DUUR) + ' s)':<26}{'verzoeken':>10}{'fouten':>8}{'per s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
    )
    print("-" * 76)
    for d in detail:
        print(
            f"{d['naam']:<26}{d['aantal']:>10}{d['fouten']:>8}{d['per_s']:>8.1f}{d['p50']:>8.0f}{d['p95']:>8.0f}{d['p99']:>8.0f}"
        )
    verhouding = load["dashboard_p95_ms"] / max(load["trivial_p95_ms"], 1)
    gehaald = verhouding <= 5 and load["errors"] == 0
    print(
        f"dashboard (/?provincie={NATIONAAL}) p95 / triviaal (/landelijk/ping/) p95 = "
        f"{verhouding:.2f} (doel ≤ 5) met {load['errors']} fouten (doel 0): "
        f"{'gehaald' if gehaald else 'NIET GEHAALD'}; {load['requests_per_s']:.1f} verzoeken/s "
        f"over beide fasen; gunicorn {WORKERS} workers, productie-instellingen, DEBUG uit, "
        "whitenoise."
    )
    bewaar({**resultaten, **nationaal_pdf, "queries": tellingen, "load": load})
    print(f"Geschreven: {VAR / 'bench.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m bench.landelijk`` (also run by ``python -m bench``): the national dataset.

On a throwaway SQLite database under var/ (or the PostgreSQL of ``DATABASE_URL``) it loads
the Drenthe demo and the synthetic national demo (12 provincies, 342 gemeenten, 60 monthly
peildata), then measures, each against a baseline in the same run:

- demo_landelijk — loading the national demo; baseline: generating its rows in Python (plan).
- pages in-process (Django's test client, one national user): the median of HERHALINGEN
  requests of each page with the cache emptied before every request (cold), and the
  dashboard warm; baseline: the trivial view ``/landelijk/ping/`` (session and user only).
- import_inwoners_342 — ``regietafel import inwoners``: a StatLine 03759ned CSV with all 342
  gemeenten, stored and rolled back; baseline: reading and checking the same file only.
- stand_van_zaken_pdf_national — the Stand van zaken PDF of Noord-Brabant (the national
  scale of a provincial report), {"seconds"} only; the table shows its HTML baseline.
- queries — the SQL queries of every page with an empty cache, for Drenthe (12 gemeenten,
  1 peildatum) and Noord-Brabant (56 gemeenten, 60 peildata), and of the national pages with
  one provincie with figures and with twelve: the counts must be equal (target
  queries_onafhankelijk).
- the load test (targets of points 1 and 2 of issue 20): gunicorn with 2 workers and
  production settings on loopback, locust headless with GEBRUIKERS users who each log in
  through the login form, DUUR seconds per phase; cold on a server without any cache (a
  different peildatum per request for the dashboard and /landelijk/), warm on the production
  cache; each page's p95 and median against the trivial view on the same server.

Every target is reported through ``bench.doelen`` (gehaald / niet gehaald), with its figure
and baseline beside the ratio. Every timing is a median (at least 5 runs; the load test: the
median and p95 of every response of a phase).

For developers, a part of it (``python -m bench.landelijk --help``)::

    python -m bench.landelijk --alleen dashboard,trends --database var/landelijk.sqlite3

- ``--alleen NAMEN`` (comma-separated) runs only those parts: ``laden``, ``paginas``,
  ``projecties`` (the job, and the pages with and without their stored projection),
  ``import``, ``pdf``, ``queries``, and the pages of the load test ``dashboard`` (cold and
  warm), ``trends``, ``kaart``, ``capaciteit``, ``landelijk``, ``grafieken`` (the chart
  URLs the trends and capaciteit pages point to, as a browser asks them); the trivial view is always in
  the load test, as its baseline. Without it: everything.
- ``--database PATH`` reuses a SQLite database that holds the national demo already (say a
  copy of the one ``make bench`` leaves when it is stopped, or ``regietafel demo drenthe &&
  regietafel demo landelijk`` on ``DATABASE_URL=sqlite:///PATH``): nothing is loaded and the
  file is kept. ``laden`` and the count with one provincie (``queries``) need an empty
  database and are skipped.
- ``BENCH_DUUR`` sets the seconds per load phase (30); ``BENCH_SNEL=1`` is the bench's quick
  mode (bench.meten).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import html
import io
import json
import math
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import doelen
from bench.doelen import getal
from bench.meten import MAP, ROOT, SNEL, UITVOER, bewaar, herhalingen, mediaan, meting, tijden

DATABASE = MAP / "bench-landelijk.sqlite3"
BIN = Path(sys.executable).parent
NATIONAAL = "PV30"  # Noord-Brabant: 56 gemeenten, the most of any provincie
HERHALINGEN = herhalingen(7)
GEBRUIKERS = 2 if SNEL else 20
DUUR = float(os.environ.get("BENCH_DUUR") or (1 if SNEL else 30))
PAUZE = 0.2 if SNEL else 2.0
OPWARMEN = 0.5 if SNEL else 5.0
MAANDEN = 2 if SNEL else 60
"""Monthly peildata of the national demo."""
WORKERS = 2
SECRET_KEY = secrets.token_urlsafe(50)
BUDGET_PDF = 10.0

DRENTHE = "PV22"  # 12 gemeenten, the figures of the sources: 1 peildatum
PER_PROVINCIE = ["/", "/trends/", "/locaties/capaciteit/", "/kaart/"]
"""Pages of one provincie: counted for Drenthe and for Noord-Brabant."""
PAGINAS = [
    *(f"{pad}?provincie={p}" for pad in PER_PROVINCIE for p in (DRENTHE, NATIONAAL)),
    "/trends/GM0106/",
    "/landelijk/",
    "/landelijk/ping/",
    "/inzendingen/",
    "/locaties/",
    "/verdeling/",
    "/rapportage/",
    "/aanlevering/",
    "/kaart/nederland/",
    "/historie/",
    "/overleg/",
    "/verzoeken/",
    "/toezicht/",
    "/woo/",
]
LANDELIJKE_PAGINAS = ["/landelijk/", "/kaart/nederland/"]
"""Pages over every provincie: counted with one provincie with figures and with twelve."""


def _database_url() -> str:
    if url := os.environ.get("DATABASE_URL"):
        return url
    MAP.mkdir(parents=True, exist_ok=True)
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


def drenthe() -> None:
    from regietafel.demo.services import laad_drenthe

    laad_drenthe()


def laden() -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    from regietafel.demo import landelijk as demo
    from regietafel.gemeenten.models import Gemeente, Provincie
    from regietafel.opgaven.models import Cyclus

    uitkomst = demo.laad(maanden=MAANDEN)
    drenthe = Provincie.objects.get(naam="Drenthe")
    provincies = list(Provincie.objects.exclude(pk=drenthe.pk))
    gemeenten = list(Gemeente.objects.exclude(provincie=drenthe))
    cycli = {c.code: c for c in Cyclus.objects.all()}
    basis = mediaan(lambda: demo.plan(provincies, gemeenten, cycli, maanden=MAANDEN))
    opnieuw = demo.laad(maanden=MAANDEN)
    assert opnieuw.totaal == 0, opnieuw.wijzigingen
    # Loading happens once (a second load writes nothing): one run against the baseline's median.
    return {"demo_landelijk": meting([uitkomst.seconden], basis)}, uitkomst.wijzigingen


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


IN_PROCES = {
    "dashboard": f"/?provincie={NATIONAAL}",
    "trends": f"/trends/?provincie={NATIONAAL}",
    "kaart_nederland": "/kaart/nederland/",
    "capaciteit": f"/locaties/capaciteit/?provincie={NATIONAAL}",
    "landelijk_overzicht": "/landelijk/",
}


def paginas(landelijk: Any) -> dict[str, dict[str, Any]]:
    """In-process medians: each page cold (cache emptied before every request), the
    dashboard also warm; against the trivial view."""
    from django.core.cache import cache

    client = _client(landelijk)

    def haal(pad: str, koud: bool = True) -> None:
        if koud:
            cache.clear()
        antwoord = client.get(pad)
        assert antwoord.status_code == 200, (pad, antwoord.status_code)

    for pad in ("/landelijk/ping/", *IN_PROCES.values()):
        haal(pad)  # imports, templates
    basis = mediaan(lambda: haal("/landelijk/ping/", koud=False), 5 * HERHALINGEN)
    uit = {
        naam: meting(tijden(functools.partial(haal, pad), HERHALINGEN), basis)
        for naam, pad in IN_PROCES.items()
    }
    uit["dashboard_cached"] = meting(
        tijden(lambda: haal(IN_PROCES["dashboard"], koud=False), HERHALINGEN), basis
    )
    return uit


def projecties(landelijk: Any) -> dict[str, Any]:
    """The stored projections (``monitoring.projectie``), nothing hidden:

    - the job: building every projection of the national demo, and again after one write of
      a figure in Noord-Brabant (what a worker does after an import or a correction);
    - the dashboard of Noord-Brabant and /landelijk/, each request another peildatum and the
      cache emptied before it, read from the projections (what a user meets once the job
      ran) and computed without them (the fallback while the job has not run yet); medians
      of wall and CPU time against the trivial view in the same process;
    - the same for /trends/ and /locaties/capaciteit/ of Noord-Brabant, /kaart/nederland/,
      and one trend chart's own URL (stored; without: a key not stored, computed).

    Leaves every projection current for the load test after it."""
    import itertools

    from django.conf import settings
    from django.core.cache import cache

    from regietafel.gemeenten.models import Gemeente
    from regietafel.monitoring import projectie
    from regietafel.monitoring.services import registreer_realisatie

    settings.REGIETAFEL_PROJECTIES = True

    def klok(functie: Callable[[], object]) -> tuple[float, float]:
        begin, cpu = time.perf_counter(), time.process_time()
        functie()
        return time.perf_counter() - begin, time.process_time() - cpu

    alles = klok(projectie.bouw_alles)
    breda = Gemeente.objects.get(naam="Breda")
    nb, nl = _peildata()
    registreer_realisatie(
        door=None, gemeente=breda, soort="regulier", peildatum=nb[0], aantal=1234, bron="bench"
    )
    na_schrijven = klok(projectie.bouw_alles)

    client = _client(landelijk)
    # trends, the national map and capaciteit have one default page each (their projection);
    # a trend chart is its own URL, stored by the job (the page names it by content).
    grafiek = grafiek_paden(landelijk)[0]  # GRAFIEK_PAGINAS starts with /trends/
    rondes = {
        "dashboard": itertools.cycle(nb),
        "landelijk": itertools.cycle(nl),
        **{n: itertools.cycle(nb) for n in ("trends", "kaart", "capaciteit", "trendgrafiek")},
    }
    paden = {
        "dashboard": lambda d: f"/?provincie={NATIONAAL}&peildatum={d:%Y-%m-%d}",
        "landelijk": lambda d: f"/landelijk/?peildatum={d:%Y-%m-%d}",
        "trends": lambda d: f"/trends/?provincie={NATIONAAL}",
        "kaart": lambda d: "/kaart/nederland/",
        "capaciteit": lambda d: f"/locaties/capaciteit/?provincie={NATIONAAL}",
        # Without projections: a key that is not stored, so the chart's URL computes the
        # trends again (the page's other charts are stored; drawing one costs ≈ 5 ms more).
        "trendgrafiek": lambda d: (
            grafiek
            if settings.REGIETAFEL_PROJECTIES
            else re.sub(r"/[0-9a-f]{64}\.svg", "/" + "0" * 64 + ".svg", grafiek)
        ),
    }

    def tijden(naam: str | None, herhalingen: int = HERHALINGEN) -> tuple[float, float]:
        wand, cpu = [], []
        for _ in range(herhalingen):
            pad = "/landelijk/ping/" if naam is None else paden[naam](next(rondes[naam]))
            if naam is not None:
                cache.clear()
            w, c = klok(lambda pad=pad: client.get(pad))  # type: ignore[misc]
            wand.append(w)
            cpu.append(c)
        return statistics.median(wand), statistics.median(cpu)

    for naam in paden:
        tijden(naam, 1)  # imports, templates
    basis = tijden(None, 5 * HERHALINGEN)
    pagina: dict[str, Any] = {}
    for aan in (True, False):
        settings.REGIETAFEL_PROJECTIES = aan
        for naam in paden:
            w, c = tijden(naam)
            pagina[f"{naam}_{'projectie' if aan else 'zonder_projectie'}"] = {
                "seconds": w,
                "cpu_seconds": c,
                "baseline_seconds": basis[0],
                "baseline_cpu_seconds": basis[1],
                "ratio": w / basis[0],
                "ratio_cpu": c / basis[1],
            }
    settings.REGIETAFEL_PROJECTIES = True
    uitkomst = {
        "job_alles": {"seconds": alles[0], "cpu_seconds": alles[1]},
        "job_na_een_schrijfactie": {"seconds": na_schrijven[0], "cpu_seconds": na_schrijven[1]},
        "paginas": pagina,
        "aantal": projectie.bouw_alles(),  # nothing left to do: all current
    }
    print()
    print(
        f"Projecties: de taak maakt ze alle in {alles[0]:.1f} s ({alles[1]:.1f} s CPU); na één "
        f"gewijzigd cijfer in Noord-Brabant in {na_schrijven[0]:.1f} s ({na_schrijven[1]:.1f} s "
        "CPU). In het proces, elk verzoek een andere peildatum, cache leeg (mediaan van "
        f"{HERHALINGEN}):"
    )
    for naam, r in pagina.items():
        print(
            f"  {naam:<28}{1000 * r['seconds']:>8.1f} ms{1000 * r['cpu_seconds']:>8.1f} ms CPU"
            f"{r['ratio']:>8.1f}× {r['ratio_cpu']:>6.1f}× CPU  (triviale view "
            f"{1000 * r['baseline_seconds']:.1f} ms)"
        )
    return uitkomst


def _tel(client: Any, pad: str) -> tuple[int, int]:
    """(status, queries) of one request with an empty cache."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(pad)  # a national user's choice of provincie is written once
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        antwoord = client.get(pad)
    return antwoord.status_code, len(ctx.captured_queries)


def queries_landelijk(landelijk: Any) -> dict[str, int]:
    """Queries of the pages over every provincie (empty cache), computed: without their stored
    projection, the path whose count could grow with the data (read from a projection they
    are one query more than the session's; tests/landelijk/test_projectie.py asserts that
    count for 1 and 12 provincies). Compared before and after loading the national demo, so
    whether a projection happens to exist at either moment does not count."""
    from django.conf import settings

    client = _client(landelijk)
    uit = {}
    vorig = getattr(settings, "REGIETAFEL_PROJECTIES", True)
    settings.REGIETAFEL_PROJECTIES = False
    try:
        for pad in LANDELIJKE_PAGINAS:
            status, n = _tel(client, pad)
            assert status == 200, (pad, status)
            uit[pad] = n
    finally:
        settings.REGIETAFEL_PROJECTIES = vorig
    return uit


def queries(landelijk: Any, secretariaat: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Queries per page (empty cache); pages that do not answer 200 are listed apart."""
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the expected 403s
    tellingen: dict[str, int] = {}
    overgeslagen: dict[str, int] = {}
    for gebruiker, achtervoegsel in ((secretariaat, " (secretariaat Drenthe)"), (landelijk, "")):
        client = _client(gebruiker)
        for pad in PAGINAS:
            if gebruiker is secretariaat and ("provincie=" in pad or pad == "/landelijk/"):
                continue
            status, n = _tel(client, pad)
            if status == 200:
                tellingen[pad + achtervoegsel] = n
            else:
                overgeslagen[pad + achtervoegsel] = status
    return tellingen, overgeslagen


def ongelijke_queries(
    tellingen: dict[str, int], voor: dict[str, int], na: dict[str, int]
) -> list[str]:
    """The pages whose query count depends on the size of the data: a provincie's page for
    Drenthe (secretariaat) against Noord-Brabant (national user), and the national pages with
    one provincie with figures against twelve."""
    paren = [
        (f"{pad}?provincie={DRENTHE}", f"{pad}?provincie={NATIONAAL}") for pad in PER_PROVINCIE
    ]
    uit = [
        f"{b}: {tellingen.get(a)} tegen {tellingen.get(b)}"
        for a, b in paren
        if tellingen.get(a) is None or tellingen.get(a) != tellingen.get(b)
    ]
    uit += [
        f"{pad}: {voor[pad]} met 1 provincie met cijfers, {na[pad]} met 12"
        for pad in LANDELIJKE_PAGINAS
        if voor.get(pad) != na.get(pad)
    ]
    return uit


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

    from regietafel.gemeenten.inwoners import lees_inwoners
    from regietafel.gemeenten.services import importeer_inwoners

    data = statline_csv()

    def lezen() -> None:
        u = lees_inwoners(data, "03759ned.csv")
        assert not u.fouten and len(u.rijen) == 342, u.fouten[:3]

    def schrijven() -> None:
        with transaction.atomic():
            u = importeer_inwoners(data, door=None, bestandsnaam="03759ned.csv")
            assert not u.fouten and u.nieuw == 342, (u.fouten[:3], u.nieuw)
            transaction.set_rollback(True)

    basis = mediaan(lezen, HERHALINGEN)
    return {"import_inwoners_342": meting(tijden(schrijven, HERHALINGEN), basis)}


def pdf_nationaal() -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    from regietafel.gemeenten.models import Provincie
    from regietafel.monitoring.queries import bereken_stand_van_zaken
    from regietafel.rapportage import bouwen, pdf

    provincie = Provincie.objects.get(code=NATIONAAL)

    def document() -> Any:
        return bouwen.stand_document_uit(bereken_stand_van_zaken(provincie))

    pdf.pdf(document())  # cold: fonts
    html = mediaan(lambda: pdf.html(document()))
    detail = meting(tijden(lambda: pdf.pdf(document()), 5), html)
    return {"stand_van_zaken_pdf_national": {"seconds": detail["seconds"]}}, detail


# --- Load test ---------------------------------------------------------------------------
#
# Two gunicorn servers with production settings (2 workers each, DEBUG off, whitenoise), one
# after the other, each loaded by locust with GEBRUIKERS users who each log in through the
# login form (bench/locustfile.py):
#
# - koud: the settings of bench/instellingen_koud.py, production with Django's DummyCache:
#   nothing is kept between requests (no page, no Stand van zaken, no data version), so every
#   request computes and renders its page; the dashboard and /landelijk/ also ask a different
#   peildatum per request. No cache hit can pass for a cold request.
# - warm: the production settings as they are (the local-memory cache of each worker); every
#   user asks its own dashboard page again and again after a short warm-up that is not counted.
#
# Each server also serves the trivial view before and after its pages; a page's ratio is its
# p95 (and median) over the lower p95 (median) of the trivial phases of the same server.


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bench_gebruikers() -> tuple[list[str], str]:
    """GEBRUIKERS national readers with one password (hashed once: the same hash for all)."""
    from django.contrib.auth.hashers import make_password

    from regietafel.accounts.models import Gebruiker, Rol

    wachtwoord = secrets.token_urlsafe(18)
    versleuteld = make_password(wachtwoord)
    namen = [f"bench-{i:02d}" for i in range(1, GEBRUIKERS + 1)]
    for naam in namen:
        Gebruiker.objects.update_or_create(
            username=naam,
            defaults={"rol": Rol.LEZER, "landelijk": True, "password": versleuteld},
        )
    return namen, wachtwoord


def _percentiel(ms: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of the response times, in ms."""
    if not ms:
        return float("nan")
    geordend = sorted(ms)
    rang = max(1, math.ceil(p / 100 * len(geordend)))
    return geordend[rang - 1]


def _server(omgeving: dict[str, str], poort: int) -> subprocess.Popen[bytes]:
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
        # One log line per request, as in production (LOG_VERZOEKEN), into a file, not between
        # the bench's tables.
        stderr=(MAP / f"bench-gunicorn-{poort}.log").open("ab"),
    )
    basis = f"http://127.0.0.1:{poort}"
    for _ in range(150):
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopte met code {server.returncode}")
        try:
            urllib.request.urlopen(basis + "/account/inloggen/", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn start niet")


def _locust(
    basis: str, namen: list[str], wachtwoord: str, fasen: list[dict[str, Any]]
) -> dict[str, Any]:
    """One locust run: every user logs in, then the phases one after the other."""
    with tempfile.TemporaryDirectory(prefix="regietafel-locust-") as map_:
        uitvoer = Path(map_) / "tijden.json"
        looptijd = int(len(fasen) * (DUUR + PAUZE) + 180)  # a bound; the phases stop the run
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
                f"{looptijd}s",
                "--host",
                basis,
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--exit-code-on-error",
                "0",
            ],
            env={
                **os.environ,
                "BENCH_GEBRUIKERS": json.dumps(namen),
                "BENCH_WACHTWOORD": wachtwoord,
                "BENCH_FASEN": json.dumps(fasen),
                "BENCH_DUUR": str(DUUR),
                "BENCH_PAUZE": str(PAUZE),
                "BENCH_UITVOER": str(uitvoer),
            },
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=looptijd + 60,
        )
        return json.loads(uitvoer.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _samenvatting(naam: str, server: str, fase: dict[str, Any]) -> dict[str, Any]:
    ms = fase["tijden_ms"]
    return {
        "naam": naam,
        "server": server,
        "aantal": len(ms),
        "fouten": fase["fouten"],
        "per_s": len(ms) / fase["seconden"] if fase["seconden"] else 0.0,
        "p50": _percentiel(ms, 50),
        "p95": _percentiel(ms, 95),
        "p99": _percentiel(ms, 99),
    }


PAGINAS_BELASTING = ("dashboard", "trends", "kaart", "capaciteit", "landelijk", "grafieken")
"""The pages of the load test, as ``--alleen`` names them."""
DELEN = ("laden", "paginas", "projecties", "import", "pdf", "queries", *PAGINAS_BELASTING)
"""Everything ``--alleen`` can choose."""


def fasen_koud(
    peildata_nb: list[dt.date],
    peildata_nl: list[dt.date],
    gekozen: set[str],
    grafieken: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """The phases of the cold server: the trivial view, each chosen page, the trivial view.
    ``grafieken``: the chart URLs the trends and capaciteit pages point to (``grafiek_paden``)."""
    triviaal = {"paden": ["/landelijk/ping/"]}
    paginas = [
        {
            "pagina": "dashboard",
            "naam": "dashboard koud",
            "paden": [f"/?provincie={NATIONAAL}&peildatum={d:%Y-%m-%d}" for d in peildata_nb],
        },
        {"pagina": "trends", "naam": "trends koud", "paden": [f"/trends/?provincie={NATIONAAL}"]},
        {"pagina": "kaart", "naam": "kaart nederland koud", "paden": ["/kaart/nederland/"]},
        {
            "pagina": "capaciteit",
            "naam": "capaciteit koud",
            "paden": [f"/locaties/capaciteit/?provincie={NATIONAAL}"],
        },
        {
            "pagina": "landelijk",
            "naam": "landelijk koud",
            "paden": [f"/landelijk/?peildatum={d:%Y-%m-%d}" for d in peildata_nl],
        },
        {"pagina": "grafieken", "naam": "grafieken koud", "paden": list(grafieken)},
    ]
    return [
        {"naam": "triviaal (koud, voor)", **triviaal},
        *(f for f in paginas if f["pagina"] in gekozen),
        {"naam": "triviaal (koud, na)", **triviaal},
    ]


def fasen_warm(peildata_nb: list[dt.date]) -> list[dict[str, Any]]:
    """The phases of the warm server: each user keeps asking its own dashboard page."""
    eigen = [f"/?provincie={NATIONAAL}&peildatum={d:%Y-%m-%d}" for d in peildata_nb]
    return [
        {"naam": "triviaal (warm, voor)", "paden": ["/landelijk/ping/"]},
        {"naam": "opwarmen", "paden": eigen, "vast": True, "duur": OPWARMEN, "opwarmen": True},
        {"naam": "dashboard warm", "paden": eigen, "vast": True},
        {"naam": "triviaal (warm, na)", "paden": ["/landelijk/ping/"]},
    ]


GRAFIEK_PAGINAS = (
    f"/trends/?provincie={NATIONAAL}",
    f"/locaties/capaciteit/?provincie={NATIONAAL}",
)
"""The pages whose charts are images by URL (stored by content; the load test asks them)."""
GRAFIEK_IMG = re.compile(r'<img class="(?:trend__grafiek|capaciteit-grafiek)" src="([^"]+)"')


def grafiek_paden(landelijk: Any) -> list[str]:
    """Every chart URL of ``GRAFIEK_PAGINAS`` as a national user's browser would ask it after
    the page (the projections current: the URLs the job stored)."""
    client = _client(landelijk)
    paden: list[str] = []
    for pagina in GRAFIEK_PAGINAS:
        antwoord = client.get(pagina)
        assert antwoord.status_code == 200, (pagina, antwoord.status_code)
        paden += [html.unescape(p) for p in GRAFIEK_IMG.findall(antwoord.content.decode())]
    assert paden, "geen grafieken gevonden op " + ", ".join(GRAFIEK_PAGINAS)
    return paden


def belasting(
    url: str,
    peildata_nb: list[dt.date],
    peildata_nl: list[dt.date],
    gekozen: set[str],
    grafieken: Sequence[str] = (),
) -> dict[str, Any]:
    """Both servers, one after the other (the warm one only for the dashboard); the phases of
    each with their times."""
    namen, wachtwoord = _bench_gebruikers()
    from django.db import connections

    connections.close_all()
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
    uitslag: dict[str, Any] = {"fasen": [], "inloggen": [], "voorbeelden_fouten": []}
    servers = [
        (
            "koud",
            "bench.instellingen_koud",
            fasen_koud(peildata_nb, peildata_nl, gekozen, grafieken),
        )
    ]
    if "dashboard" in gekozen:
        servers.append(("warm", "regietafel.settings", fasen_warm(peildata_nb)))
    for server, instellingen, fasen in servers:
        poort = _vrije_poort()
        proces = _server({**omgeving, "DJANGO_SETTINGS_MODULE": instellingen}, poort)
        try:
            ruw = _locust(f"http://127.0.0.1:{poort}", namen, wachtwoord, fasen)
        finally:
            proces.terminate()
            proces.wait(timeout=30)
        for fase in fasen:
            gemeten = ruw["fasen"].get(fase["naam"], {"tijden_ms": [], "fouten": 0, "seconden": 0})
            uitslag["fasen"].append(_samenvatting(fase["naam"], server, gemeten))
        uitslag["inloggen"].append({"server": server, **ruw["inloggen"]})
        uitslag["voorbeelden_fouten"] += ruw["voorbeelden_fouten"]
    return uitslag


def _verhoudingen(uitslag: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Per page phase: p95 and median over the lower p95 and median of the trivial phases of
    the same server (the lower baseline gives the higher, stricter ratio)."""
    uit = {}
    for server in ("koud", "warm"):
        triviaal = [
            f
            for f in uitslag["fasen"]
            if f["server"] == server and f["naam"].startswith("triviaal")
        ]
        if not triviaal:  # no warm server without the dashboard (--alleen)
            continue
        p95 = min(f["p95"] for f in triviaal)
        p50 = min(f["p50"] for f in triviaal)
        for f in uitslag["fasen"]:
            if f["server"] != server or f["naam"].startswith(("triviaal", "opwarmen")):
                continue
            uit[f["naam"]] = {"p95": f["p95"] / p95, "p50": f["p50"] / p50}
    return uit


def opties(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.landelijk",
        description=(
            "De landelijke dataset: laden, pagina's in het proces, de inwonersimport, de PDF, "
            "het aantal queries en de belastingtest (gunicorn en locust). Resultaten en doelen "
            "in var/bench.json."
        ),
    )
    parser.add_argument(
        "--alleen",
        metavar="NAMEN",
        help=(
            "alleen deze onderdelen, met komma's: " + ", ".join(DELEN) + " (de laatste vijf: "
            "pagina's van de belastingtest; de triviale view meet altijd mee)"
        ),
    )
    parser.add_argument(
        "--database",
        metavar="PAD",
        type=Path,
        help=(
            "een bestaande SQLite-database met de landelijke demo hergebruiken (niets laden, "
            "het bestand blijft staan); laden en de telling met één provincie vallen dan af"
        ),
    )
    keuze = parser.parse_args(argv)
    if keuze.alleen is None:
        keuze.delen = set(DELEN)
    else:
        keuze.delen = {d.strip() for d in keuze.alleen.split(",") if d.strip()}
        if onbekend := keuze.delen - set(DELEN):
            parser.error(
                f"onbekend onderdeel bij --alleen: {', '.join(sorted(onbekend))}; "
                f"kies uit {', '.join(DELEN)}"
            )
    if keuze.database is not None and not keuze.database.is_file():
        parser.error(f"--database: {keuze.database} bestaat niet")
    return keuze


def main(argv: list[str] | None = None) -> int:
    keuze = opties(argv)
    eigen_database = keuze.database is None and "DATABASE_URL" not in os.environ
    try:
        return _main(keuze.delen, keuze.database)
    finally:
        if eigen_database:
            for pad in (DATABASE, Path(f"{DATABASE}-journal"), Path(f"{DATABASE}-wal")):
                pad.unlink(missing_ok=True)


def _peildata() -> tuple[list[dt.date], list[dt.date]]:
    """The realisation peildata of Noord-Brabant and of the country, newest first."""
    from regietafel.monitoring.models import Realisatie

    def van(qs: Any) -> list[dt.date]:
        return sorted(set(qs.order_by().values_list("peildatum", flat=True)), reverse=True)

    alle = Realisatie.objects.actueel()
    return van(alle.filter(gemeente__provincie__code=NATIONAAL)), van(alle)


def _toon_in_proces(resultaten: dict[str, dict[str, Any]], pdf: dict[str, Any] | None) -> None:
    kop = f"{'in het proces (mediaan)':<28}{'seconden':>10}{'basis':>10}{'verhouding':>12}  basis"
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
    if pdf is not None:
        print(
            f"{'stand_van_zaken_pdf_national':<28}{pdf['seconds']:>10.3f}"
            f"{pdf['baseline_seconds']:>10.4f}{pdf['ratio']:>11.1f}×  "
            f"dezelfde rapportage als HTML (Noord-Brabant, 56 gemeenten); budget "
            f"{BUDGET_PDF:.0f} s: {'gehaald' if pdf['seconds'] < BUDGET_PDF else 'NIET GEHAALD'}"
        )
    print(
        f"Mediaan van {HERHALINGEN} keer (pagina's: elk verzoek met een lege cache; de triviale "
        f"view: {herhalingen(5 * HERHALINGEN)} keer; dashboard_cached: dezelfde pagina uit de "
        "cache; demo_landelijk: één keer laden tegen de mediaan van de basis)."
    )


def _toon_queries(
    tellingen: dict[str, int],
    overgeslagen: dict[str, int],
    voor: dict[str, int] | None,
    na: dict[str, int],
    ongelijk: list[str],
) -> None:
    print()
    print(f"{'pagina (cache leeg, landelijke gebruiker)':<58}{'queries':>8}")
    print("-" * 66)
    for pad, n in tellingen.items():
        print(f"{pad:<58}{n:>8}")
    for pad, status in overgeslagen.items():
        print(f"{pad:<58}{'status ' + str(status):>8}")
    for pad in LANDELIJKE_PAGINAS:
        if voor is None:
            print(f"{pad + ' (12 provincies met cijfers)':<58}{na[pad]:>8}")
        else:
            print(f"{pad + ' (1 provincie met cijfers / 12)':<58}{voor[pad]:>4} / {na[pad]}")
    print(
        "Aantal queries onafhankelijk van de omvang (Drenthe: 12 gemeenten, 1 peildatum; "
        f"Noord-Brabant: 56 gemeenten, {MAANDEN} peildata"
        + ("" if voor is None else "; 1 of 12 provincies met cijfers")
        + "): "
        + ("ja." if not ongelijk else "NEE: " + "; ".join(ongelijk))
    )


def _toon_belasting(uitslag: dict[str, Any], verhoudingen: dict[str, dict[str, float]]) -> int:
    """The load test's table; returns the number of errors (logging in included)."""
    print()
    kop = (
        f"{'belasting (' + str(GEBRUIKERS) + ' gebruikers)':<26}{'server':>7}{'verzoeken':>10}"
        f"{'fouten':>8}{'per s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'p50 ×':>8}{'p95 ×':>8}"
    )
    print(kop)
    print("-" * len(kop))
    for f in uitslag["fasen"]:
        v = verhoudingen.get(f["naam"])
        print(
            f"{f['naam']:<26}{f['server']:>7}{f['aantal']:>10}{f['fouten']:>8}{f['per_s']:>8.1f}"
            f"{f['p50']:>9.0f}{f['p95']:>9.0f}{f['p99']:>9.0f}"
            + (f"{v['p50']:>8.2f}{v['p95']:>8.2f}" if v else "")
        )
    inloggen = uitslag["inloggen"]
    fouten = sum(f["fouten"] for f in uitslag["fasen"]) + sum(i["fouten"] for i in inloggen)
    print(
        f"Koud: een server zonder cache (DummyCache: geen pagina, stand of gegevensversie "
        f"bewaard), het dashboard en /landelijk/ elk verzoek een andere peildatum, gelezen uit "
        f"de opgeslagen projecties (die de taak na elke wijziging maakt; zonder: 'Projecties' "
        f"hierboven, in het proces); warm: de "
        f"cache van productie, elke gebruiker steeds zijn eigen dashboardpagina na "
        f"ten minste {getal(OPWARMEN)} s opwarmen (niet geteld). p50 is de mediaan van alle "
        "verzoeken van een fase; × = gedeeld door de laagste p50/p95 van de "
        f"triviale fasen van dezelfde server. Ingelogd via het formulier: "
        + ", ".join(f"{i['server']} {i['gebruikers']} gebruikers" for i in inloggen)
        + f"; fouten in totaal (inloggen meegeteld): {fouten}."
    )
    for voorbeeld in uitslag["voorbeelden_fouten"]:
        print(f"  fout: {voorbeeld}")
    return fouten


def _meld_belasting(uitslag: dict[str, Any], verhoudingen: dict[str, dict[str, float]]) -> None:
    """Each measured page's target: the p95 ratio, with both p95s beside it."""
    fasen = {f["naam"]: f for f in uitslag["fasen"]}

    def triviaal(server: str) -> float:
        return min(
            f["p95"] for f in uitslag["fasen"] if f["server"] == server and "triviaal" in f["naam"]
        )

    for doel, fase, toelichting in (
        ("dashboard_koud_p95", "dashboard koud", f"Noord-Brabant, {MAANDEN} peildata"),
        ("dashboard_warm_p95", "dashboard warm", ""),
        ("trends_koud_p95", "trends koud", ""),
        ("kaart_nederland_koud_p95", "kaart nederland koud", ""),
        ("capaciteit_koud_p95", "capaciteit koud", ""),
        ("landelijk_koud_p95", "landelijk koud", ""),
        ("grafieken_koud_p95", "grafieken koud", ""),
    ):
        if fase not in fasen:
            continue  # not chosen with --alleen: its target stays as it was
        v = verhoudingen.get(fase, {}).get("p95")
        f = fasen[fase]
        doelen.meld(
            doel,
            None if v is None or math.isnan(v) else v,
            toelichting or f"{f['aantal']} verzoeken, mediaan {getal(round(f['p50']))} ms",
            meting=f"p95 {getal(round(f['p95']))} ms",
            basis=f"p95 {getal(round(triviaal(f['server'])))} ms",
        )


def _main(delen: set[str], database: Path | None) -> int:
    url = f"sqlite:///{database.resolve()}" if database else _database_url()
    _django(url)
    landelijk, secretariaat = _gebruikers() if database else (None, None)
    voor: dict[str, int] | None = None
    resultaten: dict[str, dict[str, Any]] = {}
    if database is None:
        print(f"Drentse demo en landelijke dataset laden in {url.split('://')[0]} …", flush=True)
        drenthe()
        landelijk, secretariaat = _gebruikers()
        voor = queries_landelijk(landelijk)
        gemeten, aantallen = laden()
        if "laden" in delen:
            resultaten.update(gemeten)
        print(
            "Geladen (synthetisch): "
            + ", ".join(f"{n:,} {w}".replace(",", ".") for w, n in aantallen.items())
        )
    bewaren: dict[str, Any] = {}
    if "paginas" in delen:
        resultaten.update(paginas(landelijk))
    gekozen = delen & set(PAGINAS_BELASTING)
    if "projecties" in delen:
        bewaren["projecties"] = projecties(landelijk)
    elif gekozen:  # the load test's cold pages read the projections the job made
        from regietafel.monitoring import projectie

        projectie.bouw_alles()
    if "import" in delen:
        resultaten.update(importeren())
    pdf_detail = None
    if "pdf" in delen:
        nationaal_pdf, pdf_detail = pdf_nationaal()
        bewaren.update(nationaal_pdf)
    if resultaten or pdf_detail:
        _toon_in_proces(resultaten, pdf_detail)
    if "queries" in delen:
        na = queries_landelijk(landelijk)
        tellingen, overgeslagen = queries(landelijk, secretariaat)
        ongelijk = ongelijke_queries(tellingen, voor or na, na)
        _toon_queries(tellingen, overgeslagen, voor, na, ongelijk)
        doelen.meld(
            "queries_onafhankelijk",
            len(ongelijk),
            "; ".join(ongelijk)
            or ("" if voor else "zonder de telling met 1 provincie (--database)"),
        )
        bewaren["queries"] = tellingen
        bewaren["queries_landelijk"] = {"1_provincie": voor, "12_provincies": na}
    if gekozen:
        peildata_nb, peildata_nl = _peildata()
        print(
            f"Belasting: gunicorn ({WORKERS} workers, productie-instellingen) en locust, "
            f"{GEBRUIKERS} gebruikers die elk via het inlogformulier inloggen, {getal(DUUR)} s "
            f"per fase ({', '.join(p for p in PAGINAS_BELASTING if p in gekozen)}); eerst een "
            "server zonder cache (koud)"
            + (", dan een met (warm)" if "dashboard" in gekozen else "")
            + " …",
            flush=True,
        )
        grafieken = grafiek_paden(landelijk) if "grafieken" in gekozen else []
        uitslag = belasting(url, peildata_nb, peildata_nl, gekozen, grafieken)
        verhoudingen = _verhoudingen(uitslag)
        fouten = _toon_belasting(uitslag, verhoudingen)
        _meld_belasting(uitslag, verhoudingen)
        doelen.meld(
            "belasting_fouten",
            fouten,
            "alleen " + ", ".join(sorted(gekozen)) if gekozen != set(PAGINAS_BELASTING) else "",
        )
        bewaren["load"] = {
            "fasen": uitslag["fasen"],
            "verhoudingen": verhoudingen,
            "inloggen": [
                {k: v for k, v in i.items() if k != "tijden_ms"} for i in uitslag["inloggen"]
            ],
            "fouten": fouten,
            "gebruikers": GEBRUIKERS,
            "seconden_per_fase": DUUR,
            "workers": WORKERS,
        }
    bewaar({**resultaten, **bewaren})
    print(f"Geschreven: {UITVOER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m bench.documenten``: issue 20 points 4–6 — documents, imports, CLI start.

Each figure is the MEDIAN of several runs, in wall-clock seconds (what a user waits), with the
CPU time (user + sys) beside it: on a shared machine the wall time grows with the load, the CPU
time hardly. Judged through ``bench.doelen`` when that module is there (``meld``); else only
printed.

- ``cli_start``: every ``regietafel`` command of ours with ``--help`` (Django set up, the
  command's module imported, its parser built), plus ``verdeel`` on the sample case and ``woo
  lakken`` with a missing file (must answer before deduce loads); each a fresh process. The
  figure is the slowest command's median. ``python -m scripts.meet_cli`` times every command
  with ``--help`` and with one real call on a throwaway database.
- ``import_coa_342`` / ``import_realisatie_5000``: ``scripts.meet_imports`` (a throwaway
  SQLite database with the Drenthe demo, each run rolled back; tracemalloc peak beside it).
- ``stand_pdf_noord_brabant_koud``: ``regietafel rapport stand-van-zaken --provincie
  Noord-Brabant --format pdf`` as a fresh process (cold: Django, WeasyPrint and the fonts
  loaded by that process) on a database with the national demo (``DATABASE_URL``, else a
  throwaway one: Drenthe plus ``demo landelijk``).
- ``stand_pdf_landelijk``: ``regietafel rapport stand --landelijk`` on the same peildatum and
  database, as a fresh process: every provincie and all 342 gemeenten.

- ``document_bewaard``: over HTTP, a gunicorn with production settings (2 workers) on the same
  database; a reader of Drenthe with its own session asks the Stand van zaken PDF (made once
  by the job, then stored) and ``/landelijk/ping/`` in turn, 60 times each, one request at a
  time, three rounds; the figure is the median of the three rounds' ratios.

Quick mode (``BENCH_SNEL=1``, bench.meten): one run each, three commands, two months of
national data, one round of five requests.
"""

from __future__ import annotations

import compileall
import http.client
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import doelen
from bench.meten import SNEL, herhalingen

WORTEL = Path(__file__).resolve().parent.parent
REGIETAFEL = [sys.executable, "-m", "regietafel"]
HERHALINGEN = herhalingen(5)
MAANDEN = 2 if SNEL else 60
"""Monthly peildata of the national demo this module loads when DATABASE_URL is not set."""
COMMANDOS: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("verdeel", "--help"),
    ("bonus", "--help"),
    ("capaciteit", "--help"),
    ("import", "coa", "--help"),
    ("export", "stand", "--help"),
    ("rapport", "stand-van-zaken", "--help"),
    ("demo", "drenthe", "--help"),
    ("woo", "lakken", "--help"),
    ("opschonen", "--help"),
    ("taken", "opruimen", "--help"),
    ("backup", "--help"),
    ("herstel", "--help"),
    ("herinneringen", "--help"),
    ("historie", "controleren", "--help"),
    ("puzzel", "--help"),
    ("verdeel", "docs/voorbeelden/verdeel-drenthe-2024.json"),
    ("woo", "lakken", "bestaat-niet.txt", "--uitvoer", "{tmp}/uit.pdf"),
)


SNELLE_COMMANDOS = (COMMANDOS[0], COMMANDOS[-2], COMMANDOS[-1])
"""Quick mode: the bare start, a real call and the Woo command that must not load deduce."""

meld = doelen.meld


def proces_met_code(
    argv: Sequence[str], omgeving: dict[str, str] | None = None
) -> tuple[float, float, int]:
    """(wall, cpu, exit code) of one fresh process; its CPU from the kernel's accounting."""
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    uit = subprocess.run(
        argv, cwd=WORTEL, env=omgeving, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wand = time.perf_counter() - begin
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wand, (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime), uit.returncode


def proces(argv: Sequence[str], omgeving: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, cpu) seconds of one fresh process."""
    wand, cpu, _ = proces_met_code(argv, omgeving)
    return wand, cpu


def mediaan_proces(
    argv: Sequence[str], n: int = HERHALINGEN, omgeving: dict[str, str] | None = None
) -> tuple[float, float]:
    if not SNEL:
        proces(argv, omgeving)  # warm-up: the page cache, .pyc files
    runs = [proces(argv, omgeving) for _ in range(herhalingen(n))]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def cli_start(tmp: Path) -> None:
    print(f"{'commando':<58}{'wand':>8}{'CPU':>8}")
    uitslagen = []
    for commando in SNELLE_COMMANDOS if SNEL else COMMANDOS:
        argv = [*REGIETAFEL, *(a.replace("{tmp}", str(tmp)) for a in commando)]
        wand, cpu = mediaan_proces(argv)
        uitslagen.append((wand, cpu, " ".join(commando)))
        print(f"{' '.join(commando)[:57]:<58}{wand:>7.2f}s{cpu:>7.2f}s", flush=True)
    wand, cpu, naam = max(uitslagen)
    meld(
        "cli_start",
        wand,
        f"langzaamst: regietafel {naam} (CPU {cpu:.2f} s); mediaan van {HERHALINGEN}",
    )


def imports() -> None:
    uit = subprocess.run(
        [sys.executable, "-m", "scripts.meet_imports", "--json"],
        cwd=WORTEL,
        env={**os.environ, "MEET_HERHALINGEN": str(HERHALINGEN)},
        capture_output=True,
        text=True,
    )
    import json

    try:
        metingen: dict[str, dict[str, float]] = json.loads(uit.stdout.splitlines()[-1])
    except (IndexError, ValueError):
        print(uit.stdout, uit.stderr)
        meld("import_coa_342", None, "scripts.meet_imports faalde")
        meld("import_realisatie_5000", None, "scripts.meet_imports faalde")
        return
    for naam, m in metingen.items():
        print(
            f"{naam:<48}{m['mediaan_s']:>7.2f}s wand{m['cpu_s']:>7.2f}s CPU"
            f"{m['queries']:>5} queries{m['piek_mib']:>7.1f} MiB"
        )
    for doel, sleutel in (("import_coa_342", "coa"), ("import_realisatie_5000", "realisatie")):
        m = metingen[sleutel]
        meld(
            doel,
            m["mediaan_s"],
            f"CPU {m['cpu_s']:.2f} s, {m['queries']:.0f} queries, piek {m['piek_mib']:.1f} MiB",
        )


def _landelijke_database(tmp: Path) -> str:
    if url := os.environ.get("DATABASE_URL"):
        return url
    url = f"sqlite:///{tmp / 'landelijk.sqlite3'}"
    code = (
        "import django; django.setup(); "
        "from django.core.management import call_command; call_command('migrate', verbosity=0); "
        "from regietafel.demo.services import laad_drenthe; laad_drenthe(); "
        f"from regietafel.demo import landelijk; landelijk.laad(maanden={MAANDEN})"
    )
    omgeving = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "regietafel.settings"}
    print("Drentse demo en landelijke dataset laden …", flush=True)
    subprocess.run([sys.executable, "-c", code], cwd=WORTEL, env=omgeving, check=True)
    return url


def pdf_koud(tmp: Path) -> None:
    url = _landelijke_database(tmp)
    omgeving = {**os.environ, "DATABASE_URL": url, "REGIETAFEL_VAR_DIR": str(tmp)}
    peildatum = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from regietafel.monitoring.models import Realisatie; "
            "print(Realisatie.objects.filter(gemeente__provincie__naam='Noord-Brabant')"
            ".latest('peildatum').peildatum)",
        ],
        cwd=WORTEL,
        env={**omgeving, "DJANGO_SETTINGS_MODULE": "regietafel.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    argv = [
        *REGIETAFEL,
        "rapport",
        "stand-van-zaken",
        "--provincie",
        "Noord-Brabant",
        "--peildatum",
        peildatum,
        "--format",
        "pdf",
        "-o",
        str(tmp / "nb.pdf"),
    ]
    wand, cpu = mediaan_proces(argv, HERHALINGEN, omgeving)
    print(f"Stand van zaken Noord-Brabant (PDF, nieuw proces): {wand:.2f} s wand, {cpu:.2f} s CPU")
    meld(
        "stand_pdf_noord_brabant_koud",
        wand,
        f"CLI, nieuw proces, mediaan van {HERHALINGEN}; CPU {cpu:.2f} s",
    )
    argv = [
        *REGIETAFEL,
        "rapport",
        "stand",
        "--landelijk",
        "--peildatum",
        peildatum,
        "--format",
        "pdf",
        "--uitvoer",
        str(tmp / "nl.pdf"),
    ]
    wand, cpu = mediaan_proces(argv, HERHALINGEN, omgeving)
    pagina_s = _paginas(tmp / "nl.pdf")
    print(
        f"Stand van zaken Nederland, 342 gemeenten (PDF, nieuw proces): {wand:.2f} s wand, "
        f"{cpu:.2f} s CPU, {pagina_s}"
    )
    meld(
        "stand_pdf_landelijk",
        wand if (tmp / "nl.pdf").exists() else None,
        f"CLI rapport stand --landelijk, 12 provincies en 342 gemeenten, nieuw proces, "
        f"mediaan van {HERHALINGEN}; CPU {cpu:.2f} s, {pagina_s}",
    )


def _paginas(pad: Path) -> str:
    """ "15 pagina's" (how large the measured document is), or that it was not written."""
    if not pad.exists():
        return "niet geschreven"
    from pypdf import PdfReader

    return f"{len(PdfReader(pad).pages)} pagina's"


BEWAARD_VOORBEREIDEN = """
import django; django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from regietafel.accounts.models import Gebruiker, Rol
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.queries import stand_van_zaken
from regietafel.taken import services
from regietafel.taken.models import Taak
drenthe = Provincie.objects.get(naam="Drenthe")
u, _ = Gebruiker.objects.update_or_create(
    username="bench-documenten", defaults={"rol": Rol.LEZER, "provincie": drenthe}
)
pad = "/rapportage/stand-van-zaken/pdf/?peildatum=" + stand_van_zaken(drenthe).peildatum.isoformat()
c = Client(); c.force_login(u)
if c.get(pad, secure=True).status_code == 303:
    services.voer_uit(Taak.objects.order_by("-aangemaakt_op").first().pk)
assert c.get(pad, secure=True).status_code == 200
s = SessionStore()
s[SESSION_KEY] = str(u.pk)
s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
s[HASH_SESSION_KEY] = u.get_session_auth_hash()
s.create()
print(s.session_key, pad)
"""


VERZOEKEN = 5 if SNEL else 60
"""Requests of each kind per round (document_bewaard)."""


def bewaard(tmp: Path) -> None:
    url = _landelijke_database(tmp)
    sleutel = "bench-" + os.urandom(24).hex()
    basis = {
        **os.environ,
        "DATABASE_URL": url,
        "REGIETAFEL_VAR_DIR": str(tmp),
        "SECRET_KEY": sleutel,
        "DJANGO_SETTINGS_MODULE": "regietafel.settings",
    }
    uit = subprocess.run(
        [sys.executable, "-c", BEWAARD_VOORBEREIDEN],
        cwd=WORTEL,
        env=basis,
        capture_output=True,
        text=True,
        check=True,
    )
    sessie, pad = uit.stdout.split()[-2:]
    productie = {
        **basis,
        "REGIETAFEL_ENV": "production",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
    }
    poort = random.randint(8100, 8199)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    opdracht = [str(gunicorn), "regietafel.wsgi:application", "--bind", f"127.0.0.1:{poort}"]
    opdracht.extend(["--workers", "2", "--log-level", "warning"])
    server = subprocess.Popen(
        opdracht,
        cwd=WORTEL,
        env=productie,
    )

    def get(doel: str) -> tuple[int, float]:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
        begin = time.perf_counter()
        verbinding.request(
            "GET", doel, headers={"Cookie": f"sessionid={sessie}", "X-Forwarded-Proto": "https"}
        )
        antwoord = verbinding.getresponse()
        antwoord.read()
        duur = time.perf_counter() - begin
        verbinding.close()
        return antwoord.status, duur

    try:
        for _ in range(150):
            try:
                get("/landelijk/ping/")
                break
            except OSError:
                time.sleep(0.2)
        statussen = {get("/landelijk/ping/")[0], get(pad)[0]}
        if statussen != {200}:
            meld("document_bewaard", None, f"status {sorted(statussen)}")
            return
        for _ in range(1 if SNEL else 10):
            get("/landelijk/ping/"), get(pad)
        verhoudingen, pings, documenten = [], [], []
        for ronde in range(1 if SNEL else 3):
            ping, document = [], []
            for _ in range(VERZOEKEN):
                ping.append(get("/landelijk/ping/")[1])
                document.append(get(pad)[1])
            mp, md = statistics.median(ping), statistics.median(document)
            verhoudingen.append(md / mp)
            pings.append(mp)
            documenten.append(md)
            print(
                f"ronde {ronde + 1}: /landelijk/ping/ {mp * 1000:.1f} ms, opgeslagen PDF "
                f"{md * 1000:.1f} ms: {md / mp:.2f}×",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(10)
    meld(
        "document_bewaard",
        statistics.median(verhoudingen),
        f"over HTTP, gunicorn 2 workers, productie-instellingen; mediaan van {VERZOEKEN}, "
        f"middelste van {len(verhoudingen)} rondes: "
        + ", ".join(f"{v:.2f}×" for v in verhoudingen),
        meting=f"PDF {statistics.median(documenten) * 1000:.1f} ms".replace(".", ","),
        basis=f"ping {statistics.median(pings) * 1000:.1f} ms".replace(".", ","),
    )


def bytecode() -> None:
    """Every module of regietafel compiled to its .pyc first, as an installed version has
    them: the warm-up run of ``mediaan_proces`` leaves none where PYTHONDONTWRITEBYTECODE is
    set (as in some CI and container environments), and every new process then compiled the
    source of each module again (0,1–0,2 s per command)."""
    compileall.compile_dir(WORTEL / "regietafel", quiet=1)


def main(argv: list[str]) -> int:
    delen = set(argv) or {"cli", "imports", "pdf", "bewaard"}
    bytecode()
    with tempfile.TemporaryDirectory(prefix="regietafel-documenten-") as map_:
        tmp = Path(map_)
        if "cli" in delen:
            cli_start(tmp)
        if "imports" in delen:
            imports()
        if "pdf" in delen:
            pdf_koud(tmp)
        if "bewaard" in delen:
            bewaard(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

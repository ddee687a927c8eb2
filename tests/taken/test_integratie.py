"""The queue for real: redis-server on a free port, Celery workers and gunicorn as
subprocesses on one SQLite file (marker ``integratie``; ``make test`` runs it).

1. A document asked for through the page is made by the worker; its status page offers the
   file; asking again serves the stored file directly.
2. A worker killed (SIGKILL, the whole process group: a crashed machine) in the middle of a job:
   a new worker gets the message again from Redis after the visibility timeout, takes the job
   over and finishes it.

Without ``redis-server`` the module is skipped (it says so), unless CI=true: then it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.integratie

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ZICHTBAARHEID = 4
"""CELERY_VISIBILITY_TIMEOUT of these tests, in seconds: Redis hands an unacknowledged
message to another worker after this long."""


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wacht_tot(voorwaarde, seconden: float, wat: str) -> None:  # type: ignore[no-untyped-def]
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.2)
    raise AssertionError(f"na {seconden} s nog niet: {wat}")


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server ontbreekt; CI slaat niets over (.ci/run installeert het).")
        pytest.skip("OVERGESLAGEN: redis-server ontbreekt (Debian: apt-get install redis-server).")
    poort = _vrije_poort()
    proces = subprocess.Popen(
        [server, "--port", str(poort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def bereikbaar() -> bool:
            try:
                with socket.create_connection(("127.0.0.1", poort), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    return s.recv(16).startswith(b"+PONG")
            except OSError:
                return False

        _wacht_tot(bereikbaar, 20, "redis-server antwoordt")
        yield f"redis://127.0.0.1:{poort}/0"
    finally:
        proces.terminate()
        proces.wait(10)


@pytest.fixture(scope="module")
def omgeving(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A migrated SQLite file with the Drenthe demo and its accounts, shared by all processes."""
    var = tmp_path_factory.mktemp("integratie")
    env = {
        **os.environ,
        "REGIETAFEL_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'regietafel.sqlite3'}",
        "CELERY_BROKER_URL": redis_url,
        "CELERY_VISIBILITY_TIMEOUT": str(ZICHTBAARHEID),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "DJANGO_SETTINGS_MODULE": "regietafel.settings",
        "PYTHONPATH": str(ROOT),
        "REGIETAFEL_DEMO": "true",
    }
    env.pop("REGIETAFEL_ENV", None)
    subprocess.run(
        [BIN / "regietafel", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )
    # The suite's own demo (tests/conftest.py): Drenthe and its accounts, without the Woo demo.
    laden = (
        "import django; django.setup(); "
        "from regietafel.demo.services import laad_drenthe, maak_demo_accounts; "
        "laad_drenthe(); maak_demo_accounts()"
    )
    subprocess.run([sys.executable, "-c", laden], env=env, cwd=ROOT, check=True)
    return env


def _start(argumenten: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as uit:
        return subprocess.Popen(
            argumenten,
            env=env,
            cwd=ROOT,
            stdout=uit,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _stop(proces: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    try:
        os.killpg(proces.pid, sig)
    except ProcessLookupError:
        return
    try:
        proces.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait(10)


def _worker(app: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return _start(
        [
            str(BIN / "celery"),
            "-A",
            app,
            "worker",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-mingle",
            "--without-gossip",
        ],
        env,
        log,
    )


def _taak(env: dict[str, str], taak_id: str) -> tuple[str, int, int]:
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database, timeout=60) as db:
        rij = db.execute(
            "SELECT status, pogingen, voortgang FROM taken_taak WHERE id = ?", (taak_id,)
        ).fetchone()
    assert rij is not None, taak_id
    return rij[0], rij[1], rij[2]


def _log(pad: Path) -> str:
    return pad.read_text(errors="replace") if pad.exists() else ""


def test_a_document_through_the_page(omgeving: dict[str, str], tmp_path: Path) -> None:
    poort = _vrije_poort()
    app = _start(
        [
            str(BIN / "gunicorn"),
            "regietafel.wsgi:application",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            "2",
        ],
        omgeving,
        tmp_path / "app.log",
    )
    werker = _worker("regietafel.taken", omgeving, tmp_path / "worker.log")
    basis = f"http://127.0.0.1:{poort}"
    try:
        sessie = requests.Session()

        def app_klaar() -> bool:
            try:
                return sessie.get(f"{basis}/account/inloggen/", timeout=30).status_code == 200
            except requests.RequestException:
                return False

        _wacht_tot(app_klaar, 60, "gunicorn antwoordt")
        login = sessie.get(f"{basis}/account/inloggen/", timeout=60)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
        assert token is not None
        r = sessie.post(
            f"{basis}/account/inloggen/",
            data={
                "username": "lezer",
                "password": "regietafel-demo",
                "csrfmiddlewaretoken": token[1],
            },
            headers={"Referer": f"{basis}/account/inloggen/"},
            timeout=60,
        )
        assert r.status_code == 200 and "Uitloggen" in r.text, r.text[:500]

        pad = f"{basis}/rapportage/stand-van-zaken/pdf/?peildatum=2025-11-01"
        gevraagd = sessie.get(pad, allow_redirects=False, timeout=30)
        assert gevraagd.status_code == 303, gevraagd.text[:500]
        status_pad = basis + gevraagd.headers["Location"]
        pagina = sessie.get(status_pad, timeout=60).text
        assert "Stand van zaken Drenthe, peildatum 01-11-2025 (PDF)" in pagina
        taak_id = status_pad.rstrip("/").rsplit("/", 1)[-1].replace("-", "")

        def klaar() -> bool:
            deel = sessie.get(f"{status_pad}status/", headers={"HX-Request": "true"}, timeout=60)
            assert 'data-status="mislukt"' not in deel.text, deel.text
            return 'data-status="klaar"' in deel.text

        _wacht_tot(klaar, 240, f"het document is klaar\n{_log(tmp_path / 'worker.log')[-3000:]}")
        assert _taak(omgeving, taak_id)[:2] == ("klaar", 1)
        bestand = sessie.get(f"{status_pad}bestand/", timeout=60)
        assert bestand.status_code == 200 and bestand.content.startswith(b"%PDF")
        # Asked again for the same data version: the stored file, without a job.
        direct = sessie.get(pad, allow_redirects=False, timeout=60)
        assert direct.status_code == 200 and direct.content == bestand.content
        assert (
            'filename="stand-van-zaken-drenthe-2025-11-01.pdf"'
            in direct.headers["Content-Disposition"]
        )
    finally:
        _stop(werker)
        _stop(app)


def test_a_worker_killed_mid_job_gets_its_job_redelivered(
    omgeving: dict[str, str], tmp_path: Path
) -> None:
    eerste = _worker("tests.taken.proefwerker", omgeving, tmp_path / "worker1.log")
    tweede = None
    try:
        geplaatst = subprocess.run(
            [sys.executable, "-m", "tests.taken.proefwerker"],
            env=omgeving,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        taak_id = geplaatst.stdout.strip().splitlines()[-1]

        def halverwege() -> bool:
            status, _, voortgang = _taak(omgeving, taak_id)
            assert status in ("wachtrij", "bezig"), status
            return status == "bezig" and voortgang >= 25

        _wacht_tot(halverwege, 120, f"de taak is bezig\n{_log(tmp_path / 'worker1.log')[-3000:]}")
        _stop(eerste, signal.SIGKILL)  # the worker and its pool process, without warning
        status, pogingen, _ = _taak(omgeving, taak_id)
        assert (status, pogingen) == ("bezig", 1)

        tweede = _worker("tests.taken.proefwerker", omgeving, tmp_path / "worker2.log")
        _wacht_tot(
            lambda: _taak(omgeving, taak_id)[0] == "klaar",
            120,
            f"de taak is opnieuw bezorgd en klaar\n{_log(tmp_path / 'worker2.log')[-3000:]}",
        )
        assert _taak(omgeving, taak_id)[:2] == ("klaar", 2)
    finally:
        _stop(eerste, signal.SIGKILL)
        if tweede is not None:
            _stop(tweede)

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
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.dienstprocessen import (
    BIN,
    ROOT,
    app_server,
    celery_worker,
    redis_server,
    stop_proces,
    wacht_tot,
)

pytestmark = pytest.mark.integratie

ZICHTBAARHEID = 4
"""CELERY_VISIBILITY_TIMEOUT of these tests, in seconds: Redis hands an unacknowledged
message to another worker after this long."""


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


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
    app, basis = app_server(omgeving, tmp_path / "app.log")
    werker = celery_worker("regietafel.taken", omgeving, tmp_path / "worker.log")
    try:
        sessie = requests.Session()

        def app_klaar() -> bool:
            try:
                return sessie.get(f"{basis}/account/inloggen/", timeout=30).status_code == 200
            except requests.RequestException:
                return False

        wacht_tot(app_klaar, 60, "gunicorn antwoordt")
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

        wacht_tot(klaar, 240, f"het document is klaar\n{_log(tmp_path / 'worker.log')[-3000:]}")
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
        stop_proces(werker)
        stop_proces(app)


def test_a_worker_killed_mid_job_gets_its_job_redelivered(
    omgeving: dict[str, str], tmp_path: Path
) -> None:
    eerste = celery_worker("tests.taken.proefwerker", omgeving, tmp_path / "worker1.log")
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

        wacht_tot(halverwege, 120, f"de taak is bezig\n{_log(tmp_path / 'worker1.log')[-3000:]}")
        stop_proces(eerste, signal.SIGKILL)  # the worker and its pool process, without warning
        status, pogingen, _ = _taak(omgeving, taak_id)
        assert (status, pogingen) == ("bezig", 1)

        tweede = celery_worker("tests.taken.proefwerker", omgeving, tmp_path / "worker2.log")
        wacht_tot(
            lambda: _taak(omgeving, taak_id)[0] == "klaar",
            120,
            f"de taak is opnieuw bezorgd en klaar\n{_log(tmp_path / 'worker2.log')[-3000:]}",
        )
        assert _taak(omgeving, taak_id)[:2] == ("klaar", 2)
    finally:
        stop_proces(eerste, signal.SIGKILL)
        if tweede is not None:
            stop_proces(tweede)

"""Several servers, one truth (marker ``integratie``, in the PostgreSQL pass of ``make test``):
two app servers (gunicorn, each with a folder of its own and no shared disk) and one Celery
worker on one PostgreSQL database (a copy of the demo in the throwaway cluster of
``scripts/with-postgres.sh``), Redis as the broker, and a real S3-compatible server process
(``moto_server``) as the storage.

1. Both servers are ready (``/gezondheid/gereed/``: database, broker, storage).
2. A document asked for on server A is made by the worker and served by server B; the file
   lives in the bucket, on neither server's disk.
3. A file uploaded on A (the import's preview) is confirmed on B.
4. A worker killed mid-job (SIGKILL, the whole process group): the job is redelivered and
   finished by the next worker; with one attempt allowed it is marked mislukt with a Dutch
   reason. Never lost silently.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.dienstprocessen import (
    S3Server,
    app_server,
    celery_worker,
    redis_server,
    stop_proces,
    wacht_tot,
)
from tests.pg import ROOT, demo_database, omgeving, pg_demo

__all__ = ["demo_database", "pg_demo"]

pytestmark = [pytest.mark.integratie, pytest.mark.postgres, pytest.mark.slow]

ZICHTBAARHEID = 4
"""CELERY_VISIBILITY_TIMEOUT here, in seconds: Redis gives an unacknowledged message to
another worker after this long."""
WACHTWOORD = "regietafel-demo"


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture
def opstelling(
    demo_database: tuple[str, str], redis_url: str, s3: S3Server, tmp_path: Path
) -> dict[str, object]:
    bucket = f"regietafel-{uuid.uuid4().hex[:10]}"
    s3.maak_bucket(bucket)
    gedeeld = {
        **s3.omgeving(bucket, prefix="productie"),
        "CELERY_BROKER_URL": redis_url,
        "CELERY_VISIBILITY_TIMEOUT": str(ZICHTBAARHEID),
        "SECRET_KEY": "een-gedeelde-geheime-sleutel-voor-alle-servers-" + "x" * 20,
        "REGIETAFEL_DEMO": "true",
    }
    return {"database": demo_database[1], "bucket": bucket, "gedeeld": gedeeld}


def _env(opstelling: dict[str, object], map_: Path, **extra: str) -> dict[str, str]:
    gedeeld = opstelling["gedeeld"]
    assert isinstance(gedeeld, dict)
    return omgeving(str(opstelling["database"]), map_, **gedeeld, **extra)


def _app(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    return app_server(env, log, "--timeout", "120")


def _log(pad: Path) -> str:
    return pad.read_text(errors="replace")[-3000:] if pad.exists() else ""


def _gereed(basis: str) -> bool:
    try:
        return requests.get(f"{basis}/gezondheid/gereed/", timeout=30).status_code == 200
    except requests.RequestException:
        return False


def _inloggen(sessie: requests.Session, basis: str, gebruiker: str) -> None:
    pagina = sessie.get(f"{basis}/account/inloggen/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina.text)
    assert token is not None
    r = sessie.post(
        f"{basis}/account/inloggen/",
        data={"username": gebruiker, "password": WACHTWOORD, "csrfmiddlewaretoken": token[1]},
        headers={"Referer": f"{basis}/account/inloggen/"},
        timeout=60,
    )
    assert r.status_code == 200 and "Uitloggen" in r.text, r.text[:500]


def _csrf(html: str) -> str:
    gevonden = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert gevonden is not None
    return gevonden[1]


def _lokale_bestanden(*mappen: Path) -> list[Path]:
    return [p for m in mappen for p in (m / "uploads").rglob("*") if p.is_file()]


def test_a_document_asked_on_one_server_is_served_by_the_other(
    opstelling: dict[str, object], s3: S3Server, tmp_path: Path
) -> None:
    a_map, b_map, w_map = tmp_path / "a", tmp_path / "b", tmp_path / "worker"
    app_a, a = _app(_env(opstelling, a_map), tmp_path / "a.log")
    app_b, b = _app(_env(opstelling, b_map), tmp_path / "b.log")
    werker = celery_worker("regietafel.taken", _env(opstelling, w_map), tmp_path / "worker.log")
    try:
        for basis, log in ((a, "a.log"), (b, "b.log")):
            wacht_tot(
                lambda basis=basis: _gereed(basis), 120, f"{basis} gereed\n{_log(tmp_path / log)}"
            )
            gereed = requests.get(f"{basis}/gezondheid/gereed/", timeout=30).json()
            assert gereed["status"] == "gereed"
            assert {k: v["status"] for k, v in gereed["controles"].items()} == {
                "database": "ok",
                "wachtrij": "ok",
                "opslag": "ok",
            }

        sessie = (
            requests.Session()
        )  # one session cookie for both servers (sessions in the database)
        _inloggen(sessie, a, "lezer")
        assert "Uitloggen" in sessie.get(f"{b}/", timeout=60).text

        pad = "/rapportage/stand-van-zaken/pdf/?peildatum=2025-11-01"
        gevraagd = sessie.get(f"{a}{pad}", allow_redirects=False, timeout=60)
        assert gevraagd.status_code == 303, gevraagd.text[:500]
        status_pad = gevraagd.headers["Location"]
        assert status_pad.startswith("/taken/")

        def klaar_op_b() -> bool:
            deel = sessie.get(f"{b}{status_pad}status/", headers={"HX-Request": "true"}, timeout=60)
            assert 'data-status="mislukt"' not in deel.text, deel.text
            return 'data-status="klaar"' in deel.text

        wacht_tot(klaar_op_b, 300, f"het document is klaar\n{_log(tmp_path / 'worker.log')}")
        bestand = sessie.get(f"{b}{status_pad}bestand/", timeout=60)
        assert bestand.status_code == 200 and bestand.content.startswith(b"%PDF")
        direct = sessie.get(f"{b}{pad}", allow_redirects=False, timeout=60)
        assert direct.status_code == 200 and direct.content == bestand.content
        assert sessie.get(f"{a}{pad}", allow_redirects=False, timeout=60).content == bestand.content

        # The document lives in the bucket, on no server's disk.
        namen = s3.namen(str(opstelling["bucket"]))
        assert any(re.fullmatch(r"productie/taken/[0-9a-f]{64}\.pdf", n) for n in namen), namen
        assert _lokale_bestanden(a_map, b_map, w_map) == []

        # An upload's preview on A, its confirmation on B.
        beheer = requests.Session()
        _inloggen(beheer, a, "secretariaat")
        formulier = beheer.get(f"{a}/aanlevering/", timeout=60)
        csv = "Gemeente;Soort;Realisatie;Peildatum\nAssen;Oekraïne;987;01-11-2025\n".encode()
        voorbeeld = beheer.post(
            f"{a}/aanlevering/",
            data={"soort": "realisatie", "csrfmiddlewaretoken": _csrf(formulier.text)},
            files={"bestand": ("realisatie-assen.csv", csv, "text/csv")},
            headers={"Referer": f"{a}/aanlevering/"},
            timeout=120,
        )
        assert voorbeeld.status_code == 200, voorbeeld.text[:1000]
        checksum = re.search(r'name="checksum" value="([0-9a-f]{64})"', voorbeeld.text)
        assert checksum is not None, voorbeeld.text[:2000]
        assert f"productie/aanlevering/{checksum[1]}.csv" in s3.namen(str(opstelling["bucket"]))
        bevestigd = beheer.post(
            f"{b}/aanlevering/bevestigen/",
            data={"checksum": checksum[1], "csrfmiddlewaretoken": _csrf(voorbeeld.text)},
            headers={"Referer": f"{b}/aanlevering/"},
            timeout=120,
        )
        assert bevestigd.status_code == 200, bevestigd.text[:1000]
        assert "De cijfers zijn opgeslagen." in bevestigd.text
        assert f"productie/aanlevering/{checksum[1]}.csv" not in s3.namen(str(opstelling["bucket"]))
    finally:
        stop_proces(werker)
        stop_proces(app_a)
        stop_proces(app_b)


def _taak(database_url: str, taak_id: str) -> tuple[str, int, int, str]:
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as db:
        rij = db.execute(
            "SELECT status, pogingen, voortgang, reden FROM taken_taak WHERE id = %s",
            (uuid.UUID(taak_id),),
        ).fetchone()
    assert rij is not None, taak_id
    return rij[0], rij[1], rij[2], rij[3]


def _plaats_proeftaak(env: dict[str, str]) -> str:
    geplaatst = subprocess.run(
        [sys.executable, "-m", "tests.taken.proefwerker"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return geplaatst.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("max_pogingen", [3, 1])
def test_a_job_survives_a_worker_killed_mid_job(
    opstelling: dict[str, object], tmp_path: Path, max_pogingen: int
) -> None:
    database = str(opstelling["database"])
    env = _env(opstelling, tmp_path / "w", REGIETAFEL_TAAK_MAX_POGINGEN=str(max_pogingen))
    eerste = celery_worker("tests.taken.proefwerker", env, tmp_path / "worker1.log")
    tweede = None
    try:
        taak_id = _plaats_proeftaak(env)

        def halverwege() -> bool:
            status, _, voortgang, _ = _taak(database, taak_id)
            assert status in ("wachtrij", "bezig"), status
            return status == "bezig" and voortgang >= 25

        wacht_tot(halverwege, 120, f"de taak is bezig\n{_log(tmp_path / 'worker1.log')}")
        stop_proces(eerste, signal.SIGKILL)  # the worker and its pool process, without warning
        assert _taak(database, taak_id)[:2] == ("bezig", 1)

        tweede = celery_worker("tests.taken.proefwerker", env, tmp_path / "worker2.log")
        wacht_tot(
            lambda: _taak(database, taak_id)[0] in ("klaar", "mislukt"),
            120,
            f"de taak is opnieuw bezorgd\n{_log(tmp_path / 'worker2.log')}",
        )
        status, pogingen, _, reden = _taak(database, taak_id)
        if max_pogingen > 1:
            assert (status, pogingen) == ("klaar", 2)
        else:
            assert (status, pogingen) == ("mislukt", 1)
            assert reden.startswith(
                "de taak is 1 keer begonnen en telkens afgebroken doordat de worker stopte."
            )
    finally:
        stop_proces(eerste, signal.SIGKILL)
        if tweede is not None:
            stop_proces(tweede)

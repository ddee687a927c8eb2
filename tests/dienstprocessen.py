"""Real service processes for tests, each on a free port of 127.0.0.1, stopped afterwards:
an S3-compatible object store (moto's ``moto_server``, in the lock with flask), an SMTP
server (aiosmtpd, writing every message to a Maildir), Redis, and regietafel's own app
server (gunicorn) and Celery worker. All but Redis come from the virtualenv, so they never
need a download or a package from the system."""

from __future__ import annotations

import contextlib
import mailbox
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]
S3_SLEUTEL = "regietafel-test"
S3_GEHEIM = "regietafel-test-geheim"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wacht_tot(voorwaarde: Callable[[], bool], seconden: float, wat: str) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.1)
    raise AssertionError(f"na {seconden} s nog niet: {wat}")


def _luistert(poort: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", poort), timeout=1):
            return True
    except OSError:
        return False


def _stop(proces: subprocess.Popen[bytes]) -> None:
    proces.terminate()
    try:
        proces.wait(10)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait(10)


@dataclass(frozen=True)
class S3Server:
    endpoint: str

    def omgeving(self, bucket: str, prefix: str = "") -> dict[str, str]:
        """The environment that points regietafel at ``bucket`` on this server."""
        return {
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_ACCESS_KEY_ID": S3_SLEUTEL,
            "S3_SECRET_ACCESS_KEY": S3_GEHEIM,
            "S3_REGION": "us-east-1",
            "S3_ADDRESSING_STYLE": "path",
            "S3_PREFIX": prefix,
        }

    def storage(self, bucket: str, prefix: str = "") -> dict[str, Any]:
        """``STORAGES["default"]`` for ``bucket`` on this server (a test's settings)."""
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": self.endpoint,
                "access_key": S3_SLEUTEL,
                "secret_key": S3_GEHEIM,
                "region_name": "us-east-1",
                "addressing_style": "path",
                "location": prefix,
                "file_overwrite": True,
            },
        }

    def client(self):  # type: ignore[no-untyped-def]
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=S3_SLEUTEL,
            aws_secret_access_key=S3_GEHEIM,
            region_name="us-east-1",
        )

    def maak_bucket(self, bucket: str) -> None:
        self.client().create_bucket(Bucket=bucket)

    def namen(self, bucket: str) -> list[str]:
        pagina = self.client().list_objects_v2(Bucket=bucket)
        return sorted(o["Key"] for o in pagina.get("Contents", []))


@contextlib.contextmanager
def s3_server(log: Path) -> Iterator[S3Server]:
    """``moto_server`` as a separate process."""
    poort = vrije_poort()
    with log.open("ab") as uit:
        proces = subprocess.Popen(
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(poort)],
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
    try:
        wacht_tot(lambda: _luistert(poort), 60, f"moto_server luistert op {poort}")
        yield S3Server(f"http://127.0.0.1:{poort}")
    finally:
        _stop(proces)


@dataclass(frozen=True)
class SmtpServer:
    poort: int
    maildir: Path

    def berichten(self) -> list[mailbox.MaildirMessage]:
        return list(mailbox.Maildir(self.maildir, create=False))

    def wacht_op(self, aantal: int, seconden: float = 30) -> list[mailbox.MaildirMessage]:
        wacht_tot(lambda: len(self.berichten()) >= aantal, seconden, f"{aantal} berichten")
        return self.berichten()


@contextlib.contextmanager
def smtp_server(map_: Path) -> Iterator[SmtpServer]:
    """aiosmtpd as a separate process; every message it accepts lands in a Maildir."""
    poort = vrije_poort()
    maildir = map_ / "maildir"
    mailbox.Maildir(maildir, create=True)
    with (map_ / "smtp.log").open("ab") as uit:
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                f"127.0.0.1:{poort}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                str(maildir),
            ],
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
    try:
        wacht_tot(lambda: _luistert(poort), 30, f"aiosmtpd luistert op {poort}")
        yield SmtpServer(poort, maildir)
    finally:
        _stop(proces)


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """``redis-server`` (Debian's) on a free port, nothing written to disk; its URL. Without
    the program the test is skipped, unless CI=true: then it fails (CI skips nothing)."""
    import os
    import shutil

    import pytest

    programma = shutil.which("redis-server")
    if programma is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server ontbreekt; CI slaat niets over (.ci/run installeert het).")
        pytest.skip("OVERGESLAGEN: redis-server ontbreekt (Debian: apt-get install redis-server).")
    poort = vrije_poort()
    proces = subprocess.Popen(
        [
            programma,
            "--port",
            str(poort),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wacht_tot(lambda: _luistert(poort), 30, f"redis-server luistert op {poort}")
        yield f"redis://127.0.0.1:{poort}/0"
    finally:
        _stop(proces)


def start_proces(argumenten: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A process of its own group (so ``stop_proces`` ends its children too), run from the
    repository, its output appended to ``log``."""
    with log.open("ab") as uit:
        return subprocess.Popen(
            argumenten,
            env=env,
            cwd=ROOT,
            stdout=uit,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_proces(proces: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """``sig`` to the whole group (SIGKILL: a crashed machine); SIGKILL after 30 s."""
    try:
        os.killpg(proces.pid, sig)
    except ProcessLookupError:
        return
    try:
        proces.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait(10)


def app_server(
    env: dict[str, str], log: Path, *argumenten: str
) -> tuple[subprocess.Popen[bytes], str]:
    """gunicorn with two workers on a free port; the process and its base URL."""
    poort = vrije_poort()
    proces = start_proces(
        [
            str(BIN / "gunicorn"),
            "regietafel.wsgi:application",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            "2",
            *argumenten,
        ],
        env,
        log,
    )
    return proces, f"http://127.0.0.1:{poort}"


def celery_worker(app: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """One Celery worker of ``app`` that takes one job at a time."""
    return start_proces(
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

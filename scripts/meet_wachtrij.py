"""``python -m scripts.meet_wachtrij``: enqueue-to-start latency and throughput of a no-op
job (``tests.taken.proefwerker.noop``) with one Celery worker process (prefork, concurrency
1), for Redis (a real ``redis-server`` on a free port) and the embedded default (kombu's
filesystem transport). Latency: 30 jobs one after another, each sent when the previous one
ran; throughput: 300 jobs sent at once, first send to last start."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _regels(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def meet(broker: str, map_: Path) -> dict[str, float]:
    log = map_ / "noop.log"
    env = {
        **os.environ,
        "CELERY_BROKER_URL": broker,
        "REGIETAFEL_VAR_DIR": str(map_),
        "PROEF_LOG": str(log),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "regietafel.settings",
    }
    os.environ.update(env)
    werker = subprocess.Popen(
        [
            str(BIN / "celery"),
            "-A",
            "tests.taken.proefwerker",
            "worker",
            "--concurrency=1",
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import django

        django.setup()
        from tests.taken.proefwerker import app, noop

        app.conf.broker_url = broker
        noop.delay(time.time())  # warm-up: the worker is up when this one ran
        einde = time.monotonic() + 60
        while not _regels(log) and time.monotonic() < einde:
            time.sleep(0.05)
        log.write_text("")
        for i in range(30):
            noop.delay(time.time())
            while len(_regels(log)) <= i:
                time.sleep(0.002)
        wachttijden = [float(r.split()[0]) for r in _regels(log)]
        log.write_text("")
        begin = time.time()
        for _ in range(300):
            noop.delay(time.time())
        while len(_regels(log)) < 300:
            time.sleep(0.01)
        laatste = max(float(r.split()[1]) for r in _regels(log))
        return {
            "latentie_mediaan_ms": 1000 * statistics.median(wachttijden),
            "latentie_p95_ms": 1000 * sorted(wachttijden)[int(0.95 * len(wachttijden)) - 1],
            "doorvoer_per_s": 300 / (laatste - begin),
        }
    finally:
        os.killpg(werker.pid, signal.SIGTERM)
        werker.wait(30)


def main() -> int:
    soort = sys.argv[1] if len(sys.argv) > 1 else "redis"
    with tempfile.TemporaryDirectory(prefix="regietafel-wachtrij-") as tmp:
        map_ = Path(tmp)
        if soort == "redis":
            poort = _poort()
            redis = subprocess.Popen(
                [
                    shutil.which("redis-server") or "redis-server",
                    "--port",
                    str(poort),
                    "--save",
                    "",
                ],
                stdout=subprocess.DEVNULL,
            )
            time.sleep(1)
            try:
                uitkomst = meet(f"redis://127.0.0.1:{poort}/0", map_)
            finally:
                redis.terminate()
        else:
            uitkomst = meet("filesystem://", map_)
    print(soort, {k: round(v, 1) for k, v in uitkomst.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A Celery app for the integration tests: the real one (``regietafel.taken.celery``) plus a
job kind that takes a few seconds with progress, so a test can kill its worker mid-job.

``celery -A tests.taken.proefwerker worker``; enqueue with ``python -m tests.taken.proefwerker``
(prints the job's id)."""

from __future__ import annotations

import time

from regietafel.taken import soorten
from regietafel.taken.celery import app

__all__ = ["app"]

STAPPEN = 12


def _wacht(taak: object, voortgang: soorten.Voortgang) -> soorten.Resultaat:
    for stap in range(STAPPEN):
        voortgang(100 * stap // STAPPEN, f"stap {stap + 1} van {STAPPEN}")
        time.sleep(0.5)
    return soorten.Resultaat(bestand=b"klaar\n", extensie="csv", bestandsnaam="proef.csv")


soorten.registreer(soorten.Taaksoort("proef.wacht", _wacht))


if __name__ == "__main__":
    import django

    django.setup()
    from regietafel.taken import services

    print(services.plaats(door=None, soort="proef.wacht", omschrijving="Proef").pk.hex)


@app.task(name="proef.noop", ignore_result=True)
def noop(verstuurd: float) -> None:
    """A job that does nothing but write how long it waited (scripts/meet_wachtrij.py)."""
    import os

    with open(os.environ["PROEF_LOG"], "a", encoding="utf-8") as uit:
        uit.write(f"{time.time() - verstuurd:.6f} {time.time():.6f}\n")

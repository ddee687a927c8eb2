"""The Celery task that sends one message (``services.verstuur``); the queue carries its id."""

from __future__ import annotations

from regietafel.berichten import services
from regietafel.taken.celery import app


@app.task(name="regietafel.berichten.verstuur", ignore_result=True)
def verstuur_bericht(bericht_id: int) -> None:
    services.verstuur(bericht_id)

"""The Celery tasks: thin, the work is in ``services`` (testable without a broker).

Acknowledged late and rejected when the worker process is lost (settings): a worker killed
in the middle of a job leaves the message with the broker, which hands it to another worker
(Redis: after the visibility timeout); ``services.neem_aan`` then takes the job over, up to
``REGIETAFEL_TAAK_MAX_POGINGEN`` attempts.
"""

from __future__ import annotations

from regietafel.taken import services
from regietafel.taken.celery import app


@app.task(name="regietafel.taken.voer_uit", ignore_result=True)
def voer_uit_taak(taak_id: str) -> None:
    services.voer_uit(taak_id)


@app.task(name="regietafel.taken.ruim_op", ignore_result=True)
def ruim_op_taken() -> None:
    services.ruim_op()

"""The scheduled run of the reminders (Celery beat, ``CELERY_BEAT_SCHEDULE``): every quarter
of an hour, from ``REGIETAFEL_HERINNERINGEN_VANAF_UUR`` (local time) on, so the day's mail goes
out in the morning; later runs that day find every key planned and send nothing. It also
sweeps the mail (``berichten.services.ruim_op``)."""

from __future__ import annotations

from django.conf import settings

from regietafel.taken.celery import app


@app.task(name="regietafel.herinneringen.herinner", ignore_result=True)
def herinner_taak() -> None:
    from regietafel.berichten.services import ruim_op
    from regietafel.core import klok
    from regietafel.herinneringen.services import herinner

    ruim_op()
    if klok.lokaal(klok.nu()).hour >= int(
        getattr(settings, "REGIETAFEL_HERINNERINGEN_VANAF_UUR", 7)
    ):
        herinner()

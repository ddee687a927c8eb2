"""Writes of jobs: enqueue after commit, take on, report progress, finish, fail, sweep.

The web side calls ``plaats`` (a new job, sent to the queue when the transaction commits) or
``document`` (a stored document for the current data version is reused, an open job for it
is joined). The worker calls ``voer_uit`` with the job's id; Celery (``taken.celery``,
``taken.tasks``) only carries that id. Every state a user sees is written here.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from regietafel.audit.gegevensversie import data_versie
from regietafel.core import grafiek, klok
from regietafel.gemeenten.models import Provincie
from regietafel.taken import opslag, soorten
from regietafel.taken.models import OPEN, Taak, TaakStatus

logger = logging.getLogger(__name__)

ONVERWACHT = (
    "er ging iets onverwachts mis bij het uitvoeren. Probeer het opnieuw; blijft het "
    "misgaan, meld het dan aan de beheerder (de fout staat in het logboek van de worker)."
)
TE_LANG = "de taak duurde langer dan {minuten} minuten en is gestopt."
WACHTRIJ_ONBEREIKBAAR = (
    "de wachtrij is niet bereikbaar, de taak kon niet worden ingepland. Probeer het later "
    "opnieuw of meld het aan de beheerder."
)


def _instelling(naam: str, standaard: int) -> int:
    return int(getattr(settings, naam, standaard))


def max_pogingen() -> int:
    return _instelling("REGIETAFEL_TAAK_MAX_POGINGEN", 3)


# --- the web side ---------------------------------------------------------------------------


def plaats(
    *,
    door: Any,
    soort: str,
    omschrijving: str,
    parameters: dict[str, Any] | None = None,
    provincie: Provincie | None = None,
    sleutel: str = "",
    versie: str = "",
    terug_url: str = "",
) -> Taak:
    """A new job in the queue. It is sent to the broker when the surrounding transaction
    commits (``transaction.on_commit``): a worker never sees a job that was rolled back."""
    if soorten.zoek(soort) is None:
        raise ValidationError(f"Onbekende taaksoort {soort!r}.")
    with transaction.atomic():
        taak = Taak.objects.create(
            soort=soort,
            omschrijving=omschrijving[:300],
            sleutel=sleutel[:200],
            parameters=parameters or {},
            provincie=provincie,
            aangevraagd_door=door if getattr(door, "pk", None) else None,
            data_versie=versie,
            terug_url=terug_url[:300],
        )
        transaction.on_commit(lambda: stuur(taak.pk))
    return taak


def stuur(taak_id: uuid.UUID) -> None:
    """Send the job's id to the queue; a broker that cannot be reached fails the job in Dutch
    (the user sees why) instead of leaving it waiting for ever."""
    from regietafel.taken.tasks import voer_uit_taak

    try:
        voer_uit_taak.apply_async(args=[str(taak_id)], retry=True, retry_policy={"max_retries": 2})
    except Exception:
        if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            raise
        logger.exception("taak %s: de wachtrij is niet bereikbaar", taak_id)
        Taak.objects.filter(pk=taak_id, status=TaakStatus.WACHTRIJ).update(
            status=TaakStatus.MISLUKT, reden=WACHTRIJ_ONBEREIKBAAR, klaar_op=klok.nu()
        )


def bruikbaar(taak: Taak | None) -> bool:
    """An open job, or a finished one whose file is still stored."""
    if taak is None:
        return False
    if taak.open:
        return True
    if not taak.heeft_bestand:
        return False
    return opslag.MAP.bestaat(taak.bestand_checksum, taak.bestand_extensie)


def document(
    *,
    door: Any,
    soort: str,
    sleutel: str,
    omschrijving: str,
    parameters: dict[str, Any],
    provincie: Provincie | None = None,
    terug_url: str = "",
    vooraf: Callable[[], None] | None = None,
) -> Taak:
    """The job that makes (or made) this document for the current data version: a finished
    one whose file is still stored, or an open one (a second user joins the first); else a new
    job. ``vooraf`` checks the request before a job is made (it raises a Dutch error)."""
    versie = data_versie()
    # Only what serving a stored file or redirecting to an open job reads (views.bestand):
    # this lookup is the download's hot path, the other fields load when asked for.
    bestaand = (
        Taak.objects.filter(soort=soort, sleutel=sleutel, data_versie=versie)
        .exclude(status=TaakStatus.MISLUKT)
        .order_by("-aangemaakt_op")
        .only("id", "status", "bestand_checksum", "bestand_extensie", "bestandsnaam")
        .first()
    )
    if bruikbaar(bestaand):
        assert bestaand is not None
        return bestaand
    if vooraf is not None:
        vooraf()
    try:
        return plaats(
            door=door,
            soort=soort,
            omschrijving=omschrijving,
            parameters=parameters,
            provincie=provincie,
            sleutel=sleutel,
            versie=versie,
            terug_url=terug_url,
        )
    except IntegrityError:
        # Another request made the same job a moment ago (the unique constraint on open jobs).
        return Taak.objects.get(soort=soort, sleutel=sleutel, data_versie=versie, status__in=OPEN)


# --- the worker side ------------------------------------------------------------------------


def neem_aan(taak_id: str | uuid.UUID) -> Taak | None:
    """Mark the job bezig for this attempt; None when there is nothing (more) to do.

    A job found bezig was taken on by a worker that died (the broker redelivered it after
    the visibility timeout, or a pool process was killed): it is taken over. Past
    ``REGIETAFEL_TAAK_MAX_POGINGEN`` attempts it is marked mislukt in Dutch."""
    nu = klok.nu()
    with transaction.atomic():
        taak = Taak.objects.select_for_update().filter(pk=taak_id).first()
        if taak is None or not taak.open:
            return None
        if taak.pogingen >= max_pogingen():
            taak.status = TaakStatus.MISLUKT
            taak.reden = (
                f"de taak is {taak.pogingen} keer begonnen en telkens afgebroken doordat de "
                "worker stopte. Vraag het opnieuw aan; gebeurt het weer, meld het dan aan de "
                "beheerder."
            )
            taak.klaar_op = nu
            taak.save(update_fields=["status", "reden", "klaar_op"])
            return None
        taak.status = TaakStatus.BEZIG
        taak.pogingen += 1
        taak.begonnen_op = taak.bijgewerkt_op = nu
        taak.voortgang = 0
        taak.stap = "" if taak.pogingen == 1 else f"poging {taak.pogingen}"
        taak.save(
            update_fields=[
                "status",
                "pogingen",
                "begonnen_op",
                "bijgewerkt_op",
                "voortgang",
                "stap",
            ]
        )
    return taak


def meld_voortgang(taak: Taak, procent: int, stap: str = "") -> None:
    """How far the job is; also its sign of life for the sweep. Outside any transaction of
    the job's own work, so the status page sees it at once."""
    procent = max(0, min(99, int(procent)))
    Taak.objects.filter(pk=taak.pk, status=TaakStatus.BEZIG).update(
        voortgang=procent, stap=stap[:200], bijgewerkt_op=klok.nu()
    )
    taak.voortgang, taak.stap = procent, stap


def rond_af(taak: Taak, resultaat: soorten.Resultaat) -> None:
    velden: dict[str, Any] = {
        "status": TaakStatus.KLAAR,
        "voortgang": 100,
        "stap": resultaat.melding[:200],
        "klaar_op": klok.nu(),
        "bijgewerkt_op": klok.nu(),
        "resultaat": resultaat.gegevens,
    }
    if resultaat.bestand is not None:
        velden["bestand_checksum"] = opslag.bewaar(resultaat.bestand, resultaat.extensie)
        velden["bestand_extensie"] = resultaat.extensie
        velden["bestandsnaam"] = resultaat.bestandsnaam[:200]
    Taak.objects.filter(pk=taak.pk).update(**velden)


def mislukt(taak: Taak, reden: str) -> None:
    Taak.objects.filter(pk=taak.pk).update(
        status=TaakStatus.MISLUKT, reden=reden[:500], klaar_op=klok.nu()
    )


def voer_uit(taak_id: str | uuid.UUID) -> None:
    """Run one job to its end: klaar with its result, or mislukt with a Dutch reason."""
    taak = neem_aan(taak_id)
    if taak is None:
        return
    soort = soorten.zoek(taak.soort)
    if soort is None:
        mislukt(taak, f"deze worker kent de taaksoort {taak.soort!r} niet.")
        return

    def voortgang(procent: int, stap: str = "") -> None:
        meld_voortgang(taak, procent, stap)

    try:
        resultaat = soort.voer_uit(taak, voortgang)
    except soorten.TaakFout as exc:
        mislukt(taak, str(exc))
    except Exception as exc:
        if type(exc).__name__ == "SoftTimeLimitExceeded":
            limiet = _instelling("CELERY_TASK_SOFT_TIME_LIMIT", 540)
            mislukt(taak, TE_LANG.format(minuten=max(1, limiet // 60)))
            return
        logger.exception("taak %s (%s) mislukt", taak.pk, taak.soort)
        mislukt(taak, ONVERWACHT)
    else:
        rond_af(taak, resultaat)


def ruim_op(nu: dt.datetime | None = None) -> dict[str, int]:
    """The sweep (every few minutes from the scheduler, or ``regietafel taken opruimen``):

    - a job bezig without a sign of life for ``REGIETAFEL_TAAK_VASTGELOPEN_MINUTEN`` is
      mislukt (its worker died and no broker redelivered it);
    - a job in the queue for ``REGIETAFEL_TAAK_WACHTRIJ_MINUTEN`` is mislukt (no worker runs,
      or the broker lost it): never a job that waits for ever without a word;
    - finished jobs older than ``REGIETAFEL_TAAK_BEWAAR_DAGEN`` are removed with their files;
    - stored charts not written for ``REGIETAFEL_GRAFIEK_BEWAAR_DAGEN`` days are removed
      (``core.grafiek.ruim_op``).
    """
    nu = nu or klok.nu()
    vastgelopen_min = _instelling("REGIETAFEL_TAAK_VASTGELOPEN_MINUTEN", 30)
    wachtrij_min = _instelling("REGIETAFEL_TAAK_WACHTRIJ_MINUTEN", 120)
    bewaar_dagen = _instelling("REGIETAFEL_TAAK_BEWAAR_DAGEN", 14)
    vastgelopen = Taak.objects.filter(
        status=TaakStatus.BEZIG, bijgewerkt_op__lt=nu - dt.timedelta(minutes=vastgelopen_min)
    ).update(
        status=TaakStatus.MISLUKT,
        klaar_op=nu,
        reden=(
            f"de taak gaf {vastgelopen_min} minuten geen teken van leven en is afgebroken "
            "(de worker is waarschijnlijk gestopt). Vraag het opnieuw aan."
        ),
    )
    niet_opgepakt = Taak.objects.filter(
        status=TaakStatus.WACHTRIJ, aangemaakt_op__lt=nu - dt.timedelta(minutes=wachtrij_min)
    ).update(
        status=TaakStatus.MISLUKT,
        klaar_op=nu,
        reden=(
            f"geen worker heeft de taak binnen {wachtrij_min} minuten opgepakt. Vraag het "
            "opnieuw aan; blijft het liggen, meld het dan aan de beheerder."
        ),
    )
    oud = Taak.objects.filter(
        status__in=[TaakStatus.KLAAR, TaakStatus.MISLUKT],
        aangemaakt_op__lt=nu - dt.timedelta(days=bewaar_dagen),
    )
    bestanden = set(
        oud.exclude(bestand_checksum="").values_list("bestand_checksum", "bestand_extensie")
    )
    verwijderd, _ = oud.delete()
    nog_gebruikt = set(
        Taak.objects.filter(bestand_checksum__in=[c for c, _ in bestanden]).values_list(
            "bestand_checksum", "bestand_extensie"
        )
    )
    for checksum, extensie in bestanden - nog_gebruikt:
        opslag.verwijder(checksum, extensie)
    grafieken = grafiek.ruim_op(_instelling("REGIETAFEL_GRAFIEK_BEWAAR_DAGEN", 30), nu)
    return {
        "vastgelopen": vastgelopen,
        "niet_opgepakt": niet_opgepakt,
        "verwijderd": verwijderd,
        "grafieken": grafieken,
    }

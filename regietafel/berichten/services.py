"""Writes of e-mail: plan a message (after commit it goes to the queue), send it (the worker),
sweep, and a user's choices.

``plan`` is called by the services of the apps, inside their transaction: the ``Bericht`` row
with its unique key is written with their change, and the message is sent to the queue when
that transaction commits (``transaction.on_commit``). A key that exists already (the same
reason) plans nothing: never twice.

``verstuur`` (the worker) takes a message from ``wachtrij`` to ``bezig`` with one conditional
UPDATE before it talks to the mail server, so a redelivered or doubled queue message never
sends it again. A refusal or an unreachable server puts it back for a later attempt, up to
``REGIETAFEL_BERICHT_MAX_POGINGEN``; then it is ``mislukt`` with a Dutch reason. A worker that
dies while sending leaves it ``bezig``: the sweep marks it ``mislukt`` ("onbekend of het is
aangekomen") rather than risk a second copy. A message the queue lost is sent again by the sweep.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string

from regietafel.audit.services import registreer
from regietafel.berichten import soorten
from regietafel.berichten.models import Bericht, BerichtStatus, Berichtvoorkeur
from regietafel.berichten.queries import ontvangt
from regietafel.core import klok

logger = logging.getLogger(__name__)


def _instelling(naam: str, standaard: int) -> int:
    return int(getattr(settings, naam, standaard))


def basis_url() -> str:
    """The site's address for links in mail (``REGIETAFEL_BASIS_URL``), without a slash at
    the end."""
    return str(getattr(settings, "REGIETAFEL_BASIS_URL", "http://127.0.0.1:8000")).rstrip("/")


# --- the web side ---------------------------------------------------------------------------


def plan(
    *,
    door: Any,
    soort: str,
    sleutel: str,
    ontvanger: Any,
    onderwerp: str,
    template: str,
    context: dict[str, Any],
    uit: set[str] | None = None,
) -> Bericht | None:
    """Plan one message to ``ontvanger``: rendered now (``<template>.txt`` and ``.html``),
    sent after commit. None when the user gets no mail of this kind, or when a message with
    this ``sleutel`` exists already. ``door`` is who caused it (unused in the row: a message
    is the system's; kept for the services' contract)."""
    berichtsoort = soorten.zoek(soort)
    if berichtsoort is None:
        raise ValidationError(f"Onbekende berichtsoort {soort!r}.")
    if not ontvangt(ontvanger, berichtsoort, uit):
        return None
    if Bericht.objects.filter(sleutel=sleutel).exists():
        return None
    inhoud = {**context, "ontvanger": ontvanger, "basis_url": basis_url(), "soort": berichtsoort}
    tekst = render_to_string(f"{template}.txt", inhoud)
    html = render_to_string(f"{template}.html", inhoud)
    try:
        with transaction.atomic():
            bericht = Bericht.objects.create(
                sleutel=sleutel[:200],
                soort=soort,
                ontvanger=ontvanger,
                adres=ontvanger.email,
                onderwerp=onderwerp[:200],
                tekst=tekst,
                html=html,
            )
    except IntegrityError:
        return None  # the same reason, planned a moment ago by another process
    transaction.on_commit(lambda: stuur(bericht.pk))
    return bericht


def stuur(bericht_id: int, *, wacht: int = 0) -> None:
    """Give the message to the queue. A broker that cannot be reached leaves it in the
    wachtrij: the sweep sends it again."""
    from regietafel.berichten.tasks import verstuur_bericht

    try:
        verstuur_bericht.apply_async(
            args=[bericht_id], countdown=wacht, retry=True, retry_policy={"max_retries": 2}
        )
    except Exception:
        if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            raise
        logger.exception("bericht %s: de wachtrij is niet bereikbaar", bericht_id)


@transaction.atomic
def zet_voorkeur(*, door: Any, gebruiker: Any, aan: Iterable[str]) -> Berichtvoorkeur:
    """The user's choice: the non-essential kinds in ``aan`` stay on, the others that can
    reach the user go off. Only the user itself chooses."""
    if getattr(door, "pk", None) is None or door.pk != gebruiker.pk:
        raise PermissionDenied("Alleen de gebruiker zelf kiest welke e-mail hij krijgt.")
    mogelijk = {s.naam: s for s in soorten.voor_gebruiker(gebruiker)}
    aan = set(aan)
    onbekend = sorted(aan - set(mogelijk))
    if onbekend:
        raise ValidationError(f"Onbekende soort e-mail: {', '.join(onbekend)}.", code="soort")
    voorkeur, _ = Berichtvoorkeur.objects.select_for_update().get_or_create(gebruiker=gebruiker)
    oud = set(voorkeur.uit)
    # Keep what was switched off for kinds this user cannot get now (a role that changed).
    nieuw = {n for n in oud if n not in mogelijk} | {
        n for n, s in mogelijk.items() if not s.essentieel and n not in aan
    }
    if nieuw != oud:
        voorkeur.uit = sorted(nieuw)
        voorkeur.save(update_fields=["uit"])
        registreer(
            door=door,
            actie="gewijzigd",
            obj=voorkeur,
            wijzigingen={n: [n not in oud, n not in nieuw] for n in sorted(oud ^ nieuw)},
            bron="berichtvoorkeuren",
        )
    return voorkeur


# --- the worker side ------------------------------------------------------------------------


def _neem_aan(bericht_id: int) -> Bericht | None:
    """``wachtrij`` → ``bezig`` in one conditional UPDATE: only one worker ever sends it."""
    nu = klok.nu()
    genomen = Bericht.objects.filter(pk=bericht_id, status=BerichtStatus.WACHTRIJ).update(
        status=BerichtStatus.BEZIG, pogingen=F("pogingen") + 1, bijgewerkt_op=nu
    )
    return Bericht.objects.get(pk=bericht_id) if genomen else None


def _mail(bericht: Bericht) -> Any:
    from django.core.mail import EmailMultiAlternatives

    mail = EmailMultiAlternatives(
        subject=bericht.onderwerp,
        body=bericht.tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[bericht.adres],
        headers={"Auto-Submitted": "auto-generated", "X-Regietafel-Soort": bericht.soort},
    )
    if bericht.html:
        mail.attach_alternative(bericht.html, "text/html")
    return mail


def _reden(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "de mailserver weigerde het adres van de ontvanger."
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "de mailserver weigerde de aanmelding (EMAIL_HOST_USER en EMAIL_HOST_PASSWORD)."
    if isinstance(exc, smtplib.SMTPException):
        return f"de mailserver weigerde het bericht ({type(exc).__name__})."
    return f"de mailserver was niet bereikbaar ({type(exc).__name__})."


def verstuur(bericht_id: int) -> str:
    """Send one message (the worker); returns its status afterwards."""
    bericht = _neem_aan(bericht_id)
    if bericht is None:
        return "niets te doen"
    try:
        _mail(bericht).send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as exc:
        logger.warning("bericht %s: versturen mislukt", bericht.pk, exc_info=True)
        reden = _reden(exc)
        if bericht.pogingen < _instelling("REGIETAFEL_BERICHT_MAX_POGINGEN", 3):
            Bericht.objects.filter(pk=bericht.pk).update(
                status=BerichtStatus.WACHTRIJ, reden=reden, bijgewerkt_op=klok.nu()
            )
            stuur(bericht.pk, wacht=60 * bericht.pogingen)
            return BerichtStatus.WACHTRIJ
        Bericht.objects.filter(pk=bericht.pk).update(
            status=BerichtStatus.MISLUKT,
            reden=f"na {bericht.pogingen} pogingen niet verstuurd: {reden}",
            bijgewerkt_op=klok.nu(),
        )
        return BerichtStatus.MISLUKT
    Bericht.objects.filter(pk=bericht.pk).update(
        status=BerichtStatus.VERZONDEN, reden="", verzonden_op=klok.nu(), bijgewerkt_op=klok.nu()
    )
    return BerichtStatus.VERZONDEN


# A key must outlive every reason that can plan it again: a reminder round's window lies
# within a few months of its peildatum (domain.aanlevertermijn), a summary is keyed by its day.
MIN_BEWAAR_DAGEN = 180


def ruim_op(nu: dt.datetime | None = None) -> dict[str, int]:
    """The sweep (with the reminders, from the scheduler): a message the queue lost (in the
    wachtrij for ``REGIETAFEL_BERICHT_WACHTRIJ_MINUTEN``) goes to the queue again; one left
    ``bezig`` by a worker that died is mislukt, not sent twice. Sent and failed messages
    (their text holds names and remarks) are deleted after ``REGIETAFEL_BERICHT_BEWAAR_DAGEN``
    (at least ``MIN_BEWAAR_DAGEN``, so a deleted key can never send a reason twice)."""
    nu = nu or klok.nu()
    bewaar = max(_instelling("REGIETAFEL_BERICHT_BEWAAR_DAGEN", 365), MIN_BEWAAR_DAGEN)
    verwijderd, _ = Bericht.objects.filter(
        status__in=[BerichtStatus.VERZONDEN, BerichtStatus.MISLUKT],
        aangemaakt_op__lt=nu - dt.timedelta(days=bewaar),
    ).delete()
    wachtrij = _instelling("REGIETAFEL_BERICHT_WACHTRIJ_MINUTEN", 30)
    bezig = _instelling("REGIETAFEL_BERICHT_BEZIG_MINUTEN", 30)
    vastgelopen = Bericht.objects.filter(
        status=BerichtStatus.BEZIG, bijgewerkt_op__lt=nu - dt.timedelta(minutes=bezig)
    ).update(
        status=BerichtStatus.MISLUKT,
        bijgewerkt_op=nu,
        reden=(
            "de worker stopte tijdens het versturen; onbekend of het bericht is aangekomen. "
            "Het wordt niet nog eens verstuurd, om een dubbel bericht te voorkomen."
        ),
    )
    opnieuw = list(
        Bericht.objects.filter(
            status=BerichtStatus.WACHTRIJ, bijgewerkt_op__lt=nu - dt.timedelta(minutes=wachtrij)
        ).values_list("pk", flat=True)[:1000]
    )
    for pk in opnieuw:
        Bericht.objects.filter(pk=pk).update(bijgewerkt_op=nu)
        stuur(pk)
    return {"vastgelopen": vastgelopen, "opnieuw": len(opnieuw), "verwijderd": verwijderd}

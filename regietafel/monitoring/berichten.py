"""The e-mail of this app (``regietafel.berichten``): a returned submission mails the
secretariaat's remark to whoever submitted. Registered in ``apps.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from regietafel.berichten.soorten import Berichtsoort
from regietafel.core import opmaak
from regietafel.monitoring.permissions import eigen_gemeente_id

if TYPE_CHECKING:
    from regietafel.monitoring.models import Inzending

TERUGGESTUURD = Berichtsoort(
    "monitoring.teruggestuurd",
    "Teruggestuurde inzending",
    "Als het secretariaat uw ingediende cijfers terugstuurt: de opmerking, met een link om ze "
    "verbeterd opnieuw in te dienen.",
    essentieel=True,
    voor=lambda gebruiker: eigen_gemeente_id(gebruiker) is not None,
    volgorde=20,
)


def mail_teruggestuurd(door: Any, inzending: Inzending) -> None:
    """Mail the remark to the submitter when the transaction commits; one message per
    returned submission (its key)."""
    from django.urls import reverse

    from regietafel.berichten.services import plan

    onderwerp = (
        f"Uw cijfers voor {opmaak.datum(inzending.peildatum)} zijn teruggestuurd "
        f"({inzending.gemeente.naam})"
    )
    plan(
        door=door,
        soort=TERUGGESTUURD.naam,
        sleutel=f"teruggestuurd:{inzending.pk}",
        ontvanger=inzending.ingediend_door,
        onderwerp=onderwerp,
        template="monitoring/mail/teruggestuurd",
        context={
            "inzending": inzending,
            "onderwerp": onderwerp,
            "opnieuw_pad": f"{reverse('inzendingen')}?opnieuw={inzending.pk}",
            "inzending_pad": reverse("inzending", args=[inzending.pk]),
        },
    )

"""The e-mail of this app (``regietafel.berichten``), both essential (a reply to what the
gemeente did itself): an approved aanbod is confirmed to whoever handed it in, and a returned
one mails the secretariaat's remark. Registered in ``apps.py``; planned by ``services`` inside
the approval's transaction, sent by the worker after the commit, once per version (its key)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from regietafel.berichten.soorten import Berichtsoort
from regietafel.cyclus.permissions import eigen_gemeente_id

if TYPE_CHECKING:
    from regietafel.cyclus.models import AanbodVersie


def _gemeente(gebruiker: Any) -> bool:
    return eigen_gemeente_id(gebruiker) is not None


AANBOD_GOEDGEKEURD = Berichtsoort(
    "cyclus.aanbod_goedgekeurd",
    "Bevestiging: aanbod goedgekeurd",
    "Als het secretariaat het aanbod goedkeurt dat u voor een cyclus van de Spreidingswet "
    "hebt ingediend: wat er is goedgekeurd.",
    essentieel=True,
    voor=_gemeente,
    volgorde=24,
)
AANBOD_TERUGGESTUURD = Berichtsoort(
    "cyclus.aanbod_teruggestuurd",
    "Teruggestuurd aanbod",
    "Als het secretariaat uw ingediende aanbod terugstuurt: de opmerking, met een link naar "
    "het aanbod.",
    essentieel=True,
    voor=_gemeente,
    volgorde=25,
)


def _plan(soort: Berichtsoort, door: Any, versie: AanbodVersie, onderwerp: str) -> None:
    from django.urls import reverse

    from regietafel.berichten.services import plan

    regels = list(versie.regels.all())
    plan(
        door=door,
        soort=soort.naam,
        sleutel=f"{soort.naam}:{versie.pk}",
        ontvanger=versie.ingediend_door,
        onderwerp=onderwerp,
        template=f"cyclus/mail/{soort.naam.removeprefix('cyclus.')}",
        context={
            "versie": versie,
            "onderwerp": onderwerp,
            "regels": regels,
            "plaatsen": sum(r.plaatsen for r in regels),
            "versie_pad": reverse("cyclus:versie", args=[versie.pk]),
            "aanbod_pad": reverse("cyclus:aanbod", args=[versie.cyclus.jaar]),
        },
    )


def mail_goedgekeurd(door: Any, versie: AanbodVersie) -> None:
    _plan(
        AANBOD_GOEDGEKEURD,
        door,
        versie,
        f"Uw aanbod voor de Spreidingswet {versie.cyclus.jaar} is goedgekeurd "
        f"({versie.gemeente.naam}, versie {versie.volgnummer})",
    )


def mail_teruggestuurd(door: Any, versie: AanbodVersie) -> None:
    _plan(
        AANBOD_TERUGGESTUURD,
        door,
        versie,
        f"Uw aanbod voor de Spreidingswet {versie.cyclus.jaar} is teruggestuurd "
        f"({versie.gemeente.naam}, versie {versie.volgnummer})",
    )

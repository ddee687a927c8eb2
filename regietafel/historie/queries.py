"""The history as tables: per record and the provincie-wide Wijzigingen list."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from regietafel.audit.models import AuditRegel
from regietafel.core import csvexport, klok
from regietafel.core.tabel import Kolom, Tabel, Waarde

ISO_DATUM = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_MOMENT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")


def moment_tekst(moment: dt.datetime) -> str:
    """dd-mm-jjjj uu:mm in the local time zone."""
    return klok.lokaal(moment).strftime("%d-%m-%Y %H:%M")


def waarde_tekst(waarde: Any) -> str:
    """An old or new value as the page prints it (ISO dates as 01-11-2025, booleans ja/nee)."""
    if waarde is None or waarde == "":
        return "–"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return f"{waarde:,}".replace(",", ".")
    if isinstance(waarde, str):
        if m := ISO_DATUM.match(waarde):
            return f"{m[3]}-{m[2]}-{m[1]}"
        if m := ISO_MOMENT.match(waarde):
            return f"{m[3]}-{m[2]}-{m[1]} {m[4]}:{m[5]}"
        return waarde
    if isinstance(waarde, list | dict):
        import json

        return json.dumps(waarde, ensure_ascii=False)
    return str(waarde)


def model_naam(object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def model_keuzes() -> list[tuple[str, str]]:
    """Every model of the project (label, name), for the filter; no query."""
    return sorted(
        (
            (m._meta.label_lower, str(m._meta.verbose_name).capitalize())
            for m in apps.get_models()
            if m._meta.app_label.split(".")[0]
            not in {"admin", "contenttypes", "sessions", "axes", "authtoken", "auth", "audit"}
        ),
        key=lambda k: k[1].lower(),
    )


def historie_url_voor(object_type: str, object_id: str) -> str:
    app_label, _, model = object_type.partition(".")
    return reverse(
        "historie:historie", kwargs={"app_label": app_label, "model": model, "pk": object_id}
    )


def door_tekst(regel: AuditRegel) -> str:
    if regel.door is None:
        return "systeem"
    naam = regel.door.get_full_name()
    return f"{naam} ({regel.door.get_username()})" if naam else regel.door.get_username()


def bron_tekst(regel: AuditRegel) -> str:
    delen = [d for d in (regel.bron, f"SHA-256 {regel.checksum}" if regel.checksum else "") if d]
    return "; ".join(delen)


@cache
def veldnaam(object_type: str, veld: str) -> str:
    """The Dutch name of a field ("plaatsen_regulier" → "plaatsen regulier"), else the key."""
    try:
        field = apps.get_model(object_type)._meta.get_field(veld)
    except (LookupError, ValueError, FieldDoesNotExist):
        return veld
    if field.auto_created and not field.concrete:  # a reverse relation ("gemeenten" of a scenario)
        return str(field.related_model._meta.verbose_name_plural)
    return str(getattr(field, "verbose_name", veld))


def wijzigingen_van(regel: AuditRegel) -> list[tuple[str, str, str]]:
    """(field, old, new) of one entry, in the order recorded."""
    wijzigingen = regel.wijzigingen if isinstance(regel.wijzigingen, dict) else {}
    uit = []
    for sleutel, paar in wijzigingen.items():
        veld = veldnaam(regel.object_type, str(sleutel))
        if isinstance(paar, list | tuple) and len(paar) == 2:
            uit.append((str(veld), waarde_tekst(paar[0]), waarde_tekst(paar[1])))
        else:
            uit.append((str(veld), "–", waarde_tekst(paar)))
    return uit


RECORD_KOLOMMEN = (
    Kolom("Moment", "tekst", breedte=16),
    Kolom("Door", "tekst", breedte=18),
    Kolom("Actie", "tekst", breedte=12),
    Kolom("Veld", "tekst", breedte=16),
    Kolom("Oud", "tekst", breedte=14),
    Kolom("Nieuw", "tekst", breedte=14),
    Kolom("Bron en checksum", "tekst", breedte=40),
)


def record_tabel(omschrijving: str, regels: Sequence[AuditRegel]) -> Tabel:
    """One row per changed field (an entry without fields: one row), newest first."""
    rijen: list[tuple[Waarde, ...]] = []
    for regel in regels:
        kop = (moment_tekst(regel.moment), door_tekst(regel), regel.actie)
        velden = wijzigingen_van(regel) or [("", "", "")]
        for veld, oud, nieuw in velden:
            rijen.append((*kop, veld, oud, nieuw, bron_tekst(regel)))
    return Tabel(
        sleutel="historie",
        titel=f"Historie van {omschrijving}"[:200],
        bijschrift="Elke wijziging: wanneer, door wie, welk veld van oud naar nieuw, en de bron "
        "(bij een import de SHA-256 van het bestand). Nieuwste bovenaan.",
        kolommen=RECORD_KOLOMMEN,
        rijen=tuple(rijen),
        breed=True,
    )


LIJST_KOLOMMEN = (
    Kolom("Moment", "tekst", breedte=16),
    Kolom("Door", "tekst", breedte=18),
    Kolom("Actie", "tekst", breedte=12),
    Kolom("Soort", "tekst", breedte=16),
    Kolom("Record", "tekst", breedte=30),
    Kolom("Gemeente", "tekst", breedte=14),
    Kolom("Wijzigingen", "tekst", breedte=40),
    Kolom("Bron en checksum", "tekst", breedte=30),
)


def samenvatting(regel: AuditRegel) -> str:
    return "; ".join(f"{veld}: {oud} → {nieuw}" for veld, oud, nieuw in wijzigingen_van(regel))


def lijst_rij(regel: AuditRegel, namen: dict[str, str]) -> tuple[Waarde, ...]:
    return (
        moment_tekst(regel.moment),
        door_tekst(regel),
        regel.actie,
        namen.get(regel.object_type, regel.object_type),
        regel.object_omschrijving,
        regel.gemeente.naam if regel.gemeente else "",
        samenvatting(regel),
        bron_tekst(regel),
    )


def lijst_tabel(titel: str, regels: Iterable[AuditRegel]) -> Tabel:
    namen = dict(model_keuzes())
    return Tabel(
        sleutel="wijzigingen",
        titel=titel,
        bijschrift="Elke wijziging met wie, wanneer, oud → nieuw en de bron. Nieuwste bovenaan.",
        kolommen=LIJST_KOLOMMEN,
        rijen=tuple(tuple(str(c) for c in lijst_rij(r, namen)) for r in regels),
        breed=True,
    )


def lijst_queryset(
    *,
    provincie_id: int | None,
    object_type: str = "",
    gemeente_id: int | None = None,
    door_id: int | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
) -> models.QuerySet[AuditRegel]:
    qs = AuditRegel.objects.select_related("door", "gemeente")
    if provincie_id is not None:
        qs = qs.filter(provincie_id=provincie_id)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if gemeente_id is not None:
        qs = qs.filter(gemeente_id=gemeente_id)
    if door_id is not None:
        qs = qs.filter(door_id=door_id)
    if van is not None:
        qs = qs.filter(moment__gte=_begin(van))
    if tot is not None:
        qs = qs.filter(moment__lt=_begin(tot + dt.timedelta(days=1)))
    return qs.order_by("-moment", "-id")


def _begin(dag: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dag, dt.time.min))


def csv_antwoord(tabel: Tabel, *, bestandsnaam: str) -> HttpResponse:
    """The table as CSV (core.csvexport: semicolons, a BOM, no cell a formula)."""
    return csvexport.csv_antwoord(
        [k.kop for k in tabel.kolommen], tabel.rijen, bestandsnaam=bestandsnaam
    )

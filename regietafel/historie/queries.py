"""The history as tables: per record and the provincie-wide Wijzigingen list."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from django.apps import apps
from django.db import models
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from regietafel.audit.models import AuditRegel
from regietafel.core import csvexport, opmaak
from regietafel.core.tabel import Kolom, Lijst, Link, Noot, Tabel, Waarde

ISO_DATUM = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_MOMENT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")
ISO_TIJD = re.compile(r"^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$")
LEEG = "–"
ZONDER_SCHEIDING = re.compile(r"(^|_)(jaar|nummer|volgnummer|volgorde|code|start|eind)$")
"""An integer field that is a year, a number or a position, not a count: its digits stay plain
("2025", never "2.025"). Every other integer is a count and gets thousands separators."""

Soort = Literal[
    "tekst", "getal", "cijfers", "datum", "moment", "tijd", "ja_nee", "verwijzing", "verwijzingen"
]


def moment_tekst(moment: dt.datetime) -> str:
    """dd-mm-jjjj uu:mm in the local time zone."""
    return opmaak.moment(moment)


@dataclass(frozen=True)
class Veld:
    """How the history shows one key of a change: its label and the kind of its values."""

    label: str
    soort: Soort = "tekst"
    keuzes: tuple[tuple[str, str], ...] = ()
    """(value, label) of a field with choices."""
    model: type[models.Model] | None = None
    """The model a reference (a foreign key or many-to-many stored as ids) points to."""


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _soort(field: Any) -> Soort:
    if isinstance(field, models.BooleanField):
        return "ja_nee"
    if isinstance(field, models.DateTimeField):
        return "moment"
    if isinstance(field, models.DateField):
        return "datum"
    if isinstance(field, models.TimeField):
        return "tijd"
    if isinstance(field, models.ManyToManyField):
        return "verwijzingen"
    if isinstance(field, models.ForeignKey | models.OneToOneField):
        return "verwijzing"
    if isinstance(field, models.IntegerField):
        return "cijfers" if ZONDER_SCHEIDING.search(field.name) else "getal"
    return "tekst"


def _uit_veld(field: Any) -> Veld:
    if field.auto_created and not field.concrete and not field.many_to_many:
        # A reverse relation ("gemeenten" of a scenario): the related model's plural name.
        return Veld(_hoofdletter(str(field.related_model._meta.verbose_name_plural)))
    keuzes = tuple((str(k), str(v)) for k, v in (getattr(field, "flatchoices", None) or ()))
    return Veld(
        _hoofdletter(str(getattr(field, "verbose_name", field.name))),
        _soort(field),
        keuzes,
        field.related_model if field.is_relation else None,
    )


def _velden(model: type[models.Model]) -> dict[str, Any]:
    """The model's fields by name and by attribute name (``gemeente`` and ``gemeente_id``)."""
    uit: dict[str, Any] = {}
    for f in model._meta.get_fields():
        uit[f.name] = f
        for naam in (getattr(f, "attname", None), getattr(f, "related_name", None)):
            if isinstance(naam, str) and naam and not naam.endswith("+"):
                uit.setdefault(naam, f)
    return uit


def _onderliggend(model: type[models.Model]) -> list[type[models.Model]]:
    """The models that hang under ``model`` (its one-to-many reverse relations)."""
    return [
        f.related_model
        for f in model._meta.get_fields()
        if f.auto_created and not f.concrete and f.one_to_many and f.related_model
    ]


@cache
def veld(object_type: str, sleutel: str) -> Veld:
    """How the history names and formats the key ``sleutel`` of a change to ``object_type``:
    a field of the model (its verbose name, capitalised), ``Naam.veld`` for a field of a row
    under the record ("Assen: Indicatief regulier"), a choice of such a row (an inzending's
    "amv" is "AMV"), else the key itself in words ("samengevoegd in eigen lak")."""
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        model = None
    if model is not None:
        velden = _velden(model)
        if sleutel in velden:
            return _uit_veld(velden[sleutel])
        naam, punt, rest = sleutel.rpartition(".")
        if punt and naam:
            for onder in (model, *_onderliggend(model)):
                if rest in (v := _velden(onder)):
                    binnen = _uit_veld(v[rest])
                    return Veld(
                        f"{naam}: {binnen.label}", binnen.soort, binnen.keuzes, binnen.model
                    )
        for onder in _onderliggend(model):
            for f in onder._meta.concrete_fields:
                for waarde, label in getattr(f, "flatchoices", None) or ():
                    if str(waarde) == sleutel and f.choices:
                        return Veld(str(label), "getal")
    soort: Soort = "cijfers" if ZONDER_SCHEIDING.search(sleutel) else "tekst"
    return Veld(_hoofdletter(sleutel.replace("_", " ")), soort)


def veldnaam(object_type: str, sleutel: str) -> str:
    """The label of a key of a change ("jaar" → "Jaar", "plaatsen_regulier" → "Plaatsen
    regulier"); never the raw field name."""
    return veld(object_type, sleutel).label


Namen = dict[tuple[str, str], str]
"""(model label, id as text) → the object's name, for references stored as ids."""


def _ids(w: Any) -> list[str]:
    if isinstance(w, list | tuple):
        return [str(i) for i in w if isinstance(i, int) and not isinstance(i, bool)]
    return [str(w)] if isinstance(w, int) and not isinstance(w, bool) else []


def namen_voor(regels: Iterable[AuditRegel]) -> Namen:
    """The names of every object the changes of ``regels`` refer to by id: one query per kind
    of referenced model, however many entries."""
    gevraagd: dict[type[models.Model], set[str]] = {}
    for regel in regels:
        for sleutel, paar in _paren(regel):
            v = veld(regel.object_type, sleutel)
            if v.model is None or v.soort not in ("verwijzing", "verwijzingen"):
                continue
            for w in paar:
                gevraagd.setdefault(v.model, set()).update(_ids(w))
    uit: Namen = {}
    for model, ids in gevraagd.items():
        try:
            gevonden = model._default_manager.in_bulk([int(i) for i in ids if i.isdigit()])
        except (ValueError, TypeError):
            continue
        uit.update({(model._meta.label_lower, str(pk)): str(obj) for pk, obj in gevonden.items()})
    return uit


def waarde_tekst(waarde: Any, v: Veld | None = None, namen: Namen | None = None) -> str:
    """An old or new value as an official reads it: dates dd-mm-jjjj, counts with thousands
    separators, a year or a number plain, a choice by its label, a reference by the object's
    name, ja/nee, and "–" for nothing."""
    v = v or Veld("")
    if waarde is None or waarde == "" or waarde == [] or waarde == {}:
        return LEEG
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    keuzes = dict(v.keuzes)
    if keuzes and str(waarde) in keuzes:
        return keuzes[str(waarde)]
    if v.model is not None and _ids(waarde) and not isinstance(waarde, list | tuple):
        label = v.model._meta.label_lower
        return (namen or {}).get((label, str(waarde)), f"{v.model._meta.verbose_name} {waarde}")
    if isinstance(waarde, list | tuple):
        delen = [waarde_tekst(w, v, namen) for w in waarde]
        return "; ".join(delen) if delen else LEEG
    if isinstance(waarde, dict):
        return "; ".join(
            f"{_hoofdletter(str(k).replace('_', ' '))}: {waarde_tekst(w, None, namen)}"
            for k, w in waarde.items()
        )
    if isinstance(waarde, int):
        return str(waarde) if v.soort == "cijfers" else opmaak.getal(waarde)
    if isinstance(waarde, str):
        if m := ISO_MOMENT.match(waarde):
            try:
                return opmaak.moment(dt.datetime.fromisoformat(waarde))
            except ValueError:
                return f"{m[3]}-{m[2]}-{m[1]} {m[4]}:{m[5]}"
        if ISO_DATUM.match(waarde):
            try:
                return opmaak.datum(dt.date.fromisoformat(waarde))
            except ValueError:
                return waarde
        if v.soort == "tijd" and (m := ISO_TIJD.match(waarde)):
            return f"{m[1]}:{m[2]}"
        return waarde
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


def _paren(regel: AuditRegel) -> list[tuple[str, list[Any]]]:
    """(key, [old, new]) of one entry; a value recorded alone counts as new."""
    wijzigingen = regel.wijzigingen if isinstance(regel.wijzigingen, dict) else {}
    return [
        (str(k), list(p) if isinstance(p, list | tuple) and len(p) == 2 else [None, p])
        for k, p in wijzigingen.items()
    ]


def wijzigingen_van(regel: AuditRegel, namen: Namen | None = None) -> list[tuple[str, str, str]]:
    """(label, old, new) of one entry, in the order recorded, in words: ``namen`` from
    ``namen_voor`` names the objects referred to by id."""
    uit = []
    for sleutel, (oud, nieuw) in _paren(regel):
        v = veld(regel.object_type, sleutel)
        uit.append((v.label, waarde_tekst(oud, v, namen), waarde_tekst(nieuw, v, namen)))
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
    namen = namen_voor(regels)
    for regel in regels:
        kop = (moment_tekst(regel.moment), door_tekst(regel), regel.actie)
        velden = wijzigingen_van(regel, namen) or [("", "", "")]
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


def samenvatting(regel: AuditRegel, namen: Namen | None = None) -> str:
    return "; ".join(
        f"{veld}: {oud} → {nieuw}" for veld, oud, nieuw in wijzigingen_van(regel, namen)
    )


def lijst_rij(regel: AuditRegel, soorten: dict[str, str], namen: Namen) -> tuple[Waarde, ...]:
    return (
        moment_tekst(regel.moment),
        door_tekst(regel),
        regel.actie,
        soorten.get(regel.object_type, regel.object_type),
        regel.object_omschrijving,
        regel.gemeente.naam if regel.gemeente else "",
        samenvatting(regel, namen),
        bron_tekst(regel),
    )


def lijst_tabel(titel: str, regels: Iterable[AuditRegel]) -> Tabel:
    soorten = dict(model_keuzes())
    regels = list(regels)
    namen = namen_voor(regels)
    return Tabel(
        sleutel="wijzigingen",
        titel=titel,
        bijschrift="Elke wijziging met wie, wanneer, oud → nieuw en de bron. Nieuwste bovenaan.",
        kolommen=LIJST_KOLOMMEN,
        rijen=tuple(tuple(str(c) for c in lijst_rij(r, soorten, namen)) for r in regels),
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


def _velden_lijst(regel: AuditRegel, namen: Namen) -> Lijst:
    """The changed fields as a list on the page ("veld: oud → nieuw"), "–" without any."""
    return Lijst(
        tuple(f"{veld}: {oud} → {nieuw}" for veld, oud, nieuw in wijzigingen_van(regel, namen)),
        klasse="utrecht-unordered-list historie-velden",
    )


def _bron(regel: AuditRegel, *, kort: bool = False) -> Waarde:
    """The source, with the file's SHA-256 as a note (shortened in the long list)."""
    if not regel.checksum:
        return regel.bron or LEEG
    som = f"{regel.checksum[:16]}…" if kort and len(regel.checksum) > 17 else regel.checksum
    return Noot(regel.bron or LEEG, f"SHA-256 {som}", klasse="historie-checksum")


def record_pagina_tabel(regels: Sequence[AuditRegel]) -> Tabel:
    """The history page of one record: one row per entry, its fields as a list."""
    namen = namen_voor(regels)
    n = len(regels)
    return Tabel(
        sleutel="historie",
        titel=f"{n} wijziging{'' if n == 1 else 'en'}, nieuwste bovenaan",
        bijschrift="",
        kolommen=(
            Kolom("Wanneer", "tekst"),
            Kolom("Door", "tekst"),
            Kolom("Actie", "tekst"),
            Kolom("Veld: oud → nieuw", "tekst"),
            Kolom("Bron en checksum", "tekst"),
        ),
        rijen=tuple(
            (
                moment_tekst(r.moment),
                door_tekst(r),
                r.actie,
                _velden_lijst(r, namen),
                _bron(r),
            )
            for r in regels
        ),
    )


def lijst_pagina_tabel(titel: str, regels: Sequence[AuditRegel]) -> Tabel:
    """One page of the Wijzigingen list: each record links to its history."""
    soorten = dict(model_keuzes())
    namen = namen_voor(regels)

    def record(r: AuditRegel) -> Waarde:
        url = historie_url_voor(r.object_type, r.object_id) if r.object_id else ""
        return Link(r.object_omschrijving, url) if url else r.object_omschrijving

    return Tabel(
        sleutel="wijzigingen",
        titel=titel,
        bijschrift="",
        kolommen=(
            Kolom("Wanneer", "tekst"),
            Kolom("Door", "tekst"),
            Kolom("Actie", "tekst"),
            Kolom("Soort", "tekst"),
            Kolom("Record", "tekst"),
            Kolom("Gemeente", "tekst", leeg=LEEG),
            Kolom("Veld: oud → nieuw", "tekst"),
            Kolom("Bron", "tekst"),
        ),
        rijen=tuple(
            (
                moment_tekst(r.moment),
                door_tekst(r),
                r.actie,
                soorten.get(r.object_type, r.object_type),
                record(r),
                r.gemeente.naam if r.gemeente else None,
                _velden_lijst(r, namen),
                _bron(r, kort=True),
            )
            for r in regels
        ),
    )


def csv_antwoord(tabel: Tabel, *, bestandsnaam: str) -> HttpResponse:
    """The table as CSV (core.csvexport: semicolons, a BOM, no cell a formula)."""
    return csvexport.csv_antwoord(
        [k.kop for k in tabel.kolommen], tabel.rijen, bestandsnaam=bestandsnaam
    )

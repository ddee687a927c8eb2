"""The role matrix (issue 7, point 1): every URL of the project, every role, own and other ids.

``test_elke_url_is_ingedeeld`` enumerates every URL pattern (``get_resolver``, recursively:
the pages, /api/ and /beheer/) and fails for one that is not in ``TABEL``: a new page cannot
slip through unclassified. ``test_rol_matrix`` then runs, per URL name, every role against
objects of its own and of OTHER gemeenten and provincies, and compares the outcome with the
table:

- allowed: the permission layer lets the request through (no 401/403/404/405, no login page);
  with a payload (``Schrijf.data``) the write must also land (a new audit entry);
- denied: 401/403/404/405 or the login page, and nothing written (no new audit entry: every
  write records one, see regietafel/audit).

Read-only URLs (``LEZEN``) are POSTed to by every role: nothing may be written. API detail
URLs are also read with another provincie's id: 404 for a provincial user, 401/403 and no data
for an anonymous client.

Extending: add one entry per URL name: ``Schrijf(wie, model=..., data=...)`` for a writing
URL (``wie`` says which (role, target) pairs may write), ``LEZEN`` for a read-only one. Admin
URLs are classified per model in ``BEHEER``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.db.models import NOT_PROVIDED
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.audit.reikwijdte import paden
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Cyclus

# --------------------------------------------------------------------------- roles, targets

ROLLEN = (
    "anoniem",
    "secretariaat",  # Drenthe, is_staff (as the demo account)
    "secretariaat-groningen",  # another provincie, also is_staff
    "gemeente-assen",
    "gemeente-emmen",
    "coa",  # aanleverancier
    "lezer",
    "beheerder",  # rol beheerder, is_staff, no provincie: reads every provincie, writes users only
)
DOELEN = ("assen", "emmen", "groningen")
"""Objects of Assen and Emmen (both Drenthe) and of the gemeente Groningen (provincie Groningen)."""
GEEN_DOEL = "-"
DRENTHE = frozenset({"assen", "emmen"})

Paar = tuple[str, str]
"""(role, target)."""


def _paren(rollen: set[str], doelen: set[str] | frozenset[str]) -> frozenset[Paar]:
    return frozenset(itertools.product(rollen, doelen))


def provincie_schrijver(*, zonder_doel: bool = False) -> frozenset[Paar]:
    """The secretariaat of the target's provincie: the one rule for a provincie's domain data
    (``accounts.permissions.schrijft_provincie``; a superuser too, not in this matrix). The
    beheerder is staff and reads every provincie, but writes none: ``is_staff`` only opens the
    admin site, and a beheerder keeps the user accounts (``BEHEER``)."""
    if zonder_doel:
        return _paren({"secretariaat", "secretariaat-groningen"}, {GEEN_DOEL})
    return _paren({"secretariaat"}, DRENTHE) | _paren({"secretariaat-groningen"}, {"groningen"})


def eigen_gemeente() -> frozenset[Paar]:
    return frozenset({("gemeente-assen", "assen"), ("gemeente-emmen", "emmen")})


NIEMAND: frozenset[Paar] = frozenset()


@dataclass(frozen=True)
class Schrijf:
    """A URL that writes. ``wie``: the (role, target) pairs allowed to write.

    ``model``: the label of the object the URL's ``pk`` names (made per target); None for a
    URL without pk (then ``doelen`` says which targets the payload varies over).
    ``data``: builds the POST payload (valid, so an allowed write must land); None: an empty
    POST (an allowed user then gets the form back with errors, which is fine).
    """

    wie: frozenset[Paar]
    model: str | None = None
    data: Callable[[Context, str], dict[str, Any]] | None = None
    kwargs: Callable[[Context, str], dict[str, Any]] | None = None
    post: Callable[[Context, str], dict[str, Any]] | None = None
    """A payload that names the target but need not be valid (no write is required)."""
    doelen: tuple[str, ...] = (GEEN_DOEL,)
    methoden: tuple[str, ...] = ("post",)
    api: bool = False
    json: bool = False


@dataclass(frozen=True)
class Lees:
    """A read-only URL: a POST writes nothing. ``model``: the pk's object (for the kwargs);
    ``api_lezen``: also GET it with every target (an API detail: 404 for another provincie)."""

    model: str | None = None
    kwargs: Callable[[Context, str], dict[str, Any]] | None = None
    api: bool = False
    api_lezen: bool = False


LEZEN = Lees()

# --------------------------------------------------------------------------- the context


@dataclass
class Context:
    gebruikers: dict[str, Gebruiker]
    gemeenten: dict[str, Gemeente]
    objecten: dict[tuple[str, str], models.Model] = field(default_factory=dict)

    def provincie(self, doel: str) -> Provincie:
        return self.gemeenten[doel].provincie

    def object(self, label: str, doel: str) -> models.Model:
        if (label, doel) not in self.objecten:
            self.objecten[(label, doel)] = maak(apps.get_model(label), self, doel)
        return self.objecten[(label, doel)]


VASTE_WAARDEN: dict[str, dict[str, Any]] = {
    "rapportage.rapportversie": {"soort": "verslag"},  # a verslag has a cyclus, no peildatum
}


def maak(model: type[models.Model], ctx: Context, doel: str) -> models.Model:
    """An object of ``model`` belonging to ``doel``: an existing one (the demo's), or a new
    minimal one with every required field filled in (foreign keys for the same target)."""
    g, p = paden(model)
    if g is not None or p is not None:
        pad, waarde = (g, ctx.gemeenten[doel]) if g else (p, ctx.provincie(doel))
        bestaand = model._default_manager.filter(**{pad: waarde}).order_by("pk").first()
        if bestaand is not None:
            return bestaand
    waarden: dict[str, Any] = dict(VASTE_WAARDEN.get(model._meta.label_lower, {}))
    for f in model._meta.concrete_fields:
        if f.name in waarden:
            continue
        if f.primary_key or getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            continue
        if f.is_relation:
            doelmodel = f.related_model
            label = doelmodel._meta.label_lower  # type: ignore[union-attr]
            if label == "gemeenten.gemeente":
                waarden[f.name] = ctx.gemeenten[doel]
            elif label == "gemeenten.provincie":
                waarden[f.name] = ctx.provincie(doel)
            elif label == "accounts.gebruiker":
                if not f.null:
                    waarden[f.name] = ctx.gebruikers["secretariaat"]
            elif label == "opgaven.cyclus":  # also when optional (a version: one of two)
                waarden[f.name] = Cyclus.objects.order_by("pk").first()
            elif not f.null and doelmodel is not model:
                waarden[f.name] = ctx.object(label, doel)
            continue
        if f.null or f.default is not NOT_PROVIDED:
            continue
        waarden[f.name] = _waarde(f)
    return model._default_manager.create(**waarden)


_TELLER = itertools.count(1)


def _waarde(f: models.Field[Any, Any]) -> Any:
    if f.choices:
        return f.choices[0][0]
    if isinstance(f, models.DateTimeField):
        return dt.datetime(2025, 11, 1, 12, tzinfo=dt.UTC)
    if isinstance(f, models.DateField):
        # The first of a month far ahead: clear of the demo's figures (unique per peildatum).
        return dt.date(2040 + next(_TELLER), 1, 1)
    if isinstance(f, models.BooleanField):
        return False
    if isinstance(f, models.IntegerField | models.DecimalField | models.FloatField):
        return 1
    if isinstance(f, models.JSONField):
        return {}
    if isinstance(f, models.SlugField):
        return f"rollen-{next(_TELLER)}"
    if isinstance(f, models.FileField):
        return "rollen/leeg.txt"
    if isinstance(f, models.CharField | models.TextField):
        tekst = f"rollen-test-{next(_TELLER)}"
        return tekst[-f.max_length :] if f.max_length else tekst
    raise TypeError(f"test_rollen.maak: geen waarde voor {f!r}")


def pk_kwargs(ctx: Context, label: str, doel: str) -> dict[str, Any]:
    return {"pk": ctx.object(label, doel).pk}


# --------------------------------------------------------------------------- payloads

NOV = dt.date(2025, 11, 1)


def inzending_formulier(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "gemeente": ctx.gemeenten[doel].cbs_code,
        "peildatum": NOV.isoformat(),
        "oekraine": "",
        "regulier": "",
        "amv": "7",
        "toelichting": "",
    }


def inzending_api(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "gemeente": ctx.gemeenten[doel].cbs_code,
        "peildatum": NOV.isoformat(),
        "regels": [{"soort": "amv", "aantal": 7}],
    }


def open_inzending(ctx: Context, doel: str) -> dict[str, Any]:
    """An open submission of the target's gemeente (made through the service)."""
    from regietafel.monitoring.services import dien_in

    sleutel = ("monitoring.inzending", doel)
    if sleutel not in ctx.objecten:
        gemeente = ctx.gemeenten[doel]
        indiener = Gebruiker.objects.create(
            username=f"indiener-{doel}", rol="gemeente", gemeente=gemeente
        )
        ctx.objecten[sleutel] = dien_in(
            door=indiener, gemeente=gemeente, peildatum=NOV, aantallen={"amv": 3}
        )
    return {"pk": ctx.objecten[sleutel].pk}


def termijn_formulier(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "soort": "werkdag",
        "dag": "6",
        "maanden_na_peildatum": "0",
        "dagen_vooraf": "2",
        "bevrijdingsdag": "lustrum",
        "actief": "on",
    }


def opmerking(ctx: Context, doel: str) -> dict[str, Any]:
    return {"opmerking": "Graag de AMV-cijfers controleren."}


def scenario(ctx: Context, doel: str) -> dict[str, Any]:
    """A saved scenario of the target's provincie (Drenthe's from the verdeling factories)."""
    sleutel = ("verdeling.scenario", doel)
    if sleutel not in ctx.objecten:
        from regietafel.verdeling.services import maak_scenario

        provincie = ctx.provincie(doel)
        cyclus = Cyclus.objects.filter(soort="spreidingswet").order_by("pk").first()
        if doel in DRENTHE:
            from tests.verdeling.factories import drenthe_2024

            ctx.objecten[sleutel] = drenthe_2024()
        else:
            try:
                ctx.objecten[sleutel] = maak_scenario(
                    door=ctx.gebruikers["secretariaat-groningen"],
                    provincie=provincie,
                    cyclus=cyclus,
                    naam="Groningen",
                )
            except Exception:  # no indicative distribution: a bare row
                ctx.objecten[sleutel] = maak(apps.get_model("verdeling.scenario"), ctx, doel)
    return {"pk": ctx.objecten[sleutel].pk}


def historie_kwargs(ctx: Context, doel: str) -> dict[str, Any]:
    return {"app_label": "locaties", "model": "locatie", **pk_kwargs(ctx, "locaties.locatie", doel)}


def woo_document(ctx: Context, doel: str) -> dict[str, Any]:
    document = ctx.object("woo.woodocument", doel)
    return {"pk": document.besluit_id, "nummer": document.nummer}  # type: ignore[attr-defined]


def woo_lak(ctx: Context, doel: str) -> dict[str, Any]:
    lak = ctx.object("woo.lak", doel)
    document = lak.document  # type: ignore[attr-defined]
    return {"pk": document.besluit_id, "nummer": document.nummer, "lak": lak.pk}


def formaat(waarde: str, label: str | None = None) -> Callable[[Context, str], dict[str, Any]]:
    def bouw(ctx: Context, doel: str) -> dict[str, Any]:
        return {"formaat": waarde, **(pk_kwargs(ctx, label, doel) if label else {})}

    return bouw


def vaste(**kwargs: Any) -> Callable[[Context, str], dict[str, Any]]:
    return lambda ctx, doel: dict(kwargs)


def import_coa(ctx: Context, doel: str) -> dict[str, Any]:
    from io import BytesIO

    bestand = BytesIO(b"geen,geldig,bestand\n")
    bestand.name = "coa.csv"
    return {"bestand": bestand, "dry_run": "true"}


# --- the cycle (cyclus app): objects of the second cyclus, made through the services


def tweede_cyclus() -> Cyclus:
    """The demo's 2026 cyclus, set up (the system, as a beheerder would)."""
    from regietafel.cyclus.models import CyclusOpzet
    from regietafel.cyclus.services import zet_opzet

    cyclus = Cyclus.objects.get(code="spreidingswet-2026")
    if not CyclusOpzet.objects.filter(cyclus=cyclus).exists():
        zet_opzet(door=None, cyclus=cyclus, besluit_uiterlijk=dt.date(2026, 12, 31))
    return cyclus


def aanbod_versie(ctx: Context, doel: str, status: str = "concept") -> Any:
    """A version of the target gemeente's aanbod with one plan (line) with a kansrijk element,
    handed in when ``status`` says so."""
    from regietafel.cyclus.services import ElementInvoer, dien_in, nieuwe_versie, zet_regel
    from regietafel.domain.aanbod import Element

    sleutel = ("cyclus.aanbodversie", f"{doel}:{status}")
    if sleutel not in ctx.objecten:
        versie = nieuwe_versie(door=None, cyclus=tweede_cyclus(), gemeente=ctx.gemeenten[doel])
        zet_regel(
            door=None,
            versie=versie,
            naam="Plan",
            soort="regulier",
            plaatsen=10,
            beschikbaar_van=None,
            beschikbaar_tot=None,
            elementen={Element.TOEZEGGING: ElementInvoer("toezegging van het college")},
        )
        if status == "ingediend":
            versie = dien_in(door=None, versie=versie)
        ctx.objecten[sleutel] = versie
    return ctx.objecten[sleutel]


def concept(ctx: Context, doel: str) -> dict[str, Any]:
    return {"pk": aanbod_versie(ctx, doel).pk}


def ingediend(ctx: Context, doel: str) -> dict[str, Any]:
    return {"pk": aanbod_versie(ctx, doel, "ingediend").pk}


def aanbod_regel(ctx: Context, doel: str) -> dict[str, Any]:
    return {"pk": aanbod_versie(ctx, doel).regels.get().pk}


def kansrijk_element(ctx: Context, doel: str) -> dict[str, Any]:
    return {"pk": aanbod_versie(ctx, doel).regels.get().elementen.get().pk}


def regel_formulier(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "naam": "Nieuw plan",
        "soort": "amv",
        "plaatsen": "12",
        "beschikbaar_van": "",
        "beschikbaar_tot": "",
    }


def register_locatie(ctx: Context, doel: str) -> dict[str, Any]:
    return {"locatie": ctx.object("locaties.locatie", doel).pk}


def verslag_2026(ctx: Context, doel: str) -> dict[str, Any]:
    """The 2026 verslag of Drenthe: the cyclus set up and Drenthe's indicative numbers in."""
    from regietafel.opgaven.services import zet_opgave

    cyclus = tweede_cyclus()
    for gemeente in Gemeente.objects.filter(provincie__naam="Drenthe"):
        zet_opgave(
            door=None,
            cyclus=cyclus,
            gemeente=gemeente,
            soort="regulier",
            stadium="indicatief",
            aantal=100,
        )
    return {"jaar": 2026}


def tweede_jaar(ctx: Context, doel: str) -> dict[str, Any]:
    tweede_cyclus()
    return {"jaar": 2026}


IMPORTEURS = _paren({"secretariaat", "secretariaat-groningen", "beheerder"}, {GEEN_DOEL})
"""The minister's numbers of a cyclus: a beheerder (national) or a provincie's secretariaat."""


# --------------------------------------------------------------------------- the table

AANLEVERAARS = _paren({"secretariaat", "secretariaat-groningen", "coa"}, {GEEN_DOEL})
BEOORDELAARS = _paren({"secretariaat"}, DRENTHE) | _paren({"secretariaat-groningen"}, {"groningen"})
API_LEZEN = Lees(api=True)


def api_detail(model: str, sleutel: str = "pk", veld: str = "pk") -> Lees:
    def bouw(ctx: Context, doel: str) -> dict[str, Any]:
        return {sleutel: getattr(ctx.object(model, doel), veld)}

    return Lees(model=model, kwargs=bouw, api=True, api_lezen=True)


def api_provincie(ctx: Context, doel: str) -> dict[str, Any]:
    return {"code": ctx.provincie(doel).code}


def api_gemeente(ctx: Context, doel: str) -> dict[str, Any]:
    return {"cbs_code": ctx.gemeenten[doel].cbs_code}


def api_cyclus(ctx: Context, doel: str) -> dict[str, Any]:
    return {"code": Cyclus.objects.order_by("pk").first().code}  # type: ignore[union-attr]


TABEL: dict[str, Schrijf | Lees] = {
    # --- monitoring
    "stand-van-zaken": LEZEN,
    "trends": LEZEN,
    "trends-gemeente": Lees(kwargs=lambda ctx, doel: {"cbs_code": "GM0106"}),
    "inzendingen": Schrijf(eigen_gemeente(), data=inzending_formulier, doelen=DOELEN),
    "inzending": Lees(kwargs=open_inzending),
    "inzending-goedkeuren": Schrijf(BEOORDELAARS, kwargs=open_inzending, doelen=DOELEN),
    "inzending-terugsturen": Schrijf(
        BEOORDELAARS, kwargs=open_inzending, data=opmerking, doelen=DOELEN
    ),
    # --- health checks for a load balancer: public, read-only (a POST is 405)
    "gezondheid": LEZEN,
    "gezondheid-gereed": LEZEN,
    # --- accounts
    "login": LEZEN,  # signs in; writes no data
    "logout": LEZEN,  # ends the session
    # Every signed-in user chooses its own e-mail (the write itself: tests/berichten).
    "account-berichten": Schrijf(
        _paren(set(ROLLEN) - {"anoniem"}, {GEEN_DOEL}), post=lambda c, d: {"aan": []}
    ),
    # --- herinneringen: the provincie's readers see the deadline, its secretariaat sets it
    "herinneringen:termijn": LEZEN,
    "herinneringen:zet": Schrijf(provincie_schrijver(zonder_doel=True), data=termijn_formulier),
    "herinneringen:afwijkend": Schrijf(
        provincie_schrijver(zonder_doel=True),
        data=lambda c, d: {"peildatum": "2026-12-01", "uiterste_datum": "2026-12-10"},
    ),
    "herinneringen:verwijder-afwijkend": Schrijf(
        provincie_schrijver(), model="herinneringen.afwijkendetermijn", doelen=DOELEN
    ),
    # --- aanlevering: a supplier's file is national (COA, Nidos)
    "aanlevering:start": Schrijf(AANLEVERAARS),
    "aanlevering:bevestigen": Schrijf(AANLEVERAARS),
    # --- verdeling
    "verdeling:lijst": LEZEN,
    "verdeling:nieuw": Schrijf(provincie_schrijver(zonder_doel=True)),
    "verdeling:vergelijk": LEZEN,
    "verdeling:oekraine": LEZEN,
    "verdeling:scenario": Schrijf(provincie_schrijver(), kwargs=scenario, doelen=DOELEN),
    "verdeling:kopieer": Schrijf(provincie_schrijver(), kwargs=scenario, doelen=DOELEN),
    "verdeling:verwijder": Schrijf(
        provincie_schrijver(), kwargs=scenario, doelen=DOELEN, data=lambda c, d: {}
    ),
    "verdeling:export-xlsx": Lees(kwargs=scenario),
    "verdeling:tabel1-docx": Lees(kwargs=scenario),
    "verdeling:tabel1-pdf": Lees(kwargs=scenario),
    # --- rapportage
    "rapportage:lijst": LEZEN,
    "rapportage:stand-van-zaken-bekijken": LEZEN,
    "rapportage:stand-van-zaken-teksten": Schrijf(
        _paren({"secretariaat"}, {GEEN_DOEL})
        # Groningen has no figures in the demo: its page is a 404 before any check.
    ),
    "rapportage:stand-van-zaken-download": Lees(kwargs=formaat("xlsx")),
    "rapportage:verslag": Lees(kwargs=vaste(jaar=2024)),
    "rapportage:verslag-teksten": Schrijf(
        _paren({"secretariaat"}, {GEEN_DOEL}), kwargs=vaste(jaar=2024)
    ),
    "rapportage:verslag-download": Lees(kwargs=lambda c, d: {"jaar": 2024, "formaat": "xlsx"}),
    # A job's pages: only its requester (or, for a shared document, its provincie's readers)
    # sees it, tested in tests/taken; GET only, a POST is 405 and writes nothing.
    "taken:taak": Lees(kwargs=lambda c, d: {"pk": uuid.uuid4()}),
    "taken:status": Lees(kwargs=lambda c, d: {"pk": uuid.uuid4()}),
    "taken:bestand": Lees(kwargs=lambda c, d: {"pk": uuid.uuid4()}),
    "rapportage:verslag-vaststellen": Schrijf(
        _paren({"secretariaat"}, {GEEN_DOEL}), kwargs=verslag_2026, data=lambda c, d: {}
    ),
    # --- cyclus: a beheerder sets it up; a gemeente writes its own aanbod, the secretariaat
    # of its provincie reviews it; the minister's numbers: a beheerder or a secretariaat
    "cyclus:lijst": LEZEN,
    "cyclus:overzicht": Lees(kwargs=tweede_jaar),
    "cyclus:puzzel": Lees(kwargs=tweede_jaar),
    "cyclus:opzet": Schrijf(
        _paren({"beheerder"}, {GEEN_DOEL}),
        kwargs=tweede_jaar,
        data=lambda c, d: {
            "capaciteitsraming": "88000",
            "termijn_maanden": "6",
            "minimale_jaren": "5",
            "spuk3_drempel_procent": "75",
        },
    ),
    "cyclus:aanbod": Schrijf(
        _paren({"gemeente-assen", "gemeente-emmen"}, {GEEN_DOEL}),
        kwargs=tweede_jaar,
        data=lambda c, d: {},
    ),
    "cyclus:versie": Lees(kwargs=concept),
    "cyclus:regel-nieuw": Schrijf(
        eigen_gemeente(), kwargs=concept, data=regel_formulier, doelen=DOELEN
    ),
    "cyclus:locatie": Schrijf(
        eigen_gemeente(), kwargs=concept, data=register_locatie, doelen=DOELEN
    ),
    "cyclus:indienen": Schrijf(
        eigen_gemeente(), kwargs=concept, data=lambda c, d: {"toelichting": ""}, doelen=DOELEN
    ),
    "cyclus:regel": Schrijf(
        eigen_gemeente(), kwargs=aanbod_regel, data=regel_formulier, doelen=DOELEN
    ),
    "cyclus:regel-verwijderen": Schrijf(
        eigen_gemeente(), kwargs=aanbod_regel, data=lambda c, d: {}, doelen=DOELEN
    ),
    "cyclus:goedkeuren": Schrijf(
        BEOORDELAARS, kwargs=ingediend, data=lambda c, d: {}, doelen=DOELEN
    ),
    "cyclus:terugsturen": Schrijf(BEOORDELAARS, kwargs=ingediend, data=opmerking, doelen=DOELEN),
    "cyclus:bijlage": Lees(kwargs=kansrijk_element),
    "cyclus:indicatief": Schrijf(IMPORTEURS, kwargs=tweede_jaar),
    "cyclus:indicatief-bevestigen": Schrijf(IMPORTEURS, kwargs=tweede_jaar),
    "cyclus:verdeelbesluit": Schrijf(IMPORTEURS, kwargs=tweede_jaar),
    "cyclus:verdeelbesluit-bevestigen": Schrijf(IMPORTEURS, kwargs=tweede_jaar),
    # --- locaties: the gemeente its own, the secretariaat its provincie
    "locaties:lijst": LEZEN,
    "locaties:lijst-excel": LEZEN,
    "locaties:nieuw": Schrijf(
        provincie_schrijver(zonder_doel=True)
        | _paren({"gemeente-assen", "gemeente-emmen"}, {GEEN_DOEL})
    ),
    "locaties:capaciteit": LEZEN,
    "locaties:capaciteit-excel": LEZEN,
    "locaties:detail": Lees(model="locaties.locatie"),
    "locaties:wijzig": Schrijf(
        provincie_schrijver() | eigen_gemeente(), model="locaties.locatie", doelen=DOELEN
    ),
    "locaties:beeindig": Schrijf(
        provincie_schrijver() | eigen_gemeente(), model="locaties.locatie", doelen=DOELEN
    ),
    # --- verzoeken (noodopvang, nareizigers): the secretariaat; a gemeente its readiness
    "verzoeken:overzicht": LEZEN,
    "verzoeken:verzoek-nieuw": Schrijf(provincie_schrijver(zonder_doel=True)),
    "verzoeken:verzoek": Lees(model="verzoeken.noodopvangverzoek"),
    "verzoeken:verzoek-bewerken": Schrijf(
        provincie_schrijver(), model="verzoeken.noodopvangverzoek", doelen=DOELEN
    ),
    "verzoeken:kandidaat-nieuw": Schrijf(
        provincie_schrijver(), model="verzoeken.noodopvangverzoek", doelen=DOELEN
    ),
    "verzoeken:kandidaat": Schrijf(
        provincie_schrijver() | eigen_gemeente(), model="verzoeken.kandidaatlocatie", doelen=DOELEN
    ),
    "verzoeken:activeren": Schrijf(
        provincie_schrijver(), model="verzoeken.kandidaatlocatie", doelen=DOELEN
    ),
    "verzoeken:beeindigen": Schrijf(
        provincie_schrijver(), model="verzoeken.activering", doelen=DOELEN
    ),
    "verzoeken:nareizigers": LEZEN,
    "verzoeken:plaatsing-nieuw": Schrijf(provincie_schrijver(zonder_doel=True)),
    "verzoeken:plaatsing": Schrijf(
        provincie_schrijver(), model="verzoeken.nareizigersplaatsing", doelen=DOELEN
    ),
    # --- overleg (PRT meetings, letters): the secretariaat of the provincie
    "overleg:lijst": Schrijf(provincie_schrijver(zonder_doel=True)),
    "overleg:overleg": Lees(model="overleg.overleg"),
    "overleg:bewerken": Schrijf(provincie_schrijver(), model="overleg.overleg", doelen=DOELEN),
    "overleg:instemmen": Schrijf(provincie_schrijver(), model="overleg.overleg", doelen=DOELEN),
    "overleg:agenda": Lees(kwargs=formaat("pdf", "overleg.overleg")),
    "overleg:actielijst": Lees(kwargs=formaat("pdf", "overleg.overleg")),
    "overleg:nieuw-punt": Schrijf(provincie_schrijver(), model="overleg.overleg", doelen=DOELEN),
    "overleg:punt": Schrijf(provincie_schrijver(), model="overleg.agendapunt", doelen=DOELEN),
    "overleg:verwijder-punt": Schrijf(
        provincie_schrijver(), model="overleg.agendapunt", doelen=DOELEN
    ),
    "overleg:besluit": Schrijf(provincie_schrijver(), model="overleg.agendapunt", doelen=DOELEN),
    "overleg:actie": Schrijf(provincie_schrijver(), model="overleg.agendapunt", doelen=DOELEN),
    "overleg:bijlage-toevoegen": Schrijf(
        provincie_schrijver(), model="overleg.agendapunt", doelen=DOELEN
    ),
    "overleg:rapport": Schrijf(provincie_schrijver(), model="overleg.agendapunt", doelen=DOELEN),
    "overleg:verwijder-besluit": Schrijf(
        provincie_schrijver(), model="overleg.besluit", doelen=DOELEN
    ),
    "overleg:bijlage": Lees(model="overleg.bijlage"),
    "overleg:verwijder-bijlage": Schrijf(
        provincie_schrijver(), model="overleg.bijlage", doelen=DOELEN
    ),
    "overleg:acties": LEZEN,
    "overleg:actie-status": Schrijf(
        provincie_schrijver(),
        model="overleg.actie",
        doelen=DOELEN,
        # A valid payload, so an allowed write must land (an invalid form is a 400:
        # tests/overleg/test_actie_status.py).
        data=lambda c, d: {"status": "afgerond"},
    ),
    "overleg:brieven": LEZEN,
    "overleg:nieuwe-brief": Schrijf(provincie_schrijver(zonder_doel=True)),
    "overleg:brief": Schrijf(provincie_schrijver(), model="overleg.brief", doelen=DOELEN),
    "overleg:brief-bestand": Lees(model="overleg.brief"),
    "overleg:zoeken": LEZEN,
    # --- toezicht (IBT dossiers): the secretariaat of the provincie
    "toezicht:overzicht": LEZEN,
    "toezicht:openen": Schrijf(
        provincie_schrijver(),
        doelen=DOELEN,
        kwargs=lambda c, d: {},
        data=None,
        post=lambda c, d: {"gemeente": c.gemeenten[d].cbs_code},
    ),
    "toezicht:dossier": Schrijf(provincie_schrijver(), model="toezicht.dossier", doelen=DOELEN),
    "toezicht:stap-nieuw": Schrijf(provincie_schrijver(), model="toezicht.dossier", doelen=DOELEN),
    "toezicht:stap": Schrijf(provincie_schrijver(), model="toezicht.stap", doelen=DOELEN),
    "toezicht:document-nieuw": Schrijf(provincie_schrijver(), model="toezicht.stap", doelen=DOELEN),
    "toezicht:document": Lees(model="toezicht.document"),
    # --- woo: only the secretariaat role (not staff, not a superuser as such), its own provincie
    "woo:lijst": LEZEN,
    "woo:nieuw": Schrijf(provincie_schrijver(zonder_doel=True)),
    "woo:besluit": Lees(model="woo.woobesluit"),
    "woo:document-toevoegen": Schrijf(provincie_schrijver(), model="woo.woobesluit", doelen=DOELEN),
    "woo:besluit-pdf": Lees(model="woo.woobesluit"),
    "woo:document": Lees(kwargs=lambda c, d: woo_document(c, d)),
    "woo:document-pdf": Lees(kwargs=lambda c, d: woo_document(c, d)),
    "woo:lak": Schrijf(provincie_schrijver(), kwargs=lambda c, d: woo_lak(c, d), doelen=DOELEN),
    "woo:eigen-lak": Schrijf(
        provincie_schrijver(),
        kwargs=lambda c, d: woo_document(c, d),
        doelen=DOELEN,
    ),
    "woo:status": Schrijf(
        provincie_schrijver(),
        kwargs=lambda c, d: woo_document(c, d),
        doelen=DOELEN,
    ),
    # --- landelijk, kaart
    "landelijk:overzicht": LEZEN,
    "landelijk:ping": LEZEN,
    "kaart:provincie": LEZEN,
    "kaart:nederland": LEZEN,
    # --- historie
    "historie:wijzigingen": LEZEN,
    "historie:historie": Lees(kwargs=historie_kwargs),
    # --- the API: reads scoped to the provincie; writes: inzendingen and imports
    "api:api-root": API_LEZEN,
    # Public: the OpenAPI document (NL API Design Rules), the old schema address (a redirect
    # to it), API 1.0's addresses with a trailing slash (a redirect) and the API's 404.
    "api:schema": LEZEN,
    "api:openapi-json": LEZEN,
    "api:openapi-yaml": LEZEN,
    "api:oud-pad": Lees(kwargs=lambda ctx, doel: {"pad": "inzendingen"}),
    "api:niet-gevonden": Lees(kwargs=lambda ctx, doel: {"pad": "bestaat-niet"}),
    "api:schema-bekijk": LEZEN,
    "api:provincie-list": API_LEZEN,
    "api:provincie-detail": Lees(kwargs=api_provincie, api=True, api_lezen=True),
    "api:gemeente-list": API_LEZEN,
    "api:gemeente-detail": Lees(kwargs=api_gemeente, api=True, api_lezen=True),
    "api:cyclus-list": API_LEZEN,
    "api:cyclus-detail": Lees(kwargs=api_cyclus, api=True),  # national
    "api:opgave-list": API_LEZEN,
    "api:opgave-detail": api_detail("opgaven.opgave"),
    "api:provinciale-opgave-list": API_LEZEN,
    "api:provinciale-opgave-detail": api_detail("opgaven.provincieopgave"),
    "api:realisatie-list": API_LEZEN,
    "api:realisatie-detail": api_detail("monitoring.realisatie"),
    "api:vergunninghouders-stand-list": API_LEZEN,
    "api:vergunninghouders-stand-detail": api_detail("monitoring.vergunninghoudersstand"),
    "api:nidos-stand-list": API_LEZEN,
    "api:nidos-stand-detail": api_detail("monitoring.nidosstand"),
    "api:locatie-list": API_LEZEN,
    "api:locatie-detail": api_detail("locaties.locatie"),
    "api:stand-van-zaken": API_LEZEN,  # the own provincie's; another's is a 404 (test_cijfers_door_de_tijd)
    "api:inzending-list": Schrijf(
        eigen_gemeente(), data=inzending_api, doelen=DOELEN, api=True, json=True
    ),
    "api:inzending-detail": Lees(kwargs=open_inzending, api=True),
    "api:inzending-goedkeuren": Schrijf(
        BEOORDELAARS, kwargs=open_inzending, doelen=DOELEN, api=True, data=lambda c, d: {}
    ),
    "api:inzending-terugsturen": Schrijf(
        BEOORDELAARS, kwargs=open_inzending, data=opmerking, doelen=DOELEN, api=True
    ),
    "api:import-coa": Schrijf(AANLEVERAARS, api=True, data=import_coa),
    "api:import-nidos": Schrijf(AANLEVERAARS, api=True),
    "api:import-realisatie": Schrijf(AANLEVERAARS, api=True),
}

# --- The admin (/beheer/): per model who may add, change and delete, and for which target.
# Staff only; the secretariaat's group may edit the register, opgaven, locations and bonus
# schemes of ITS provincie (accounts.admin_mixins scopes the admin), national tables nobody.
SECRETARIAAT_EIGEN = _paren({"secretariaat"}, DRENTHE) | _paren(
    {"secretariaat-groningen"}, {"groningen"}
)
BEHEERDER = _paren({"beheerder"}, {*DOELEN, GEEN_DOEL})
BEHEER: dict[str, tuple[frozenset[Paar], frozenset[Paar]]] = {
    # label: (who may add and change, who may delete)
    "accounts.gebruiker": (BEHEERDER, BEHEERDER),
    "authtoken.tokenproxy": (BEHEERDER, BEHEERDER),
    "auth.group": (NIEMAND, NIEMAND),
    "axes.accessattempt": (NIEMAND, NIEMAND),
    "axes.accessfailurelog": (NIEMAND, NIEMAND),
    "axes.accesslog": (NIEMAND, NIEMAND),
    "audit.auditregel": (NIEMAND, NIEMAND),
    # The secretariaat keeps its provincie's register, opgaven and locations; deleting
    # is not in its group's rights (history is never deleted).
    "gemeenten.provincie": (SECRETARIAAT_EIGEN, NIEMAND),
    "gemeenten.gemeente": (SECRETARIAAT_EIGEN, NIEMAND),
    "gemeenten.inwonertal": (SECRETARIAAT_EIGEN, NIEMAND),
    "opgaven.cyclus": (NIEMAND, NIEMAND),  # national
    "opgaven.provincieopgave": (SECRETARIAAT_EIGEN, NIEMAND),
    "opgaven.opgave": (SECRETARIAAT_EIGEN, NIEMAND),
    "opgaven.broninvulling": (SECRETARIAAT_EIGEN, NIEMAND),  # Bijlage 1 as a source printed it
    "monitoring.realisatie": (NIEMAND, NIEMAND),  # through imports and submissions only
    "monitoring.vergunninghoudersstand": (NIEMAND, NIEMAND),
    "monitoring.nidosstand": (NIEMAND, NIEMAND),
    "locaties.locatie": (SECRETARIAAT_EIGEN, NIEMAND),
    "aanlevering.aanlevering": (NIEMAND, NIEMAND),
    "rapportage.bonusregeling": (SECRETARIAAT_EIGEN, NIEMAND),
    "rapportage.rapportversie": (NIEMAND, NIEMAND),
    "woo.ambtsdrager": (NIEMAND, NIEMAND),  # national list (a superuser keeps it)
    "verzoeken.nareismaatregel": (NIEMAND, NIEMAND),  # national terms (a superuser)
}
BEHEER_ALGEMEEN = {
    "admin:index",
    "admin:login",
    "admin:logout",
    "admin:password_change",
    "admin:password_change_done",
    "admin:autocomplete",
    "admin:jsi18n",
    "admin:view_on_site",
    "admin:app_list",
}


def _beheer_model(naam: str) -> tuple[str, str] | None:
    """``admin:gemeenten_gemeente_change`` → ("gemeenten.gemeente", "change")."""
    if not naam.startswith("admin:"):
        return None
    if naam == "admin:auth_user_password_change":  # UserAdmin's fixed name
        return "accounts.gebruiker", "password_change"
    for model in admin.site._registry:
        voorvoegsel = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if naam.startswith(voorvoegsel):
            return model._meta.label_lower, naam.removeprefix(voorvoegsel)
    return None


# --------------------------------------------------------------------------- enumeration


@dataclass(frozen=True)
class Patroon:
    naam: str
    route: str


def _patronen(lijst: list[Any], route: str = "", ns: str = "") -> Iterator[Patroon]:
    for p in lijst:
        if isinstance(p, URLResolver):
            naamruimte = f"{ns}{p.namespace}:" if p.namespace else ns
            yield from _patronen(p.url_patterns, route + str(p.pattern), naamruimte)
        elif isinstance(p, URLPattern):
            yield Patroon(
                f"{ns}{p.name}" if p.name else f"{ns}<{route}{p.pattern}>", route + str(p.pattern)
            )


def alle_patronen() -> list[Patroon]:
    gezien: dict[str, Patroon] = {}
    for p in _patronen(get_resolver().url_patterns):
        gezien.setdefault(p.naam, p)
    return list(gezien.values())


def ingedeeld(naam: str) -> bool:
    if naam in TABEL or naam in BEHEER_ALGEMEEN:
        return True
    if naam.startswith("admin:<"):  # the admin's unnamed redirects and catch-all
        return True
    gevonden = _beheer_model(naam)
    return gevonden is not None and gevonden[0] in BEHEER


NAMEN = sorted(p.naam for p in alle_patronen())


def test_elke_url_is_ingedeeld() -> None:
    """A URL that is not in the table fails here: classify it in TABEL (or BEHEER)."""
    ontbrekend = [p for p in alle_patronen() if not ingedeeld(p.naam)]
    assert not ontbrekend, "Niet ingedeeld in tests/test_rollen.py: " + ", ".join(
        f"{p.naam} ({p.route})" for p in ontbrekend
    )
    verouderd = sorted(set(TABEL) - set(NAMEN))
    assert not verouderd, f"In TABEL maar geen URL meer: {verouderd}"


# --------------------------------------------------------------------------- the matrix


@pytest.fixture
def ctx(drenthe: Provincie) -> Context:
    groningen = Provincie.objects.get(naam="Groningen")
    gebruikers = {g.username: g for g in Gebruiker.objects.filter(username__in=ROLLEN)}
    sec_gr = Gebruiker.objects.create(
        username="secretariaat-groningen",
        rol="secretariaat",
        provincie=groningen,
        is_staff=True,
    )
    sec_gr.groups.add(Group.objects.get(name="Secretariaat PRT"))
    beheerder = Gebruiker.objects.create(username="beheerder", rol="beheerder", is_staff=True)
    beheerder.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["accounts", "authtoken"])
    )
    gebruikers.update({"secretariaat-groningen": sec_gr, "beheerder": beheerder})
    gemeenten = {
        "assen": Gemeente.objects.get(naam="Assen"),
        "emmen": Gemeente.objects.get(naam="Emmen"),
        "groningen": Gemeente.objects.get(naam="Groningen", provincie=groningen),
    }
    return Context(gebruikers=gebruikers, gemeenten=gemeenten)


def _client(ctx: Context, rol: str, *, api: bool) -> Client:
    if rol == "anoniem":
        return Client()
    gebruiker = ctx.gebruikers[rol]
    if api:
        token, _ = Token.objects.get_or_create(user=gebruiker)
        return Client(headers={"Authorization": f"Token {token.key}"})
    client = Client()
    client.force_login(gebruiker)
    return client


LOGIN_PADEN = ("/account/inloggen/", "/beheer/login/")


def geweigerd(antwoord: HttpResponse) -> bool:
    """401/403/404/405, the login page, or the admin's "does not exist" redirect to its index."""
    if antwoord.status_code in (401, 403, 404, 405):
        return True
    if antwoord.status_code == 302:
        waarheen = antwoord["Location"]
        return waarheen.startswith(LOGIN_PADEN) or waarheen == reverse("admin:index")
    return False


def _poging(
    client: Client, methode: str, url: str, data: dict[str, Any] | None, *, json: bool
) -> tuple[HttpResponse, int]:
    """One request in a savepoint that is rolled back: each attempt starts from the same data."""
    voor = AuditRegel.objects.count()
    with transaction.atomic():
        if json:
            antwoord = getattr(client, methode)(url, data or {}, content_type="application/json")
        elif methode == "post":
            antwoord = client.post(url, data or {})
        else:
            antwoord = getattr(client, methode)(url, data or {}, content_type="application/json")
        geschreven = AuditRegel.objects.count() - voor
        transaction.set_rollback(True)
    return antwoord, geschreven


def _kwargs(ingang: Schrijf | Lees, ctx: Context, doel: str) -> dict[str, Any]:
    if ingang.kwargs is not None:
        return ingang.kwargs(ctx, doel)
    if ingang.model is not None:
        return pk_kwargs(ctx, ingang.model, doel)
    return {}


def _beheer_ingang(naam: str) -> Schrijf | Lees | None:
    gevonden = _beheer_model(naam)
    if gevonden is None:
        return None
    label, soort = gevonden
    if label not in BEHEER:
        return None  # unclassified: test_elke_url_is_ingedeeld fails
    wijzigen, verwijderen = BEHEER[label]
    sleutel = "id" if soort == "password_change" else "object_id"

    def bouw(ctx: Context, doel: str, label: str = label) -> dict[str, Any]:
        return {sleutel: _beheer_object(ctx, label, doel).pk}

    # Emmen adds nothing to Assen here (the admin knows provincies, not gemeenten).
    doelen = ("assen", "groningen")
    if soort == "changelist":
        return LEZEN
    if soort == "history":
        return Lees(kwargs=bouw)
    if soort == "add":
        return Schrijf(frozenset((r, GEEN_DOEL) for r, _ in wijzigen))
    if soort == "delete":  # the confirmation page; denied users get 403 or a redirect
        return Schrijf(verwijderen, kwargs=bouw, doelen=doelen)
    if soort in ("change", "password_change"):
        return Schrijf(wijzigen, kwargs=bouw, doelen=doelen)
    return LEZEN


def _beheer_object(ctx: Context, label: str, doel: str) -> models.Model:
    if label == "gemeenten.gemeente":
        return ctx.gemeenten[doel]
    if label == "gemeenten.provincie":
        return ctx.provincie(doel)
    if label == "accounts.gebruiker":
        return {
            "assen": ctx.gebruikers["gemeente-assen"],
            "emmen": ctx.gebruikers["gemeente-emmen"],
        }.get(doel, ctx.gebruikers["secretariaat-groningen"])
    if label == "opgaven.cyclus":
        return Cyclus.objects.order_by("pk").first()  # type: ignore[return-value]
    if label == "authtoken.tokenproxy":
        from rest_framework.authtoken.models import TokenProxy

        gebruiker = ctx.gebruikers[
            "gemeente-assen" if doel in DRENTHE else "secretariaat-groningen"
        ]
        Token.objects.get_or_create(user=gebruiker)
        return TokenProxy.objects.get(user=gebruiker)
    return ctx.object(label, doel)


SCHRIJVENDE_NAMEN = [
    n for n in NAMEN if isinstance(TABEL.get(n), Schrijf) or isinstance(_beheer_ingang(n), Schrijf)
]


def _admin_generiek(naam: str) -> bool:
    """The admin's generic routes (e.g. ``admin:app_list`` with its regex, the catch-all):
    they serve every model, which the per-model admin URLs above already cover."""
    ingang = TABEL.get(naam) or _beheer_ingang(naam) or LEZEN
    patroon = next(p for p in alle_patronen() if p.naam == naam)
    algemeen = naam in BEHEER_ALGEMEEN and "<" in patroon.route
    return bool(
        "<" in naam or algemeen or ("(?P<" in patroon.route and not (ingang.kwargs or ingang.model))  # type: ignore[union-attr]
    )


LEZENDE_NAMEN = [
    n for n in NAMEN if n not in SCHRIJVENDE_NAMEN and ingedeeld(n) and not _admin_generiek(n)
]


@pytest.mark.django_db
@pytest.mark.parametrize("naam", SCHRIJVENDE_NAMEN)
def test_rol_matrix(naam: str, ctx: Context) -> None:
    ingang = TABEL.get(naam) or _beheer_ingang(naam)
    assert isinstance(ingang, Schrijf)
    fouten = []
    for rol, doel in itertools.product(ROLLEN, ingang.doelen):
        url = reverse(naam, kwargs=_kwargs(ingang, ctx, doel))
        data = ingang.data(ctx, doel) if ingang.data else None
        if ingang.post is not None:
            data = ingang.post(ctx, doel)
        client = _client(ctx, rol, api=ingang.api)
        mag = (rol, doel) in ingang.wie
        for methode in ingang.methoden:
            antwoord, geschreven = _poging(client, methode, url, data, json=ingang.json)
            uitkomst = f"{rol} → {doel}: {methode.upper()} {url} gaf {antwoord.status_code}"
            if antwoord.status_code >= 500:
                fouten.append(f"{uitkomst} (serverfout)")
            elif mag and geweigerd(antwoord):
                fouten.append(f"{uitkomst}: geweigerd, maar de tabel staat het toe")
            elif mag and ingang.data is not None and not geschreven and antwoord.status_code < 400:
                fouten.append(f"{uitkomst}: toegestaan, maar er is niets vastgelegd")
            elif not mag and not geweigerd(antwoord):
                fouten.append(f"{uitkomst}: NIET geweigerd ({geschreven} historieregels)")
            elif not mag and geschreven:
                fouten.append(f"{uitkomst}: geweigerd, maar toch {geschreven} historieregels")
            if rol == "anoniem" and ingang.api and antwoord.status_code not in (401, 403):
                fouten.append(f"{uitkomst}: anoniem moet 401/403 krijgen")
    assert not fouten, "\n".join(fouten)


POSTERS = ("anoniem", "secretariaat", "gemeente-assen", "beheerder")


@pytest.mark.django_db
@pytest.mark.parametrize("naam", LEZENDE_NAMEN)
def test_lezende_url_schrijft_niets(naam: str, ctx: Context) -> None:
    """A POST to a read-only URL writes nothing, whoever sends it; an API detail of another
    provincie answers 404, and an anonymous API client gets 401/403 and no data."""
    ingang = TABEL.get(naam) or _beheer_ingang(naam) or LEZEN
    assert isinstance(ingang, Lees)
    fouten = []
    doelen = DOELEN if ingang.api_lezen else ("assen",)
    for rol, doel in itertools.product(ROLLEN, doelen):
        url = reverse(naam, kwargs=_kwargs(ingang, ctx, doel))
        client = _client(ctx, rol, api=ingang.api)
        # POST as the broadest writers and an outsider (enough to show nothing is written).
        if naam not in ("logout", "login") and rol in POSTERS and doel == doelen[0]:
            antwoord, geschreven = _poging(client, "post", url, {}, json=False)
            if geschreven or antwoord.status_code >= 500:
                fouten.append(f"{rol}: POST {url} gaf {antwoord.status_code}, {geschreven} regels")
        if ingang.api:
            antwoord = client.get(url)
            if rol == "anoniem":
                if antwoord.status_code not in (401, 403) or b"results" in antwoord.content:
                    fouten.append(f"anoniem: GET {url} gaf {antwoord.status_code}")
                continue
            if ingang.api_lezen:
                leest = _leest(ctx, rol, doel)
                verwacht = 200 if leest else 404
                if antwoord.status_code != verwacht:
                    fouten.append(
                        f"{rol} → {doel}: GET {url} gaf {antwoord.status_code}, niet {verwacht}"
                    )
    assert not fouten, "\n".join(fouten)


def _leest(ctx: Context, rol: str, doel: str) -> bool:
    """Reading an entity through the API: the own provincie; the beheerder every one."""
    if rol == "beheerder":
        return True
    if rol == "secretariaat-groningen":
        return doel == "groningen"
    return doel in DRENTHE


@pytest.mark.django_db
def test_een_lijst_van_de_api_toont_alleen_de_eigen_provincie(ctx: Context) -> None:
    """The known hole: the secretariaat of Drenthe is staff, and used to read every provincie."""
    ctx.object("locaties.locatie", "groningen")
    ctx.object("locaties.locatie", "assen")
    for rol, verwacht in [
        ("secretariaat", {"Drenthe"}),
        ("secretariaat-groningen", {"Groningen"}),
        ("gemeente-assen", {"Drenthe"}),
        ("lezer", {"Drenthe"}),
        ("beheerder", {"Drenthe", "Groningen"}),
    ]:
        client = _client(ctx, rol, api=True)
        rijen = client.get("/api/v1/locaties?page_size=1000").json()["results"]
        codes = {r["gemeente"] for r in rijen}
        provincies = set(
            Gemeente.objects.filter(cbs_code__in=codes).values_list("provincie__naam", flat=True)
        )
        assert provincies == verwacht, rol


@pytest.mark.django_db
def test_een_provinciaal_secretariaat_levert_alleen_voor_de_eigen_provincie_aan(
    ctx: Context, tmp_path: Any
) -> None:
    """Found with the matrix in mind: an import wrote any gemeente of the country, so the
    secretariaat of Drenthe could change Groningen's figures with a realisatie file."""
    from regietafel.aanlevering.services import importeer_realisatie
    from regietafel.monitoring.models import Realisatie

    pad = tmp_path / "realisatie.csv"
    pad.write_text(
        "gemeente;soort;aantal;peildatum\nAssen;oekraine;830;01-12-2025\n"
        "GM0014;oekraine;5;01-12-2025\n",
        encoding="utf-8",
    )
    dec = dt.date(2025, 12, 1)
    for rol in ("secretariaat", "secretariaat-groningen"):
        s = importeer_realisatie(pad, door=ctx.gebruikers[rol])
        assert [f.melding for f in s.fouten] == [
            "Het bestand bevat gemeenten buiten uw provincie, waarvoor u niet mag aanleveren: "
            + ("Groningen." if rol == "secretariaat" else "Assen.")
        ]
        assert not Realisatie.objects.filter(peildatum=dec).exists()
    # A supplier (COA, Nidos) delivers national files.
    assert importeer_realisatie(pad, door=ctx.gebruikers["coa"]).fouten == []
    assert Realisatie.objects.filter(peildatum=dec).count() == 2

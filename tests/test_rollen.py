"""The role matrix (issue 7 point 1, issue 17 point 8): every URL of the project, every persona,
objects of the own gemeente, another gemeente and another provincie — reads and writes.

``test_elke_url_is_ingedeeld`` enumerates every URL pattern (``get_resolver``, recursively:
the pages, /api/ and /beheer/) and fails for one that is not in ``TABEL`` (or, for the admin,
``BEHEER``): a new page cannot slip through unclassified. Per URL name the table says:

- who READS it (``Lezen``): a GET answers exactly ``status`` (200) for those (persona, target)
  pairs, and is refused for every other one: 401 (API) or the login page for an anonymous
  visitor, 403 or 404 for a signed-in one (the admin: 403, its login page, or its "does not
  exist" redirect for a record of another provincie). A URL without ``lezen`` is POST only:
  a GET is never 200. National personas (beheerder, landelijk) open another provincie's page
  the way they navigate: with ``?provincie=PVnn``.
- who WRITES it (``Schrijf.wie``): an allowed persona POSTs a valid payload (the page's own
  form read as that persona, with a change on top, or a payload of its own) and the write must
  succeed: 2xx/3xx, not refused, the rows of the models it touches (``raakt``) changed and a
  history entry made. Every other persona POSTs the same valid payload and is refused, and
  nothing changes: not the rows of ``raakt`` (compared row by row), not any other row of the
  database (the connection's row-change counter), not the history.

Each attempt runs in a savepoint that is rolled back: one database, every attempt from the same
data. The URLs are enumerated in ``tests/urlpatronen.py``, shared with the export walk and any
test that requests every URL.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db import connection, models, transaction
from django.db.models import NOT_PROVIDED
from django.http import HttpResponse
from django.test import Client, TestCase
from django.urls import reverse
from rest_framework.authtoken.models import Token

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import HistorieKop
from regietafel.audit.reikwijdte import paden
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.opgaven.models import Cyclus
from tests.formulier import toepassen, velden
from tests.taken.hulp import haal
from tests.urlpatronen import Patroon, _patronen, alle_patronen  # noqa: F401  (shared)

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
    "landelijk",  # rol lezer, no provincie, ``landelijk``: reads every provincie, writes nothing
)
DOELEN = ("assen", "emmen", "groningen")
"""Objects of Assen and Emmen (both Drenthe) and of the gemeente Groningen (provincie Groningen)."""
GEEN_DOEL = "-"
DRENTHE = frozenset({"assen", "emmen"})
INGELOGD = frozenset(ROLLEN) - {"anoniem"}
NATIONAAL = frozenset({"beheerder", "landelijk"})
PROVINCIE_VAN = {
    "secretariaat": "drenthe",
    "secretariaat-groningen": "groningen",
    "gemeente-assen": "drenthe",
    "gemeente-emmen": "drenthe",
    "coa": "drenthe",
    "lezer": "drenthe",
}
"""The provincie a provincial persona reads (the national ones read every provincie)."""
DOEL_PROVINCIE = {"assen": "drenthe", "emmen": "drenthe", "groningen": "groningen"}

Paar = tuple[str, str]
"""(role, target)."""


def _paren(rollen: set[str] | frozenset[str], doelen: set[str] | frozenset[str]) -> frozenset[Paar]:
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


def leest(rollen: set[str] | frozenset[str], doelen: tuple[str, ...] = DOELEN) -> frozenset[Paar]:
    """``rollen`` read the records of the provincie they see: a provincial persona its own, a
    national persona every one."""
    return frozenset(
        (r, d)
        for r in rollen
        for d in doelen
        if r in NATIONAAL or PROVINCIE_VAN.get(r) == DOEL_PROVINCIE.get(d)
    )


def iedereen(rollen: set[str] | frozenset[str]) -> frozenset[Paar]:
    """A page without a record: these personas read it."""
    return _paren(rollen, {GEEN_DOEL})


NIEMAND: frozenset[Paar] = frozenset()


# --------------------------------------------------------------------------- the entries


@dataclass(frozen=True)
class Lezen:
    """Who reads a URL with GET: ``status`` for these pairs, refused for every other one
    (``anders``: a fixed answer for the others instead, such as the login page's redirect of
    a signed-in user)."""

    wie: frozenset[Paar]
    status: int = 200
    anders: int | None = None
    doelen: tuple[str, ...] | None = None
    """The targets to GET (default: the entry's)."""


@dataclass(frozen=True)
class Formulier:
    """A payload read from a form on a page, as the persona that sends it, with ``wijziging``
    on top. ``pagina``: the page that holds the form (default: the URL itself); the form is the
    one whose action is the URL (or, on the URL's own page, the one without an action)."""

    wijziging: Callable[[Context, str], dict[str, Any]] = lambda c, d: {}
    pagina: Callable[[Context, str], str] | None = None
    voorbereiding: Callable[[Context, str, Client], HttpResponse] | None = None
    """Instead of a GET of ``pagina``: the request whose answer holds the form (an upload's
    preview holds the confirmation)."""


@dataclass(frozen=True)
class Schrijf:
    """A URL that writes. ``wie``: the (role, target) pairs allowed to write.

    ``model``: the label of the object the URL's ``pk`` names (made per target); None for a
    URL without pk (then ``doelen`` says which targets the payload varies over).
    ``data``: the valid payload (a ``Formulier``, or a function giving the POST data); ``raakt``:
    the models whose rows an allowed write changes (default ``model``).
    """

    wie: frozenset[Paar]
    model: str | None = None
    data: Callable[[Context, str], dict[str, Any]] | Formulier | None = None
    kwargs: Callable[[Context, str], dict[str, Any]] | None = None
    doelen: tuple[str, ...] = (GEEN_DOEL,)
    methoden: tuple[str, ...] = ("post",)
    api: bool = False
    json: bool = False
    raakt: tuple[str, ...] | None = None
    lezen: Lezen | None = None
    """Who reads the URL with GET (its form); None: POST only."""
    query: Callable[[Context, str], dict[str, Any]] | None = None
    """Query parameters of the URL (GET and POST)."""

    def modellen(self) -> tuple[str, ...]:
        if self.raakt is not None:
            return self.raakt
        return (self.model,) if self.model else ()


@dataclass(frozen=True)
class Lees:
    """A read-only URL: a POST writes nothing. ``model``: the pk's object (for the kwargs);
    ``api_lezen``: the API detail of another provincie answers 404."""

    model: str | None = None
    kwargs: Callable[[Context, str], dict[str, Any]] | None = None
    api: bool = False
    api_lezen: bool = False
    lezen: Lezen | None = None
    query: Callable[[Context, str], dict[str, Any]] | None = None
    doelen: tuple[str, ...] | None = None


LEZEN = Lees()

# --------------------------------------------------------------------------- the context


@dataclass
class Context:
    gebruikers: dict[str, Gebruiker]
    gemeenten: dict[str, Gemeente]
    objecten: dict[tuple[str, str], models.Model] = field(default_factory=dict)
    basis: dict[str, Any] = field(default_factory=dict)
    """The module's sessions and API keys per persona (``maak_basis``)."""

    def provincie(self, doel: str) -> Provincie:
        return self.gemeenten[doel].provincie

    def secretariaat(self, doel: str) -> Gebruiker:
        return self.gebruikers["secretariaat" if doel in DRENTHE else "secretariaat-groningen"]

    def object(self, label: str, doel: str) -> models.Model:
        if (label, doel) not in self.objecten:
            maker = MAKERS.get(label)
            self.objecten[(label, doel)] = (
                maker(self, doel) if maker else maak(apps.get_model(label), self, doel)
            )
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


# --- records made through the services, per target (fresh: no demo state in the way) ---------

TEKST = b"Verslag van het overleg.\n"
WOO_TEKST = (
    "Geachte heer Jansen,\n\nDank voor uw brief. Mail gerust naar j.jansen@gemeente.example "
    "of bel 06-12345678.\n\nMet vriendelijke groet"
)


def _rollen_cyclus(ctx: Context) -> Cyclus:
    """A Spreidingswet cyclus of the matrix's own: every (gemeente, soort, stadium) is free."""
    from regietafel import services

    if ("opgaven.cyclus", "rollen") not in ctx.objecten:
        ctx.objecten[("opgaven.cyclus", "rollen")] = services.maak(
            Cyclus,
            door=None,
            waarden={
                "code": "rollen-2030",
                "naam": "Rollen 2030",
                "soort": "spreidingswet",
                "jaar": 2030,
                "begin": dt.date(2030, 1, 1),
                "eind": dt.date(2031, 12, 31),
            },
        )
    return ctx.objecten[("opgaven.cyclus", "rollen")]  # type: ignore[return-value]


def _locatie(ctx: Context, doel: str) -> models.Model:
    from regietafel.locaties.services import maak_locatie

    return maak_locatie(
        door=None,
        gemeente=ctx.gemeenten[doel],
        naam=f"Rollen {doel}",
        type="regulier",
        status="gerealiseerd",
        plaatsen_regulier=40,
        beschikbaar_van=dt.date(2025, 1, 1),
    )


def _overleg(ctx: Context, doel: str, datum: dt.date = dt.date(2030, 2, 1)) -> models.Model:
    """A meeting of the target's provincie, with one before it (to approve its list)."""
    from regietafel.overleg.services import bewaar_overleg

    for d in (dt.date(2030, 1, 1), datum):
        overleg = bewaar_overleg(
            door=None,
            provincie=ctx.provincie(doel),
            waarden={"soort": "ambtelijk", "datum": d, "locatie": "Provinciehuis"},
        )
    return overleg


def _agendapunt(ctx: Context, doel: str) -> models.Model:
    from regietafel.overleg.services import bewaar_agendapunt

    return bewaar_agendapunt(
        door=None,
        overleg=ctx.object("overleg.overleg", doel),  # type: ignore[arg-type]
        waarden={"nummer": 1, "titel": "Opening", "doel": "informatie"},
    )


def _besluit(ctx: Context, doel: str) -> models.Model:
    from regietafel.overleg.services import bewaar_besluit

    return bewaar_besluit(
        door=None,
        punt=ctx.object("overleg.agendapunt", doel),  # type: ignore[arg-type]
        tekst="Ingestemd.",
    )


def _actie(ctx: Context, doel: str) -> models.Model:
    from regietafel.overleg.services import bewaar_actie

    return bewaar_actie(
        door=None,
        punt=ctx.object("overleg.agendapunt", doel),  # type: ignore[arg-type]
        waarden={"omschrijving": "Cijfers nalopen", "door_wie": "secretariaat"},
    )


def _bijlage(ctx: Context, doel: str) -> models.Model:
    from regietafel.overleg.services import voeg_bijlage_toe

    return voeg_bijlage_toe(
        door=None,
        punt=ctx.object("overleg.agendapunt", doel),  # type: ignore[arg-type]
        bestandsnaam=f"notitie-{doel}.txt",
        data=TEKST + doel.encode(),
        titel="Notitie",
    )


def _brief(ctx: Context, doel: str) -> models.Model:
    from regietafel.overleg.services import bewaar_brief

    return bewaar_brief(
        door=None,
        provincie=ctx.provincie(doel),
        waarden={
            "afzender": "Ministerie van Asiel en Migratie",
            "ontvangen": dt.date(2030, 1, 15),
            "onderwerp": f"Brief {doel}",
            "soort": "brief",
            "persoonsgegevens": False,  # a letter with personal data: the secretariaat only
        },
        bestand=(f"brief-{doel}.txt", TEKST + doel.encode()),
    )


def _dossier(ctx: Context, doel: str) -> models.Model:
    from regietafel.toezicht.services import open_dossier

    dossier, _ = open_dossier(
        door=None,
        gemeente=ctx.gemeenten[doel],
        geopend_op=dt.date(2025, 6, 1),
        onderwerp="Achterstand huisvesting",
    )
    return dossier


def _stap(ctx: Context, doel: str) -> models.Model:
    from regietafel.toezicht.services import zet_stap

    stap, _ = zet_stap(
        door=None,
        dossier=ctx.object("toezicht.dossier", doel),  # type: ignore[arg-type]
        soort="informatie_opvragen",
        datum=dt.date(2025, 6, 2),
    )
    return stap


def _document(ctx: Context, doel: str) -> models.Model:
    from regietafel.toezicht.services import voeg_document_toe

    return voeg_document_toe(
        door=None,
        stap=ctx.object("toezicht.stap", doel),  # type: ignore[arg-type]
        bestandsnaam=f"brief-{doel}.txt",
        data=TEKST + doel.encode(),
    )


def _verzoek(ctx: Context, doel: str) -> models.Model:
    from regietafel.verzoeken.services import zet_verzoek

    verzoek, _ = zet_verzoek(
        door=None,
        provincie=ctx.provincie(doel),
        ontvangen_op=dt.date(2030, 1, 5),
        van_wie="Ministerie van Asiel en Migratie",
        plaatsen=100,
        periode_van=dt.date(2030, 1, 1),
        periode_tot=dt.date(2030, 6, 30),
        activeringstermijn_dagen=3,
    )
    return verzoek


def _kandidaat(ctx: Context, doel: str) -> models.Model:
    from regietafel.verzoeken.services import zet_kandidaat

    kandidaat, _ = zet_kandidaat(
        door=None,
        verzoek=ctx.object("verzoeken.noodopvangverzoek", doel),  # type: ignore[arg-type]
        gemeente=ctx.gemeenten[doel],
        naam=f"Sporthal {doel}",
        plaatsen=40,
        gereedheid="verkend",
        gereedheid_op=dt.date(2030, 1, 6),
    )
    return kandidaat


def _activering(ctx: Context, doel: str) -> models.Model:
    from regietafel.verzoeken.services import activeer

    activering, _ = activeer(
        door=None,
        kandidaat=ctx.object("verzoeken.kandidaatlocatie", doel),  # type: ignore[arg-type]
        geactiveerd_op=dt.date(2030, 1, 10),
        plaatsen=40,
        door_wie="het ministerie",
    )
    return activering


def _plaatsing(ctx: Context, doel: str) -> models.Model:
    from regietafel.verzoeken.services import plaats_nareizigers

    plaatsing, _ = plaats_nareizigers(
        door=None,
        gemeente=ctx.gemeenten[doel],
        geplaatst_op=dt.date(2030, 1, 10),
        hotel=f"Hotel {doel}",
        personen=4,
    )
    return plaatsing


def _woo_besluit(ctx: Context, doel: str) -> models.Model:
    from regietafel.woo.services import maak_besluit

    return maak_besluit(
        door=ctx.secretariaat(doel),
        provincie=ctx.provincie(doel),
        titel="Besluit op Woo-verzoek",
        datum=dt.date(2030, 1, 20),
        kenmerk=f"WOO-ROLLEN-{doel.upper()}",
    )


def _woo_document(ctx: Context, doel: str) -> models.Model:
    from regietafel.woo.services import voeg_document_toe

    return voeg_document_toe(
        door=ctx.secretariaat(doel),
        besluit=ctx.object("woo.woobesluit", doel),  # type: ignore[arg-type]
        titel="Brief aan verzoeker",
        tekst=WOO_TEKST,
        bron="tekst",
    )


def _woo_lak(ctx: Context, doel: str) -> models.Model:
    document = ctx.object("woo.woodocument", doel)
    return document.lakken.order_by("pk").first()  # type: ignore[attr-defined,no-any-return]


def _bonusregeling(ctx: Context, doel: str) -> models.Model:
    from regietafel.rapportage.models import BonusRegeling
    from regietafel.rapportage.services import maak_bonusregeling

    # One regeling per cyclus and provincie: the gemeenten of one provincie share it.
    bestaand = BonusRegeling.objects.filter(
        cyclus=_rollen_cyclus(ctx), provincie=ctx.provincie(doel)
    ).first()
    if bestaand is not None:
        return bestaand
    return maak_bonusregeling(
        door=None,
        cyclus=_rollen_cyclus(ctx),
        provincie=ctx.provincie(doel),
        spuk1_per_plek=2000,
        spuk2_per_plek=2000,
        spuk3_provincie=1,
    )


def _taak(ctx: Context, doel: str) -> models.Model:
    """A finished job with its file: for Assen a supplier's own import (only its requester
    sees it), for Emmen and Groningen a report of the provincie (a shared document: every
    reader of the provincie sees it)."""
    from regietafel.aanlevering.taken import IMPORT
    from regietafel.rapportage.taken import STAND
    from regietafel.taken.services import plaats, rond_af
    from regietafel.taken.soorten import Resultaat

    if doel == "assen":
        taak = plaats(door=ctx.gebruikers["coa"], soort=IMPORT, omschrijving="Import realisatie")
        resultaat = Resultaat(bestand=TEKST, extensie="csv", bestandsnaam="realisatie.csv")
    else:
        taak = plaats(
            door=ctx.secretariaat(doel),
            soort=STAND,
            omschrijving=f"Stand van zaken {doel}",
            provincie=ctx.provincie(doel),
            sleutel=f"rollen:{doel}",
        )
        resultaat = Resultaat(bestand=TEKST, extensie="xlsx", bestandsnaam=f"stand-{doel}.xlsx")
    rond_af(taak, resultaat)
    taak.refresh_from_db()
    return taak


MAKERS: dict[str, Callable[[Context, str], models.Model]] = {
    "taken.taak": _taak,
    "locaties.locatie": _locatie,
    "overleg.overleg": _overleg,
    "overleg.agendapunt": _agendapunt,
    "overleg.besluit": _besluit,
    "overleg.actie": _actie,
    "overleg.bijlage": _bijlage,
    "overleg.brief": _brief,
    "toezicht.dossier": _dossier,
    "toezicht.stap": _stap,
    "toezicht.document": _document,
    "verzoeken.noodopvangverzoek": _verzoek,
    "verzoeken.kandidaatlocatie": _kandidaat,
    "verzoeken.activering": _activering,
    "verzoeken.nareizigersplaatsing": _plaatsing,
    "woo.woobesluit": _woo_besluit,
    "woo.woodocument": _woo_document,
    "woo.lak": _woo_lak,
    "rapportage.bonusregeling": _bonusregeling,
}
"""Records the matrix makes through the services (with real files where a URL downloads one)."""


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

            ctx.objecten[sleutel] = drenthe_2024(f"Verslag Drenthe 2024 ({doel})")
        else:
            ctx.objecten[sleutel] = maak_scenario(
                door=None, provincie=provincie, cyclus=cyclus, naam="Groningen"
            )
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


def bestand(naam: str, inhoud: bytes) -> io.BytesIO:
    uit = io.BytesIO(inhoud)
    uit.name = naam
    return uit


def realisatie_csv(ctx: Context, doel: str) -> bytes:
    """A valid realisation file for the target's gemeente (a supplier's file is national)."""
    gemeente = ctx.gemeenten[doel if doel != GEEN_DOEL else "assen"]
    return (
        f"gemeente;soort;aantal;peildatum\n{gemeente.cbs_code};oekraine;777;01-12-2025\n"
    ).encode()


def import_bestand(ctx: Context, doel: str) -> dict[str, Any]:
    return {"bestand": bestand("realisatie.csv", realisatie_csv(ctx, doel))}


def _xlsx(schrijf: Callable[[Any], Any]) -> bytes:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "bestand.xlsx"
        schrijf(pad)
        return pad.read_bytes()


def import_coa(ctx: Context, doel: str) -> dict[str, Any]:
    """Drenthe's COA overzicht of December (November filled in): new figures."""
    from tests.aanlevering.bestanden import SEED_000, coa_rijen, schrijf_coa

    cijfers = {naam: (*c[:9], c[9] + 1, 0) for naam, c in SEED_000.items()}
    inhoud = _xlsx(lambda pad: schrijf_coa(pad, coa_rijen(cijfers), peildatum="01-12-2025"))
    return {"bestand": bestand("coa.xlsx", inhoud)}


def import_nidos(ctx: Context, doel: str) -> dict[str, Any]:
    """Nidos' factsheet for Drenthe on a new peildatum."""
    from tests.aanlevering.bestanden import NIDOS_KOPPEN, NIDOS_SEED, nidos_rijen, schrijf_tabel

    # The factsheet's misspelling of Hoogeveen corrected (the importer refuses it, rightly).
    cijfers = {("HOOGEVEEN" if k == "HOOGVEEN" else k): v for k, v in NIDOS_SEED.items()}
    inhoud = _xlsx(lambda pad: schrijf_tabel(pad, NIDOS_KOPPEN, nidos_rijen(cijfers)))
    return {"bestand": bestand("nidos.xlsx", inhoud), "peildatum": "2025-12-01"}


def upload_voorbeeld(ctx: Context, doel: str, client: Client) -> HttpResponse:
    """Upload the realisation file: the preview holds the confirmation form."""
    return client.post(reverse("aanlevering:start"), upload_realisatie(ctx, doel))  # type: ignore[no-any-return]


def upload_realisatie(ctx: Context, doel: str) -> dict[str, Any]:
    return {"soort": "realisatie", "bestand": bestand("realisatie.csv", realisatie_csv(ctx, doel))}


def url(
    naam: str, kwargs: Callable[[Context, str], dict[str, Any]] | None = None
) -> Callable[[Context, str], str]:
    """The URL of a page (for ``Formulier.pagina``)."""
    return lambda ctx, doel: reverse(naam, kwargs=kwargs(ctx, doel) if kwargs else None)


def pk_van(label: str) -> Callable[[Context, str], dict[str, Any]]:
    return lambda ctx, doel: pk_kwargs(ctx, label, doel)


def api_provincie(ctx: Context, doel: str) -> dict[str, Any]:
    return {"code": ctx.provincie(doel).code}


def api_gemeente(ctx: Context, doel: str) -> dict[str, Any]:
    return {"cbs_code": ctx.gemeenten[doel].cbs_code}


def api_cyclus(ctx: Context, doel: str) -> dict[str, Any]:
    return {"code": Cyclus.objects.order_by("pk").first().code}  # type: ignore[union-attr]


def _gemeente_pk(ctx: Context, doel: str) -> str:
    return str(ctx.gemeenten[doel].pk)


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
    from regietafel.cyclus.services import (
        Bijlage,
        ElementInvoer,
        dien_in,
        nieuwe_versie,
        zet_regel,
    )
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
            elementen={
                Element.TOEZEGGING: ElementInvoer(
                    "toezegging van het college",
                    bijlage=Bijlage(f"toezegging-{doel}.txt", TEKST + doel.encode()),
                )
            },
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


def cyclus_upload(soort: str) -> Callable[[Context, str], dict[str, Any]]:
    """The sample file of an import of the cyclus (docs/voorbeelden), for Drenthe."""
    from pathlib import Path

    naam = {
        "indicatief": "indicatieve-verdeling-drenthe-2026.csv",
        "verdeelbesluit": "verdeelbesluit-tabel-1.csv",
    }[soort]
    pad = Path(__file__).resolve().parent.parent / "docs" / "voorbeelden" / naam

    def data(ctx: Context, doel: str) -> dict[str, Any]:
        tweede_cyclus()
        return {"bestand": bestand(naam, pad.read_bytes())}

    return data


def cyclus_voorbeeld(soort: str) -> Callable[[Context, str, Client], HttpResponse]:
    """Upload the sample: the preview holds the confirmation form."""

    def voorbereiding(ctx: Context, doel: str, client: Client) -> HttpResponse:
        url = reverse(f"cyclus:{soort}", kwargs={"jaar": 2026})
        return client.post(url, cyclus_upload(soort)(ctx, doel))  # type: ignore[no-any-return]

    return voorbereiding


IMPORTEURS = _paren({"secretariaat", "beheerder"}, {GEEN_DOEL})
"""The minister's numbers of a cyclus: a beheerder (national) or a provincie's secretariaat
(the samples are Drenthe's: the secretariaat of Groningen is refused them)."""


# --------------------------------------------------------------------------- the table

AANLEVERAARS = _paren({"secretariaat", "secretariaat-groningen", "coa"}, {GEEN_DOEL})
AANLEVER_DOELEN = ("assen", "groningen")
AANLEVEREN = _paren({"secretariaat", "coa"}, {"assen"}) | _paren(
    {"secretariaat-groningen", "coa"}, {"groningen"}
)
"""A provincial secretariaat delivers its own provincie's figures; a supplier any."""
BEOORDELAARS = _paren({"secretariaat"}, DRENTHE) | _paren({"secretariaat-groningen"}, {"groningen"})
API_LEZEN = Lees(api=True, lezen=Lezen(iedereen(INGELOGD)))
ALLEN = Lezen(iedereen(INGELOGD))
"""Every signed-in persona reads the page (of the provincie it sees)."""
OVERLEG_LEZERS = INGELOGD - {"coa"}
"""overleg.permissions: the secretariaat, gemeenten, lezers and beheerders; no supplier."""
TOEZICHT_ALLES = frozenset({"secretariaat", "secretariaat-groningen", "lezer", "landelijk"})
"""toezicht.permissions: every dossier for the secretariaat and a lezer; a gemeente its own."""
GEEN_GROENINGER_CIJFERS = INGELOGD - {"secretariaat-groningen"}
"""The demo has no figures for Groningen: its reports answer 404 before any role is checked."""


TAAK_LEZERS = frozenset({("coa", "assen")}) | leest(INGELOGD, ("emmen", "groningen"))
"""Assen's job is a supplier's own import; Emmen's and Groningen's a shared report."""


def api_detail(model: str, sleutel: str = "pk", veld: str = "pk") -> Lees:
    def bouw(ctx: Context, doel: str) -> dict[str, Any]:
        return {sleutel: getattr(ctx.object(model, doel), veld)}

    return Lees(model=model, kwargs=bouw, api=True, api_lezen=True, lezen=Lezen(leest(INGELOGD)))


def per_doel(lezers: frozenset[str] | set[str]) -> Lezen:
    return Lezen(leest(lezers))


TABEL: dict[str, Schrijf | Lees] = {
    # --- monitoring
    "stand-van-zaken": Lees(lezen=ALLEN),
    "trends": Lees(lezen=ALLEN),
    "trends-gemeente": Lees(
        kwargs=lambda ctx, doel: {"cbs_code": ctx.gemeenten[doel].cbs_code},
        lezen=per_doel(INGELOGD),
    ),
    # A chart of the trends page of one's own provincie (any well-formed key: not stored, it
    # is drawn now). Groningen has no figures here: its regulier chart does not exist (404).
    "trends-grafiek": Lees(
        kwargs=lambda ctx, doel: {"paneel": "regulier", "sleutel": "0" * 64},
        lezen=Lezen(iedereen(INGELOGD - {"secretariaat-groningen"})),
        doelen=(GEEN_DOEL,),
    ),
    "inzendingen": Schrijf(
        eigen_gemeente(),
        data=inzending_formulier,
        doelen=DOELEN,
        raakt=("monitoring.inzending",),
        lezen=Lezen(
            iedereen(
                {"secretariaat", "secretariaat-groningen", "gemeente-assen", "gemeente-emmen"}
            ),
            doelen=(GEEN_DOEL,),
        ),
    ),
    "inzending": Lees(kwargs=open_inzending, lezen=Lezen(BEOORDELAARS | eigen_gemeente())),
    "inzending-goedkeuren": Schrijf(
        BEOORDELAARS,
        kwargs=open_inzending,
        doelen=DOELEN,
        data=lambda c, d: {},
        raakt=("monitoring.inzending", "monitoring.realisatie"),
    ),
    "inzending-terugsturen": Schrijf(
        BEOORDELAARS,
        kwargs=open_inzending,
        data=opmerking,
        doelen=DOELEN,
        raakt=("monitoring.inzending",),
    ),
    # --- health checks for a load balancer: public, read-only (a POST is 405)
    "gezondheid": Lees(lezen=Lezen(iedereen(set(ROLLEN)))),
    "gezondheid-gereed": Lees(lezen=Lezen(iedereen(set(ROLLEN)))),
    # Every signed-in user chooses its own e-mail (the write itself: tests/berichten).
    "account-berichten": Schrijf(iedereen(INGELOGD), data=lambda c, d: {"aan": []}, lezen=ALLEN),
    # --- herinneringen: the provincie's secretariaat and readers see the deadline (not a
    # gemeente: mag_termijn_zien), its secretariaat sets it
    "herinneringen:termijn": Lees(
        lezen=Lezen(iedereen(INGELOGD - {"gemeente-assen", "gemeente-emmen"}))
    ),
    "herinneringen:zet": Schrijf(
        provincie_schrijver(zonder_doel=True),
        data=termijn_formulier,
        raakt=("herinneringen.aanlevertermijn",),
    ),
    "herinneringen:afwijkend": Schrijf(
        provincie_schrijver(zonder_doel=True),
        data=lambda c, d: {"peildatum": "2026-12-01", "uiterste_datum": "2026-12-10"},
        raakt=("herinneringen.afwijkendetermijn",),
    ),
    "herinneringen:verwijder-afwijkend": Schrijf(
        provincie_schrijver(),
        model="herinneringen.afwijkendetermijn",
        doelen=DOELEN,
        data=lambda c, d: {},
    ),
    # --- accounts
    "login": Lees(lezen=Lezen(iedereen({"anoniem"}), anders=302)),  # signs in; writes no data
    "logout": LEZEN,  # ends the session (POST)
    # --- aanlevering: a supplier's file is national (COA, Nidos)
    "aanlevering:start": Schrijf(
        AANLEVEREN,
        doelen=AANLEVER_DOELEN,
        data=upload_realisatie,
        raakt=(),  # the preview: stored with the session, nothing in the database yet
        lezen=Lezen(AANLEVERAARS, doelen=(GEEN_DOEL,)),
    ),
    "aanlevering:bevestigen": Schrijf(
        AANLEVEREN,
        doelen=AANLEVER_DOELEN,
        data=Formulier(
            pagina=lambda c, d: reverse("aanlevering:start"), voorbereiding=upload_voorbeeld
        ),
        raakt=("aanlevering.aanlevering", "monitoring.realisatie"),
    ),
    # --- verdeling
    "verdeling:lijst": Lees(lezen=ALLEN),
    "verdeling:nieuw": Schrijf(
        provincie_schrijver(zonder_doel=True),
        data=Formulier(
            lambda c, d: {"naam": "Nieuw scenario"}, pagina=lambda c, d: reverse("verdeling:lijst")
        ),
        raakt=("verdeling.scenario",),
    ),
    "verdeling:vergelijk": Lees(lezen=ALLEN),
    "verdeling:oekraine": Lees(lezen=ALLEN),
    "verdeling:scenario": Schrijf(
        provincie_schrijver(),
        kwargs=scenario,
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"naam": f"Scenario {d} (gewijzigd)"}),
        raakt=("verdeling.scenario",),
        lezen=per_doel(INGELOGD),
    ),
    "verdeling:kopieer": Schrijf(
        provincie_schrijver(),
        kwargs=scenario,
        doelen=DOELEN,
        data=lambda c, d: {},
        raakt=("verdeling.scenario",),
    ),
    "verdeling:verwijder": Schrijf(
        provincie_schrijver(),
        kwargs=scenario,
        doelen=DOELEN,
        data=Formulier(),
        raakt=("verdeling.scenario",),
        lezen=Lezen(provincie_schrijver()),
    ),
    "verdeling:export-xlsx": Lees(kwargs=scenario, lezen=per_doel(INGELOGD)),
    "verdeling:tabel1-docx": Lees(kwargs=scenario, lezen=per_doel(INGELOGD)),
    "verdeling:tabel1-pdf": Lees(kwargs=scenario, lezen=per_doel(INGELOGD)),
    # --- rapportage
    "rapportage:lijst": Lees(lezen=ALLEN),
    "rapportage:stand-van-zaken-bekijken": Lees(lezen=Lezen(iedereen(GEEN_GROENINGER_CIJFERS))),
    "rapportage:stand-van-zaken-teksten": Schrijf(
        # Groningen has no figures in the demo: its page is a 404 before any check.
        _paren({"secretariaat"}, {GEEN_DOEL}),
        data=Formulier(lambda c, d: {"adressering": "Aan de leden van de PRT"}),
        raakt=("rapportage.rapportversie",),
        lezen=Lezen(iedereen({"secretariaat"})),
    ),
    "rapportage:stand-van-zaken-download": Lees(
        kwargs=formaat("xlsx"), lezen=Lezen(iedereen(GEEN_GROENINGER_CIJFERS)), doelen=(GEEN_DOEL,)
    ),
    "rapportage:stand-landelijk": Lees(lezen=Lezen(iedereen(NATIONAAL))),
    "rapportage:stand-landelijk-download": Lees(
        kwargs=formaat("xlsx"), lezen=Lezen(iedereen(NATIONAAL)), doelen=(GEEN_DOEL,)
    ),
    "rapportage:verslag": Lees(
        kwargs=vaste(jaar=2024), lezen=Lezen(iedereen(GEEN_GROENINGER_CIJFERS)), doelen=(GEEN_DOEL,)
    ),
    "rapportage:verslag-teksten": Schrijf(
        _paren({"secretariaat"}, {GEEN_DOEL}),
        kwargs=vaste(jaar=2024),
        data=Formulier(lambda c, d: {"adressering": "Aan de minister"}),
        raakt=("rapportage.rapportversie",),
        lezen=Lezen(iedereen({"secretariaat"})),
    ),
    "rapportage:verslag-download": Lees(
        kwargs=lambda c, d: {"jaar": 2024, "formaat": "xlsx"},
        lezen=Lezen(iedereen(GEEN_GROENINGER_CIJFERS)),
        doelen=(GEEN_DOEL,),
    ),
    "rapportage:verslag-vaststellen": Schrijf(
        _paren({"secretariaat"}, {GEEN_DOEL}),
        kwargs=verslag_2026,
        data=lambda c, d: {},
        raakt=("rapportage.rapportversie",),
    ),
    # --- cyclus: a beheerder sets it up; a gemeente writes its own aanbod, the secretariaat
    # of its provincie reviews it; the minister's numbers: a beheerder or a secretariaat;
    # everyone reads the PUZZEL and the approved aanbod of the provincies it reads
    "cyclus:lijst": Lees(lezen=ALLEN),
    "cyclus:overzicht": Lees(kwargs=tweede_jaar, lezen=ALLEN, doelen=(GEEN_DOEL,)),
    "cyclus:puzzel": Lees(kwargs=tweede_jaar, lezen=ALLEN, doelen=(GEEN_DOEL,)),
    "cyclus:opzet": Schrijf(
        _paren({"beheerder"}, {GEEN_DOEL}),
        kwargs=tweede_jaar,
        data=Formulier(lambda c, d: {"capaciteitsraming": "90000"}),
        raakt=("cyclus.cyclusopzet",),
        lezen=Lezen(iedereen({"beheerder"})),
    ),
    "cyclus:aanbod": Schrijf(
        _paren({"gemeente-assen", "gemeente-emmen"}, {GEEN_DOEL}),
        kwargs=tweede_jaar,
        data=lambda c, d: {},
        raakt=("cyclus.aanbodversie",),
        lezen=ALLEN,
    ),
    "cyclus:versie": Lees(kwargs=concept, lezen=Lezen(BEOORDELAARS | eigen_gemeente())),
    "cyclus:regel-nieuw": Schrijf(
        eigen_gemeente(),
        kwargs=concept,
        data=regel_formulier,
        doelen=DOELEN,
        raakt=("cyclus.aanbodregel",),
        lezen=Lezen(eigen_gemeente()),  # the form of a new line
    ),
    "cyclus:locatie": Schrijf(
        eigen_gemeente(),
        kwargs=concept,
        data=register_locatie,
        doelen=DOELEN,
        raakt=("cyclus.aanbodregel",),
    ),
    "cyclus:indienen": Schrijf(
        eigen_gemeente(),
        kwargs=concept,
        data=lambda c, d: {"toelichting": ""},
        doelen=DOELEN,
        raakt=("cyclus.aanbodversie",),
    ),
    "cyclus:regel": Schrijf(
        eigen_gemeente(),
        kwargs=aanbod_regel,
        data=regel_formulier,
        doelen=DOELEN,
        raakt=("cyclus.aanbodregel",),
        lezen=Lezen(eigen_gemeente()),  # the gemeente's form; the reviewer reads the version
    ),
    "cyclus:regel-verwijderen": Schrijf(
        eigen_gemeente(),
        kwargs=aanbod_regel,
        data=lambda c, d: {},
        doelen=DOELEN,
        raakt=("cyclus.aanbodregel",),
    ),
    "cyclus:goedkeuren": Schrijf(
        BEOORDELAARS,
        kwargs=ingediend,
        data=lambda c, d: {},
        doelen=DOELEN,
        raakt=("cyclus.aanbodversie",),
    ),
    "cyclus:terugsturen": Schrijf(
        BEOORDELAARS,
        kwargs=ingediend,
        data=opmerking,
        doelen=DOELEN,
        raakt=("cyclus.aanbodversie",),
    ),
    "cyclus:bijlage": Lees(kwargs=kansrijk_element, lezen=Lezen(BEOORDELAARS | eigen_gemeente())),
    "cyclus:indicatief": Schrijf(
        IMPORTEURS,
        kwargs=tweede_jaar,
        data=cyclus_upload("indicatief"),
        raakt=(),  # the preview: kept with the session
        # Every secretariaat and a beheerder import (the samples are Drenthe's).
        lezen=Lezen(IMPORTEURS | iedereen({"secretariaat-groningen"})),
    ),
    "cyclus:indicatief-bevestigen": Schrijf(
        IMPORTEURS,
        kwargs=tweede_jaar,
        data=Formulier(
            pagina=url("cyclus:indicatief", tweede_jaar),
            voorbereiding=cyclus_voorbeeld("indicatief"),
        ),
        raakt=("opgaven.opgave",),
    ),
    "cyclus:verdeelbesluit": Schrijf(
        IMPORTEURS,
        kwargs=tweede_jaar,
        data=cyclus_upload("verdeelbesluit"),
        raakt=(),
        lezen=ALLEN,  # everyone reads the differences with the verslag
    ),
    "cyclus:verdeelbesluit-bevestigen": Schrijf(
        IMPORTEURS,
        kwargs=tweede_jaar,
        data=Formulier(
            pagina=url("cyclus:verdeelbesluit", tweede_jaar),
            voorbereiding=cyclus_voorbeeld("verdeelbesluit"),
        ),
        raakt=("opgaven.opgave",),
    ),
    # --- taken: a job's page, status and file; its requester, or for a shared document every
    # reader of its provincie (tests/taken); GET only.
    "taken:taak": Lees(model="taken.taak", lezen=Lezen(TAAK_LEZERS)),
    "taken:status": Lees(model="taken.taak", lezen=Lezen(TAAK_LEZERS)),
    "taken:bestand": Lees(model="taken.taak", lezen=Lezen(TAAK_LEZERS)),
    # --- locaties: the gemeente its own, the secretariaat its provincie
    "locaties:lijst": Lees(lezen=ALLEN),
    "locaties:lijst-excel": Lees(lezen=ALLEN),
    "locaties:nieuw": Schrijf(
        provincie_schrijver() | eigen_gemeente(),
        doelen=DOELEN,
        data=Formulier(
            lambda c, d: {
                "gemeente": _gemeente_pk(c, d),
                "naam": f"Nieuwe locatie {d}",
                "type": "regulier",
                "status": "gepland",
                "plaatsen_regulier": "25",
            }
        ),
        raakt=("locaties.locatie",),
        lezen=Lezen(
            iedereen(
                {"secretariaat", "secretariaat-groningen", "gemeente-assen", "gemeente-emmen"}
            ),
            doelen=(GEEN_DOEL,),
        ),
    ),
    "locaties:capaciteit": Lees(lezen=ALLEN),
    "locaties:capaciteit-excel": Lees(lezen=ALLEN),
    "locaties:capaciteit-grafiek": Lees(
        kwargs=lambda ctx, doel: {"paneel": "regulier", "sleutel": "0" * 64},
        lezen=ALLEN,
        doelen=(GEEN_DOEL,),
    ),
    "locaties:detail": Lees(model="locaties.locatie", lezen=per_doel(INGELOGD)),
    "locaties:wijzig": Schrijf(
        provincie_schrijver() | eigen_gemeente(),
        model="locaties.locatie",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"plaatsen_regulier": "41"}),
        lezen=Lezen(provincie_schrijver() | eigen_gemeente()),
    ),
    "locaties:beeindig": Schrijf(
        provincie_schrijver() | eigen_gemeente(),
        model="locaties.locatie",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"einddatum": "2030-12-31", "reden": "Contract afgelopen"}),
        lezen=Lezen(provincie_schrijver() | eigen_gemeente()),
    ),
    # --- verzoeken (noodopvang, nareizigers): the secretariaat; a gemeente its readiness
    "verzoeken:overzicht": Lees(lezen=Lezen(iedereen(OVERLEG_LEZERS))),
    "verzoeken:verzoek-nieuw": Schrijf(
        provincie_schrijver(zonder_doel=True),
        data=Formulier(
            lambda c, d: {
                "van_wie": "Ministerie van Asiel en Migratie",
                "ontvangen_op": "2030-03-01",
                "plaatsen": "50",
                "periode_van": "2030-03-01",
                "periode_tot": "2030-06-30",
            }
        ),
        raakt=("verzoeken.noodopvangverzoek",),
        lezen=Lezen(provincie_schrijver(zonder_doel=True)),
    ),
    "verzoeken:verzoek": Lees(model="verzoeken.noodopvangverzoek", lezen=per_doel(OVERLEG_LEZERS)),
    "verzoeken:verzoek-bewerken": Schrijf(
        provincie_schrijver(),
        model="verzoeken.noodopvangverzoek",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"plaatsen": "120"}),
        lezen=Lezen(provincie_schrijver()),
    ),
    "verzoeken:kandidaat-nieuw": Schrijf(
        provincie_schrijver(),
        model="verzoeken.noodopvangverzoek",
        doelen=DOELEN,
        data=Formulier(
            lambda c, d: {
                "gemeente": _gemeente_pk(c, d),
                "naam": "Nieuwe kandidaat",
                "plaatsen": "30",
            },
            pagina=url("verzoeken:verzoek", pk_van("verzoeken.noodopvangverzoek")),
        ),
        raakt=("verzoeken.kandidaatlocatie",),
    ),
    "verzoeken:kandidaat": Schrijf(
        provincie_schrijver() | eigen_gemeente(),
        model="verzoeken.kandidaatlocatie",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"gereedheid": "gereed", "gereedheid_op": "2030-01-08"}),
        lezen=per_doel(OVERLEG_LEZERS),
    ),
    "verzoeken:activeren": Schrijf(
        provincie_schrijver(),
        model="verzoeken.kandidaatlocatie",
        doelen=DOELEN,
        data=Formulier(
            lambda c, d: {"geactiveerd_op": "2030-01-12", "plaatsen": "40", "door_wie": "COA"},
            pagina=url("verzoeken:kandidaat", pk_van("verzoeken.kandidaatlocatie")),
        ),
        raakt=("verzoeken.activering", "verzoeken.kandidaatlocatie"),
    ),
    "verzoeken:beeindigen": Schrijf(
        provincie_schrijver(),
        model="verzoeken.activering",
        doelen=DOELEN,
        data=lambda c, d: {"beeindigd_op": "2030-02-01"},
    ),
    "verzoeken:nareizigers": Lees(lezen=Lezen(iedereen(OVERLEG_LEZERS))),
    "verzoeken:plaatsing-nieuw": Schrijf(
        provincie_schrijver(),
        doelen=DOELEN,
        data=Formulier(
            lambda c, d: {
                "gemeente": _gemeente_pk(c, d),
                "geplaatst_op": "2030-02-01",
                "hotel": "Hotel Nieuw",
                "personen": "3",
            }
        ),
        raakt=("verzoeken.nareizigersplaatsing",),
        lezen=Lezen(provincie_schrijver(zonder_doel=True), doelen=(GEEN_DOEL,)),
    ),
    "verzoeken:plaatsing": Schrijf(
        provincie_schrijver(),
        model="verzoeken.nareizigersplaatsing",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"personen": "6"}),
        lezen=Lezen(provincie_schrijver()),
    ),
    # --- overleg (PRT meetings, letters): the secretariaat of the provincie
    "overleg:lijst": Schrijf(
        provincie_schrijver(zonder_doel=True),
        data=Formulier(
            lambda c, d: {
                "soort": "bestuurlijk",
                "datum": "2030-05-01",
                "begintijd": "10:00",
                "locatie": "Provinciehuis",
            }
        ),
        raakt=("overleg.overleg",),
        lezen=Lezen(iedereen(OVERLEG_LEZERS)),
    ),
    "overleg:overleg": Lees(model="overleg.overleg", lezen=per_doel(OVERLEG_LEZERS)),
    "overleg:bewerken": Schrijf(
        provincie_schrijver(),
        model="overleg.overleg",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"locatie": "Gemeentehuis"}),
        lezen=Lezen(provincie_schrijver()),
    ),
    "overleg:instemmen": Schrijf(
        provincie_schrijver(), model="overleg.overleg", doelen=DOELEN, data=lambda c, d: {}
    ),
    "overleg:agenda": Lees(
        kwargs=formaat("docx", "overleg.overleg"), lezen=per_doel(OVERLEG_LEZERS)
    ),
    "overleg:actielijst": Lees(
        kwargs=formaat("docx", "overleg.overleg"), lezen=per_doel(OVERLEG_LEZERS)
    ),
    "overleg:nieuw-punt": Schrijf(
        provincie_schrijver(),
        model="overleg.overleg",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"nummer": "2", "titel": "Mededelingen", "doel": "informatie"}),
        raakt=("overleg.agendapunt",),
        lezen=Lezen(provincie_schrijver()),
    ),
    "overleg:punt": Schrijf(
        provincie_schrijver(),
        model="overleg.agendapunt",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"titel": "Opening en mededelingen"}),
        lezen=Lezen(provincie_schrijver()),
    ),
    "overleg:verwijder-punt": Schrijf(
        provincie_schrijver(), model="overleg.agendapunt", doelen=DOELEN, data=lambda c, d: {}
    ),
    "overleg:besluit": Schrijf(
        provincie_schrijver(),
        model="overleg.agendapunt",
        doelen=DOELEN,
        data=lambda c, d: {"tekst": "De PRT stemt in."},
        raakt=("overleg.besluit",),
    ),
    "overleg:actie": Schrijf(
        provincie_schrijver(),
        model="overleg.agendapunt",
        doelen=DOELEN,
        data=lambda c, d: {"omschrijving": "Brief opstellen", "door_wie": "secretariaat"},
        raakt=("overleg.actie",),
    ),
    "overleg:bijlage-toevoegen": Schrijf(
        provincie_schrijver(),
        model="overleg.agendapunt",
        doelen=DOELEN,
        data=lambda c, d: {"bestand": bestand("notulen.txt", b"Notulen"), "titel": "Notulen"},
        raakt=("overleg.bijlage",),
    ),
    "overleg:rapport": Schrijf(
        _paren({"secretariaat"}, DRENTHE),
        model="overleg.agendapunt",
        doelen=("assen", "emmen"),  # Groningen has no figures in the demo: nothing to attach
        data=lambda c, d: {"peildatum": "2025-11-01"},
        raakt=("overleg.bijlage",),
    ),
    "overleg:verwijder-besluit": Schrijf(
        provincie_schrijver(), model="overleg.besluit", doelen=DOELEN, data=lambda c, d: {}
    ),
    "overleg:bijlage": Lees(model="overleg.bijlage", lezen=per_doel(OVERLEG_LEZERS)),
    "overleg:verwijder-bijlage": Schrijf(
        provincie_schrijver(), model="overleg.bijlage", doelen=DOELEN, data=lambda c, d: {}
    ),
    "overleg:acties": Lees(lezen=Lezen(iedereen(OVERLEG_LEZERS))),
    "overleg:actie-status": Schrijf(
        provincie_schrijver(),
        model="overleg.actie",
        doelen=DOELEN,
        # A valid payload, so an allowed write must land (an invalid form is a 400:
        # tests/overleg/test_actie_status.py).
        data=lambda c, d: {"status": "afgerond"},
    ),
    "overleg:brieven": Lees(lezen=Lezen(iedereen(OVERLEG_LEZERS))),
    "overleg:nieuwe-brief": Schrijf(
        provincie_schrijver(zonder_doel=True),
        data=Formulier(
            lambda c, d: {
                "afzender": "VNG",
                "ontvangen": "2030-04-01",
                "onderwerp": "Nieuwe brief",
                "soort": "brief",
            }
        ),
        raakt=("overleg.brief",),
        lezen=Lezen(provincie_schrijver(zonder_doel=True)),
    ),
    "overleg:brief": Schrijf(
        provincie_schrijver(),
        model="overleg.brief",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"onderwerp": f"Brief {d} (gewijzigd)"}),
        lezen=per_doel(OVERLEG_LEZERS),
    ),
    "overleg:brief-bestand": Lees(model="overleg.brief", lezen=per_doel(OVERLEG_LEZERS)),
    "overleg:zoeken": Lees(lezen=Lezen(iedereen(OVERLEG_LEZERS))),
    # --- toezicht (IBT dossiers): the secretariaat of the provincie
    "toezicht:overzicht": Lees(
        lezen=Lezen(iedereen(TOEZICHT_ALLES | {"gemeente-assen", "gemeente-emmen"}))
    ),
    "toezicht:openen": Schrijf(
        provincie_schrijver(),
        doelen=DOELEN,
        kwargs=lambda c, d: {},
        query=lambda c, d: {"gemeente": c.gemeenten[d].cbs_code},
        data=Formulier(lambda c, d: {"onderwerp": "Achterstand huisvesting"}),
        raakt=("toezicht.dossier",),
        lezen=Lezen(provincie_schrijver()),
    ),
    "toezicht:dossier": Schrijf(
        provincie_schrijver(),
        model="toezicht.dossier",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"onderwerp": "Achterstand vergunninghouders"}),
        lezen=Lezen(leest(TOEZICHT_ALLES) | eigen_gemeente()),
    ),
    "toezicht:stap-nieuw": Schrijf(
        provincie_schrijver(),
        model="toezicht.dossier",
        doelen=DOELEN,
        data=Formulier(
            lambda c, d: {"stap-soort": "aanwijzing", "stap-datum": "2025-07-01"},
            pagina=url("toezicht:dossier", pk_van("toezicht.dossier")),
        ),
        raakt=("toezicht.stap",),
    ),
    "toezicht:stap": Schrijf(
        provincie_schrijver(),
        model="toezicht.stap",
        doelen=DOELEN,
        data=Formulier(lambda c, d: {"status": "afgerond"}),
        lezen=Lezen(leest(TOEZICHT_ALLES) | eigen_gemeente()),
    ),
    "toezicht:document-nieuw": Schrijf(
        provincie_schrijver(),
        model="toezicht.stap",
        doelen=DOELEN,
        data=lambda c, d: {"bestand": bestand("aanwijzing.txt", b"Aanwijzing")},
        raakt=("toezicht.document",),
    ),
    "toezicht:document": Lees(
        model="toezicht.document", lezen=Lezen(leest(TOEZICHT_ALLES) | eigen_gemeente())
    ),
    # --- woo: only the secretariaat role (not staff, not a superuser as such), its own provincie
    "woo:lijst": Lees(lezen=Lezen(provincie_schrijver(zonder_doel=True))),
    "woo:nieuw": Schrijf(
        provincie_schrijver(zonder_doel=True),
        data=Formulier(
            lambda c, d: {"titel": "Besluit op verzoek", "kenmerk": "WOO-NIEUW-1"},
            pagina=lambda c, d: reverse("woo:lijst"),
        ),
        raakt=("woo.woobesluit",),
    ),
    "woo:besluit": Lees(model="woo.woobesluit", lezen=Lezen(provincie_schrijver())),
    "woo:document-toevoegen": Schrijf(
        provincie_schrijver(),
        model="woo.woobesluit",
        doelen=DOELEN,
        data=Formulier(
            lambda c, d: {"bron": "tekst", "titel": "Tweede brief", "tekst": WOO_TEKST},
            pagina=url("woo:besluit", pk_van("woo.woobesluit")),
        ),
        raakt=("woo.woodocument",),
    ),
    "woo:besluit-pdf": Lees(model="woo.woobesluit", lezen=Lezen(provincie_schrijver())),
    "woo:document": Lees(kwargs=woo_document, lezen=Lezen(provincie_schrijver())),
    "woo:document-pdf": Lees(kwargs=woo_document, lezen=Lezen(provincie_schrijver())),
    "woo:lak": Schrijf(
        provincie_schrijver(),
        kwargs=woo_lak,
        doelen=DOELEN,
        data=lambda c, d: {"beoordeling": "afgewezen"},
        raakt=("woo.lak",),
    ),
    "woo:eigen-lak": Schrijf(
        provincie_schrijver(),
        kwargs=woo_document,
        doelen=DOELEN,
        data=lambda c, d: {"fragment": "Dank voor uw brief", "grond": "J"},
        raakt=("woo.lak",),
    ),
    "woo:status": Schrijf(
        provincie_schrijver(),
        kwargs=woo_document,
        doelen=DOELEN,
        data=lambda c, d: {"titel": "Brief aan de verzoeker"},
        raakt=("woo.woodocument",),
    ),
    # --- landelijk, kaart
    "landelijk:overzicht": Lees(lezen=Lezen(iedereen(NATIONAAL))),
    "landelijk:ping": Lees(lezen=ALLEN),
    "kaart:provincie": Lees(lezen=ALLEN),
    "kaart:nederland": Lees(lezen=ALLEN),
    # --- historie
    "historie:wijzigingen": Lees(
        lezen=Lezen(iedereen({"secretariaat", "secretariaat-groningen", *NATIONAAL}))
    ),
    "historie:historie": Lees(kwargs=historie_kwargs, lezen=per_doel(INGELOGD)),
    # --- the API: reads scoped to the provincie; writes: inzendingen and imports
    "api:api-root": API_LEZEN,
    # Public: the OpenAPI document (NL API Design Rules), the old schema address (a redirect
    # to it), API 1.0's addresses with a trailing slash (a redirect) and the API's 404.
    "api:schema": Lees(lezen=Lezen(iedereen(set(ROLLEN)), status=301)),
    "api:openapi-json": Lees(lezen=Lezen(iedereen(set(ROLLEN)))),
    "api:openapi-yaml": Lees(lezen=Lezen(iedereen(set(ROLLEN)))),
    "api:oud-pad": Lees(
        kwargs=lambda ctx, doel: {"pad": "inzendingen"},
        lezen=Lezen(iedereen(set(ROLLEN)), status=301),
        doelen=(GEEN_DOEL,),
    ),
    "api:niet-gevonden": Lees(
        kwargs=lambda ctx, doel: {"pad": "bestaat-niet"},
        lezen=Lezen(NIEMAND, anders=404),
        doelen=(GEEN_DOEL,),
    ),
    "api:schema-bekijk": Lees(lezen=ALLEN),
    "api:provincie-list": API_LEZEN,
    "api:provincie-detail": Lees(
        kwargs=api_provincie, api=True, api_lezen=True, lezen=per_doel(INGELOGD)
    ),
    "api:gemeente-list": API_LEZEN,
    "api:gemeente-detail": Lees(
        kwargs=api_gemeente, api=True, api_lezen=True, lezen=per_doel(INGELOGD)
    ),
    "api:cyclus-list": API_LEZEN,
    "api:cyclus-detail": Lees(
        kwargs=api_cyclus, api=True, lezen=Lezen(iedereen(INGELOGD)), doelen=(GEEN_DOEL,)
    ),  # national
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
    # A provincie named by its code: readable for who reads that provincie, a 404 for others
    # (nothing said about it); Groningen has no figures in the demo, a 404 for everyone.
    "api:stand-van-zaken": Lees(
        api=True,
        query=lambda c, d: {"provincie": c.provincie(d).code},
        doelen=("emmen", "groningen"),
        lezen=Lezen(leest(INGELOGD, ("emmen",))),
    ),
    "api:inzending-list": Schrijf(
        eigen_gemeente(),
        data=inzending_api,
        doelen=DOELEN,
        api=True,
        json=True,
        raakt=("monitoring.inzending",),
        lezen=Lezen(iedereen(INGELOGD), doelen=(GEEN_DOEL,)),
    ),
    "api:inzending-detail": Lees(
        kwargs=open_inzending,
        api=True,
        lezen=Lezen(BEOORDELAARS | eigen_gemeente() | _paren(NATIONAAL, set(DOELEN))),
    ),
    "api:inzending-goedkeuren": Schrijf(
        BEOORDELAARS,
        kwargs=open_inzending,
        doelen=DOELEN,
        api=True,
        data=lambda c, d: {},
        raakt=("monitoring.inzending", "monitoring.realisatie"),
    ),
    "api:inzending-terugsturen": Schrijf(
        BEOORDELAARS,
        kwargs=open_inzending,
        data=opmerking,
        doelen=DOELEN,
        api=True,
        raakt=("monitoring.inzending",),
    ),
    # Drenthe's COA and Nidos files: the secretariaat of Groningen may not deliver them.
    "api:import-coa": Schrijf(
        AANLEVEREN,
        doelen=("assen",),
        api=True,
        data=import_coa,
        raakt=("monitoring.vergunninghoudersstand", "aanlevering.aanlevering"),
    ),
    "api:import-nidos": Schrijf(
        AANLEVEREN,
        doelen=("assen",),
        api=True,
        data=import_nidos,
        raakt=("monitoring.nidosstand", "aanlevering.aanlevering"),
    ),
    "api:import-realisatie": Schrijf(
        AANLEVEREN,
        doelen=AANLEVER_DOELEN,
        api=True,
        data=import_bestand,
        raakt=("monitoring.realisatie", "aanlevering.aanlevering"),
    ),
}

# --- The admin (/beheer/): per model who reads, adds, changes and deletes, for which target.
# Staff only; the secretariaat's group reads the register, figures, opgaven, locations, bonus
# schemes and the history of ITS provincie, and keeps its opgaven, locations and bonus schemes
# (accounts.admin_mixins scopes the admin; every write goes through the services); a
# beheerder keeps the users and their API keys; national tables a superuser (not a persona).
SECRETARIAAT_EIGEN = _paren({"secretariaat"}, DRENTHE) | _paren(
    {"secretariaat-groningen"}, {"groningen"}
)
BEIDE_SECRETARIATEN = frozenset({"secretariaat", "secretariaat-groningen"})
BEHEERDER = _paren({"beheerder"}, {*DOELEN, GEEN_DOEL})
BEHEER_DOELEN = ("assen", "groningen")
"""Emmen adds nothing to Assen here (the admin knows provincies, not gemeenten)."""
ALLE_DOELEN = _paren(BEIDE_SECRETARIATEN, {*DOELEN, GEEN_DOEL})


@dataclass(frozen=True)
class Beheer:
    """Who may do what with one model in the admin. ``lezen``: its list and its records
    (the list as (role, "-")); ``nieuw`` and ``wijziging``: valid add and change forms."""

    lezen: frozenset[Paar] = NIEMAND
    toevoegen: frozenset[Paar] = NIEMAND
    wijzigen: frozenset[Paar] = NIEMAND
    verwijderen: frozenset[Paar] = NIEMAND
    nieuw: Callable[[Context, str], dict[str, Any]] = lambda c, d: {}
    wijziging: Callable[[Context, str], dict[str, Any]] = lambda c, d: {}


def _eigen(paren: frozenset[Paar]) -> frozenset[Paar]:
    """Also the list: every persona of ``paren`` reads it."""
    return paren | _paren({r for r, _ in paren}, {GEEN_DOEL})


def _gebruiker_nieuw(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "username": f"beheer-nieuw-{doel}",
        "password1": "Een-lang-wachtwoord-2025",
        "password2": "Een-lang-wachtwoord-2025",
        "usable_password": "true",
    }


def _sleutel_nieuw(ctx: Context, doel: str) -> dict[str, Any]:
    zonder, _ = Gebruiker.objects.get_or_create(username=f"zonder-sleutel-{doel}")
    return {"user": str(zonder.pk)}


def _opgave_nieuw(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "cyclus": str(_rollen_cyclus(ctx).pk),
        "gemeente": _gemeente_pk(ctx, doel),
        "soort": "regulier",
        "stadium": "aanbod",
        "aantal": "10",
    }


def _provincieopgave_nieuw(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "cyclus": str(_rollen_cyclus(ctx).pk),
        "provincie": str(ctx.provincie(doel).pk),
        "soort": "regulier",
        "aantal": "100",
        "geldig_vanaf": "01-01-2030",
    }


def _broninvulling_nieuw(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "cyclus": str(_rollen_cyclus(ctx).pk),
        "provincie": str(ctx.provincie(doel).pk),
        "soort": "amv",
        "opgave": "100",
        "ingevuld": "40",
        "nog_in_te_vullen": "60",
        "bron": "Provinciaal verslag, Bijlage 1",
    }


def _locatie_nieuw(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "gemeente": _gemeente_pk(ctx, doel),
        "naam": f"Beheer nieuw {doel}",
        "type": "regulier",
        "status": "gepland",
        "plaatsen_regulier": "10",
        "plaatsen_amv": "0",
        "plaatsen_oekraine": "0",
        "plaatsen_bijzonder": "0",
    }


def _bonusregeling_nieuw(ctx: Context, doel: str) -> dict[str, Any]:
    return {
        "cyclus": str(_rollen_cyclus(ctx).pk),
        "provincie": str(ctx.provincie(doel).pk),
        "spuk1_per_plek": "2000",
        "spuk1_minimale_jaren": "5",
        "spuk2_per_plek": "2000",
        "spuk3_drempel_procent": "75",
        "spuk3_provincie": "1",
        "spuk3_bedragen-TOTAL_FORMS": "0",
        "spuk3_bedragen-INITIAL_FORMS": "0",
    }


BEHEER: dict[str, Beheer] = {
    "accounts.gebruiker": Beheer(
        lezen=BEHEERDER,
        toevoegen=BEHEERDER,
        wijzigen=BEHEERDER,
        verwijderen=BEHEERDER,
        nieuw=_gebruiker_nieuw,
        wijziging=lambda c, d: {"organisatie": "Gewijzigd"},
    ),
    "authtoken.tokenproxy": Beheer(
        lezen=BEHEERDER, toevoegen=BEHEERDER, verwijderen=BEHEERDER, nieuw=_sleutel_nieuw
    ),
    "auth.group": Beheer(),  # rights: a superuser
    "axes.accessattempt": Beheer(),
    "axes.accessfailurelog": Beheer(),
    "axes.accesslog": Beheer(),
    "audit.auditregel": Beheer(lezen=_eigen(SECRETARIAAT_EIGEN)),
    # The CBS register and inhabitants, figures, deliveries and report versions: read-only
    # here (imports, submissions and pages write them through their services).
    "gemeenten.provincie": Beheer(lezen=_eigen(SECRETARIAAT_EIGEN)),
    "gemeenten.gemeente": Beheer(lezen=_eigen(SECRETARIAAT_EIGEN)),
    "gemeenten.inwonertal": Beheer(lezen=_eigen(SECRETARIAAT_EIGEN)),
    "opgaven.cyclus": Beheer(lezen=ALLE_DOELEN),  # national: read by all, kept by a superuser
    "opgaven.provincieopgave": Beheer(
        lezen=_eigen(SECRETARIAAT_EIGEN),
        toevoegen=SECRETARIAAT_EIGEN,
        wijzigen=SECRETARIAAT_EIGEN,
        nieuw=_provincieopgave_nieuw,
        wijziging=lambda c, d: {"aantal": "2700"},
    ),
    "opgaven.opgave": Beheer(
        lezen=_eigen(SECRETARIAAT_EIGEN),
        toevoegen=SECRETARIAAT_EIGEN,
        wijzigen=SECRETARIAAT_EIGEN,
        nieuw=_opgave_nieuw,
        wijziging=lambda c, d: {"aantal": "77"},
    ),
    "opgaven.broninvulling": Beheer(  # Bijlage 1 as a source printed it
        lezen=_eigen(SECRETARIAAT_EIGEN),
        toevoegen=SECRETARIAAT_EIGEN,
        wijzigen=SECRETARIAAT_EIGEN,
        nieuw=_broninvulling_nieuw,
        wijziging=lambda c, d: {"ingevuld": "12"},
    ),
    "monitoring.realisatie": Beheer(lezen=_eigen(SECRETARIAAT_EIGEN)),
    "monitoring.vergunninghoudersstand": Beheer(lezen=_eigen(SECRETARIAAT_EIGEN)),
    "monitoring.nidosstand": Beheer(lezen=_eigen(SECRETARIAAT_EIGEN)),
    "locaties.locatie": Beheer(
        lezen=_eigen(SECRETARIAAT_EIGEN),
        toevoegen=SECRETARIAAT_EIGEN,
        wijzigen=SECRETARIAAT_EIGEN,
        nieuw=_locatie_nieuw,
        wijziging=lambda c, d: {"plaatsen_regulier": "55"},
    ),
    "aanlevering.aanlevering": Beheer(),
    "rapportage.bonusregeling": Beheer(
        lezen=_eigen(SECRETARIAAT_EIGEN),
        toevoegen=SECRETARIAAT_EIGEN,
        wijzigen=SECRETARIAAT_EIGEN,
        nieuw=_bonusregeling_nieuw,
        wijziging=lambda c, d: {"spuk1_per_plek": "2500"},
    ),
    "rapportage.rapportversie": Beheer(lezen=_eigen(SECRETARIAAT_EIGEN)),
    "woo.ambtsdrager": Beheer(),  # national list (a superuser keeps it)
    "verzoeken.nareismaatregel": Beheer(),  # national terms (a superuser)
}
BEHEER_ALGEMEEN = {
    "admin:index": Lees(lezen=Lezen(iedereen({*BEIDE_SECRETARIATEN, "beheerder"}))),
    "admin:login": Lees(lezen=Lezen(iedereen(set(ROLLEN) - {*BEIDE_SECRETARIATEN, "beheerder"}))),
    "admin:logout": LEZEN,  # POST
    "admin:password_change": Lees(lezen=Lezen(iedereen({*BEIDE_SECRETARIATEN, "beheerder"}))),
    "admin:password_change_done": Lees(lezen=Lezen(iedereen({*BEIDE_SECRETARIATEN, "beheerder"}))),
    "admin:autocomplete": Lees(lezen=Lezen(NIEMAND)),  # needs its parameters: 403 without
    "admin:jsi18n": Lees(lezen=Lezen(iedereen({*BEIDE_SECRETARIATEN, "beheerder"}))),
    "admin:view_on_site": LEZEN,
    "admin:app_list": LEZEN,
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
    verouderd = sorted(set(BEHEER) - {m._meta.label_lower for m in admin.site._registry})
    assert not verouderd, f"In BEHEER maar geen beheerscherm meer: {verouderd}"


# --------------------------------------------------------------------------- the matrix


def maak_basis() -> dict[str, Any]:
    """What every test of the matrix shares, made once per module (``matrix_basis`` in
    tests/conftest.py): the personas the demo lacks, a session (its cookie) and an API key per
    persona, and the matrix's own cyclus with an indicative number for Groningen (so its
    secretariaat has a cyclus to make a scenario for; the demo has figures for Drenthe only)."""
    from regietafel.opgaven.services import zet_opgave

    groningen = Provincie.objects.get(naam="Groningen")
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
    Gebruiker.objects.create(username="landelijk", rol="lezer", landelijk=True)
    basis: dict[str, Any] = {"sessies": {}, "sleutels": {}}
    for gebruiker in Gebruiker.objects.filter(username__in=ROLLEN):
        client = Client()
        client.force_login(gebruiker)
        basis["sessies"][gebruiker.username] = copy.deepcopy(client.cookies)
        basis["sleutels"][gebruiker.username] = Token.objects.get_or_create(user=gebruiker)[0].key
    ctx = Context(gebruikers={}, gemeenten={})
    zet_opgave(
        door=None,
        cyclus=_rollen_cyclus(ctx),
        gemeente=Gemeente.objects.get(naam="Groningen", provincie=groningen),
        soort="regulier",
        stadium="indicatief",
        aantal=10,
    )
    return basis


@pytest.fixture
def ctx(drenthe: Provincie, settings: Any, tmp_path: Any, matrix_basis: dict[str, Any]) -> Context:
    settings.MEDIA_ROOT = tmp_path / "media"  # the uploads of the matrix
    gebruikers = {g.username: g for g in Gebruiker.objects.filter(username__in=ROLLEN)}
    gemeenten = {
        g.naam.lower(): g
        for g in Gemeente.objects.filter(
            naam__in=["Assen", "Emmen", "Groningen"],
            provincie__naam__in=["Drenthe", "Groningen"],
        ).select_related("provincie")
    }
    ctx = Context(gebruikers=gebruikers, gemeenten=gemeenten, basis=matrix_basis)
    ctx.objecten[("opgaven.cyclus", "rollen")] = Cyclus.objects.get(code="rollen-2030")
    return ctx


def _client(ctx: Context, rol: str, *, api: bool) -> Client:
    if rol == "anoniem":
        return Client()
    gebruiker = ctx.gebruikers[rol]
    if api:
        sleutel = ctx.basis.get("sleutels", {}).get(rol)
        if sleutel is None:
            sleutel = Token.objects.get_or_create(user=gebruiker)[0].key
        return Client(headers={"Authorization": f"Token {sleutel}"})
    client = Client()
    sessie = ctx.basis.get("sessies", {}).get(rol)
    if sessie is not None:
        client.cookies = copy.deepcopy(sessie)
    else:
        client.force_login(gebruiker)
    return client


class Clients:
    """One client per persona and kind (session or API key) for a test."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._clients: dict[tuple[str, bool], Client] = {}

    def __call__(self, rol: str, *, api: bool = False) -> Client:
        if (rol, api) not in self._clients:
            self._clients[(rol, api)] = _client(self.ctx, rol, api=api)
        return self._clients[(rol, api)]


LOGIN_PADEN = ("/account/inloggen/", "/beheer/login/")


def geweigerd(antwoord: HttpResponse) -> bool:
    """401/403/404/405, the login page, or the admin's "does not exist" redirect to its index."""
    if antwoord.status_code in (401, 403, 404, 405):
        return True
    if antwoord.status_code == 302:
        waarheen = antwoord["Location"]
        return waarheen.startswith(LOGIN_PADEN) or waarheen == reverse("admin:index")
    return False


def _rijen_geschreven() -> int:
    """Rows inserted, updated or deleted so far on this connection (in this transaction)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT total_changes()")
        else:
            cursor.execute(
                "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
                "FROM pg_stat_xact_user_tables"
            )
        return int(cursor.fetchone()[0])


def _momentopname(labels: tuple[str, ...]) -> tuple[Any, ...]:
    """Every row of these models, as stored."""
    return tuple(
        tuple(apps.get_model(label)._default_manager.order_by("pk").values_list())
        for label in labels
    )


@dataclass
class Poging:
    antwoord: HttpResponse
    historie: int
    rijen: int
    voor: tuple[Any, ...]
    na: tuple[Any, ...]


def _poging(
    client: Client,
    methode: str,
    url: str,
    data: dict[str, Any] | None,
    *,
    json: bool,
    raakt: tuple[str, ...] = (),
) -> Poging:
    """One request in a savepoint that is rolled back: each attempt starts from the same data.
    Measures what it wrote: history entries, rows of any table, and the rows of ``raakt``."""
    koekjes = client.cookies
    client.cookies = copy.deepcopy(koekjes)  # the attempt may cycle the session
    with transaction.atomic():
        voor = _momentopname(raakt)
        kop = HistorieKop.objects.filter(pk=1).values_list("volgnummer", flat=True).first() or 0
        rijen = _rijen_geschreven()
        # A write that a job finishes (a report attached to an agenda item) runs it as the
        # worker would once the request's transaction commits.
        with TestCase.captureOnCommitCallbacks(execute=True):
            if json or methode != "post":
                antwoord = getattr(client, methode)(
                    url, data or {}, content_type="application/json"
                )
            else:
                antwoord = client.post(url, data or {})
        geschreven = _rijen_geschreven() - rijen
        na = _momentopname(raakt)
        nu = HistorieKop.objects.filter(pk=1).values_list("volgnummer", flat=True).first() or 0
        transaction.set_rollback(True)
    client.cookies = koekjes  # the session as it was (a changed password cycles its key)
    return Poging(antwoord, nu - kop, geschreven, voor, na)


def _kwargs(ingang: Schrijf | Lees, ctx: Context, doel: str) -> dict[str, Any]:
    if ingang.kwargs is not None:
        return ingang.kwargs(ctx, doel)
    if ingang.model is not None:
        return pk_kwargs(ctx, ingang.model, doel)
    return {}


def _url(
    naam: str, ingang: Schrijf | Lees, ctx: Context, doel: str, rol: str = "", *, get: bool = True
) -> str:
    """The URL of ``naam`` for ``doel``; a national persona reads another provincie's page
    by naming it (``?provincie=``, which the session keeps: not for a POST, which must change
    no row at all when refused)."""
    pad = reverse(naam, kwargs=_kwargs(ingang, ctx, doel))
    query = dict(ingang.query(ctx, doel)) if ingang.query else {}
    pagina = not (ingang.api or naam.startswith(("admin:", "api:")))
    if get and rol in NATIONAAL and doel != GEEN_DOEL and pagina:
        query["provincie"] = ctx.provincie(doel).code
    return f"{pad}?{urlencode(query)}" if query else pad


def _beheer_ingang(naam: str) -> Schrijf | Lees | None:
    gevonden = _beheer_model(naam)
    if gevonden is None:
        return BEHEER_ALGEMEEN.get(naam)
    label, soort = gevonden
    if label not in BEHEER:
        return None  # unclassified: test_elke_url_is_ingedeeld fails
    regels = BEHEER[label]
    sleutel = "id" if soort == "password_change" else "object_id"

    def bouw(ctx: Context, doel: str, label: str = label) -> dict[str, Any]:
        return {sleutel: _beheer_object(ctx, label, doel).pk}

    lezen_object = Lezen(
        frozenset((r, d) for r, d in regels.lezen if d != GEEN_DOEL), doelen=BEHEER_DOELEN
    )
    if soort == "changelist":
        return Lees(lezen=Lezen(frozenset((r, d) for r, d in regels.lezen if d == GEEN_DOEL)))
    if soort == "history":
        return Lees(kwargs=bouw, lezen=lezen_object)
    if soort == "add":
        return Schrijf(
            regels.toevoegen,
            doelen=BEHEER_DOELEN,
            data=Formulier(regels.nieuw),
            raakt=(label,),
            lezen=Lezen(_paren({r for r, _ in regels.toevoegen}, {GEEN_DOEL}), doelen=(GEEN_DOEL,)),
        )
    if soort == "delete":  # the confirmation page, then {"post": "yes"}
        return Schrijf(
            regels.verwijderen,
            kwargs=bouw,
            doelen=BEHEER_DOELEN,
            data=lambda c, d: {"post": "yes"},
            raakt=(label,),
            lezen=Lezen(regels.verwijderen, doelen=BEHEER_DOELEN),
        )
    if soort == "password_change":
        return Schrijf(
            regels.wijzigen,
            kwargs=bouw,
            doelen=BEHEER_DOELEN,
            data=lambda c, d: {
                "password1": "Nog-een-lang-wachtwoord-2025",
                "password2": "Nog-een-lang-wachtwoord-2025",
                "usable_password": "true",
                "set_usable_password": "true",
            },
            raakt=(label,),
            lezen=Lezen(regels.wijzigen, doelen=BEHEER_DOELEN),
        )
    if soort == "change":
        return Schrijf(
            regels.wijzigen,
            kwargs=bouw,
            doelen=BEHEER_DOELEN,
            data=Formulier(regels.wijziging),
            raakt=(label,),
            lezen=lezen_object,
        )
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
    if label == "auth.group":
        return Group.objects.get(name="Secretariaat PRT")
    if label.startswith("axes."):
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        model = {
            "axes.accessattempt": AccessAttempt,
            "axes.accesslog": AccessLog,
            "axes.accessfailurelog": AccessFailureLog,
        }[label]
        if (label, doel) not in ctx.objecten:
            velden = {"username": f"x-{doel}", "ip_address": "192.0.2.1", "user_agent": "t"}
            velden.update(http_accept="*", path_info="/")
            if model is AccessAttempt:
                velden.update(get_data="", post_data="", failures_since_start=5)
            ctx.objecten[(label, doel)] = model.objects.create(**velden)  # type: ignore[attr-defined]
        return ctx.objecten[(label, doel)]
    if label == "woo.ambtsdrager":
        from regietafel.woo.models import Ambtsdrager

        return Ambtsdrager.objects.get_or_create(naam=f"Rollen {doel}")[0]
    if label == "verzoeken.nareismaatregel":
        from regietafel.verzoeken.services import zet_maatregel

        return zet_maatregel(
            door=None,
            code="rollen",
            naam="Rollen",
            geldig_vanaf=dt.date(2025, 1, 1),
            har_plus_tot=dt.date(2026, 7, 1),
        )[0]
    if label == "aanlevering.aanlevering":
        from regietafel.aanlevering.models import Aanlevering
        from regietafel.aanlevering.services import importeer_realisatie

        if (label, doel) not in ctx.objecten:
            importeer_realisatie(realisatie_csv(ctx, doel), door=None, bestandsnaam="r.csv")
            ctx.objecten[(label, doel)] = Aanlevering.objects.order_by("-pk").first()  # type: ignore[assignment]
        return ctx.objecten[(label, doel)]
    return ctx.object(label, doel)


def ingang_van(naam: str) -> Schrijf | Lees:
    return TABEL.get(naam) or _beheer_ingang(naam) or LEZEN


SCHRIJVENDE_NAMEN = [n for n in NAMEN if isinstance(ingang_van(n), Schrijf)]


def _admin_generiek(naam: str) -> bool:
    """The admin's generic routes (e.g. ``admin:app_list`` with its regex, the catch-all):
    they serve every model, which the per-model admin URLs above already cover."""
    ingang = ingang_van(naam)
    patroon = next(p for p in alle_patronen() if p.naam == naam)
    algemeen = naam in BEHEER_ALGEMEEN and "<" in patroon.route
    return bool(
        "<" in naam or algemeen or ("(?P<" in patroon.route and not (ingang.kwargs or ingang.model))
    )


LEZENDE_NAMEN = [
    n for n in NAMEN if n not in SCHRIJVENDE_NAMEN and ingedeeld(n) and not _admin_generiek(n)
]
GET_NAMEN = [n for n in NAMEN if ingedeeld(n) and not _admin_generiek(n)]


# --------------------------------------------------------------------------- payloads


def _payload(
    naam: str, ingang: Schrijf, ctx: Context, doel: str, clients: Clients, rol: str | None
) -> dict[str, Any]:
    """The valid payload for ``doel``: read from the page's form as ``rol`` (a persona
    allowed to write it), or built by the entry."""
    data = ingang.data
    if data is None:
        return {}
    if not isinstance(data, Formulier):
        return data(ctx, doel)
    wijziging = data.wijziging(ctx, doel)
    if rol is None:
        return wijziging
    doel_url = _url(naam, ingang, ctx, doel, rol)
    pagina = data.pagina(ctx, doel) if data.pagina else doel_url
    if rol in NATIONAAL and data.pagina and doel != GEEN_DOEL:
        pagina += f"?provincie={ctx.provincie(doel).code}"
    client = clients(rol, api=ingang.api)
    if data.voorbereiding is not None:
        antwoord = data.voorbereiding(ctx, doel, client)
    else:
        antwoord = client.get(pagina)
    assert antwoord.status_code == 200, f"{rol}: GET {pagina} gaf {antwoord.status_code}"
    html = antwoord.content.decode()
    pad = doel_url.split("?")[0]
    gevonden = (
        velden(html, actie=pad)
        if data.pagina
        else (velden(html, actie="") or velden(html, actie=pad))
    )
    beheer = _beheer_model(naam)
    if beheer is not None:  # the admin's form: ``<model>_form``
        model_naam = beheer[0].split(".")[1]
        gevonden = velden(html, form_id=f"{model_naam}_form") or gevonden
    assert gevonden, f"{rol}: geen formulier voor {doel_url} op {pagina}"
    uit = toepassen(gevonden, wijziging)
    if naam.startswith("admin:"):
        uit["_save"] = "Opslaan"
    return uit


def _met_fouten(antwoord: HttpResponse) -> bool:
    """A form shown again with its errors (a refusal by validation)."""
    inhoud = antwoord.content if hasattr(antwoord, "content") else b""
    return b"errorlist" in inhoud or b"errornote" in inhoud


def _niet_toegelaten(antwoord: HttpResponse) -> bool:
    """Refused for who you are: 401/403/404/405 or a login page (not the admin's redirect to
    its index, which also follows a successful delete there)."""
    if antwoord.status_code in (401, 403, 404, 405):
        return True
    return antwoord.status_code == 302 and antwoord["Location"].startswith(LOGIN_PADEN)


@pytest.mark.django_db
@pytest.mark.parametrize("naam", SCHRIJVENDE_NAMEN)
def test_rol_matrix(naam: str, ctx: Context) -> None:
    """Every write: allowed personas write a valid payload, which lands; every other persona
    sends a valid payload too and is refused, and no row of the database changes."""
    ingang = ingang_van(naam)
    assert isinstance(ingang, Schrijf)
    clients = Clients(ctx)
    fouten = []
    for doel in ingang.doelen:
        schrijvers = [r for r in ROLLEN if (r, doel) in ingang.wie]
        voorbeeld = _payload(
            naam, ingang, ctx, doel, clients, schrijvers[0] if schrijvers else None
        )
        for rol in ROLLEN:
            mag = rol in schrijvers
            # Read as the persona itself, right before it sends it (an upload's preview is
            # used up by the confirmation, even when that is rolled back).
            data = _payload(naam, ingang, ctx, doel, clients, rol) if mag else voorbeeld
            url = _url(naam, ingang, ctx, doel, rol, get=False)
            client = clients(rol, api=ingang.api)
            for methode in ingang.methoden:
                p = _poging(
                    client, methode, url, _vers(data), json=ingang.json, raakt=ingang.modellen()
                )
                status = p.antwoord.status_code
                uitkomst = f"{rol} → {doel}: {methode.upper()} {url} gaf {status}"
                if status >= 500:
                    fouten.append(f"{uitkomst} (serverfout)")
                elif mag:
                    if _niet_toegelaten(p.antwoord) or status >= 400:
                        fouten.append(
                            f"{uitkomst}: toegestaan, maar niet gelukt{_melding(p)} "
                            f"{p.antwoord.get('Location', '')}"
                        )
                    elif ingang.modellen() and p.voor == p.na:
                        fouten.append(
                            f"{uitkomst}: toegestaan, maar de gegevens zijn niet veranderd"
                            f"{_melding(p)}"
                        )
                    elif ingang.modellen() and not p.historie:
                        fouten.append(f"{uitkomst}: toegestaan, maar zonder historieregel")
                else:
                    geweigerd_ = geweigerd(p.antwoord) or status in (400, 409, 422)
                    if not (geweigerd_ or (status == 200 and _met_fouten(p.antwoord))):
                        fouten.append(f"{uitkomst}: NIET geweigerd ({p.historie} historieregels)")
                    if p.voor != p.na or p.rijen or p.historie:
                        fouten.append(
                            f"{uitkomst}: geweigerd, maar toch geschreven ({p.rijen} rijen, "
                            f"{p.historie} historieregels)"
                        )
                if rol == "anoniem" and ingang.api and status not in (401, 403):
                    fouten.append(f"{uitkomst}: anoniem moet 401/403 krijgen")
    assert not fouten, "\n".join(fouten)


def _vers(data: dict[str, Any]) -> dict[str, Any]:
    """A payload to send again: uploaded files rewound."""
    for waarde in data.values():
        if isinstance(waarde, io.BytesIO):
            waarde.seek(0)
    return data


def _melding(p: Poging) -> str:
    import re

    tekst = p.antwoord.content.decode(errors="replace")[:20000] if p.antwoord.content else ""
    fouten = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', tekst, re.S)
    fouten += re.findall(r'class="[^"]*(?:fout|error)[^"]*"[^>]*>([^<]{3,})', tekst)
    return f" ({' | '.join(f.strip() for f in fouten)[:300]})" if fouten else ""


def _antwoord_verwacht(antwoord: HttpResponse, lezen: Lezen, mag: bool) -> bool:
    if mag:
        return antwoord.status_code == lezen.status
    if lezen.anders is not None:
        return antwoord.status_code == lezen.anders
    return geweigerd(antwoord)


@pytest.mark.django_db
@pytest.mark.parametrize("naam", GET_NAMEN)
def test_lezen(naam: str, ctx: Context) -> None:
    """Every GET URL as every persona, against the own gemeente, another gemeente and another
    provincie: exactly the table's answer (200 where the rules allow; refused elsewhere). A
    URL without ``lezen`` is POST only: a GET is never 200."""
    ingang = ingang_van(naam)
    lezen = ingang.lezen
    clients = Clients(ctx)
    if isinstance(ingang, Schrijf):
        doelen = lezen.doelen if lezen and lezen.doelen else ingang.doelen
    else:
        eigen = ingang.doelen or (DOELEN if (ingang.kwargs or ingang.model) else (GEEN_DOEL,))
        doelen = lezen.doelen if lezen and lezen.doelen else eigen
    fouten = []
    for doel in doelen:
        for rol in ROLLEN:
            url = _url(naam, ingang, ctx, doel, rol)
            # A download that a job makes: followed to its file, as a browser does.
            antwoord = haal(clients(rol, api=ingang.api), url)
            status = antwoord.status_code
            if status >= 500:
                fouten.append(f"{rol} → {doel}: GET {url} gaf {status} (serverfout)")
            elif lezen is None:
                if status == 200:
                    fouten.append(f"{rol} → {doel}: GET {url} gaf 200 (alleen POST)")
            elif not _antwoord_verwacht(antwoord, lezen, (rol, doel) in lezen.wie):
                verwacht = lezen.status if (rol, doel) in lezen.wie else "geweigerd"
                fouten.append(f"{rol} → {doel}: GET {url} gaf {status}, verwacht {verwacht}")
    assert not fouten, "\n".join(fouten)


def test_elke_get_url_heeft_een_verwachting() -> None:
    """Reads are in the table too: every URL that answers GET says who reads it."""
    zonder = [
        n for n in GET_NAMEN if isinstance(ingang_van(n), Lees) and ingang_van(n).lezen is None
    ]
    assert set(zonder) <= {"logout", "admin:logout", "admin:view_on_site", "admin:app_list"}, zonder


POSTERS = ("secretariaat", "beheerder")
"""The broadest writers: the secretariaat (staff, with its group's rights) and the beheerder."""


@pytest.mark.django_db
@pytest.mark.parametrize("naam", LEZENDE_NAMEN)
def test_lezende_url_schrijft_niets(naam: str, ctx: Context) -> None:
    """A POST to a read-only URL writes nothing, whoever sends it (no row of any table)."""
    ingang = ingang_van(naam)
    assert isinstance(ingang, Lees)
    clients = Clients(ctx)
    fouten = []
    if naam in ("logout", "login", "admin:logout"):
        return
    for rol in POSTERS:
        doel = DOELEN[0] if (ingang.kwargs or ingang.model) else GEEN_DOEL
        url = _url(naam, ingang, ctx, ingang.doelen[0] if ingang.doelen else doel)
        p = _poging(clients(rol, api=ingang.api), "post", url, {}, json=False)
        if p.historie or p.rijen or p.antwoord.status_code >= 500:
            fouten.append(
                f"{rol}: POST {url} gaf {p.antwoord.status_code}, {p.rijen} rijen, "
                f"{p.historie} historieregels"
            )
    assert not fouten, "\n".join(fouten)


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
        ("landelijk", {"Drenthe", "Groningen"}),
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

"""No server error from any URL (issue 17, point 4, the web part).

Every GET URL pattern of the project (the pattern walk of ``tests/test_rollen.py``: the pages,
/api/ and /beheer/) is requested

- by every persona of the role matrix with real ids: an object of the own gemeente, of another
  gemeente of the same provincie and of another provincie, and an absent id; a national persona
  also names the other provincie with ``?provincie=`` (``test_echte_ids``);
- by the secretariaat, who opens the most views (its provincie's pages, forms and admin), with
  every hostile value in every path parameter, and the history page of every installed model
  (``test_vijandige_padwaarden``);
- with every hostile value in every query parameter its view reads (``test_vijandige_query``),
  found by recording what the view reads from a ``QueryDict``: per value all parameters at once,
  each parameter alone, and again behind every branch a parameter opens (``formaat=xlsx``
  reads ``tabel``); as the secretariaat (the admin's views with their own parameters and fewer
  values), and all at once as the beheerder (the national branch: ``provincie`` names any
  provincie) and as gemeente-assen (a gemeente's own branches).

Whatever the request, the answer is never a 5xx (an exception in a view, which the test client
turns into a 500 here). A 5xx found is fixed at its cause: a form or parser that validates, a
400 or 404 with a Dutch message (``regietafel.core.datum`` for dates).

Each request runs in a savepoint that is rolled back: one database per test, the objects of the
role matrix made once, and a request that writes (a session, a choice of provincie) changes
nothing for the next one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote, unquote, urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import Resolver404, get_resolver, resolve, reverse

from regietafel.accounts.permissions import leest_alles
from tests.test_rollen import (
    DOELEN,
    LEZEN,
    ROLLEN,
    TABEL,
    Context,
    Patroon,
    _beheer_ingang,
    _client,
    _kwargs,
    _patronen,
    ctx,  # noqa: F401  (the fixture)
)

# --------------------------------------------------------------------------- hostile values

AFWEZIG = "987654321"
"""An id of the right form that names nothing."""

LANG = "x" * 10_000

VIJANDIG = ("9999999999", "-1", "0", "abc", "²", "../", "\x00", LANG)
"""Hostile path values (``../`` and NUL arrive URL-encoded, ``..%2F`` and ``%00``, as a
browser sends them; ``²`` is a digit to ``str.isdigit`` but no number to ``int``)."""

VIJANDIGE_QUERY = (
    "9999-12-01",
    "0001-01-01",
    "2025-02-30",
    "abc",
    "x",
    "",
    "-1",
    "0",
    "9999999999",
    "99999999999999999999",
    "²",
    "PV99",
    "../",
    "\x00",
    LANG,
)
"""Hostile query values: dates out of range and impossible, text, empty, numbers too small and
too large for any column, a digit ``int`` cannot read, a CBS code that names nothing, a path,
NUL, 10.000 characters."""

VIJANDIGE_APART = ("9999-12-01", "abc", "-1", "99999999999999999999", "²", "\x00", LANG)
"""The values for each parameter alone: a date out of range, text, a negative number, one too
large for any column, a digit ``int`` cannot read, NUL and 10.000 characters (the other values
of ``VIJANDIGE_QUERY`` reach every parameter at once)."""

FORMATEN = ("xlsx", "csv", "pdf", "docx", "json", "x")
"""The values of a parameter that opens a branch of a view (valid ones, and one that is not)."""

OPENT = frozenset({"formaat", "format", "xlsx"})
"""Parameters whose value opens another branch of a view (an export reads ``tabel``)."""

BEHEER_QUERY = frozenset({"o", "p", "q", "e", "all", "_popup", "_to_field", "_changelist_filters"})
"""The admin reads these with ``request.GET.items()`` too, which the recorder cannot see."""

BEHEER_WAARDEN = ("", "abc", "-1", "99999999999999999999", "\x00", LANG)
"""The values for the admin's views: 149 patterns of Django's own views (changelist, add,
change, delete, history per model), slow to render; every parameter at once with each of
these (an empty ``_to_field`` was a server error on every model)."""

LOGIN_PADEN = (settings.LOGIN_URL, "/beheer/login/")


class Gelezen:
    """The query parameters a view reads (``get``, ``[]``, ``in``, ``getlist`` on a QueryDict:
    ``request.GET``, a form bound to it, DRF's ``query_params``, django-filter)."""

    def __init__(self) -> None:
        self.sleutels: set[str] = set()

    def installeer(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for methode in ("get", "getlist", "__getitem__", "__contains__"):
            origineel = getattr(QueryDict, methode)

            def opname(qd: QueryDict, sleutel: Any, *args: Any, _o: Any = origineel) -> Any:
                if isinstance(sleutel, str):
                    self.sleutels.add(sleutel)
                return _o(qd, sleutel, *args)

            monkeypatch.setattr(QueryDict, methode, opname)


# --------------------------------------------------------------------------- URLs

PARAMETER = re.compile(r"<(?:\w+:)?(?P<naam>\w+)>|\(\?P<(?P<rnaam>\w+)>(?:[^()]|\([^()]*\))*\)")
"""A parameter of a route: ``<int:pk>`` (path) or ``(?P<pk>[^/.]+)`` (regex)."""


def parameters(route: str) -> list[str]:
    return [m["naam"] or m["rnaam"] for m in PARAMETER.finditer(route)]


def url(route: str, waarden: dict[str, Any]) -> str:
    """The path of ``route`` (a path() route or a regex) with ``waarden`` filled in; an optional
    group of a regex (``(?:(?P<pad>.+)/)?``) is kept."""

    def vul(m: re.Match[str]) -> str:
        return quote(str(waarden[m["naam"] or m["rnaam"]]), safe="")

    pad = PARAMETER.sub(vul, route)
    for teken in ("^", "$", "(?:", ")?", "/?"):
        pad = pad.replace(teken, "")
    return "/" + pad.replace("\\.", ".")


def patronen() -> list[Patroon]:
    """Every URL pattern once per route (an API format suffix is a route of its own)."""
    gezien: dict[str, Patroon] = {}
    for p in _patronen(get_resolver().url_patterns):
        gezien.setdefault(p.route, p)
    return list(gezien.values())


STANDAARD = {"app_label": "gemeenten", "content_type_id": "1", "object_id": "1", "url": "x/"}
"""Values for the admin's generic routes, to which the role matrix gives no kwargs."""


def echte_waarden(c: Context, patroon: Patroon, doel: str) -> dict[str, Any]:
    """The pattern's parameters for an object of ``doel`` (the role matrix's kwargs)."""
    ingang = TABEL.get(patroon.naam) or _beheer_ingang(patroon.naam) or LEZEN
    waarden = {"format": "json", **_kwargs(ingang, c, doel)}
    for naam in parameters(patroon.route):
        waarden.setdefault(naam, STANDAARD.get(naam, AFWEZIG))
    return waarden


@contextmanager
def objecten_van_een_patroon(c: Context) -> Iterator[None]:
    """The objects a pattern's ids name (made by the role matrix's helpers) live as long as
    that pattern is asked: a savepoint rolled back afterwards. The matrix asks each URL in a
    database of its own; here one database serves every pattern, and some objects cannot be
    there together (a gemeente's concept aanbod and its handed-in version)."""
    bewaard = dict(c.objecten)
    try:
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        c.objecten.clear()
        c.objecten.update(bewaard)


def is_pagina(pad: str) -> bool:
    """A page of the product (not the API, not the admin): it reads ``?provincie=``."""
    return not pad.startswith(("/api/", "/beheer/"))


def met_echte_ids(c: Context, patroon: Patroon, landelijk: bool) -> Iterator[str]:
    """The own gemeente's object first, then another gemeente's, another provincie's (named
    with ``?provincie=`` too by a national persona) and an absent id."""
    eigen = echte_waarden(c, patroon, DOELEN[0])
    yield url(patroon.route, eigen)
    namen = [n for n in parameters(patroon.route) if n != "format"]
    if not namen:
        return
    for doel in DOELEN[1:]:
        pad = url(patroon.route, echte_waarden(c, patroon, doel))
        yield pad
        if landelijk and is_pagina(pad) and c.provincie(doel) != c.provincie(DOELEN[0]):
            yield f"{pad}?{urlencode({'provincie': c.provincie(doel).code})}"
    yield url(patroon.route, {**eigen, **dict.fromkeys(namen, AFWEZIG)})


def met_vijandige_waarden(c: Context, patroon: Patroon) -> Iterator[str]:
    """Every hostile value in every path parameter, one parameter at a time (the others the
    own object's). A value the URL resolver refuses never reaches a view: the 404 is the same
    for all, so it is tried once per pattern."""
    eigen = echte_waarden(c, patroon, DOELEN[0])
    geweigerd = False
    for naam in parameters(patroon.route):
        for waarde in VIJANDIG:
            pad = url(patroon.route, {**eigen, naam: waarde})
            try:
                resolve(unquote(pad))
            except Resolver404:
                if geweigerd:
                    continue
                geweigerd = True
            yield pad


def historie_van_elk_model() -> Iterator[str]:
    """The history page of every installed model: the project's own and Django's (auth,
    sessions, tokens, axes), with an existing pk where there is one, and pk 1."""
    for model in apps.get_models():
        meta = model._meta
        pks = [
            str(pk) for pk in model._default_manager.order_by("pk").values_list("pk", flat=True)[:1]
        ]
        for pk in dict.fromkeys([*pks, "1"]):
            yield f"/historie/{meta.app_label}/{meta.model_name}/{quote(pk, safe='')}/"


# --------------------------------------------------------------------------- requesting


class Gelogd(logging.Handler):
    """The exception of a server error that was answered rather than raised: the API's
    problem 500 logs it (``api.problemen.probleem_handler``)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.exc_info: Any = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.exc_info = record.exc_info


def _beschrijf(antwoord: Any, gelogd: Gelogd) -> str:
    exc_info = getattr(antwoord, "exc_info", None) or gelogd.exc_info
    if exc_info:
        return f"{exc_info[0].__name__}: {str(exc_info[1])[:300]}"
    return ""


class Proef:
    """Requests URLs as one persona and keeps every 5xx."""

    def __init__(self, c: Context, rol: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rol = rol
        # One client for the pages and the API: signed in, and with the persona's API key.
        self.client: Client = _client(c, rol, api=True)
        if rol != "anoniem":
            self.client.force_login(c.gebruikers[rol])
        self.client.raise_request_exception = False  # a 500 is an answer here, with exc_info
        self.landelijk = rol != "anoniem" and leest_alles(c.gebruikers[rol])
        self.gelezen = Gelezen()
        self.gelezen.installeer(monkeypatch)
        self.fouten: list[str] = []
        self.aantal = 0

    def vraag(self, pad: str, query: dict[str, str] | None = None) -> tuple[int, set[str]]:
        """GET ``pad?query`` in a savepoint that is rolled back: the status (0 for a redirect
        to a login page: no view was reached) and the query parameters the view read."""
        adres = f"{pad}{'&' if '?' in pad else '?'}{urlencode(query)}" if query else pad
        self.gelezen.sleutels = set()
        self.aantal += 1
        gelogd = Gelogd()
        logging.getLogger().addHandler(gelogd)
        try:
            with transaction.atomic():
                antwoord = self.client.get(adres)
                transaction.set_rollback(True)
        finally:
            logging.getLogger().removeHandler(gelogd)
        if antwoord.status_code >= 500:
            beschrijving = _beschrijf(antwoord, gelogd)
            self.fouten.append(
                f"{self.rol}: GET {adres[:300]} gaf {antwoord.status_code} {beschrijving}"
            )
        if antwoord.status_code == 302 and antwoord["Location"].startswith(LOGIN_PADEN):
            return 0, set()
        return antwoord.status_code, set(self.gelezen.sleutels)

    def samen(
        self, pad: str, sleutels: set[str], context: dict[str, str], waarden: tuple[str, ...]
    ) -> None:
        """Per hostile value one request that sets every parameter in ``sleutels`` to it (the
        ``context`` kept)."""
        for waarde in waarden:
            if query := dict.fromkeys(sleutels - set(context), waarde):
                self.vraag(pad, {**query, **context})

    def apart(self, pad: str, sleutels: set[str], context: dict[str, str]) -> None:
        """Every parameter alone with each of ``VIJANDIGE_APART`` (the ``context`` kept): no other
        parameter can hide it (an invalid filter form ignores its valid fields). A view that
        reads one parameter was asked this already."""
        if len(sleutels - set(context)) < 2:
            return
        for sleutel in sorted(sleutels - set(context)):
            for waarde in VIJANDIGE_APART:
                self.vraag(pad, {**context, sleutel: waarde})

    def query(self, pad: str, *, apart: bool = True) -> None:
        """Every query parameter the view behind ``pad`` reads, with every hostile value: all
        at once and (``apart``) one at a time; then behind every branch a parameter opens
        (``formaat`` with each of ``FORMATEN``), the parameters read there likewise. An admin
        view: all its parameters at once, with ``BEHEER_WAARDEN``."""
        status, sleutels = self.vraag(pad)
        if status == 0:
            return
        if pad.startswith("/beheer/"):
            self.samen(pad, sleutels | BEHEER_QUERY, {}, BEHEER_WAARDEN)
            return
        self.samen(pad, sleutels, {}, VIJANDIGE_QUERY)
        if apart:
            self.apart(pad, sleutels, {})
        for sleutel in sorted(sleutels & OPENT):
            for waarde in FORMATEN:
                context = {sleutel: waarde}
                _, gelezen = self.vraag(pad, context)
                if nieuw := gelezen - sleutels:
                    self.samen(pad, gelezen, context, VIJANDIGE_QUERY)
                    if apart:
                        self.apart(pad, nieuw, context)

    def rapport(self) -> str:
        return f"{len(self.fouten)} serverfouten in {self.aantal} verzoeken:\n" + "\n".join(
            self.fouten
        )


# --------------------------------------------------------------------------- the tests


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ROLLEN)
def test_echte_ids(
    rol: str,
    ctx: Context,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every pattern as every persona, with objects of the own gemeente, another gemeente and
    another provincie, and an absent id: never a 5xx."""
    proef = Proef(ctx, rol, monkeypatch)
    alle = patronen()
    for patroon in alle:
        with objecten_van_een_patroon(ctx):
            for i, pad in enumerate(met_echte_ids(ctx, patroon, proef.landelijk)):
                if proef.vraag(pad)[0] == 0 and i == 0:
                    # Sent to the login page before any view (LoginRequiredMiddleware, the
                    # admin site): no parameter of the path reaches a view.
                    break
    assert proef.aantal >= len(alle), proef.aantal
    assert not proef.fouten, proef.rapport()


@pytest.mark.django_db
def test_vijandige_padwaarden(
    ctx: Context,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every hostile value in every path parameter of every pattern, and the history page of
    every installed model (only the project's own have one): never a 5xx."""
    proef = Proef(ctx, "secretariaat", monkeypatch)
    beheersoorten: set[str] = set()
    for patroon in patronen():
        if patroon.naam.startswith("admin:") and "_" in patroon.naam:
            soort = patroon.naam.rsplit("_", 1)[-1]  # one admin view per kind, as above
            if soort in beheersoorten:
                continue
            beheersoorten.add(soort)
        with objecten_van_een_patroon(ctx):
            for pad in met_vijandige_waarden(ctx, patroon):
                proef.vraag(pad)
    for pad in historie_van_elk_model():
        proef.vraag(pad)
    assert proef.aantal > len(patronen()), proef.aantal
    assert not proef.fouten, proef.rapport()


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["secretariaat", "beheerder", "gemeente-assen"])
def test_vijandige_query(
    rol: str,
    ctx: Context,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every query parameter every view reads, with every hostile value: never a 5xx. Once per
    view (an API format suffix is the same view), on the own gemeente's object. The
    secretariaat, who opens the most views, asks each parameter alone too, and the admin; the
    beheerder (the national branch: ``provincie`` names any provincie) and gemeente-assen (a
    gemeente's own branches) ask the pages and the API with all parameters at once."""
    proef = Proef(ctx, rol, monkeypatch)
    eerste = rol == "secretariaat"
    gezien: set[str] = set()
    beheersoorten: set[str] = set()
    for patroon in patronen():
        if patroon.naam in gezien:
            continue
        gezien.add(patroon.naam)
        if patroon.naam.startswith("admin:") and "_" in patroon.naam:
            # Django's admin views are one code path per kind (changelist, add, change, delete,
            # history) whatever the model: each kind once, on the first model that has it.
            soort = patroon.naam.rsplit("_", 1)[-1]
            if soort in beheersoorten:
                continue
            beheersoorten.add(soort)
        with objecten_van_een_patroon(ctx):
            pad = url(patroon.route, echte_waarden(ctx, patroon, DOELEN[0]))
            if eerste or not pad.startswith("/beheer/"):
                proef.query(pad, apart=eerste)
    assert proef.aantal > len(gezien), proef.aantal
    assert not proef.fouten, proef.rapport()


@pytest.mark.django_db
def test_de_proef_ziet_een_serverfout(
    ctx: Context,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The probe can fail: a view that raises is reported as a 500, with the exception."""
    from regietafel.monitoring import views

    def kapot(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("year 10000 is out of range")

    monkeypatch.setattr(views, "stand_en_tabellen", kapot)
    proef = Proef(ctx, "secretariaat", monkeypatch)
    proef.vraag(reverse("stand-van-zaken"), {"peildatum": "9999-12-01"})
    assert proef.fouten == [
        "secretariaat: GET /?peildatum=9999-12-01 gaf 500 ValueError: year 10000 is out of range"
    ]

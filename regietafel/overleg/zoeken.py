"""Search over meetings, agenda items, decisions, actions, letters and attachments' text, and
the gatherer that lets other apps add their own results.

The hook
--------
An app adds results to /overleg/zoeken/ by defining ``<app>/zoeken.py`` with::

    from regietafel.overleg.zoeken import Treffer

    def zoek(term: str, provincie: Provincie) -> list[Treffer]: ...

- ``term`` is the user's query, stripped, at least 2 characters; ``provincie`` is the provincie
  the page is about (``pagina.provincie_van``). Return only that provincie's objects.
- Run a constant number of SQL queries, whatever the number of rows, and return at most
  ``MAX_PER_SOORT`` results per ``kind``, best first.
- ``Treffer.kind`` is the group heading on the page (plural Dutch noun, e.g. "Woo-verzoeken");
  ``snippet`` is plain text (the page escapes it); ``url`` a link the user may open.
- Use ``zoekfilter(velden, term)`` for a queryset filter: PostgreSQL full text (config
  'dutch') on PostgreSQL, ``icontains`` on every field elsewhere; ``fragment(tekst, term)``
  gives the snippet.
- The user's role is not passed: an app whose results need more than "reads the provincie"
  should leave them out here (the overleg app itself leaves out personal notes, attachments
  marked as holding personal data, and — unless the user may see them — the text of letters
  marked so).

``verzamel(term, provincie)`` calls this app's ``zoek`` first, then every other installed
``regietafel.*`` app's ``zoeken.zoek``; a missing module is skipped, an error inside one is not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import connection
from django.db.models import Q, QuerySet
from django.urls import reverse

from regietafel.core import opmaak

if TYPE_CHECKING:
    from regietafel.gemeenten.models import Provincie

MAX_PER_SOORT = 20
MIN_LENGTE = 2
FRAGMENT = 160


@dataclass(frozen=True)
class Treffer:
    """One search result. Field names as agreed in issue 9 (kind, title, url, snippet, date)."""

    kind: str
    """The group heading: "Overleggen", "Agendapunten", "Besluiten", "Acties", "Brieven en verzoeken", "Bijlagen", …"""
    title: str
    url: str
    snippet: str = ""
    date: dt.date | None = None


def postgres() -> bool:
    return connection.vendor == "postgresql"


def zoekfilter(qs: QuerySet[Any], velden: list[str], term: str) -> QuerySet[Any]:
    """``qs`` narrowed to rows matching ``term`` in ``velden``: full text ('dutch') on
    PostgreSQL (any field, stemmed, all words), ``icontains`` on SQLite (all words, any field)."""
    if postgres():
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(*velden, config="dutch")
        return qs.annotate(_zoek=vector).filter(
            _zoek=SearchQuery(term, config="dutch", search_type="plain")
        )
    for woord in term.split():
        voorwaarde = Q()
        for veld in velden:
            voorwaarde |= Q(**{f"{veld}__icontains": woord})
        qs = qs.filter(voorwaarde)
    return qs


def fragment(tekst: str, term: str, lengte: int = FRAGMENT) -> str:
    """About ``lengte`` characters of ``tekst`` around the first word of ``term`` found (or its
    stem: the first five letters), else its beginning."""
    tekst = " ".join(tekst.split())
    if not tekst:
        return ""
    positie = -1
    laag = tekst.lower()
    for woord in term.lower().split():
        for deel in (woord, woord[:5]):
            if len(deel) >= MIN_LENGTE:
                positie = laag.find(deel)
                if positie >= 0:
                    break
        if positie >= 0:
            break
    if positie < 0 or len(tekst) <= lengte:
        return tekst if len(tekst) <= lengte else tekst[:lengte].rsplit(" ", 1)[0] + " …"
    begin = max(0, positie - lengte // 3)
    stuk = tekst[begin : begin + lengte]
    if begin > 0:
        stuk = "… " + stuk.split(" ", 1)[-1]
    if begin + lengte < len(tekst):
        stuk = stuk.rsplit(" ", 1)[0] + " …"
    return stuk


def beste_fragment(term: str, *teksten: str) -> str:
    """The fragment of the first text that holds a word of ``term`` (or its stem); else of
    the first non-empty text."""
    woorden = [w for w in term.lower().split() if len(w) >= MIN_LENGTE]
    for tekst in teksten:
        laag = tekst.lower()
        if any(w in laag or w[:5] in laag for w in woorden):
            return fragment(tekst, term)
    return fragment(next((t for t in teksten if t.strip()), ""), term)


def _overleg_url(pk: int, anker: str = "") -> str:
    return reverse("overleg:overleg", args=[pk]) + (f"#{anker}" if anker else "")


def zoek(term: str, provincie: Provincie, *, persoonsgegevens: bool = False) -> list[Treffer]:
    """The overleg app's results: seven queries, whatever the number of rows.

    Without ``persoonsgegevens`` (the right to see personal data, ``permissions``) a letter
    marked as holding personal data is found by its sender, subject and follow-up only, and
    its snippet comes from the follow-up."""
    return [
        *_overleggen(term, provincie),
        *_agendapunten(term, provincie),
        *_besluiten(term, provincie),
        *_acties(term, provincie),
        *_brieven(term, provincie, persoonsgegevens),
        *_bijlagen(term, provincie),
    ]


def _overleggen(term: str, provincie: Provincie) -> list[Treffer]:
    from regietafel.overleg.models import Overleg

    return [
        Treffer("Overleggen", str(o), _overleg_url(o.pk), fragment(o.locatie, term), o.datum)
        for o in zoekfilter(
            Overleg.objects.filter(provincie=provincie),
            ["locatie", "voorzitter", "tijd_toelichting"],
            term,
        ).order_by("-datum")[:MAX_PER_SOORT]
    ]


def _agendapunten(term: str, provincie: Provincie) -> list[Treffer]:
    from regietafel.overleg.models import Agendapunt

    return [
        Treffer(
            "Agendapunten",
            f"{p.nummer}{p.letter} {p.titel} (PRT {opmaak.datum(p.overleg.datum)})",
            _overleg_url(p.overleg_id, f"punt-{p.pk}"),
            beste_fragment(term, p.toelichting, p.aantekeningen, p.titel),
            p.overleg.datum,
        )
        for p in (
            zoekfilter(
                Agendapunt.objects.filter(overleg__provincie=provincie),
                ["titel", "toelichting", "presentator", "aantekeningen"],
                term,
            )
            .select_related("overleg")
            .order_by("-overleg__datum", "volgorde")[:MAX_PER_SOORT]
        )
    ]


def _besluiten(term: str, provincie: Provincie) -> list[Treffer]:
    from regietafel.overleg.models import Besluit

    return [
        Treffer(
            "Besluiten",
            f"{b.agendapunt.titel} (PRT {opmaak.datum(b.agendapunt.overleg.datum)})",
            _overleg_url(b.agendapunt.overleg_id, f"punt-{b.agendapunt_id}"),
            fragment(b.tekst, term),
            b.agendapunt.overleg.datum,
        )
        for b in (
            zoekfilter(
                Besluit.objects.filter(agendapunt__overleg__provincie=provincie), ["tekst"], term
            )
            .select_related("agendapunt__overleg")
            .order_by("-agendapunt__overleg__datum", "id")[:MAX_PER_SOORT]
        )
    ]


def _acties(term: str, provincie: Provincie) -> list[Treffer]:
    from regietafel.overleg.models import Actie

    return [
        Treffer(
            "Acties",
            f"{a.omschrijving[:100]} — {a.door_wie} ({a.get_status_display().lower()})",
            reverse("overleg:acties") + f"#actie-{a.pk}",
            fragment(a.omschrijving, term),
            a.deadline,
        )
        for a in (
            zoekfilter(
                Actie.objects.filter(agendapunt__overleg__provincie=provincie),
                ["omschrijving", "door_wie"],
                term,
            )
            .select_related("agendapunt__overleg")
            .order_by("-agendapunt__overleg__datum", "id")[:MAX_PER_SOORT]
        )
    ]


def _brieven(term: str, provincie: Provincie, persoonsgegevens: bool) -> list[Treffer]:
    """Letters; one marked as holding personal data, for a user who may not see those, only by
    its sender, subject and follow-up (two queries then)."""
    from regietafel.overleg.models import Brief

    brieven = Brief.objects.filter(provincie=provincie)
    alle_velden = ["afzender", "onderwerp", "tekst", "bestand_tekst", "opvolging"]
    if persoonsgegevens:
        gevonden = list(
            zoekfilter(brieven, alle_velden, term).order_by("-ontvangen", "-id")[:MAX_PER_SOORT]
        )
    else:
        gevonden = list(
            zoekfilter(brieven.filter(persoonsgegevens=False), alle_velden, term)[:MAX_PER_SOORT]
        ) + list(
            zoekfilter(
                brieven.filter(persoonsgegevens=True), ["afzender", "onderwerp", "opvolging"], term
            )[:MAX_PER_SOORT]
        )
        gevonden = sorted(gevonden, key=lambda b: (b.ontvangen, b.pk), reverse=True)[:MAX_PER_SOORT]
    uit = []
    for br in gevonden:
        teksten = (
            (br.tekst, br.bestand_tekst, br.opvolging)
            if persoonsgegevens or not br.persoonsgegevens
            else (br.opvolging,)
        )
        uit.append(
            Treffer(
                "Brieven en verzoeken",
                f"{br.onderwerp} ({br.afzender})",
                reverse("overleg:brief", args=[br.pk]),
                beste_fragment(term, *teksten),
                br.ontvangen,
            )
        )
    return uit


def _bijlagen(term: str, provincie: Provincie) -> list[Treffer]:
    """Attachments still stored and not marked as holding personal data."""
    from regietafel.overleg.models import Bijlage

    return [
        Treffer(
            "Bijlagen",
            f"{bij.titel} (agendapunt {bij.agendapunt.nummer}{bij.agendapunt.letter}, PRT {opmaak.datum(bij.agendapunt.overleg.datum)})",
            reverse("overleg:bijlage", args=[bij.pk]),
            fragment(bij.tekst, term),
            bij.agendapunt.overleg.datum,
        )
        for bij in (
            zoekfilter(
                Bijlage.objects.filter(
                    agendapunt__overleg__provincie=provincie,
                    verwijderd_op__isnull=True,
                    persoonsgegevens=False,
                ),
                ["titel", "tekst"],
                term,
            )
            .select_related("agendapunt__overleg")
            .order_by("-agendapunt__overleg__datum", "id")[:MAX_PER_SOORT]
        )
    ]


def _apps_met_zoeken() -> list[Any]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("regietafel.") or config.name == "regietafel.overleg":
            continue
        try:
            modules.append(import_module(f"{config.name}.zoeken"))
        except ModuleNotFoundError as fout:
            if fout.name != f"{config.name}.zoeken":
                raise
    return modules


def verzamel(
    term: str, provincie: Provincie, *, persoonsgegevens: bool = False
) -> dict[str, list[Treffer]]:
    """Every app's results for ``term``, grouped by ``kind`` (in the order they came).
    ``persoonsgegevens``: the user may see personal data (only this app's ``zoek`` uses it)."""
    term = re.sub(r"\s+", " ", term).strip()
    if len(term) < MIN_LENGTE:
        return {}
    treffers = zoek(term, provincie, persoonsgegevens=persoonsgegevens)
    for module in _apps_met_zoeken():
        treffers.extend(module.zoek(term, provincie))
    groepen: dict[str, list[Treffer]] = {}
    for t in treffers:
        groepen.setdefault(t.kind, []).append(t)
    return groepen

"""Warnings for the dashboard: open PRT actions past their deadline, letters whose follow-up
is overdue, and a draft actie- en besluitenlijst of the last meeting. Three queries; what is
overdue and what is CONCEPT is R9's rule (``domain.overleg``)."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

from regietafel.core import opmaak
from regietafel.core.signalen import Signaal
from regietafel.gemeenten.models import Provincie
from regietafel.overleg.models import Actie, Brief, Overleg


def actiehouder(door_wie: str) -> str:
    """ "Door wie" of an action as it reads inside the signal's parentheses: a qualifier in
    parentheses becomes an apposition ("Gemeente (indiener)" → "Gemeente, indiener"), so no
    parentheses nest."""
    return re.sub(r"\s*\(([^()]*)\)", r", \1", door_wie.strip()).strip(", ") or "onbekend"


def signalen(provincie: Provincie, datum: dt.date) -> list[Signaal]:
    uit: list[Signaal] = []
    # Only what can be overdue is read (a deadline before ``datum``); the rule decides.
    for a in (
        Actie.objects.filter(agendapunt__overleg__provincie=provincie, deadline__lt=datum)
        .select_related("agendapunt__overleg")
        .only("omschrijving", "door_wie", "deadline", "status", "agendapunt__overleg__datum")
        .order_by("deadline", "id")
    ):
        if not a.verlopen(datum):
            continue
        uit.append(
            Signaal(
                tekst=(
                    f"De actie uit het PRT van {opmaak.datum(a.agendapunt.overleg.datum)} is over "
                    f"de deadline van {opmaak.datum(a.deadline)} (actiehouder: "
                    f"{actiehouder(a.door_wie)}): {a.omschrijving[:120]}"
                ),
                url=reverse("overleg:acties") + f"#actie-{a.pk}",
                datum=a.deadline,
            )
        )
    for b in (
        Brief.objects.filter(provincie=provincie, opvolging_deadline__lt=datum)
        .only("onderwerp", "afzender", "ontvangen", "opvolging_deadline", "opvolging_status")
        .order_by("opvolging_deadline", "id")
    ):
        if not b.opvolging_verlopen(datum):
            continue
        uit.append(
            Signaal(
                tekst=(
                    f"Opvolging van „{b.onderwerp}” ({b.afzender}, ontvangen "
                    f"{opmaak.datum(b.ontvangen)}) is over de deadline van {opmaak.datum(b.opvolging_deadline)}."
                ),
                url=reverse("overleg:brief", args=[b.pk]),
                datum=b.opvolging_deadline,
            )
        )
    laatste = (
        Overleg.objects.filter(provincie=provincie, datum__lte=datum)
        .select_related("vastgesteld_in")
        .order_by("-datum")
        .first()
    )
    if laatste is not None and laatste.concept:
        uit.append(
            Signaal(
                tekst=(
                    f"De actie- en besluitenlijst van het PRT van {opmaak.datum(laatste.datum)} is "
                    f"nog {laatste.lijststatus.kort}; het volgende overleg stelt haar vast."
                ),
                ernst="informatie",
                url=reverse("overleg:overleg", args=[laatste.pk]),
                datum=laatste.datum,
            )
        )
    return uit

"""Lookups of the demo loaders: a gemeente by the name the source documents spell it."""

from __future__ import annotations

import csv

from regietafel.domain.validatie import naam_sleutel
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.gemeenten.services import REGISTER

# Known typos of the sources, corrected while loading and reported by the validation report.
BEKENDE_SCHRIJFFOUTEN = {"HOOGVEEN": "Hoogeveen"}


def gemeenten_van(provincie: Provincie) -> dict[str, Gemeente]:
    """The provincie's gemeenten by the register's name (through the CBS code), as the sources
    spell them: a gemeente a user renamed is still found, and keeps its new name."""
    with REGISTER.open(encoding="utf-8", newline="") as fh:
        register = {rij["cbs_code"]: rij["naam"] for rij in csv.DictReader(fh)}
    return {naam_sleutel(register.get(g.cbs_code, g.naam)): g for g in provincie.gemeenten.all()}


def zoek(gemeenten: dict[str, Gemeente], naam: str) -> Gemeente:
    return gemeenten[naam_sleutel(BEKENDE_SCHRIJFFOUTEN.get(naam, naam))]

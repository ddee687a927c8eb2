"""One meaning per role (issue 7 follow-up): writing a provincie's domain data is its
secretariaat or a superuser (``accounts.permissions.schrijft_provincie``); ``is_staff`` alone
only opens the admin site, and a beheerder reads every provincie but writes none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.accounts.permissions import (
    is_secretariaat,
    leest_alles,
    schrijft_een_provincie,
    schrijft_provincie,
)
from regietafel.gemeenten.models import Gemeente, Provincie

DRENTHE, GRONINGEN = 22, 20  # ids only: the functions need no database


def _gebruiker(rol: str, provincie_id: int | None = None, **extra: bool) -> Gebruiker:
    return Gebruiker(username=f"g-{rol}", rol=rol, provincie_id=provincie_id, **extra)


@pytest.mark.parametrize(
    ("gebruiker", "drenthe", "groningen", "ergens"),
    [
        (_gebruiker(Rol.SECRETARIAAT, DRENTHE), True, False, True),
        (_gebruiker(Rol.SECRETARIAAT, DRENTHE, is_staff=True), True, False, True),
        (_gebruiker(Rol.SECRETARIAAT), False, False, False),  # no provincie: nothing
        (_gebruiker(Rol.BEHEERDER, is_staff=True), False, False, False),
        (_gebruiker(Rol.LEZER, DRENTHE, is_staff=True), False, False, False),
        (_gebruiker(Rol.LEZER, is_staff=True, landelijk=True), False, False, False),
        (_gebruiker(Rol.GEMEENTE, DRENTHE), False, False, False),
        (_gebruiker(Rol.AANLEVERANCIER, DRENTHE), False, False, False),
        (_gebruiker(Rol.LEZER, is_superuser=True), True, True, True),
        (_gebruiker(Rol.SECRETARIAAT, DRENTHE, is_active=False), False, False, False),
    ],
)
def test_schrijft_provincie(
    gebruiker: Gebruiker, drenthe: bool, groningen: bool, ergens: bool
) -> None:
    assert schrijft_provincie(gebruiker, DRENTHE) is drenthe
    assert schrijft_provincie(gebruiker, GRONINGEN) is groningen
    assert schrijft_een_provincie(gebruiker) is ergens
    assert schrijft_provincie(gebruiker, None) is bool(gebruiker.is_superuser)  # national data


def test_anonymous_writes_nothing() -> None:
    from django.contrib.auth.models import AnonymousUser

    for gebruiker in (AnonymousUser(), None):
        assert not schrijft_provincie(gebruiker, DRENTHE)
        assert not schrijft_een_provincie(gebruiker)
        assert not is_secretariaat(gebruiker)


def test_a_beheerder_reads_everything_and_writes_nothing() -> None:
    beheerder = _gebruiker(Rol.BEHEERDER, is_staff=True)
    assert leest_alles(beheerder)
    assert not schrijft_een_provincie(beheerder)


APPS = Path(__file__).resolve().parents[2] / "regietafel"


def test_no_app_grants_writes_through_is_staff() -> None:
    """The permission modules decide with accounts.permissions, never with ``is_staff``
    (outside landelijk and kaart, kept by another team; see the report of issue 7)."""
    gevonden = []
    for pad in sorted(APPS.glob("*/permissions.py")):
        if pad.parent.name in ("landelijk", "kaart"):
            continue
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
            code = regel.split("#")[0]
            if re.search(r"\.is_staff\b|\"is_staff\"", code):
                gevonden.append(f"{pad.parent.name}/permissions.py:{nummer}: {regel.strip()}")
    assert not gevonden, "\n".join(gevonden)


@pytest.mark.django_db
def test_the_demo_accounts_keep_their_meaning(drenthe: Provincie) -> None:
    """``maak_demo_accounts``: the demo secretariaat (staff, for the admin) still does
    everything in Drenthe, and only there; the other demo accounts write no provincie data."""
    from regietafel.aanlevering.permissions import aanlever_provincie_id, mag_aanleveren
    from regietafel.locaties.permissions import bewerkbare_gemeenten
    from regietafel.locaties.permissions import mag_bewerken as locatie_bewerken
    from regietafel.monitoring.permissions import mag_beoordelen
    from regietafel.overleg.permissions import mag_schrijven as overleg_schrijven
    from regietafel.rapportage.permissions import mag_bewerken as rapport_bewerken
    from regietafel.toezicht.permissions import mag_schrijven as toezicht_schrijven
    from regietafel.verdeling.permissions import mag_bewerken as scenario_bewerken
    from regietafel.verzoeken.permissions import mag_schrijven as verzoeken_schrijven
    from regietafel.woo.permissions import mag_provincie, mag_woo

    groningen = Provincie.objects.get(naam="Groningen")
    assen = Gemeente.objects.get(naam="Assen")

    def alles(g: Gebruiker, p: Provincie) -> list[bool]:
        # A gemeente of neither demo gemeente user (those keep their own locations).
        gemeente = (
            Gemeente.objects.filter(provincie=p)
            .exclude(naam__in=["Assen", "Emmen"])
            .order_by("pk")
            .first()
        )
        assert gemeente is not None
        return [
            scenario_bewerken(g, p),
            rapport_bewerken(g, p),
            locatie_bewerken(g, gemeente),
            overleg_schrijven(g, p),
            toezicht_schrijven(g, p.pk),
            verzoeken_schrijven(g, p.pk),
            mag_beoordelen(g, gemeente),
            mag_woo(g) and mag_provincie(g, p.pk),
        ]

    secretariaat = Gebruiker.objects.get(username="secretariaat")
    assert secretariaat.is_staff and secretariaat.provincie == drenthe
    assert all(alles(secretariaat, drenthe))
    assert not any(alles(secretariaat, groningen))
    assert mag_aanleveren(secretariaat) and aanlever_provincie_id(secretariaat) == drenthe.pk
    assert len(bewerkbare_gemeenten(secretariaat, drenthe)) == 12
    assert bewerkbare_gemeenten(secretariaat, groningen) == []
    for naam in ("gemeente-assen", "gemeente-emmen", "coa", "lezer"):
        gebruiker = Gebruiker.objects.get(username=naam)
        assert not gebruiker.is_staff
        assert not any(alles(gebruiker, drenthe)), naam
    # A gemeente keeps its own locations; COA its imports (national).
    gemeente_assen = Gebruiker.objects.get(username="gemeente-assen")
    assert locatie_bewerken(gemeente_assen, assen)
    assert bewerkbare_gemeenten(gemeente_assen, drenthe) == [assen]
    coa = Gebruiker.objects.get(username="coa")
    assert mag_aanleveren(coa) and aanlever_provincie_id(coa) is None
    assert not mag_aanleveren(Gebruiker.objects.get(username="lezer"))

"""The demo accounts the login page lists in demo mode (``REGIETAFEL_DEMO=true``).

The demo app sits on top of every other app, so accounts does not import it: the demo
registers its accounts at start-up (``DemoConfig.ready()``) and the login page asks here.
Nothing registered (the demo app not installed): the page lists no accounts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoAccounts:
    accounts: tuple[tuple[str, str], ...]
    """(gebruikersnaam, omschrijving) per account, in the order of the login page."""
    wachtwoord: str
    """The one password of every demo account."""


_geregistreerd: DemoAccounts | None = None


def registreer(accounts: DemoAccounts) -> None:
    global _geregistreerd
    _geregistreerd = accounts


def geregistreerd() -> DemoAccounts | None:
    return _geregistreerd

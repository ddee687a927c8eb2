"""The e-mail of this app (``regietafel.berichten``), both non-essential (a user switches them
off on /account/berichten/): the reminder to a gemeente's users and the secretariaat's daily
summary of who is late. Registered in ``apps.py``."""

from __future__ import annotations

from regietafel.berichten.soorten import Berichtsoort
from regietafel.herinneringen.permissions import is_gemeente, is_secretariaat

HERINNERING = Berichtsoort(
    "herinneringen.herinnering",
    "Herinnering: cijfers aanleveren",
    "Een paar dagen voor de uiterste datum, als uw gemeente de cijfers voor een peildatum nog "
    "niet heeft ingediend.",
    voor=is_gemeente,
    volgorde=10,
)
SAMENVATTING = Berichtsoort(
    "herinneringen.samenvatting",
    "Dagelijks overzicht: wie is te laat",
    "Elke ochtend, zolang gemeenten na de uiterste datum hun cijfers nog niet hebben ingediend.",
    voor=is_secretariaat,
    volgorde=30,
)

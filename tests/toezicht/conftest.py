from __future__ import annotations

import pytest

from regietafel.accounts.models import Gebruiker
from regietafel.demo.verzoeken import laad
from regietafel.gemeenten.models import Provincie


@pytest.fixture
def demo(drenthe: Provincie, gebruiker_secretariaat: Gebruiker) -> Provincie:
    """The Drenthe demo plus the requests, nareizigers and toezicht demo (seed 002)."""
    laad(gebruiker_secretariaat)
    return drenthe

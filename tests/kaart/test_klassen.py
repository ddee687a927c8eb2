from __future__ import annotations

import pytest

from regietafel.kaart.klassen import GEEN_OPGAVE, ONDER_50, VAN_50, VAN_75, VOL, klasse


@pytest.mark.parametrize(
    ("realisatie", "opgave", "verwacht"),
    [
        (0, 0, GEEN_OPGAVE),
        (22, 0, GEEN_OPGAVE),
        (0, 50, ONDER_50),
        (49, 100, ONDER_50),
        (50, 100, VAN_50),
        (1, 2, VAN_50),
        (74, 100, VAN_50),
        (3, 4, VAN_75),
        (99, 100, VAN_75),
        (100, 100, VOL),
        (236, 100, VOL),
    ],
)
def test_class_boundaries_are_exact(realisatie: int, opgave: int, verwacht: object) -> None:
    assert klasse(realisatie, opgave) is verwacht

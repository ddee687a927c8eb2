"""The Woo demo loads once and a second run adds nothing."""

from __future__ import annotations

import pytest

from regietafel.demo import woo
from regietafel.woo.models import Lak, WooBesluit, WooDocument

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(drenthe) -> None:  # type: ignore[no-untyped-def]
    woo.laad(None)
    assert WooBesluit.objects.get().kenmerk == "WOO-2026-004"
    assert list(WooDocument.objects.values_list("nummer", flat=True)) == [1, 2]
    aantal = Lak.objects.count()
    assert aantal == 105 + 5
    woo.laad(None)
    assert (WooDocument.objects.count(), Lak.objects.count()) == (2, aantal)

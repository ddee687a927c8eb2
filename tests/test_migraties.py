"""Every model change has its migration: a clone that migrates gets the schema the code expects."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration() -> None:
    uit = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=uit, stderr=uit)
    except SystemExit as e:  # makemigrations --check exits 1 when a migration is missing
        if e.code:
            pytest.fail(f"Er ontbreekt een migratie:\n{uit.getvalue()}")

"""`make test` runs the suite twice: on SQLite and on a throwaway PostgreSQL cluster."""

from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_suite_runs_on_the_database_of_database_url() -> None:
    verwacht = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == verwacht

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "regietafel.core"
    label = "core"
    verbose_name = "Algemeen"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from regietafel.core import opstart

        opstart.klaar()

        connection_created.connect(sqlite_limiet, dispatch_uid="regietafel.core.sqlite_limiet")


def sqlite_limiet(sender: Any, connection: Any, **kwargs: Any) -> None:
    """Django assumes SQLite's old compile-time limit of 999 variables per statement, which
    splits a bulk insert of a 20-column model into batches of 49 rows: an import's query count
    then grows with its rows. Read the real limit of the linked SQLite (250.000 for 3.40) and
    keep PostgreSQL's 65.535 as the ceiling, so a national import is one statement per table,
    as on PostgreSQL."""
    if connection.vendor != "sqlite":
        return
    import sqlite3

    limiet = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    connection.features.max_query_params = min(limiet, 65535)

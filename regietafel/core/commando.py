"""A management command whose refusals read as one plain Dutch line on stderr (exit status of
the ``CommandError``, 2 for bad input), not Django's ``CommandError: …``."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Commando(BaseCommand):
    requires_system_checks: list[str] = []

    def execute(self, *args: Any, **options: Any) -> Any:
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if options.get("traceback") or not getattr(self, "_called_from_command_line", False):
                raise
            self.stderr.write(str(exc))
            sys.exit(exc.returncode)

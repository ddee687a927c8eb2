"""The console script ``regietafel``: Django's management commands plus ours."""

from __future__ import annotations

import os
import sys


def main() -> None:
    from regietafel.core import opstart

    # No cyclic garbage collection until every model is imported (CoreConfig.ready), nor
    # after main() when it ran in-process and Django was set up before: see core.opstart.
    opstart.begin()
    try:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")
        from regietafel.env import lees_instellingen

        lees_instellingen()
        from django.core.management import execute_from_command_line

        from regietafel.core.argparse_nl import installeer

        installeer()

        execute_from_command_line([sys.argv[0], *sys.argv[1:]])
    finally:
        opstart.klaar()


def opdracht() -> None:
    """The console script (``regietafel``, ``python -m regietafel``): ``main()``, and then, as the
    process is about to end, ``opstart.einde()``. ``main()`` alone is for a caller in a process that
    goes on (the tests)."""
    from regietafel.core import opstart

    try:
        main()
    finally:
        opstart.einde()


if __name__ == "__main__":
    opdracht()

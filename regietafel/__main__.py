"""The console script ``regietafel``: Django's management commands plus ours."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regietafel.settings")
    from regietafel.env import lees_instellingen

    lees_instellingen()
    from django.core.management import execute_from_command_line

    from regietafel.core.argparse_nl import installeer

    installeer()

    execute_from_command_line([sys.argv[0], *sys.argv[1:]])


if __name__ == "__main__":
    main()

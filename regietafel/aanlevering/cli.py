"""Shared pieces of the `import` and `export` commands."""

from __future__ import annotations

import argparse
import datetime as dt


def datum_argument(waarde: str) -> dt.date:
    """An argparse type: JJJJ-MM-DD, with a Dutch message when it is not."""
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"„{waarde}” is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-11-01."
        ) from None

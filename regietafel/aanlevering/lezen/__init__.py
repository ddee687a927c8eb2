"""Readers: a file's bytes -> a parsed ``Bestand`` with rows, or a Dutch list of ``Fout``.

No database here: the gemeente register is passed in. Nothing in this package raises on a
bad file; every problem is a ``Fout`` naming the file, sheet, row and column.
"""

from regietafel.aanlevering.lezen.bestand import Bestand, Fout
from regietafel.aanlevering.lezen.coa import CoaRij, lees_coa
from regietafel.aanlevering.lezen.nidos import NidosRij, lees_nidos
from regietafel.aanlevering.lezen.realisatie import RealisatieRij, lees_realisatie
from regietafel.aanlevering.lezen.register import GemeenteRegister, RegisterGemeente

__all__ = [
    "Bestand",
    "CoaRij",
    "Fout",
    "GemeenteRegister",
    "NidosRij",
    "RealisatieRij",
    "RegisterGemeente",
    "lees_coa",
    "lees_nidos",
    "lees_realisatie",
]

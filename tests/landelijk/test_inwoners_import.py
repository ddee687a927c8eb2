"""`regietafel import inwoners FILE`: a CBS StatLine 03759ned CSV export (tests/data/cbs/)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management.base import OutputWrapper

from regietafel.aanlevering.cli import inwoners_uitvoeren
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.gemeenten.services import importeer_inwoners, zet_inwonertal

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "cbs"
GOED = DATA / "03759ned_inwoners.csv"
FOUT = DATA / "03759ned_fout.csv"


def _inwoners(naam: str, jaar: int) -> Inwonertal:
    return Inwonertal.objects.get(gemeente__naam=naam, jaar=jaar)


def test_a_statline_export_is_imported_per_gemeente_and_year(drenthe: Provincie) -> None:
    # The demo's synthetic figure for Groningen 2025 is replaced by the CBS figure.
    zet_inwonertal(
        door=None,
        gemeente=Gemeente.objects.get(naam="Groningen"),
        jaar=2025,
        aantal=1,
        bron="SYNTHETISCH",
        synthetisch=True,
    )
    uit = importeer_inwoners(GOED, door=None)
    assert uit.fouten == []
    # Nederland, the provincie (PV) and the breakdown by sex (Mannen) are skipped.
    assert (len(uit.rijen), uit.nieuw, uit.gewijzigd, uit.ongewijzigd) == (8, 7, 1, 0)
    assert _inwoners("Assen", 2024).aantal == 69818
    assert _inwoners("Assen", 2025).aantal == 70256
    assert _inwoners("Emmen", 2024).aantal == 108993
    assert _inwoners("Bergen (NH.)", 2025).aantal == 30285
    groningen = _inwoners("Groningen", 2025)
    assert (groningen.aantal, groningen.synthetisch) == (245619, False)
    assert groningen.bron == "CBS StatLine 03759ned (03759ned_inwoners.csv)"
    # Drenthe's seed figures (1-1-2023) stay as they were; the history has every change.
    assert _inwoners("Assen", 2023).aantal == 69414
    assert (
        AuditRegel.objects.filter(
            object_type="gemeenten.inwonertal", bron__contains="03759ned"
        ).count()
        == 8
    )
    opnieuw = importeer_inwoners(GOED, door=None)
    assert (opnieuw.nieuw, opnieuw.gewijzigd, opnieuw.ongewijzigd) == (0, 0, 8)


def test_a_bad_file_names_file_line_and_column_and_writes_nothing(drenthe: Provincie) -> None:
    voor = (Inwonertal.objects.count(), AuditRegel.objects.count())
    uit = importeer_inwoners(FOUT, door=None)
    assert uit.fouten == [
        "03759ned_fout.csv, regel 11, kolom „Bevolking op 1 januari (aantal)”: „109.45x” is geen "
        "aantal inwoners (een geheel getal, bijvoorbeeld 68914).",
        "03759ned_fout.csv, regel 13, kolom „Regio's”: gemeente „Bergen (Noord)” staat niet in "
        "het register.",
    ]
    assert (Inwonertal.objects.count(), AuditRegel.objects.count()) == voor


def test_a_file_without_the_statline_columns_is_refused(drenthe: Provincie) -> None:
    uit = importeer_inwoners(b"gemeente,inwoners\nAssen,1\n", door=None, bestandsnaam="x.csv")
    assert uit.fouten == [
        "x.csv, regel 1: kolom „Perioden”, „Regio's”, „Bevolking op 1 januari” ontbreekt in de "
        "kop; verwacht een CSV-export van CBS StatLine 03759ned met de kolommen "
        '"Perioden";"Regio\'s";"Bevolking op 1 januari (aantal)".'
    ]


def test_a_gemeente_twice_in_a_year_is_an_error(drenthe: Provincie) -> None:
    data = (
        b'"Perioden";"Regio\'s";"Bevolking op 1 januari (aantal)"\n'
        b'"2024JJ00";"GM0106";"1"\n"2024";"Assen";"2"\n'
    )
    uit = importeer_inwoners(data, door=None, bestandsnaam="dubbel.csv")
    assert uit.fouten == ["dubbel.csv, regel 3, kolom „Regio's”: Assen 2024 staat al op regel 2."]


class _Commando:
    def __init__(self) -> None:
        self.uit, self.fout = io.StringIO(), io.StringIO()
        self.stdout, self.stderr = OutputWrapper(self.uit), OutputWrapper(self.fout)


def test_cli_exits_2_with_the_dutch_errors(drenthe: Provincie) -> None:
    commando = _Commando()
    with pytest.raises(SystemExit) as exit:
        inwoners_uitvoeren(commando, str(FOUT), dry_run=False)
    assert exit.value.code == 2
    assert "regel 13, kolom „Regio's”: gemeente „Bergen (Noord)”" in commando.fout.getvalue()
    assert "2 fout(en); er is niets opgeslagen." in commando.fout.getvalue()


def test_cli_dry_run_and_import(drenthe: Provincie) -> None:
    commando = _Commando()
    inwoners_uitvoeren(commando, str(GOED), dry_run=True)
    assert commando.uit.getvalue().startswith(
        "Proefimport (niets opgeslagen): 03759ned_inwoners.csv, 8 inwonertallen (2024, 2025): "
        "8 nieuw"
    )
    assert not Inwonertal.objects.filter(jaar=2024).exists()
    commando = _Commando()
    inwoners_uitvoeren(commando, str(GOED), dry_run=False)
    assert "Geïmporteerd: 03759ned_inwoners.csv, 8 inwonertallen" in commando.uit.getvalue()
    assert Inwonertal.objects.filter(jaar=2024).count() == 4

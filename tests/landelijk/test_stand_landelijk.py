"""The national Stand van zaken (issue 20, point 4): ``regietafel rapport stand --landelijk``
and ``/rapportage/landelijk/`` for national users — every provincie and all 342 gemeenten,
a gemeente without figures "niet aangeleverd" (never 0), 403 for a provincial user, and a
query count that does not grow with the number of provincies."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.test import Client
from django.utils.text import slugify

from regietafel.core.tabel import Ontbreekt
from regietafel.demo import landelijk as demo
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.landelijk.queries import landelijk
from regietafel.monitoring.models import Realisatie
from regietafel.rapportage.document import Alinea, Opsomming
from regietafel.rapportage.management.commands.rapport import Command
from regietafel.rapportage.stand_landelijk import landelijk_document
from tests.conftest import als_console_script
from tests.landelijk.test_views import _queries
from tests.taken.hulp import haal, inhoud

pytestmark = pytest.mark.django_db

PEILDATUM = dt.date(2025, 11, 1)


def _cli(*argv: str) -> None:
    """As the console script runs it: argv parsing, our error handling, sys.exit."""
    als_console_script(Command(), "rapport", *argv)


def _boek(data: bytes):  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


def test_the_command_writes_every_provincie_and_every_gemeente(
    landelijk_klein: demo.Resultaat, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uit = tmp_path / "nl.xlsx"
    _cli(
        "stand",
        "--landelijk",
        "--peildatum",
        "2025-11-01",
        "--format",
        "xlsx",
        "--uitvoer",
        str(uit),
    )
    assert "(Nederland, peildatum 1 november 2025" in capsys.readouterr().out
    boek = _boek(uit.read_bytes())
    provincies = list(Provincie.objects.order_by("naam").values_list("naam", flat=True))
    assert boek.sheetnames == ["Toelichting", "landelijk", *provincies]
    # One row per gemeente of the provincie, 342 in all.
    namen = {
        p: set(Gemeente.objects.filter(provincie__naam=p).values_list("naam", flat=True))
        for p in provincies
    }
    gemeenten = {
        p: sum(1 for r in boek[p].iter_rows(values_only=True) if r[0] in namen[p])
        for p in provincies
    }
    assert sum(gemeenten.values()) == 342 == Gemeente.objects.count()
    assert gemeenten["Drenthe"] == 12 and gemeenten["Noord-Brabant"] == 56
    # The national table: per provincie opgave, realisatie and verschil; the total row is
    # the sum of the provincies (a formula in Excel, the same figure in the document).
    o = landelijk(PEILDATUM)
    rijen = {r[0]: r for r in boek["landelijk"].iter_rows(values_only=True)}
    assert rijen["Drenthe"][1:5] == (12, 5648, 4978, -670)
    for rij in o.rijen:
        s = rij.soorten[1]
        assert rijen[rij.provincie.naam][5:8] == (s.opgave, s.realisatie, s.verschil)
    toelichting = [r[1] for r in boek["Toelichting"].iter_rows(values_only=True) if r[1]]
    assert any("342 van de 342 gemeenten" in str(t) for t in toelichting)


def test_the_pdf_holds_the_totals_the_provincies_and_the_gemeenten(
    landelijk_klein: demo.Resultaat, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    uit = tmp_path / "nl.pdf"
    _cli(
        "stand-van-zaken",
        "--landelijk",
        "--peildatum",
        "2025-11-01",
        "--format",
        "pdf",
        "-o",
        str(uit),
    )
    tekst = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(uit.read_bytes())).pages)
    assert "Landelijk totaal" in tekst
    assert "Opgave en realisatie per provincie" in tekst
    for naam in ("Drenthe", "Noord-Brabant", "Zuid-Holland", "Assen", "Eindhoven", "Urk"):
        assert naam in tekst, naam


def test_a_gemeente_without_figures_is_niet_aangeleverd_never_0(
    landelijk_klein: demo.Resultaat,
) -> None:
    urk = Gemeente.objects.get(naam="Urk")
    # The test removes Urk's figures outright (no service deletes a figure): Urk never
    # delivered anything.
    Realisatie.objects.filter(gemeente=urk).delete()
    document = landelijk_document(PEILDATUM)
    flevoland = next(t for t in document.tabellen if t.sleutel == "Flevoland")
    kolommen = [k.kop for k in flevoland.kolommen]
    rij = next(r for r in flevoland.rijen if r[0] == "Urk")
    assert "Stand per" in kolommen
    for i, kop in enumerate(kolommen):
        if kop == "Realisatie" or kop == "Verschil":
            # No figure and no verschil, not 0: a missing cell with its reason.
            assert isinstance(rij[i], Ontbreekt), (kop, rij)
            assert rij[i].uitleg == ("niet aangeleverd" if kop == "Realisatie" else "geen verschil")
        if kop == "Stand per":
            assert rij[i] == "niet aangeleverd"
    weergave = flevoland.weergave_rijen[[r[0] for r in flevoland.rijen].index("Urk")]
    assert "0" not in [c.tekst for c in weergave[1:]]
    # The totals say how many delivered; Urk's opgave is out of the verschil.
    totaal = next(s for s in document.secties if s.sleutel == "totaal")
    zinnen = " ".join(
        " ".join(b.items) if isinstance(b, Opsomming) else b.tekst
        for b in totaal.blokken
        if isinstance(b, Alinea | Opsomming)
    )
    assert "341 van de 342 gemeenten" in zinnen
    assert "over de 341 gemeenten met een cijfer; 1 met een opgave zonder cijfer" in zinnen
    o = landelijk(PEILDATUM)
    assert next(r for r in o.rijen if r.provincie.naam == "Flevoland").aangeleverd == 5


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (("--landelijk", "--peildatum", "2019-01-01"), "Voor geen enkele provincie"),
        (("--landelijk", "--peildatum", "2025-11-01", "--cyclus", "2030"), "De cyclus 2030"),
        (
            ("--landelijk", "--peildatum", "2025-11-01", "--bekend-op", "2025-12-01"),
            "--bekend-op kan niet samen met --landelijk",
        ),
        (("--landelijk", "--provincie", "Drenthe", "--peildatum", "2025-11-01"), "--landelijk"),
        (("--peildatum", "2025-11-01"), "--provincie"),
    ],
)
def test_bad_input_is_one_dutch_line_and_exit_2(
    landelijk_klein: demo.Resultaat,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    melding: str,
) -> None:
    uit = tmp_path / "nl.pdf"
    with pytest.raises(SystemExit) as exc:
        _cli("stand", *argv, "--format", "pdf", "--uitvoer", str(uit))
    assert exc.value.code == 2
    assert melding in capsys.readouterr().err
    assert not uit.exists()


def test_the_page_shows_the_document_to_national_users_only(
    landelijk_klein: demo.Resultaat, landelijk_client: Client, lezer: Client, secretariaat: Client
) -> None:
    antwoord = landelijk_client.get("/rapportage/landelijk/?peildatum=2025-11-01")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Landelijk totaal" in html and "Opgave en realisatie per provincie" in html
    for p in Provincie.objects.all():
        assert f'id="gemeenten-{slugify(p.naam)}-kop">{p.naam}</h2>' in html
    assert "/rapportage/landelijk/pdf/?peildatum=2025-11-01" in html
    # Without a peildatum: the newest of any provincie.
    assert landelijk_client.get("/rapportage/landelijk/").status_code == 200
    assert landelijk_client.get("/rapportage/landelijk/?peildatum=2019-01-01").status_code == 404
    # The national overview links to it.
    assert 'href="/rapportage/landelijk/?peildatum=2025-11-01"' in (
        landelijk_client.get("/landelijk/?peildatum=2025-11-01").content.decode()
    )
    for client in (lezer, secretariaat):
        assert client.get("/rapportage/landelijk/").status_code == 403
        assert client.get("/rapportage/landelijk/pdf/?peildatum=2025-11-01").status_code == 403


def test_the_download_is_made_by_a_job_and_stored(
    landelijk_klein: demo.Resultaat, landelijk_client: Client
) -> None:
    pad = "/rapportage/landelijk/xlsx/?peildatum=2025-11-01"
    antwoord = haal(landelijk_client, pad)
    assert antwoord.status_code == 200
    assert (
        antwoord["Content-Disposition"]
        == 'attachment; filename="stand-van-zaken-nederland-2025-11-01.xlsx"'
    )
    assert "Drenthe" in _boek(inhoud(antwoord)).sheetnames
    # Stored for this data version: the next request is the file itself, no new job.
    assert landelijk_client.get(pad).status_code == 200


def test_the_page_reads_all_provincies_at_once(
    drenthe: Provincie, landelijk_client: Client
) -> None:
    """Figures in one provincie (the session's Drenthe demo) or in all twelve: the same
    number of queries for the national page."""
    pad = "/rapportage/landelijk/?peildatum=2025-11-01"
    een = _queries(landelijk_client, pad)
    demo.laad(zaad=demo.STANDAARD_ZAAD, maanden=2, met_drenthe=False)
    html = landelijk_client.get(pad).content.decode()
    assert "Noord-Brabant" in html and "Eindhoven" in html
    assert _queries(landelijk_client, pad) == een

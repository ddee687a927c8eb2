"""Broken files: always a clear Dutch error, never a traceback, never a partial write.

The readers are fed the seed-000 layout (and the plain tables) with cells of the wrong
type, empty and merged cells, extra sheets, formulas, dates as text, huge numbers,
missing columns and rows, and bytes that are no spreadsheet at all.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regietafel.aanlevering.lezen import Bestand, Fout, lees_coa, lees_nidos, lees_realisatie
from regietafel.aanlevering.services import importeer_coa, importeer_realisatie
from regietafel.audit.models import AuditRegel
from regietafel.monitoring.models import Realisatie, VergunninghoudersStand
from regietafel.opgaven.models import Opgave
from tests.aanlevering.bestanden import (
    NIDOS_KOPPEN,
    REALISATIE_KOPPEN,
    coa_rijen,
    kolomsom,
    kopregels,
    nidos_rijen,
)

INTERN = re.compile(r"\b\w*(Error|Exception|Warning)\b|BadZipFile|\bErrno\b")
"""An internal exception name in a message meant for the user."""

LEZERS: dict[str, Callable[..., Bestand[Any]]] = {
    "coa": lees_coa,
    "nidos": lees_nidos,
    "realisatie": lees_realisatie,
}

tekst = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"), max_size=30
)
celwaarde = st.one_of(
    st.none(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    tekst,
    st.sampled_from(
        [
            "=SUM(B7:B18)",
            "=1/0",
            "#DIV/0!",
            "#N/A",
            "01-11-2025",
            "2025-11-01",
            "31-02-2025",
            "12.345",
            "−4",
            "1e6",
            " 42 ",
            "HOOGVEEN",
            "Midden Drenthe",
            "GM0106",
            "oekraine",
            "totaal Drenthe",
            "Peildatum: 01-11-2025",
            "Peildatum: 03-11-2025",
            "Aantal gemeenten: 12",
            "9" * 5000,
        ]
    ),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1)),
)


def coa_tabel() -> list[list[Any]]:
    rijen = coa_rijen()
    boven, onder = kopregels(2025)
    return [
        ["Overzicht huisvesting vergunninghouders"],
        ["Peildatum: 01-11-2025"],
        [],
        ["Overzicht gemeenten van provincie Drenthe"],
        boven,
        onder,
        *rijen,
        ["totaal Drenthe", *kolomsom(rijen)],
        ["Aantal gemeenten: 12", *[None] * 15, 11, 1],
    ]


def tabel_voor(soort: str) -> list[list[Any]]:
    if soort == "coa":
        return coa_tabel()
    if soort == "nidos":
        rijen = nidos_rijen()
        rijen[6][1] = "HOOGEVEEN"
        return [NIDOS_KOPPEN, *rijen]
    return [
        REALISATIE_KOPPEN,
        *(
            [naam, soort_, n, "01-12-2025"]
            for naam, n in (("Assen", 830), ("Emmen", 1004), ("GM1731", 380))
            for soort_ in ("oekraine", "regulier", "amv")
        ),
    ]


@st.composite
def bewerkingen(draw: st.DrawFn) -> list[tuple[Any, ...]]:
    """A list of things to break, applied in order to a worksheet."""
    bewerking = st.one_of(
        st.tuples(st.just("cel"), st.integers(1, 22), st.integers(1, 20), celwaarde),
        st.tuples(st.just("kolom_weg"), st.integers(1, 19)),
        st.tuples(st.just("rij_weg"), st.integers(1, 21)),
        st.tuples(st.just("rij_erbij"), st.integers(1, 21)),
        st.tuples(st.just("kolom_erbij"), st.integers(1, 19)),
        st.tuples(st.just("samenvoegen"), st.integers(1, 20), st.integers(1, 18)),
        st.tuples(st.just("blad_ervoor"), tekst),
        st.tuples(st.just("blad_erna"), celwaarde),
        st.tuples(st.just("getal_als_tekst"), st.integers(5, 20), st.integers(2, 18)),
    )
    return draw(st.lists(bewerking, min_size=1, max_size=5))


def _pas_toe(wb: Any, ws: Any, stappen: list[tuple[Any, ...]]) -> None:
    for stap in stappen:
        soort, *args = stap
        if soort == "cel":
            rij, kolom, waarde = args
            cel = ws.cell(rij, kolom)
            if type(cel).__name__ == "MergedCell":
                continue  # only the top left cell of a merged range holds a value
            cel.value = waarde
        elif soort == "kolom_weg":
            ws.delete_cols(args[0])
        elif soort == "rij_weg":
            ws.delete_rows(args[0])
        elif soort == "rij_erbij":
            ws.insert_rows(args[0])
        elif soort == "kolom_erbij":
            ws.insert_cols(args[0])
        elif soort == "samenvoegen":
            rij, kolom = args
            ws.merge_cells(start_row=rij, start_column=kolom, end_row=rij + 1, end_column=kolom + 1)
        elif soort == "blad_ervoor":
            extra = wb.create_sheet("Extra", 0)
            extra["A1"] = args[0] or "gemeente"
        elif soort == "blad_erna":
            wb.create_sheet("Toelichting")["B2"] = args[0]
        elif soort == "getal_als_tekst":
            cel = ws.cell(*args)
            if isinstance(cel.value, int) and type(cel).__name__ != "MergedCell":
                cel.value = f"{cel.value:,}".replace(",", ".")


def werkmap(tabel: list[list[Any]], stappen: list[tuple[Any, ...]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Overzicht"
    for rij in tabel:
        ws.append(rij)
    _pas_toe(wb, ws, stappen)
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def _controleer(bestand: Bestand[Any]) -> None:
    """Either errors (each a located Dutch sentence) or rows; never both, never neither."""
    assert isinstance(bestand, Bestand)
    for fout in bestand.fouten:
        assert isinstance(fout, Fout)
        assert fout.melding and "Traceback" not in fout.melding
        assert not INTERN.search(fout.melding), fout.melding  # no "(KeyError)"
        assert str(fout).startswith(bestand.naam)
    if not bestand.fouten:
        assert bestand.rijen


@pytest.mark.parametrize("soort", ["coa", "nidos", "realisatie"])
@settings(max_examples=60, deadline=None)
@given(stappen=bewerkingen())
def test_broken_workbooks_give_errors_never_exceptions(
    register: Any, soort: str, stappen: list[tuple[Any, ...]]
) -> None:
    data = werkmap(tabel_voor(soort), stappen)
    _controleer(LEZERS[soort](data, f"{soort}.xlsx", register))


@pytest.mark.parametrize("soort", ["coa", "nidos", "realisatie"])
@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(max_size=2000),
    extensie=st.sampled_from(["xlsx", "csv", "txt", "xls", "xlsm", "pdf", ""]),
)
def test_arbitrary_bytes_give_errors_never_exceptions(
    register: Any, soort: str, data: bytes, extensie: str
) -> None:
    naam = f"bestand.{extensie}" if extensie else "bestand"
    for inhoud in (data, b"PK\x03\x04" + data):
        bestand = LEZERS[soort](inhoud, naam, register)
        _controleer(bestand)


@pytest.mark.parametrize("soort", ["coa", "nidos", "realisatie"])
@settings(max_examples=60, deadline=None)
@given(
    rijen=st.lists(st.lists(tekst, max_size=8), max_size=25),
    codering=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    scheiding=st.sampled_from([";", ",", "\t"]),
)
def test_arbitrary_csv_gives_errors_never_exceptions(
    register: Any, soort: str, rijen: list[list[str]], codering: str, scheiding: str
) -> None:
    kop = [";".join(map(str, r)) for r in tabel_voor(soort)[:1]]
    regels = [*kop, *(scheiding.join(r) for r in rijen)]
    data = "\n".join(regels).encode(codering, errors="replace")
    _controleer(LEZERS[soort](data, f"{soort}.csv", register))


def test_a_zip_that_is_not_a_workbook(register: Any) -> None:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr("hallo.txt", "geen werkmap")
    bestand = lees_coa(uit.getvalue(), "coa.xlsx", register)
    assert [str(f) for f in bestand.fouten] == [
        "coa.xlsx: Het bestand is geen geldige Excel-werkmap (.xlsx): een verplicht onderdeel "
        "van de werkmap (de lijst met bladen, de opmaak of de gedeelde teksten) ontbreekt of is "
        "beschadigd. Sla het in Excel opnieuw op als Excel-werkmap en lever het opnieuw aan."
    ]


def _vervang(data: bytes, deel: str, oud: str, nieuw: str) -> bytes:
    """``data`` (a workbook) with ``oud`` replaced by ``nieuw`` in the part ``deel``."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        delen = {n: z.read(n) for n in z.namelist()}
    tekst = delen[deel].decode()
    assert oud in tekst, tekst[:2000]
    delen[deel] = tekst.replace(oud, nieuw, 1).encode()
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)
    return uit.getvalue()


def test_a_cell_that_cannot_be_read_is_named_by_sheet_row_and_column(register: Any) -> None:
    """A cell pointing at a shared text that is not there (a broken file): the message names
    the file, the sheet, the row and the column, in Dutch, without an exception name."""
    data = werkmap(coa_tabel(), [])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        blad = z.read("xl/worksheets/sheet1.xml").decode()
    m = re.search(r'<c r="A9" t="inlineStr"><is><t>[^<]*</t></is></c>', blad)
    assert m, blad[:2000]
    kapot = _vervang(data, "xl/worksheets/sheet1.xml", m.group(0), '<c r="A9" t="s"><v>999</v></c>')
    bestand = lees_coa(kapot, "coa.xlsx", register)
    assert [(f.blad, f.rij, f.kolom) for f in bestand.fouten] == [("Overzicht", 9, "A")]
    assert str(bestand.fouten[0]).startswith(
        "coa.xlsx, blad Overzicht, rij 9, kolom A: Het bestand is geen geldige Excel-werkmap "
        "(.xlsx): de cel verwijst naar een tekst of opmaak die niet in de werkmap staat."
    )


def test_a_sheet_that_is_no_xml_is_named(register: Any) -> None:
    data = werkmap(coa_tabel(), [])
    kapot = _vervang(data, "xl/worksheets/sheet1.xml", "<sheetData>", "<sheetData><row><c>")
    bestand = lees_coa(kapot, "coa.xlsx", register)
    assert len(bestand.fouten) == 1
    fout = bestand.fouten[0]
    assert fout.blad == "Overzicht" and fout.rij is not None
    assert "de inhoud van het blad is geen geldige XML" in fout.melding
    assert not INTERN.search(str(fout))


def test_a_damaged_zip_is_said_in_dutch(register: Any) -> None:
    data = werkmap(coa_tabel(), [])
    bestand = lees_coa(data[: len(data) // 2], "coa.xlsx", register)
    assert [f.melding for f in bestand.fouten] == [
        "Het bestand is geen geldige Excel-werkmap (.xlsx): het ZIP-pakket waaruit een werkmap "
        "bestaat is beschadigd of onvolledig. Sla het in Excel opnieuw op als Excel-werkmap en "
        "lever het opnieuw aan."
    ]


@pytest.mark.parametrize(
    ("stap", "melding"),
    [
        (
            ("cel", 8, 2, 10**9),
            "rij 8, kolom B (stand op 1 januari): 1.000.000.000 is onwaarschijnlijk groot",
        ),
        (("cel", 8, 2, "9" * 5000), "rij 8, kolom B (stand op 1 januari): 9999"),
        (
            ("cel", 8, 3, "1-1-2025"),
            "rij 8, kolom C (taakstelling 1e helft): „1-1-2025” is geen geheel getal",
        ),
        (
            ("cel", 8, 3, dt.datetime(2025, 1, 1)),
            "rij 8, kolom C (taakstelling 1e helft): de cel bevat een datum of tijd",
        ),
        (("cel", 8, 3, True), "rij 8, kolom C (taakstelling 1e helft): „WAAR” is geen getal"),
        (
            ("cel", 8, 3, "=B8+1"),
            "rij 8, kolom C (taakstelling 1e helft): de cel bevat een formule (=B8+1) zonder berekende waarde",
        ),
        (
            ("cel", 8, 3, "#DIV/0!"),
            "rij 8, kolom C (taakstelling 1e helft): de cel bevat de Excel-fout #DIV/0!",
        ),
        (
            ("cel", 8, 3, None),
            "rij 8, kolom C (taakstelling 1e helft): de cel is leeg; verwacht een geheel getal",
        ),
        (
            ("samenvoegen", 8, 1),
            "rij 9, kolom A (gemeente): de cel is leeg; verwacht een gemeentenaam",
        ),
        (("kolom_weg", 4), "De kolom „realisatie 1e helft” ontbreekt (kolomkoppen in rijen 5–6)."),
        (
            ("cel", 2, 1, "Peildatum: 31-02-2025"),
            "rij 2, kolom A: De peildatum in cel A2 is niet te lezen: „31-02-2025” is geen bestaande datum.",
        ),
    ],
)
def test_each_kind_of_breakage_has_its_own_message(
    register: Any, stap: tuple[Any, ...], melding: str
) -> None:
    bestand = lees_coa(werkmap(coa_tabel(), [stap]), "coa.xlsx", register)
    assert any(melding in str(f) for f in bestand.fouten), [str(f) for f in bestand.fouten]


def test_a_formula_with_a_value_calculated_by_excel_is_read(register: Any, tmp_path: Path) -> None:
    """openpyxl writes no cached values; patch one in, as Excel would have saved it."""
    data = werkmap(coa_tabel(), [("cel", 19, 2, "=SUM(B7:B18)")])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        delen = {n: z.read(n) for n in z.namelist()}
    blad = delen["xl/worksheets/sheet1.xml"].decode()
    assert "<f>SUM(B7:B18)</f><v></v>" in blad or "<f>SUM(B7:B18)</f><v />" in blad
    blad = blad.replace("<f>SUM(B7:B18)</f><v></v>", "<f>SUM(B7:B18)</f><v>321</v>").replace(
        "<f>SUM(B7:B18)</f><v />", "<f>SUM(B7:B18)</f><v>321</v>"
    )
    delen["xl/worksheets/sheet1.xml"] = blad.encode()
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)
    bestand = lees_coa(uit.getvalue(), "coa.xlsx", register)
    assert bestand.fouten == [] and len(bestand.rijen) == 12


def _tellingen() -> tuple[int, ...]:
    return (
        VergunninghoudersStand.objects.count(),
        Realisatie.objects.count(),
        Opgave.objects.count(),
        AuditRegel.objects.count(),
    )


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stappen=bewerkingen())
def test_a_broken_file_never_writes_anything(drenthe: Any, stappen: list[tuple[Any, ...]]) -> None:
    for soort, importeer in (("coa", importeer_coa), ("realisatie", importeer_realisatie)):
        data = werkmap(tabel_voor(soort), stappen)
        voor = _tellingen()
        s = importeer(data, door=None, bestandsnaam=f"{soort}.xlsx")
        if s.fouten:
            assert _tellingen() == voor
            assert not s.geschreven

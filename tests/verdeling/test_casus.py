"""The JSON boundary of ``regietafel verdeel``: reading a casus, writing the uitkomst.

``lees_casus``, ``uitkomst_json`` and ``uitkomst_tabel`` are pure functions; the last tests
run the real command in a subprocess to check exit codes and stderr.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from regietafel.domain.restopgave import verdeel_restopgave
from regietafel.verdeling.casus import CasusFout, lees_casus, uitkomst_json, uitkomst_tabel

VOORBEELDEN = Path(__file__).resolve().parents[2] / "docs" / "voorbeelden"
REPO = Path(__file__).resolve().parents[1].parent


def geldig() -> dict[str, Any]:
    return {
        "provincie": "Drenthe",
        "opgave": {"regulier": 300, "amv": 30},
        "oekraine_totaal": 100,
        "gemeenten": [
            {
                "naam": "Assen",
                "inwoners": 1000,
                "indicatief": {"regulier": 100, "amv": 10},
                "verslag": {"regulier": 150, "amv": 0},
            },
            {
                "naam": "Emmen",
                "inwoners": 1000,
                "indicatief": {"regulier": 100, "amv": 10},
                "verslag": {"regulier": 20, "amv": 0},
                "kansrijk": {"regulier": 10, "amv": 2},
                "historisch_gemiddelde": 5,
                "oekraine_plaatsen": 10,
            },
            {
                "naam": "Tynaarlo",
                "inwoners": 1000,
                "indicatief": {"regulier": 100, "amv": 10},
                "verslag": {"regulier": 0, "amv": 0},
            },
        ],
        "uitruil": [{"van": "Assen", "voor": "Tynaarlo", "regulier": 40}],
        "uitruil_groepen": [["Assen", "Emmen"]],
    }


def fouten(data: object) -> list[str]:
    with pytest.raises(CasusFout) as info:
        lees_casus(data)
    assert info.value.fouten
    assert str(info.value) == "\n".join(info.value.fouten)
    return info.value.fouten


def met(pad: str, waarde: object) -> dict[str, Any]:
    """A copy of ``geldig()`` with one field set (``...`` removes it)."""
    data = geldig()
    doel: Any = data
    delen = pad.replace("]", "").replace("[", ".").split(".")
    for deel in delen[:-1]:
        doel = doel[int(deel)] if deel.isdigit() else doel[deel]
    laatste: Any = int(delen[-1]) if delen[-1].isdigit() else delen[-1]
    if waarde is ...:
        del doel[laatste]
    else:
        doel[laatste] = waarde
    return data


# --------------------------------------------------------------------------- valid


def test_valid_casus_with_defaults() -> None:
    casus = lees_casus(geldig())
    assert casus.provincie == "Drenthe"
    assert (casus.opgave_regulier, casus.opgave_amv) == (300, 30)
    assert casus.oekraine_totaal == 100
    assen, emmen, _ = casus.gemeenten
    assert (assen.kansrijk_regulier, assen.kansrijk_amv) == (0, 0)
    assert assen.historisch_gemiddelde == assen.oekraine_plaatsen == 0
    assert (emmen.kansrijk_regulier, emmen.kansrijk_amv) == (10, 2)
    assert casus.uitruil[0].van == "Assen"
    assert casus.uitruil[0].regulier == 40
    assert casus.uitruil_groepen == (("Assen", "Emmen"),)


def test_optional_fields_may_be_absent_or_null() -> None:
    data = geldig()
    for sleutel in ("oekraine_totaal", "uitruil", "uitruil_groepen"):
        del data[sleutel]
    data["gemeenten"][1]["kansrijk"] = {"regulier": 4}
    data["gemeenten"][2]["historisch_gemiddelde"] = None
    casus = lees_casus(data)
    assert casus.oekraine_totaal is None
    assert casus.uitruil == ()
    assert casus.uitruil_groepen == ()
    assert (casus.gemeenten[1].kansrijk_regulier, casus.gemeenten[1].kansrijk_amv) == (4, 0)
    assert lees_casus(met("oekraine_totaal", None)).oekraine_totaal is None


def test_unknown_fields_are_ignored() -> None:
    data = met("gemeenten[0].cbs_code", "GM0106")
    data["toelichting"] = "vrij veld"
    assert lees_casus(data).gemeenten[0].naam == "Assen"


# ------------------------------------------------------------------------- invalid


@pytest.mark.parametrize(
    ("pad", "verwacht"),
    [
        ("opgave", "opgave ontbreekt"),
        ("provincie", "provincie ontbreekt"),
        ("gemeenten", "gemeenten ontbreekt"),
        ("opgave.amv", "opgave.amv ontbreekt"),
        ("gemeenten[1].naam", "gemeenten[1].naam ontbreekt"),
        ("gemeenten[1].inwoners", "gemeenten[1].inwoners ontbreekt"),
        ("gemeenten[2].indicatief", "gemeenten[2].indicatief ontbreekt"),
        ("gemeenten[2].verslag", "gemeenten[2].verslag ontbreekt"),
        ("gemeenten[0].verslag.regulier", "gemeenten[0].verslag.regulier ontbreekt"),
        ("uitruil[0].voor", "uitruil[0].voor ontbreekt"),
        ("uitruil[0].regulier", "uitruil[0].regulier ontbreekt"),
    ],
)
def test_missing_field_is_named(pad: str, verwacht: str) -> None:
    assert verwacht in fouten(met(pad, ...))


@pytest.mark.parametrize(
    ("pad", "waarde", "verwacht"),
    [
        (
            "gemeenten[2].verslag.regulier",
            -5,
            "gemeenten[2].verslag.regulier: moet een geheel getal ≥ 0 zijn, niet -5",
        ),
        ("opgave.regulier", 2.5, "opgave.regulier: moet een geheel getal ≥ 0 zijn, niet 2.5"),
        ("opgave.amv", 229.0, "opgave.amv: moet een geheel getal ≥ 0 zijn, niet 229.0"),
        ("opgave.amv", "229", 'opgave.amv: moet een geheel getal ≥ 0 zijn, niet "229"'),
        ("gemeenten[0].inwoners", True, "gemeenten[0].inwoners: moet een geheel getal ≥ 0 zijn"),
        (
            "gemeenten[1].indicatief.amv",
            None,
            "gemeenten[1].indicatief.amv: moet een geheel getal ≥ 0 zijn, niet null",
        ),
        ("gemeenten[1].kansrijk.regulier", -1, "gemeenten[1].kansrijk.regulier: moet een"),
        ("gemeenten[1].historisch_gemiddelde", -3, "gemeenten[1].historisch_gemiddelde: moet"),
        ("gemeenten[1].oekraine_plaatsen", 1.5, "gemeenten[1].oekraine_plaatsen: moet een"),
        ("oekraine_totaal", -1, "oekraine_totaal: moet een geheel getal ≥ 0 zijn, niet -1"),
        ("uitruil[0].regulier", -40, "uitruil[0].regulier: moet een geheel getal ≥ 0 zijn"),
        ("uitruil[0].regulier", False, "uitruil[0].regulier: moet een geheel getal ≥ 0 zijn"),
    ],
)
def test_negative_or_non_integer_places_are_refused(
    pad: str, waarde: object, verwacht: str
) -> None:
    assert any(f.startswith(verwacht) for f in fouten(met(pad, waarde))), fouten(met(pad, waarde))


@pytest.mark.parametrize(
    ("pad", "waarde", "verwacht"),
    [
        ("provincie", 12, "provincie: moet een niet-lege tekst zijn, niet 12"),
        ("provincie", "  ", "provincie: moet een niet-lege tekst zijn"),
        ("opgave", 2691, "opgave: moet een object zijn, niet 2691"),
        ("gemeenten", {"Assen": {}}, "gemeenten: moet een lijst zijn"),
        ("gemeenten[1]", "Emmen", 'gemeenten[1]: moet een object zijn, niet "Emmen"'),
        ("gemeenten[1].naam", 7, "gemeenten[1].naam: moet een niet-lege tekst zijn, niet 7"),
        ("gemeenten[0].verslag", [150, 0], "gemeenten[0].verslag: moet een object zijn"),
        ("gemeenten[1].kansrijk", 10, "gemeenten[1].kansrijk: moet een object zijn"),
        ("uitruil", {"van": "Assen"}, "uitruil: moet een lijst zijn"),
        ("uitruil[0]", ["Assen", "Tynaarlo"], "uitruil[0]: moet een object zijn"),
        ("uitruil_groepen", ["Assen", "Emmen"], "uitruil_groepen[0]: moet een lijst zijn"),
    ],
)
def test_wrong_types_are_refused(pad: str, waarde: object, verwacht: str) -> None:
    assert any(f.startswith(verwacht) for f in fouten(met(pad, waarde))), fouten(met(pad, waarde))


def test_top_level_must_be_an_object() -> None:
    assert fouten([]) == ["casus: moet een object zijn, niet []"]
    assert fouten(None) == ["casus: moet een object zijn, niet null"]


def test_duplicate_gemeente() -> None:
    data = met("gemeenten[2].naam", "Assen")
    assert 'gemeenten[2].naam: "Assen" komt twee keer voor (ook gemeenten[0])' in fouten(data)
    data["gemeenten"].append(copy.deepcopy(data["gemeenten"][0]))
    assert 'gemeenten[3].naam: "Assen" komt 3 keer voor (ook gemeenten[0])' in fouten(data)


def test_duplicate_gemeente_is_found_even_when_the_entry_has_other_errors() -> None:
    data = met("gemeenten[2]", {"naam": "Emmen"})
    gevonden = fouten(data)
    assert 'gemeenten[2].naam: "Emmen" komt twee keer voor (ook gemeenten[1])' in gevonden
    assert "gemeenten[2].inwoners ontbreekt" in gevonden


@pytest.mark.parametrize(
    ("pad", "waarde", "verwacht"),
    [
        ("uitruil[0].voor", "Asen", 'uitruil[0].voor: onbekende gemeente "Asen"'),
        ("uitruil[0].van", "Groningen", 'uitruil[0].van: onbekende gemeente "Groningen"'),
        ("uitruil_groepen[0][1]", "Emen", 'uitruil_groepen[0][1]: onbekende gemeente "Emen"'),
    ],
)
def test_uitruil_naming_an_unknown_gemeente(pad: str, waarde: object, verwacht: str) -> None:
    assert verwacht in fouten(met(pad, waarde))


def test_uitruil_with_itself_or_beyond_the_givers_own_offer() -> None:
    assert 'uitruil[0].voor: "Assen" kan niet met zichzelf uitruilen' in fouten(
        met("uitruil[0].voor", "Assen")
    )
    data = geldig()
    data["uitruil"].append({"van": "Assen", "voor": "Emmen", "regulier": 111})
    (fout,) = fouten(data)
    assert fout.startswith("uitruil[1].regulier: Assen realiseert dan 151 reguliere plaatsen")


def test_uitruil_groep_needs_two_different_gemeenten() -> None:
    assert "uitruil_groepen[0]: een groep heeft ten minste twee gemeenten" in fouten(
        met("uitruil_groepen", [["Assen"]])
    )
    assert 'uitruil_groepen[0][1]: "Assen" staat al in deze groep' in fouten(
        met("uitruil_groepen", [["Assen", "Assen"]])
    )


def test_empty_gemeenten_and_zero_inhabitants_with_a_ukraine_total() -> None:
    assert "gemeenten: moet ten minste één gemeente bevatten" in fouten(met("gemeenten", []))
    data = geldig()
    for g in data["gemeenten"]:
        g["inwoners"] = 0
    assert fouten(data) == [
        "oekraine_totaal: de gemeenten hebben samen 0 inwoners, geen evenredig deel"
    ]


def test_every_problem_is_reported_at_once() -> None:
    data = geldig()
    del data["opgave"]
    data["gemeenten"][0]["verslag"]["regulier"] = -5
    data["uitruil"][0]["voor"] = "Asen"
    gevonden = fouten(data)
    assert len(gevonden) == 3
    assert gevonden[0] == "opgave ontbreekt"


# ------------------------------------------------------------------------- output


def test_uitkomst_json_shape() -> None:
    uit = uitkomst_json(verdeel_restopgave(lees_casus(geldig())))
    assert list(uit) == [
        "provincie",
        "restopgave",
        "percentage",
        "onverdeeld",
        "gemeenten",
        "stappen",
    ]
    assert uit["restopgave"] == {"regulier": 120, "amv": 28}
    assert isinstance(uit["percentage"]["regulier"], float)
    assert [g["naam"] for g in uit["gemeenten"]] == ["Assen", "Emmen", "Tynaarlo"]
    rij = uit["gemeenten"][1]
    assert set(rij) == {"naam", "regulier", "amv", "totaal", "extra", "uitgesloten"}
    assert rij["totaal"] == rij["regulier"] + rij["amv"]
    assert uit["gemeenten"][0]["uitgesloten"] == {
        "regulier": ["aanbod_dekt_indicatief"],
        "amv": ["aanbod_dekt_indicatief"],
    }
    assert sum(g["extra"]["regulier"] for g in uit["gemeenten"]) == 120
    assert all(isinstance(s["tekst"], str) and s["soort"] for s in uit["stappen"])
    # round trip through JSON, Dutch characters kept as they are
    tekst = json.dumps(uit, ensure_ascii=False)
    assert json.loads(tekst) == uit


def test_uitkomst_json_without_rest_has_null_percentages() -> None:
    data = met("opgave", {"regulier": 10, "amv": 0})
    uit = uitkomst_json(verdeel_restopgave(lees_casus(data)))
    assert uit["restopgave"] == {"regulier": 0, "amv": 0}
    assert uit["percentage"] == {"regulier": None, "amv": None}
    assert all(g["uitgesloten"] == {"regulier": [], "amv": []} for g in uit["gemeenten"])


def test_uitkomst_tabel() -> None:
    tabel = uitkomst_tabel(verdeel_restopgave(lees_casus(geldig())))
    regels = tabel.splitlines()
    assert regels[0] == "Verdeling restopgave — Drenthe"
    assert any(r.startswith("Percentage:") and "%" in r and "," in r for r in regels)
    assert any(r.startswith("Onverdeeld:") for r in regels)
    kop = next(r for r in regels if r.startswith("gemeente"))
    for kolom in ("regulier", "amv", "totaal", "extra", "uitgesloten"):
        assert kolom in kop
    assert any(r.startswith("Assen") and "aanbod_dekt_indicatief" in r for r in regels)
    assert regels[-1].startswith("Totaal")
    geen_rest = uitkomst_tabel(verdeel_restopgave(lees_casus(met("opgave.regulier", 0))))
    assert "regulier n.v.t." in geen_rest


# -------------------------------------------------------------- the command itself


def verdeel(*args: str, invoer: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "regietafel", "verdeel", *args],
        input=invoer,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def _django_klaar() -> bool:
    try:
        import regietafel.settings  # noqa: F401
    except Exception:
        return False
    return True


cli = pytest.mark.skipif(not _django_klaar(), reason="regietafel.settings is not importable yet")


@cli
def test_command_reads_stdin_and_writes_json() -> None:
    p = verdeel("-", invoer=json.dumps(geldig()))
    assert p.returncode == 0, p.stderr
    uit = json.loads(p.stdout)
    assert uit["restopgave"] == {"regulier": 120, "amv": 28}


@cli
def test_command_tabel_format() -> None:
    p = verdeel("-", "--format", "tabel", invoer=json.dumps(geldig()))
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Verdeling restopgave — Drenthe")


@cli
@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        (json.dumps(met("opgave", ...)), "opgave ontbreekt"),
        (json.dumps(met("uitruil[0].voor", "Asen")), 'uitruil[0].voor: onbekende gemeente "Asen"'),
        ("{", "stdin: geen geldige JSON (regel 1, kolom 2)"),
        ("[1, 2]", "casus: moet een object zijn"),
    ],
)
def test_command_invalid_input_exits_2_with_dutch_messages(invoer: str, verwacht: str) -> None:
    p = verdeel("-", invoer=invoer)
    assert p.returncode == 2
    assert verwacht in p.stderr
    assert "Traceback" not in p.stderr
    assert p.stdout == ""


@cli
def test_command_missing_file_exits_2(tmp_path: Path) -> None:
    p = verdeel(str(tmp_path / "bestaat-niet.json"))
    assert p.returncode == 2
    assert "bestand niet gevonden" in p.stderr
    assert "Traceback" not in p.stderr


@cli
def test_command_on_the_public_variant() -> None:
    p = verdeel(str(VOORBEELDEN / "verdeel-drenthe-variant.json"))
    assert p.returncode == 0, p.stderr
    uit = json.loads(p.stdout)
    uit.pop("stappen")
    verwacht = json.loads((VOORBEELDEN / "verdeel-drenthe-variant.expected.json").read_text())
    assert uit == verwacht

"""Writes of the rapportage app, and the configurable house style."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from regietafel.demo.drenthe import BONUS_BRON
from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.models import Cyclus
from regietafel.rapportage import bouwen, pdf, verslag, woord
from regietafel.rapportage.models import BonusRegeling, RapportVersie
from regietafel.rapportage.services import bewaar_versie, zet_bonusregeling
from regietafel.rapportage.teksten import blokken

pytestmark = pytest.mark.django_db


def _cyclus(jaar: int) -> Cyclus:
    return Cyclus.objects.get(soort="spreidingswet", jaar=jaar)


def test_versions_are_appended(drenthe: Provincie) -> None:
    eerste = bewaar_versie(
        door=None,
        soort="stand_van_zaken",
        provincie=drenthe,
        peildatum=dt.date(2024, 10, 1),
        versie_datum=dt.date(2024, 10, 20),
        teksten={"inleiding": "Een"},
    )
    tweede = bewaar_versie(
        door=None,
        soort="stand_van_zaken",
        provincie=drenthe,
        peildatum=dt.date(2024, 10, 1),
        versie_datum=dt.date(2024, 10, 21),
        teksten={"inleiding": "Twee"},
    )
    assert (eerste.volgnummer, tweede.volgnummer) == (1, 2)
    eerste.refresh_from_db()
    assert eerste.teksten == {"inleiding": "Een"}
    document = bouwen.stand_document(drenthe, dt.date(2024, 10, 1))
    assert document.volgnummer == 2 and document.versie_datum == dt.date(2024, 10, 21)


@pytest.mark.parametrize(
    ("kwargs", "melding"),
    [
        ({"soort": "stand_van_zaken", "teksten": {"onbekend": "x"}}, "Onbekende onderdelen"),
        ({"soort": "stand_van_zaken", "cyclus_jaar": 2024}, "hoort bij een peildatum"),
        ({"soort": "verslag", "peildatum": dt.date(2025, 11, 1)}, "hoort bij een cyclus"),
        ({"soort": "notulen"}, "Onbekende rapportsoort"),
    ],
)
def test_invalid_versions_are_refused(
    drenthe: Provincie, kwargs: dict[str, Any], melding: str
) -> None:
    jaar = kwargs.pop("cyclus_jaar", None)
    waarden: dict[str, Any] = {
        "door": None,
        "provincie": drenthe,
        "versie_datum": dt.date(2025, 1, 1),
        "teksten": {},
        "cyclus": _cyclus(jaar) if jaar else None,
        **kwargs,
    }
    with pytest.raises(ValidationError, match=melding):
        bewaar_versie(**waarden)


def test_without_a_version_the_defaults_of_seed_000_are_used(drenthe: Provincie) -> None:
    document = bouwen.stand_document(drenthe, dt.date(2024, 10, 1))
    assert document.volgnummer is None and document.aan == ""
    assert "In Drenthe pakken we de opgaven rond asiel" in pdf.html(document)
    assert "Aan:" not in pdf.html(document)


def test_bonusregeling_is_configuration(drenthe: Provincie) -> None:
    regeling, veranderd = zet_bonusregeling(
        door=None,
        cyclus=_cyclus(2024),
        provincie=drenthe,
        spuk1_per_plek=2000,
        spuk2_per_plek=2000,
        spuk3_provincie=408_653,
        spuk3_budget=983_686,
        spuk3_per_gemeente={},
        bron=BONUS_BRON,
    )
    assert not veranderd  # the demo holds the same amounts
    regeling.spuk1_per_plek = 3000
    regeling.save()
    document = verslag.verslag_document(drenthe, _cyclus(2024))
    html = pdf.html(document)
    # At € 3.000 a place SPUK 1 beats Emmen's SPUK 3 amount too: (1.542 + 180) × € 3.000.
    assert "€\u00a05.166.000" in html
    assert (
        "Voor de gemeenten Assen, Coevorden, Emmen en Hoogeveen is het financieel gunstiger" in html
    )


def test_a_cyclus_without_bonusregeling_says_so(drenthe: Provincie) -> None:
    BonusRegeling.objects.all().delete()
    html = pdf.html(verslag.verslag_document(drenthe, _cyclus(2024)))
    assert "geen bedragen van de bonusregelingen vastgelegd" in html
    assert "Bijlage 2" not in html


def test_bonusregeling_only_for_gemeenten_of_the_provincie(drenthe: Provincie) -> None:
    vreemd = Provincie.objects.exclude(pk=drenthe.pk).first().gemeenten.first()  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="Gemeenten buiten"):
        zet_bonusregeling(
            door=None,
            cyclus=_cyclus(2024),
            provincie=drenthe,
            spuk1_per_plek=1,
            spuk2_per_plek=1,
            spuk3_provincie=1,
            spuk3_per_gemeente={vreemd: 5},
        )


def test_house_style_is_configurable(drenthe: Provincie, settings: Any, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "navy").save(logo)
    settings.REGIETAFEL_ORGANISATIE = "Provincie Drenthe, team Kabinet"
    settings.REGIETAFEL_LOGO = str(logo)
    document = bouwen.stand_document(drenthe, dt.date(2025, 11, 1))
    html = pdf.html(document)
    assert "Provincie Drenthe, team Kabinet" in html and 'src="data:image/png;base64,' in html
    import docx

    word = docx.Document(io.BytesIO(woord.docx(document)))
    assert word.core_properties.author == "Provincie Drenthe, team Kabinet"
    assert len(word.inline_shapes) == 1 + len(document.grafieken)


def test_text_format() -> None:
    assert [(b.soort, b.regels) for b in blokken("Een\nregel.\n\n- a\n- b\n\n\n")] == [
        ("p", ("Een regel.",)),
        ("ul", ("a", "b")),
    ]


def test_versions_are_read_only_in_the_admin(secretariaat: Any) -> None:
    versie = RapportVersie.objects.first()
    assert versie is not None
    assert secretariaat.get("/beheer/rapportage/rapportversie/").status_code == 200
    assert secretariaat.get(
        f"/beheer/rapportage/rapportversie/{versie.pk}/change/"
    ).status_code in (200, 403)
    assert secretariaat.get("/beheer/rapportage/bonusregeling/").status_code == 200


def test_only_the_provincies_secretariaat_writes_report_texts(drenthe: Provincie) -> None:
    from django.core.exceptions import PermissionDenied

    from regietafel.accounts.models import Gebruiker

    waarden: dict[str, Any] = {
        "soort": "stand_van_zaken",
        "provincie": drenthe,
        "peildatum": dt.date(2025, 11, 1),
        "versie_datum": dt.date(2025, 11, 14),
        "teksten": {"inleiding": "Tekst"},
    }
    for naam in ("gemeente-assen", "lezer", "coa"):
        with pytest.raises(PermissionDenied):
            bewaar_versie(door=Gebruiker.objects.get(username=naam), **waarden)
    versie = bewaar_versie(door=Gebruiker.objects.get(username="secretariaat"), **waarden)
    assert versie.pk is not None

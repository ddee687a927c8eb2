"""The Ukraine page: a provincial number ∝ inhabitants with R1, beside seed 001's column."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from regietafel.demo.drenthe import PUZZEL
from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.models import Cyclus
from regietafel.verdeling.queries import oekraine_verdeling

pytestmark = pytest.mark.django_db


def _rij(html: str, gemeente: str) -> list[str]:
    tabel = html[html.index('id="oekraine-caption"') :]
    rij = tabel[tabel.index(f">{gemeente}</th>") :].split("</tr>")[0]
    return [re.sub(r"<[^>]+>", " ", c).split()[0] for c in re.findall(r"<td[^>]*>(.*?)</td>", rij)]


def test_5722_distributed_sums_to_5722_and_the_5720_drift_is_a_warning(
    drenthe: Provincie,
) -> None:
    v = oekraine_verdeling(drenthe, None, None)
    assert v.cyclus is not None and v.cyclus.code == "oekraine-2025"
    assert v.totaal == 5722
    assert v.som_verdeeld == 5722
    assert v.som_bron == 5720
    assert v.som_per_rij == 5720  # the source rounded row by row
    assert [b.code for b in v.bevindingen] == ["som_wijkt_af"]
    assert "5.720" in v.bevindingen[0].melding and "5.722" in v.bevindingen[0].melding
    verschil = {r.naam: r.verschil for r in v.rijen if r.verschil}
    assert verschil == {"Borger-Odoorn": 1, "De Wolden": 1}
    assert {r.naam for r in v.rijen if r.opgehoogd} >= {"Borger-Odoorn", "De Wolden"}
    assert {r.naam: r.bron for r in v.rijen} == {n: rij[1] for n, rij in PUZZEL.items()}


def test_page_shows_the_distribution_and_the_warning(lezer: Client) -> None:
    html = lezer.get("/verdeling/oekraine/").content.decode()
    assert "De rijen tellen op tot 5.720, het totaal in de bron is 5.722 (verschil 2)." in html
    assert '<option value="5722" selected>' in html and '<option value="5138">' in html
    # Borger-Odoorn: 25.919 inwoners, quotum 295,41, R1 296, per row 295, stored 295, +1
    assert _rij(html, "Borger-Odoorn") == ["25.919", "295,41", "296", "295", "295", "+1"]
    totaal = html[html.index("<tfoot") :]
    assert ">5.722<" in totaal and ">5.720<" in totaal and ">502.051<" in totaal


def test_5138_can_be_chosen_and_sums_exactly(lezer: Client) -> None:
    html = lezer.get("/verdeling/oekraine/?aantal=5138").content.decode()
    assert '<option value="5138" selected>' in html
    totaal = html[html.index("<tfoot") :]
    assert ">5.138<" in totaal
    assert _rij(html, "Assen")[2] == "711"
    # the stored column still belongs to 5.722: the warning stays
    assert "De rijen tellen op tot 5.720" in html


def test_own_number_and_a_bad_one(lezer: Client) -> None:
    html = lezer.get("/verdeling/oekraine/?eigen=12").content.decode()
    assert ">12 plaatsen naar inwonertal<" in html.replace("\n", "")
    html = lezer.get("/verdeling/oekraine/?eigen=veel").content.decode()
    assert "‘veel’ is geen geheel aantal" in html
    assert ">5.722<" in html[html.index("<tfoot") :]
    html = lezer.get("/verdeling/oekraine/?cyclus=bestaat-niet").content.decode()
    assert "Onbekende Oekraïne-cyclus" in html


def test_without_a_stored_column_there_is_no_warning(drenthe: Provincie) -> None:
    cyclus = Cyclus.objects.get(code="oekraine-2025")
    cyclus.opgaven.all().delete()
    v = oekraine_verdeling(drenthe, cyclus, 100)
    assert v.som_verdeeld == 100
    assert v.bevindingen == []

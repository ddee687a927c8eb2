"""Trends: realisation against opgave per peildatum, statushouders achter/voor per peildatum."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.core import klok
from regietafel.demo import drenthe as bron
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import Realisatie, VergunninghoudersStand
from regietafel.monitoring.queries import stand_van_zaken, trends

pytestmark = pytest.mark.django_db
OKT_2024, NOV_2025 = dt.date(2024, 10, 1), dt.date(2025, 11, 1)
SOORTEN = ("oekraine", "regulier", "amv")


def _punten(t, soort: str) -> dict[dt.date, object]:  # type: ignore[no-untyped-def]
    return {p.peildatum: p for p in next(s for s in t.soorten if s.soort == soort).punten}


def test_province_realisation_per_peildatum_is_the_sum_of_the_stored_figures(
    drenthe: Provincie,
) -> None:
    t = trends(drenthe)
    # Seed 001 (PUZZEL, columns 2, 5, 9) and seed 000 (realisatie per 1-11-2025).
    okt = {
        s: sum(r[k] for r in bron.PUZZEL.values()) for s, k in zip(SOORTEN, (2, 5, 9), strict=True)
    }
    nov = {
        s: sum(r[i] or 0 for r in bron.REALISATIE_2025_11.values()) for i, s in enumerate(SOORTEN)
    }
    for soort in SOORTEN:
        punten = _punten(t, soort)
        assert list(punten) == [OKT_2024, NOV_2025]
        assert punten[OKT_2024].realisatie == okt[soort]
        assert punten[NOV_2025].realisatie == nov[soort]
    assert _punten(t, "oekraine")[NOV_2025].realisatie == 4978  # seed 000's total
    # The opgave in force is the one the Stand van zaken shows on that peildatum.
    for peildatum in (OKT_2024, NOV_2025):
        stand = stand_van_zaken(drenthe, peildatum)
        for kolom in stand.kolommen:
            punt = _punten(t, kolom.soort)[peildatum]
            assert punt.opgave == kolom.totaal.opgave
            assert punt.realisatie == kolom.totaal.realisatie
            assert punt.verschil == kolom.totaal.verschil
    # The provincial number in force: 5.722 from 25-10-2024, 5.138 from 1-7-2025. On
    # 01-10-2024 neither held, and no cyclus had begun: no opgave, no verschil (issue 16.3).
    assert _punten(t, "oekraine")[OKT_2024].provinciale_opgave is None
    for soort in SOORTEN:
        okt_punt = _punten(t, soort)[OKT_2024]
        assert (okt_punt.opgave, okt_punt.verschil) == (None, None)
    assert _punten(t, "oekraine")[NOV_2025].provinciale_opgave == 5138
    assert _punten(t, "regulier")[NOV_2025].provinciale_opgave == 2462


def test_statushouders_achter_voor_per_peildatum(drenthe: Provincie) -> None:
    t = trends(drenthe)
    assert [p.peildatum for p in t.statushouders] == [bron.COA_PEILDATUM]
    assert t.statushouders[0].stand.achter_voor == 521  # seed 000's total
    assert t.statushouders[0].gemeenten == 12
    westerveld = next(r for r in t.statushouders_per_gemeente if r.gemeente.naam == "Westerveld")
    assert westerveld.achter_voor == (-4,)
    assert sum(r.achter_voor[0] or 0 for r in t.statushouders_per_gemeente) == 521


def test_gemeente_trend_uses_only_its_own_figures(drenthe: Provincie) -> None:
    assen = Gemeente.objects.get(naam="Assen")
    t = trends(drenthe, assen)
    assert t.naam == "Assen"
    regulier = _punten(t, "regulier")
    assert regulier[OKT_2024].realisatie == bron.PUZZEL["Assen"][5]  # 1.645
    assert regulier[NOV_2025].realisatie == 1000
    assert regulier[NOV_2025].opgave == 1000 and regulier[NOV_2025].verschil == 0
    assert regulier[NOV_2025].provinciale_opgave is None
    # Assen has no AMV figure per 1-11-2025: that peildatum is absent, not 0.
    assert list(_punten(t, "amv")) == [OKT_2024]
    assert len(t.statushouders) == 1 and t.statushouders_per_gemeente == ()


def _grafieken(html: str) -> list[str]:
    return [
        unescape(u)
        for u in re.findall(r'<img class="trend__grafiek" src="([^"]+)" alt="[^"]+"', html)
    ]


def test_pages_show_chart_and_table_with_the_same_numbers(
    lezer: Client, settings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    html = lezer.get("/trends/").content.decode()
    urls = _grafieken(html)
    assert len(urls) == 4
    antwoord = lezer.get(urls[0])
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "image/svg+xml"
    svg = antwoord.content.decode()
    assert svg.startswith('<svg role="img" aria-label=')
    assert "<script" not in svg and ' style="' not in svg
    # Its own <style> is allowed by hash (no unsafe-inline), nothing else.
    beleid = antwoord["Content-Security-Policy"]
    assert "default-src 'none'" in beleid and "style-src 'sha256-" in beleid
    assert "unsafe" not in beleid
    assert "4.978" in html and "5.138" in html and "521" in html
    assert 'href="/trends/GM0106/"' in html
    gemeente = lezer.get("/trends/GM0106/").content.decode()
    assert "Trends gemeente Assen" in gemeente and "1.645" in gemeente
    gemeente_urls = _grafieken(gemeente)
    assert len(gemeente_urls) == 4
    assert (
        "gemeente=GM0106" in gemeente_urls[0]
        and "Assen" in lezer.get(gemeente_urls[0]).content.decode()
    )
    stand = lezer.get("/").content.decode()
    assert 'href="/trends/GM0106/">Assen</a>' in stand and 'href="/trends/"' in stand


def test_unknown_gemeente_or_one_of_another_provincie_is_404(lezer: Client) -> None:
    assert lezer.get("/trends/GM9999/").status_code == 404
    groningen = Gemeente.objects.filter(provincie__naam="Groningen").first()
    assert groningen is not None
    assert lezer.get(f"/trends/{groningen.cbs_code}/").status_code == 404


def _maanden_erbij(provincie: Provincie, maanden: int) -> None:
    """36 months of figures (and COA rows) for every gemeente, superseded ones included."""
    nu = klok.nu()
    realisaties, coa = [], []
    for g in Gemeente.objects.filter(provincie=provincie):
        for m in range(maanden):
            peildatum = dt.date(2019 + m // 12, m % 12 + 1, 1)
            for vervangen in (nu, None):
                basis = {
                    "gemeente": g,
                    "peildatum": peildatum,
                    "geregistreerd_op": nu,
                    "vervangen_op": vervangen,
                }
                realisaties += [Realisatie(**basis, soort=s, aantal=m) for s in SOORTEN]
                coa.append(
                    VergunninghoudersStand(
                        **basis,
                        jaar=peildatum.year,
                        stand_1_jan=3,
                        taakstelling_h1=2,
                        realisatie_h1=1,
                        taakstelling_h2=2,
                        realisatie_jul=1,
                    )
                )
    Realisatie.objects.bulk_create(realisaties)
    VergunninghoudersStand.objects.bulk_create(coa)


def test_the_number_of_queries_does_not_grow_with_peildata(
    drenthe: Provincie, lezer: Client
) -> None:
    assen = Gemeente.objects.get(naam="Assen")

    def tel() -> tuple[int, int, int, int]:
        with CaptureQueriesContext(connection) as provincie:
            trends(drenthe)
        with CaptureQueriesContext(connection) as gemeente:
            trends(drenthe, assen)
        with CaptureQueriesContext(connection) as pagina:
            assert lezer.get("/trends/").status_code == 200
        with CaptureQueriesContext(connection) as gemeentepagina:
            assert lezer.get("/trends/GM0106/").status_code == 200
        return len(provincie), len(gemeente), len(pagina), len(gemeentepagina)

    voor = tel()
    _maanden_erbij(drenthe, 36)
    t = trends(drenthe)
    assert len(_punten(t, "regulier")) == 38 and len(t.statushouders) == 37
    assert tel() == voor
    assert voor[0] <= 6


def test_the_table_per_gemeente_shows_the_newest_twelve_peildata_or_all(
    drenthe: Provincie, lezer: Client
) -> None:
    from tests.core.excelcontrole import werkboek
    from tests.core.tabelcontrole import lees_tabellen, vergelijk_cellen

    _maanden_erbij(drenthe, 36)
    t = trends(drenthe)
    assert len(t.statushouders) == 37
    sleutel = "Statushouders per gemeente"
    html = lezer.get("/trends/").content.decode()
    tabel = lees_tabellen(html)[sleutel]
    koppen = [c.tekst for c in tabel.koppen[-1]]
    assert koppen[0] == "Gemeente" and len(koppen) == 1 + 12
    nieuwste = [f"{p.peildatum:%d-%m-%Y}" for p in t.statushouders[-12:]]
    assert koppen[1:] == nieuwste and nieuwste[-1] == "01-11-2025"
    assert 'href="?peildata=alle">Toon alle 37 peildata</a>' in html
    assert "De laatste 12 van de 37 peildata" in html
    # The chart and the other tables keep every peildatum.
    assert len(lees_tabellen(html)["Statushouders"].rijen) == 37

    alle = lezer.get("/trends/?peildata=alle").content.decode()
    assert len(lees_tabellen(alle)[sleutel].koppen[-1]) == 1 + 37
    assert 'href="?">Toon alleen de laatste peildata</a>' in alle
    # The Excel link of the table carries the choice: the sheet is what the page shows.
    for pagina, url in ((html, "/trends/?"), (alle, "/trends/?peildata=alle&")):
        xlsx = lezer.get(f"{url}formaat=xlsx&tabel={sleutel}")
        assert xlsx.status_code == 200
        vergeleken = vergelijk_cellen(lees_tabellen(pagina)[sleutel], werkboek(xlsx.content).active)
        assert vergeleken > 12 * 12


def test_a_chart_is_drawn_once_per_content_and_stored(
    lezer: Client,
    drenthe: Provincie,
    settings,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    urls = _grafieken(lezer.get("/trends/").content.decode())
    eerste = lezer.get(urls[1])
    oud_svg = lezer.get(urls[0]).content
    assert "immutable" in eerste["Cache-Control"]
    # Every chart of the page was stored by the first request (the page itself draws none).
    opgeslagen = sorted((tmp_path / "media" / "grafieken").rglob("*.svg"))
    assert len(opgeslagen) == 4
    assert all(f.parent.name == f"trends-{drenthe.pk}" for f in opgeslagen)
    assert lezer.get(urls[1]).content == eerste.content

    # A new figure is a new key: the page names another chart, and it shows the new figure.
    assen = Gemeente.objects.get(naam="Assen")
    Realisatie.objects.filter(gemeente=assen, soort="oekraine", peildatum=NOV_2025).update(
        aantal=4321
    )
    nieuw = _grafieken(lezer.get("/trends/").content.decode())
    assert nieuw[0] != urls[0] and nieuw[1:] == urls[1:]
    assert lezer.get(nieuw[0]).status_code == 200
    assert len(sorted((tmp_path / "media" / "grafieken").rglob("*.svg"))) == 5

    # The old key still names the old chart (what the old page showed, never changed); a key
    # that is not stored gets today's chart, not kept by the browser.
    assert lezer.get(urls[0]).content == oud_svg
    verzonnen = lezer.get(re.sub(r"/[0-9a-f]{64}\.svg", "/" + "0" * 64 + ".svg", urls[0]))
    assert verzonnen.status_code == 200 and "immutable" not in verzonnen["Cache-Control"]
    assert verzonnen.content == lezer.get(nieuw[0]).content != oud_svg
    assert lezer.get(urls[0].replace("/oekraine/", "/onbekend/")).status_code == 404
    assert lezer.get("/trends/grafiek/oekraine/../../etc.svg").status_code == 404


def test_a_chart_is_read_only_by_who_may_read_its_provincie(
    lezer: Client,
    settings,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    url = _grafieken(lezer.get("/trends/").content.decode())[0]
    assert lezer.get(url).status_code == 200
    # Another provincie's code: a 404 for a provincial user, before anything is read.
    anders = re.sub(r"provincie=PV\d\d", "provincie=PV30", url)
    assert lezer.get(anders).status_code == 404
    Client().get(url)  # anonymous: to the login page
    assert Client().get(url).status_code == 302

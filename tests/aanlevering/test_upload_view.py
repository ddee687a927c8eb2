"""The upload page: upload, preview of what changes, confirm; who may use it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.aanlevering.models import Aanlevering
from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import Realisatie, VergunninghoudersStand
from tests.aanlevering.bestanden import (
    REALISATIE_KOPPEN,
    SAMPLE_COA,
    coa_rijen,
    schrijf_coa,
    schrijf_tabel,
)

pytestmark = pytest.mark.django_db
URL = "/aanlevering/"
BEVESTIG = "/aanlevering/bevestigen/"
NOV = dt.date(2025, 11, 1)


def _client(gebruikersnaam: str) -> Client:
    client = Client()
    client.force_login(Gebruiker.objects.get(username=gebruikersnaam))
    return client


def _correctie(tmp_path: Path) -> Path:
    rijen = coa_rijen()
    rijen[1][11] = 3  # Assen, realisatie oktober 2 -> 3, with the derived columns
    rijen[1][14] += 1
    rijen[1][15] -= 1
    rijen[1][16] -= 1
    return schrijf_coa(tmp_path / "coa-correctie.xlsx", rijen)


def _upload(client: Client, pad: Path, soort: str = "coa", **extra: Any) -> Any:
    with pad.open("rb") as fh:
        return client.post(URL, {"soort": soort, "bestand": fh, **extra})


def _verborgen(html: str) -> dict[str, str]:
    import re

    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))


def test_anonymous_visitor_is_sent_to_login(drenthe: Provincie) -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


@pytest.mark.parametrize("gebruiker", ["lezer", "gemeente-assen"])
def test_users_who_may_not_deliver_get_403(drenthe: Provincie, gebruiker: str) -> None:
    client = _client(gebruiker)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"soort": "coa"}).status_code == 403
    assert client.post(BEVESTIG, {"soort": "coa"}).status_code == 403
    assert "Aanleveren" not in client.get("/").content.decode()


def test_lezer_fixture_gets_403(lezer: Client) -> None:
    assert lezer.get(URL).status_code == 403


@pytest.mark.parametrize("gebruiker", ["secretariaat", "coa"])
def test_secretariaat_and_suppliers_see_the_form_and_the_nav_link(
    drenthe: Provincie, gebruiker: str
) -> None:
    client = _client(gebruiker)
    html = client.get(URL).content.decode()
    assert '<h1 class="utrecht-heading-1">Cijfers aanleveren</h1>' in html
    assert 'href="/aanlevering/" aria-current="page">Aanleveren</a>' in html
    assert 'type="file" name="bestand"' in html


def test_staff_as_such_may_not_deliver_a_superuser_may(drenthe: Provincie) -> None:
    """``is_staff`` only opens the admin site: a staff lezer or beheerder delivers nothing;
    a superuser delivers for every provincie (accounts.permissions)."""
    Gebruiker.objects.filter(username="lezer").update(is_staff=True)
    assert _client("lezer").get(URL).status_code == 403
    Gebruiker.objects.create(username="beheer", rol="beheerder", is_staff=True)
    assert _client("beheer").get(URL).status_code == 403
    Gebruiker.objects.filter(username="lezer").update(is_superuser=True)
    assert _client("lezer").get(URL).status_code == 200


def test_preview_then_confirm(
    secretariaat: Client, tmp_path: Path, media: Path, gebruiker_secretariaat: Gebruiker
) -> None:
    pad = _correctie(tmp_path)
    response = _upload(secretariaat, pad)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Controleer de wijzigingen" in html
    assert "realisatie oktober" in html and ">Assen</th>" in html
    assert "1 gewijzigd, 11 ongewijzigd" in html
    verborgen = _verborgen(html)
    # Only the checksum: the kind, name and extension of the file stay on the server.
    assert set(verborgen) == {"csrfmiddlewaretoken", "checksum"}
    bewaard = media / "aanlevering" / f"{verborgen['checksum']}.xlsx"
    assert bewaard.read_bytes() == pad.read_bytes()
    assen = VergunninghoudersStand.objects.actueel().get(gemeente__naam="Assen", peildatum=NOV)
    assert assen.realisatie_okt == 2  # nothing written by the preview

    verborgen.pop("csrfmiddlewaretoken")
    resultaat = secretariaat.post(BEVESTIG, verborgen)
    assert resultaat.status_code == 200
    html = resultaat.content.decode()
    assert "Aanlevering verwerkt" in html and "De cijfers zijn opgeslagen" in html
    assen = VergunninghoudersStand.objects.actueel().get(gemeente__naam="Assen", peildatum=NOV)
    assert assen.realisatie_okt == 3 and assen.geregistreerd_door == gebruiker_secretariaat
    aanlevering = Aanlevering.objects.get()
    assert (aanlevering.bestandsnaam, aanlevering.door) == (
        "coa-correctie.xlsx",
        gebruiker_secretariaat,
    )
    assert not bewaard.exists()

    # Confirming again: the file is gone, nothing happens twice.
    opnieuw = secretariaat.post(BEVESTIG, verborgen)
    assert opnieuw.status_code == 409
    assert "niet meer beschikbaar" in opnieuw.content.decode()
    assert Aanlevering.objects.count() == 1
    assert "coa-correctie.xlsx" in secretariaat.get(URL).content.decode()


def test_a_file_that_changes_nothing_has_nothing_to_confirm(
    secretariaat: Client, media: Path
) -> None:
    html = _upload(secretariaat, SAMPLE_COA).content.decode()
    assert "verandert niets" in html
    assert "Bevestig en sla op" not in html
    assert not (media / "aanlevering").exists() or not any((media / "aanlevering").iterdir())


def test_errors_are_listed_and_nothing_is_kept(
    secretariaat: Client, tmp_path: Path, media: Path
) -> None:
    rijen = coa_rijen()
    rijen[6][0] = "HOOGVEEN"
    antwoord = _upload(secretariaat, schrijf_coa(tmp_path / "coa.xlsx", rijen))
    assert antwoord.status_code == 422  # refused: the form again, with the reasons
    html = antwoord.content.decode()
    assert 'type="file" name="bestand"' in html
    assert "Het bestand is niet opgeslagen: 1 fout" in html
    assert "rij 13, kolom A (gemeente)" in html
    assert "Bedoelt u Hoogeveen?" in html
    assert not (media / "aanlevering").exists()


def test_form_errors(secretariaat: Client, tmp_path: Path) -> None:
    pad = tmp_path / "oud.xls"
    pad.write_bytes(b"\xd0\xcf\x11\xe0")
    antwoord = _upload(secretariaat, pad)
    assert antwoord.status_code == 400
    assert "oude Excel-formaat (.xls)" in antwoord.content.decode()
    nidos = schrijf_tabel(tmp_path / "nidos.csv", ["Gemeente", "Gerealiseerd", "Taakstelling"], [])
    antwoord = _upload(secretariaat, nidos, soort="nidos")
    assert antwoord.status_code == 400
    assert "Geef de datum van de Nidos-factsheet op." in antwoord.content.decode()
    antwoord = secretariaat.post(URL, {"soort": "x"})
    assert antwoord.status_code == 400
    assert "Selecteer een geldige keuze" in antwoord.content.decode()


@pytest.mark.parametrize(
    ("velden", "status"),
    [
        ({"checksum": "0" * 64}, 409),  # no such preview in this session
        ({"checksum": "../../etc/passwd"}, 400),
        ({"checksum": ""}, 400),
    ],
)
def test_a_tampered_confirmation_is_refused(
    secretariaat: Client, media: Path, velden: dict[str, str], status: int
) -> None:
    voor = VergunninghoudersStand.objects.count()
    antwoord = secretariaat.post(BEVESTIG, velden)
    assert antwoord.status_code == status
    assert 'type="file" name="bestand"' in antwoord.content.decode()  # the form again
    assert VergunninghoudersStand.objects.count() == voor


def test_the_confirmation_takes_name_kind_and_extension_from_the_upload(
    coa: Client, tmp_path: Path, media: Path
) -> None:
    """A changed form field cannot rename the file (its name lands in the Excel of the
    latest deliveries) nor change its kind or extension: the server kept them."""
    html = _upload(coa, _correctie(tmp_path)).content.decode()
    checksum = _verborgen(html)["checksum"]
    antwoord = coa.post(
        BEVESTIG,
        {
            "checksum": checksum,
            "bestandsnaam": "=cmd|' /C calc'!A0",
            "soort": "realisatie",
            "extensie": "csv",
        },
    )
    assert antwoord.status_code == 200
    aanlevering = Aanlevering.objects.get()
    assert (aanlevering.bestandsnaam, aanlevering.soort) == ("coa-correctie.xlsx", "coa")


def test_another_user_cannot_confirm_a_preview(
    coa: Client, secretariaat: Client, tmp_path: Path, media: Path
) -> None:
    html = _upload(coa, _correctie(tmp_path)).content.decode()
    checksum = _verborgen(html)["checksum"]
    assert secretariaat.post(BEVESTIG, {"checksum": checksum}).status_code == 409
    assert secretariaat.get(f"{URL}?formaat=xlsx&checksum={checksum}").status_code == 404
    assert not Aanlevering.objects.exists()
    assert coa.post(BEVESTIG, {"checksum": checksum}).status_code == 200


@pytest.mark.parametrize(
    "naam",
    [
        "=cmd|' /C calc'!A0",
        "=cmd|' -C calc'!A0",
        "coa",
        "coa.",
        ".xlsx",
        "coa.xls",
        "coa.xlsx.exe",
        "coa.pdf",
    ],
)
def test_the_upload_name_needs_an_allowed_extension(
    coa: Client, tmp_path: Path, media: Path, naam: str
) -> None:
    pad = tmp_path / "bestand"
    pad.write_bytes(_correctie(tmp_path).read_bytes())
    with pad.open("rb") as fh:
        from django.core.files.uploadedfile import SimpleUploadedFile

        bestand = SimpleUploadedFile(naam, fh.read())
    antwoord = coa.post(URL, {"soort": "coa", "bestand": bestand})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Excel-werkmap (.xlsx)" in html and 'id="bestand-fout"' in html
    assert not (media / "aanlevering").exists()


def test_a_kept_file_that_was_altered_is_refused(
    secretariaat: Client, tmp_path: Path, media: Path
) -> None:
    html = _upload(secretariaat, _correctie(tmp_path)).content.decode()
    verborgen = _verborgen(html)
    verborgen.pop("csrfmiddlewaretoken")
    (media / "aanlevering" / f"{verborgen['checksum']}.xlsx").write_bytes(b"iets anders")
    assert secretariaat.post(BEVESTIG, verborgen).status_code == 409


def test_nidos_with_peildatum_and_realisatie_previews(
    secretariaat: Client, tmp_path: Path, media: Path
) -> None:
    pad = schrijf_tabel(
        tmp_path / "nidos.csv",
        ["Gemeente", "Gerealiseerd", "Totaal taakstelling"],
        [("ASSEN", 35, 14), ("EMMEN", 8, 21)],
    )
    html = _upload(secretariaat, pad, soort="nidos", peildatum="2025-11-03").content.decode()
    assert "2 gewijzigd" not in html and "1 gewijzigd, 1 ongewijzigd" in html
    # The peildatum of the preview is the one confirmed (kept with the session).
    verborgen = _verborgen(html)
    verborgen.pop("csrfmiddlewaretoken")
    assert secretariaat.post(BEVESTIG, verborgen).status_code == 200
    assert Aanlevering.objects.get().peildatum == dt.date(2025, 11, 3)


def _realisatie(tmp_path: Path, aantal: int) -> Path:
    gemeenten = list(Gemeente.objects.order_by("cbs_code").values_list("naam", flat=True)[:aantal])
    rijen = [(naam, "regulier", i, "01-12-2025") for i, naam in enumerate(gemeenten)]
    return schrijf_tabel(tmp_path / f"r{aantal}.csv", REALISATIE_KOPPEN, rijen)


def test_the_preview_query_count_does_not_grow_with_rows(
    secretariaat: Client, coa: Client, tmp_path: Path, media: Path
) -> None:
    # A national file (300 gemeenten): a supplier delivers it; a secretariaat only its own provincie.
    klein, groot = _realisatie(tmp_path, 10), _realisatie(tmp_path, 300)
    with CaptureQueriesContext(connection) as q_klein:
        assert "10 nieuw" in _upload(coa, klein, soort="realisatie").content.decode()
    with CaptureQueriesContext(connection) as q_groot:
        assert "300 nieuw" in _upload(coa, groot, soort="realisatie").content.decode()
    assert len(q_groot) == len(q_klein)
    assert Realisatie.objects.filter(peildatum=dt.date(2025, 12, 1)).count() == 0

    # Both change a figure (a preview to confirm: the same session write).
    klein_rijen = coa_rijen()[:6]
    klein_rijen[1][11] = 3
    klein_rijen[1][14] += 1
    klein_rijen[1][15] -= 1
    klein_rijen[1][16] -= 1
    coa_klein = schrijf_coa(tmp_path / "coa6.xlsx", klein_rijen)
    with CaptureQueriesContext(connection) as q_coa_klein:
        _upload(secretariaat, coa_klein)
    with CaptureQueriesContext(connection) as q_coa_groot:
        _upload(secretariaat, _correctie(tmp_path))
    assert len(q_coa_groot) == len(q_coa_klein)


def test_the_api_refuses_a_file_name_without_an_extension(
    drenthe: Provincie, tmp_path: Path
) -> None:
    """The API takes the name of the multipart upload: the same rule as the page (the
    service checks it), so no formula lands in the delivery log as a file name."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=Gebruiker.objects.get(username="coa"))
    client = Client(headers={"Authorization": f"Token {token.key}"})
    inhoud = _correctie(tmp_path).read_bytes()
    antwoord = client.post(
        "/api/v1/imports/coa",
        {"bestand": SimpleUploadedFile("=cmd|' /C calc'!A0", inhoud)},
    )
    assert antwoord.status_code == 400
    assert "geen extensie" in antwoord.content.decode()
    assert not Aanlevering.objects.exists()
    antwoord = client.post(
        "/api/v1/imports/coa", {"bestand": SimpleUploadedFile("coa-correctie.xlsx", inhoud)}
    )
    assert antwoord.status_code in (200, 201), antwoord.content
    assert Aanlevering.objects.get().bestandsnaam == "coa-correctie.xlsx"


def test_the_preview_and_its_excel_keep_a_formula_like_name_as_text(
    coa: Client, tmp_path: Path, media: Path
) -> None:
    """A name may pass the extension check and still read as a formula: it stays text in the
    preview's workbook and in the workbook of the latest deliveries."""
    import io
    import re

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import load_workbook

    naam = "=cmd|' -C calc'!A0.xlsx"
    bestand = SimpleUploadedFile(naam, _correctie(tmp_path).read_bytes())
    html = coa.post(URL, {"soort": "coa", "bestand": bestand}).content.decode()
    link = re.search(r'href="(/aanlevering/\?[^"]*formaat=xlsx[^"]*)"', html)
    assert link is not None
    werkboeken = [coa.get(link[1].replace("&amp;", "&"))]
    assert coa.post(BEVESTIG, {"checksum": _verborgen(html)["checksum"]}).status_code == 200
    werkboeken.append(coa.get(URL, {"formaat": "xlsx"}))
    for antwoord in werkboeken:
        assert antwoord.status_code == 200
        cellen = [c for rij in load_workbook(io.BytesIO(antwoord.content)).active for c in rij]
        assert not [c.value for c in cellen if c.data_type == "f"]
        assert any(naam in str(c.value) and c.data_type == "s" for c in cellen)


def test_a_large_confirmation_runs_as_a_job_with_its_summary_on_the_status_page(
    coa: Client, tmp_path: Path, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    """More than 1.000 changed figures: the confirmation enqueues an import job (after
    commit) and shows its status page; the worker imports as the requester."""
    from regietafel.taken.models import Taak, TaakStatus

    gemeenten = list(Gemeente.objects.order_by("cbs_code").values_list("naam", flat=True))
    rijen = [
        (naam, soort, i % 50, "01-12-2025")
        for i, naam in enumerate(gemeenten)
        for soort in ("oekraine", "regulier", "amv")
    ]
    pad = schrijf_tabel(tmp_path / "groot.csv", REALISATIE_KOPPEN, rijen)
    html = _upload(coa, pad, soort="realisatie").content.decode()
    verborgen = _verborgen(html)
    verborgen.pop("csrfmiddlewaretoken")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        antwoord = coa.post(BEVESTIG, verborgen)
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/taken/")
    assert Realisatie.objects.filter(peildatum=dt.date(2025, 12, 1)).count() == 0
    assert "in de wachtrij" in coa.get(antwoord["Location"]).content.decode()
    for callback in callbacks:
        callback()
    taak = Taak.objects.get(soort="aanlevering.import")
    assert taak.status == TaakStatus.KLAAR, taak.status_tekst
    assert taak.aangevraagd_door == Gebruiker.objects.get(username="coa")
    assert Realisatie.objects.filter(peildatum=dt.date(2025, 12, 1)).count() == len(rijen)
    pagina = coa.get(antwoord["Location"]).content.decode()
    assert f"{len(rijen)} rijen: {len(rijen)} nieuw, 0 gewijzigd, 0 ongewijzigd." in pagina
    assert Aanlevering.objects.filter(door__username="coa").exists()
    # The same confirmation again: the file was taken, nothing is imported twice.
    assert coa.post(BEVESTIG, verborgen).status_code == 409

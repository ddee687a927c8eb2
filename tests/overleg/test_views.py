"""The pages from every side: the secretariaat writes, gemeente users and the lezer read,
COA has no access, another provincie's ids are a 404; forms work without JavaScript
(POST-redirect-GET)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regietafel.audit.models import AuditRegel
from regietafel.overleg.models import Actie, ActieStatus, Agendapunt, Bijlage, Brief, Overleg
from tests.taken.hulp import haal

pytestmark = pytest.mark.django_db

PAGINAS = ("/overleg/", "/overleg/acties/", "/overleg/brieven/", "/overleg/zoeken/?q=noodopvang")


def test_readers_see_the_pages_and_coa_does_not(
    demo, secretariaat, lezer, gemeente_assen, coa
) -> None:  # type: ignore[no-untyped-def]
    feb = demo["februari"]
    brief = Brief.objects.get(onderwerp="Verzoek tot noodopvang")
    paden = (*PAGINAS, f"/overleg/{feb.pk}/", f"/overleg/brieven/{brief.pk}/")
    for client in (secretariaat, lezer, gemeente_assen):
        for pad in paden:
            assert client.get(pad).status_code == 200, pad
    for pad in (*paden, f"/overleg/{feb.pk}/agenda.pdf"):
        assert coa.get(pad).status_code == 403, pad


def test_the_meeting_page_shows_agenda_list_and_status(demo, gemeente_assen, secretariaat) -> None:  # type: ignore[no-untyped-def]
    feb, nov = demo["februari"], demo["november"]
    html = gemeente_assen.get(f"/overleg/{feb.pk}/").content.decode()
    assert "Bestuurlijk PRT Drenthe, 5 februari 2026" in html
    assert "Verzoek ministerie A&amp;M realisatie noodopvang aan PRT Drenthe" in html
    assert "CONCEPT" in html
    assert "Acties uit eerdere overleggen" in html
    assert "Woo-verzoek Oekraïne-opvanglocaties" in html
    # Readers get no write controls.
    assert "Afronden" not in html and "Bewerken" not in html
    html_sec = secretariaat.get(f"/overleg/{feb.pk}/").content.decode()
    assert "Afronden" in html_sec
    html_nov = gemeente_assen.get(f"/overleg/{nov.pk}/").content.decode()
    assert "Ingestemd in het overleg van" in html_nov


def test_gemeente_and_lezer_cannot_write(demo, gemeente_assen, lezer) -> None:  # type: ignore[no-untyped-def]
    feb = demo["februari"]
    punt = feb.agendapunten.get(nummer=5, letter="c")
    actie = Actie.objects.filter(status=ActieStatus.OPEN).first()
    assert actie is not None
    for client in (gemeente_assen, lezer):
        assert (
            client.post("/overleg/", {"soort": "ambtelijk", "datum": "2026-04-01"}).status_code
            == 403
        )
        assert client.get(f"/overleg/agendapunt/{punt.pk}/").status_code == 403
        assert (
            client.post(
                f"/overleg/agendapunt/{punt.pk}/actie/", {"omschrijving": "x", "door_wie": "y"}
            ).status_code
            == 403
        )
        assert (
            client.post(f"/overleg/actie/{actie.pk}/status/", {"status": "afgerond"}).status_code
            == 403
        )
        assert client.post(f"/overleg/{feb.pk}/instemmen/").status_code == 403
        assert client.get("/overleg/brieven/nieuw/").status_code == 403
    actie.refresh_from_db()
    assert actie.status == ActieStatus.OPEN


def test_another_provincies_objects_are_404(demo, secretariaat, groningen) -> None:  # type: ignore[no-untyped-def]
    vreemd = Overleg.objects.create(provincie=groningen, datum=dt.date(2026, 2, 6))
    punt = Agendapunt.objects.create(overleg=vreemd, volgorde=100, nummer=1, titel="Opening")
    actie = Actie.objects.create(agendapunt=punt, omschrijving="Geheim", door_wie="X")
    brief = Brief.objects.create(
        provincie=groningen,
        afzender="A",
        ontvangen=dt.date(2026, 1, 1),
        onderwerp="B",
        soort="brief",
    )
    for pad in (
        f"/overleg/{vreemd.pk}/",
        f"/overleg/{vreemd.pk}/agenda.pdf",
        f"/overleg/{vreemd.pk}/actie-en-besluitenlijst.docx",
        f"/overleg/agendapunt/{punt.pk}/",
        f"/overleg/brieven/{brief.pk}/",
    ):
        assert secretariaat.get(pad).status_code == 404, pad
    assert (
        secretariaat.post(f"/overleg/actie/{actie.pk}/status/", {"status": "afgerond"}).status_code
        == 404
    )
    assert "Geheim" not in secretariaat.get("/overleg/acties/").content.decode()
    assert "0 resultaten" in secretariaat.get("/overleg/zoeken/?q=Geheim").content.decode()


def test_prepare_hold_and_close_a_meeting_without_javascript(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    feb = demo["februari"]
    # Prepare: a meeting, an item that approves the previous list, an item with an upload.
    r = secretariaat.post(
        "/overleg/",
        {
            "soort": "bestuurlijk",
            "datum": "2026-03-26",
            "begintijd": "10:00",
            "eindtijd": "12:00",
            "locatie": "",
            "online": "on",
            "voorzitter": "",
            "tijd_toelichting": "",
        },
    )
    maart = Overleg.objects.get(datum=dt.date(2026, 3, 26))
    assert r.status_code == 302 and r["Location"] == f"/overleg/{maart.pk}/"
    r = secretariaat.post(
        f"/overleg/{maart.pk}/agendapunt/nieuw/",
        {
            "nummer": 2,
            "letter": "",
            "titel": "Actie- en besluitenlijst PRT 5 februari 2026",
            "doel": "instemming",
            "vaststelling_vorige_lijst": "on",
        },
    )
    punt2 = maart.agendapunten.get(nummer=2)
    assert r.status_code == 302
    r = secretariaat.post(
        f"/overleg/{maart.pk}/agendapunt/nieuw/",
        {"nummer": 3, "letter": "", "titel": "Noodopvang", "doel": "bespreking"},
    )
    punt3 = maart.agendapunten.get(nummer=3)
    bestand = SimpleUploadedFile(
        "notitie.txt", b"Drie kandidaat-locaties voor noodopvang in Emmen."
    )
    r = secretariaat.post(
        f"/overleg/agendapunt/{punt3.pk}/bijlage/",
        {"bestand": bestand, "titel": "Notitie noodopvang"},
    )
    assert r.status_code == 302
    bijlage = Bijlage.objects.get(agendapunt=punt3)
    assert secretariaat.get(f"/overleg/bijlage/{bijlage.pk}/").content.startswith(b"Drie kandidaat")
    # Hold: notes, a decision, an action; approve the list of 5-2; close an old action.
    r = secretariaat.post(
        f"/overleg/agendapunt/{punt3.pk}/",
        {
            "nummer": 3,
            "letter": "",
            "titel": "Noodopvang",
            "doel": "bespreking",
            "aantekeningen": "Emmen heeft drie locaties in beeld.\nDe GGD adviseert.",
        },
    )
    assert r.status_code == 302
    secretariaat.post(
        f"/overleg/agendapunt/{punt3.pk}/besluit/", {"tekst": "Emmen meldt de locaties aan."}
    )
    secretariaat.post(
        f"/overleg/agendapunt/{punt3.pk}/actie/",
        {
            "omschrijving": "Locaties aanmelden bij het ministerie",
            "door_wie": "Gemeente Emmen",
            "deadline": "2026-04-15",
        },
    )
    assert Actie.objects.filter(agendapunt=punt3).count() == 1
    r = secretariaat.post(f"/overleg/{maart.pk}/instemmen/")
    assert r.status_code == 302
    feb.refresh_from_db()
    assert feb.vastgesteld_in_id == maart.pk
    woo = Actie.objects.get(omschrijving__startswith="Woo-verzoek")
    r = secretariaat.post(
        f"/overleg/actie/{woo.pk}/status/", {"status": "afgerond", "overleg": maart.pk}
    )
    assert r.status_code == 302 and r["Location"] == f"/overleg/{maart.pk}/#actie-{woo.pk}"
    woo.refresh_from_db()
    assert woo.status == ActieStatus.AFGEROND and woo.afgerond_in_id == maart.pk
    html = secretariaat.get(f"/overleg/{maart.pk}/").content.decode()
    assert "Actie- en besluitenlijst 5 februari 2026: Ingestemd." in html
    assert "Emmen heeft drie locaties in beeld." in html
    assert punt2.pk  # the approving item is on the list
    # Close: the February list is no longer CONCEPT.
    from tests.overleg.conftest import pdf_tekst

    pdf = pdf_tekst(haal(secretariaat, f"/overleg/{feb.pk}/actie-en-besluitenlijst.pdf").content)
    assert "CONCEPT" not in pdf and "Ingestemd in het overleg van 26 maart 2026" in " ".join(
        pdf.split()
    )


def test_invalid_forms_show_errors(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    feb = demo["februari"]
    punt = feb.agendapunten.get(nummer=5, letter="c")
    # A second meeting on the same day, a second item 5c: errors, nothing overwritten.
    r = secretariaat.post("/overleg/", {"soort": "bestuurlijk", "datum": "2026-02-05"})
    assert r.status_code == 200 and "Er is al een overleg" in r.content.decode()
    r = secretariaat.post(
        f"/overleg/{feb.pk}/agendapunt/nieuw/", {"nummer": 5, "letter": "c", "titel": "Anders"}
    )
    assert r.status_code == 200 and "Er is al een agendapunt 5c" in r.content.decode()
    punt.refresh_from_db()
    assert punt.titel == "Verzoek ministerie A&M realisatie noodopvang aan PRT Drenthe"
    r = secretariaat.post(
        f"/overleg/agendapunt/{punt.pk}/actie/", {"omschrijving": "", "door_wie": ""}
    )
    assert r.status_code == 200 and "utrecht-form-field-error-message" in r.content.decode()
    r = secretariaat.post(
        f"/overleg/agendapunt/{punt.pk}/bijlage/",
        {"bestand": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert r.status_code == 200 and "worden niet bewaard" in r.content.decode()
    r = secretariaat.post(
        f"/overleg/agendapunt/{punt.pk}/stand-van-zaken/", {"peildatum": "2019-01-01"}
    )
    assert r.status_code == 200 and "geen cijfers" in r.content.decode()


def test_register_a_letter_with_attachment_and_links(demo, secretariaat, lezer) -> None:  # type: ignore[no-untyped-def]
    punt = demo["februari"].agendapunten.get(nummer=5, letter="c")
    r = secretariaat.post(
        "/overleg/brieven/nieuw/",
        {
            "afzender": "Gemeente Emmen",
            "ontvangen": "2026-02-20",
            "onderwerp": "Aanbod noodopvang",
            "soort": "email",
            "tekst": "",
            "persoonsgegevens": "on",
            "opvolging": "Doorsturen naar het ministerie",
            "opvolging_status": "open",
            "opvolging_deadline": "2026-03-01",
            "agendapunten": [punt.pk],
            "bestand": SimpleUploadedFile(
                "aanbod.txt", b"Sporthal De Klimop, 100 bedden, contact J. Jansen"
            ),
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    brief = Brief.objects.get(onderwerp="Aanbod noodopvang")
    assert list(brief.agendapunten.all()) == [punt]
    assert "Sporthal" in brief.bestand_tekst
    assert (
        AuditRegel.objects.filter(object_type="overleg.brief", object_id=str(brief.pk)).count() >= 2
    )
    assert secretariaat.get(f"/overleg/brieven/{brief.pk}/bestand/").status_code == 200
    # Personal data: the lezer sees the register entry, not the file.
    assert lezer.get(f"/overleg/brieven/{brief.pk}/").status_code == 200
    assert lezer.get(f"/overleg/brieven/{brief.pk}/bestand/").status_code == 403


def test_excel_of_actions_and_letters(demo, lezer) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    for pad, kop, aantal in (
        ("/overleg/?formaat=xlsx", "Datum", 2),
        (f"/overleg/{demo['februari'].pk}/agenda.xlsx", "Nr.", 18),
        ("/overleg/acties/?formaat=xlsx", "Actie", 5),
        ("/overleg/brieven/?formaat=xlsx", "Ontvangen", 2),
    ):
        r = lezer.get(pad)
        assert r["Content-Type"].startswith("application/vnd.openxmlformats")
        ws = load_workbook(io.BytesIO(r.content)).active
        rijen = [[c.value for c in rij] for rij in ws.iter_rows()]
        start = next(i for i, rij in enumerate(rijen) if rij[0] == kop)
        data = [rij for rij in rijen[start + 1 :] if rij[1]]
        assert len(data) == aantal, pad
    r = lezer.get("/overleg/brieven/?formaat=xlsx")
    ws = load_workbook(io.BytesIO(r.content)).active
    waarden = [c.value for rij in ws.iter_rows() for c in rij]
    assert "Verzoek tot noodopvang" in waarden
    assert any(isinstance(w, str) and "punt 5c" in w for w in waarden)


def test_the_menu_filter_follows_the_roles(demo) -> None:  # type: ignore[no-untyped-def]
    from regietafel.accounts.models import Gebruiker
    from regietafel.overleg.templatetags.overleg_rechten import mag_overleg

    rechten = {
        naam: mag_overleg(Gebruiker.objects.get(username=naam))
        for naam in ("secretariaat", "gemeente-assen", "lezer", "coa")
    }
    assert rechten == {"secretariaat": True, "gemeente-assen": True, "lezer": True, "coa": False}


def test_an_edit_on_the_page_is_saved(demo, secretariaat) -> None:  # type: ignore[no-untyped-def]
    """Found by the role matrix: the edit forms of a meeting and a letter said "opgeslagen"
    and saved nothing (the form had put the new values on the very object the service
    compared them with)."""
    from tests.formulier import formulier_post

    feb = demo["februari"]
    r = formulier_post(
        secretariaat, f"/overleg/{feb.pk}/bewerken/", {"locatie": "Gemeentehuis Assen"}
    )
    assert r.status_code == 302
    feb.refresh_from_db()
    assert feb.locatie == "Gemeentehuis Assen"
    assert AuditRegel.objects.filter(
        object_type="overleg.overleg", object_id=str(feb.pk), actie="gewijzigd"
    ).exists()
    brief = Brief.objects.filter(provincie=feb.provincie).order_by("pk").first()
    assert brief is not None
    r = formulier_post(
        secretariaat, f"/overleg/brieven/{brief.pk}/", {"onderwerp": "Nieuw onderwerp"}
    )
    assert r.status_code == 302
    brief.refresh_from_db()
    assert brief.onderwerp == "Nieuw onderwerp"

"""The review workflow pages: roles, upload, proposals, own redactions, status, exports."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Provincie
from regietafel.woo import services
from regietafel.woo.models import Lak, LakStatus, Status, WooBesluit, WooDocument
from tests.woo.helpers import SEED_001, niets_lekt, pdf_tekst, zonder_wit

pytestmark = pytest.mark.django_db


@pytest.fixture
def besluit(gebruiker_secretariaat: Gebruiker, drenthe: Provincie) -> WooBesluit:
    return services.maak_besluit(
        door=gebruiker_secretariaat,
        provincie=drenthe,
        titel="Woo-verzoek verdeling asielopvang",
        datum=dt.date(2026, 2, 1),
        kenmerk="WOO-2026-001",
    )


@pytest.fixture
def document(besluit: WooBesluit, gebruiker_secretariaat: Gebruiker) -> WooDocument:
    return services.voeg_document_toe(
        door=gebruiker_secretariaat,
        besluit=besluit,
        titel="Brief",
        tekst="Beste Raymond Wanders,\nbel mij op 06-12345678.\nGroet, Jetta Klijnsma",
        bron="tekst",
        datum=dt.date(2024, 11, 1),
    )


def _urls(besluit: WooBesluit, document: WooDocument) -> list[tuple[str, str]]:
    b, n = besluit.pk, document.nummer
    lak = document.lakken.first()
    assert lak is not None
    return [
        ("get", "/woo/"),
        ("post", "/woo/nieuw/"),
        ("get", f"/woo/{b}/"),
        ("post", f"/woo/{b}/document/"),
        ("get", f"/woo/{b}/publicatie.pdf"),
        ("get", f"/woo/{b}/?formaat=xlsx"),
        ("get", f"/woo/{b}/document/{n}/"),
        ("get", f"/woo/{b}/document/{n}/publicatie.pdf"),
        ("post", f"/woo/{b}/document/{n}/lak/{lak.pk}/"),
        ("post", f"/woo/{b}/document/{n}/eigen/"),
        ("post", f"/woo/{b}/document/{n}/status/"),
    ]


@pytest.mark.parametrize("persona", ["lezer", "gemeente_assen", "gemeente_emmen", "coa"])
def test_only_the_secretariaat_gets_in(
    persona: str, request: pytest.FixtureRequest, besluit: WooBesluit, document: WooDocument
) -> None:
    client: Client = request.getfixturevalue(persona)
    voor = AuditRegel.objects.count()
    for methode, url in _urls(besluit, document):
        response = getattr(client, methode)(
            url, {"beoordeling": "afgewezen", "status": "beoordeeld"}
        )
        assert response.status_code == 403, (persona, url)
    assert AuditRegel.objects.count() == voor
    assert Lak.objects.filter(status=LakStatus.AFGEWEZEN).count() == 0


def test_anonymous_is_sent_to_login(drenthe: Provincie) -> None:
    response = Client().get("/woo/")
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")


def test_a_secretariaat_of_another_provincie_gets_404(
    besluit: WooBesluit, document: WooDocument
) -> None:
    groningen = Provincie.objects.exclude(pk=besluit.provincie_id).first()
    assert groningen is not None
    ander = Gebruiker.objects.create_user(
        "sec-groningen", rol=Rol.SECRETARIAAT, provincie=groningen
    )
    client = Client()
    client.force_login(ander)
    for methode, url in _urls(besluit, document)[2:]:
        assert getattr(client, methode)(url).status_code == 404, url
    with pytest.raises(Exception, match="andere provincie"):
        services.zet_status(door=ander, document=document, status="beoordeeld")


def test_lists_run_a_constant_number_of_queries(
    secretariaat: Client,
    besluit: WooBesluit,
    document: WooDocument,
    gebruiker_secretariaat: Gebruiker,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    for i in range(4):
        b = services.maak_besluit(
            door=gebruiker_secretariaat,
            provincie=besluit.provincie,
            titel=f"Extra {i}",
            datum=dt.date(2026, 1, i + 1),
            kenmerk=f"X-{i}",
        )
        WooDocument.objects.create(besluit=b, nummer=1, titel="t", bron="tekst", tekst="t")
        WooDocument.objects.create(
            besluit=besluit, nummer=10 + i, titel=f"d{i}", bron="tekst", tekst="x"
        )
    with django_assert_max_num_queries(12):
        html = secretariaat.get("/woo/").content.decode()
    assert html.count('href="/woo/') >= 5
    with django_assert_max_num_queries(14):
        html = secretariaat.get(f"/woo/{besluit.pk}/").content.decode()
    assert html.count("/document/1") >= 1 and "d3" in html


def test_upload_of_seed_001_review_and_export(secretariaat: Client, besluit: WooBesluit) -> None:
    """Issue 9.6 through the pages: upload, proposals, review, publish, PDF and inventory."""
    response = secretariaat.post(
        f"/woo/{besluit.pk}/document/",
        {
            "bron": "upload",
            "titel": "Aanbiedingsbrieven provinciaal verslag",
            "datum": "2024-11-01",
            "bestand": SimpleUploadedFile(SEED_001.name, SEED_001.read_bytes(), "text/plain"),
        },
    )
    assert response.status_code == 302
    document = WooDocument.objects.get(besluit=besluit)
    assert response["Location"] == f"/woo/{besluit.pk}/document/{document.nummer}/"
    lakken = list(document.lakken.all())
    assert len(lakken) == 105
    assert {lk.tekst for lk in lakken if lk.soort == "naam"} >= {
        "Raymond Wanders",
        "Yvonne Turenhout",
        "Bouwmeester",
    }
    assert not any("Klijnsma" in lk.tekst or "Klijsma" in lk.tekst for lk in lakken)
    html = secretariaat.get(response["Location"]).content.decode()
    assert "105 lakken, waarvan 105 nog te beoordelen" in html

    # the reviewer accepts the names, rejects the provincie's general number, adds his own
    for lk in lakken:
        keuze = "afgewezen" if lk.tekst == "+31 592 365555" else "geaccepteerd"
        r = secretariaat.post(
            f"/woo/{besluit.pk}/document/1/lak/{lk.pk}/", {"beoordeling": keuze, "grond": "J"}
        )
        assert r.status_code == 302
    r = secretariaat.post(
        f"/woo/{besluit.pk}/document/1/eigen/",
        {"fragment": "Bestuur- en concernzaken, team Kabinet", "grond": "J", "alle": "on"},
    )
    assert r.status_code == 302
    assert document.lakken.filter(eigen=True).count() == 1
    r = secretariaat.post(
        f"/woo/{besluit.pk}/document/1/eigen/", {"fragment": "bestaat nergens", "grond": "J"}
    )
    assert r.status_code == 400 and "staat niet in het document" in r.content.decode()

    for status in ("beoordeeld", "gepubliceerd"):
        secretariaat.post(f"/woo/{besluit.pk}/document/1/status/", {"status": status})
    document.refresh_from_db()
    assert document.status == Status.GEPUBLICEERD
    # frozen once published
    r = secretariaat.post(
        f"/woo/{besluit.pk}/document/1/lak/{lakken[0].pk}/", {"beoordeling": "afgewezen"}
    )
    assert Lak.objects.get(pk=lakken[0].pk).status == LakStatus.GEACCEPTEERD

    pdf = secretariaat.get(f"/woo/{besluit.pk}/publicatie.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(pdf.content)
    gelakt = [lk.tekst for lk in document.lakken.exclude(status=LakStatus.AFGEWEZEN)]
    assert niets_lekt(tekst, gelakt) == []
    assert "+31 592 365555" in tekst  # rejected: stays
    assert "Raymond" not in tekst and "Turenhout" not in tekst and "team Kabinet" not in tekst
    assert "JettaKlijsma" in zonder_wit(tekst) and "Jetta Klijnsma" in tekst
    assert "Toelichting grondslagen" in tekst

    from openpyxl import load_workbook

    xlsx = secretariaat.get(f"/woo/{besluit.pk}/?formaat=xlsx&tabel=inventaris")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in ws[1]] == [
        "Documentnr.",
        "Titel",
        "Datum",
        "Besluit",
        "Gronden",
        "Aantal lakken",
        "Status",
    ]
    rij = [c.value for c in ws[2]]
    assert rij[0] == 1 and rij[1] == "Aanbiedingsbrieven provinciaal verslag"
    assert rij[3] == "deels openbaar" and rij[4] == "J (Art. 5.1 lid 2 sub e)"
    assert rij[5] == 105 and rij[6] == "gepubliceerd"
    assert ws["F3"].value == "=SUM(F2:F2)"


def test_own_redaction_merges_with_an_overlapping_proposal(
    document: WooDocument, gebruiker_secretariaat: Gebruiker
) -> None:
    services.voeg_eigen_lak_toe(
        door=gebruiker_secretariaat, document=document, fragment="Beste Raymond", grond="J"
    )
    spans = sorted((lk.start, lk.eind, lk.tekst) for lk in document.lakken.all())
    assert spans[0] == (0, 21, "Beste Raymond Wanders")
    for a, b in itertools.pairwise(spans):
        assert a[1] <= b[0]


def test_review_cannot_finish_with_open_proposals(
    secretariaat: Client, besluit: WooBesluit, document: WooDocument
) -> None:
    r = secretariaat.post(
        f"/woo/{besluit.pk}/document/1/status/", {"status": "beoordeeld"}, follow=True
    )
    assert "Nog 2 voorstel(len) te beoordelen" in r.content.decode()
    document.refresh_from_db()
    assert document.status == Status.CONCEPT


def test_whole_document_withheld(
    secretariaat: Client, besluit: WooBesluit, document: WooDocument
) -> None:
    secretariaat.post(f"/woo/{besluit.pk}/document/1/status/", {"weigergrond": "P"})
    document.refresh_from_db()
    assert document.weigergrond == "P"
    tekst = pdf_tekst(secretariaat.get(f"/woo/{besluit.pk}/document/1/publicatie.pdf").content)
    assert "niet openbaar gemaakt" in tekst and "Art. 5.2 lid 1" in tekst
    assert "Jetta" not in tekst and "bel mij" not in tekst


def test_text_and_generated_stand_van_zaken(secretariaat: Client, besluit: WooBesluit) -> None:
    html = secretariaat.get(f"/woo/{besluit.pk}/").content.decode()
    peildatum = re.search(r'<option value="(\d{4}-\d\d-\d\d)"', html)
    assert peildatum is not None
    r = secretariaat.post(
        f"/woo/{besluit.pk}/document/", {"bron": "stand", "peildatum": peildatum.group(1)}
    )
    assert r.status_code == 302
    stand = WooDocument.objects.get(besluit=besluit, nummer=1)
    assert stand.bron == "stand" and stand.titel.startswith("Stand van zaken")
    assert "Assen" in stand.tekst
    r = secretariaat.post(
        f"/woo/{besluit.pk}/document/", {"bron": "tekst", "titel": "", "tekst": ""}
    )
    assert r.status_code == 400
    assert "Plak de tekst van het document." in r.content.decode()


def test_an_unreadable_upload_is_refused_in_dutch(
    secretariaat: Client, besluit: WooBesluit
) -> None:
    r = secretariaat.post(
        f"/woo/{besluit.pk}/document/",
        {
            "bron": "upload",
            "titel": "Brief",
            "bestand": SimpleUploadedFile("x.pdf", b"geen pdf", "application/pdf"),
        },
    )
    assert r.status_code == 400
    assert "x.pdf: het bestand kan niet gelezen worden als PDF." in r.content.decode()
    assert not WooDocument.objects.exists()


def test_every_write_leaves_an_audit_entry(
    besluit: WooBesluit, document: WooDocument, gebruiker_secretariaat: Gebruiker
) -> None:
    lak = document.lakken.first()
    assert lak is not None
    services.beoordeel_lak(door=gebruiker_secretariaat, lak=lak, status="afgewezen")
    acties = set(
        AuditRegel.objects.filter(object_type__startswith="woo.").values_list(
            "object_type", "actie"
        )
    )
    assert acties >= {
        ("woo.woobesluit", "aangemaakt"),
        ("woo.woodocument", "aangemaakt"),
        ("woo.lak", "gewijzigd"),
    }


def test_accept_all_open_proposals(
    secretariaat: Client, besluit: WooBesluit, document: WooDocument
) -> None:
    html = secretariaat.get(f"/woo/{besluit.pk}/document/1/").content.decode()
    assert "Alle 2 open voorstellen lakken" in html
    r = secretariaat.post(
        f"/woo/{besluit.pk}/document/1/status/", {"alle_voorstellen": "1"}, follow=True
    )
    assert "2 voorstel(len) geaccepteerd." in r.content.decode()
    assert set(document.lakken.values_list("status", flat=True)) == {LakStatus.GEACCEPTEERD}
    assert AuditRegel.objects.filter(bron="Woo-beoordeling: alle voorstellen").count() == 2

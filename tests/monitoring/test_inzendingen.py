"""Municipal self-service: a gemeente submits, the secretariaat approves or returns.

Personas: gemeente-assen (owner), gemeente-emmen (outsider for Assen), secretariaat
(reviewer), lezer and coa (neither)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from regietafel.accounts.models import Gebruiker
from regietafel.audit.models import AuditRegel
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.monitoring.models import Inzending, InzendingStatus, Realisatie
from regietafel.monitoring.queries import stand_van_zaken
from regietafel.monitoring.services import dien_in, keur_goed, stuur_terug

pytestmark = pytest.mark.django_db
NOV = dt.date(2025, 11, 1)
DEC = dt.date(2025, 12, 1)


@pytest.fixture(autouse=True)
def _midden_januari_2026(time_machine) -> None:  # type: ignore[no-untyped-def]
    """These submissions are for the demo's months: the clock stands in January 2026."""
    time_machine.move_to(dt.datetime(2026, 1, 15, 10, 0, tzinfo=dt.UTC), tick=False)


@pytest.fixture
def assen(drenthe: Provincie) -> Gemeente:
    return Gemeente.objects.get(naam="Assen")


def _gebruiker(naam: str) -> Gebruiker:
    return Gebruiker.objects.get(username=naam)


def _post(client: Client, peildatum: dt.date, gemeente: str = "GM0106", **aantallen: object):  # type: ignore[no-untyped-def]
    return client.post(
        "/inzendingen/",
        {
            "gemeente": gemeente,
            "peildatum": peildatum.isoformat(),
            "oekraine": aantallen.get("oekraine", ""),
            "regulier": aantallen.get("regulier", ""),
            "amv": aantallen.get("amv", ""),
            "toelichting": aantallen.get("toelichting", ""),
        },
    )


def _assen_cel(provincie: Provincie, peildatum: dt.date, kolom: int) -> int:
    stand = stand_van_zaken(provincie, peildatum)
    rij = next(r for r in stand.rijen if r.gemeente.naam == "Assen")
    return rij.cellen[kolom].realisatie


def test_the_gemeente_form_is_prefilled_with_the_last_approved_figures(
    gemeente_assen: Client,
) -> None:
    html = gemeente_assen.get("/inzendingen/").content.decode()
    assert 'name="gemeente" value="GM0106"' in html
    # Assen per 1-11-2025 (seed 000): Oekraïne 822, regulier 1.000, no AMV figure then,
    # so AMV is prefilled with the figure of 1-10-2024 (0).
    assert 'id="id_oekraine" value="822"' in html
    assert 'id="id_regulier" value="1000"' in html
    assert 'id="id_amv" value="0"' in html
    assert "Laatst goedgekeurd: 822 (peildatum 01-11-2025)." in html
    assert '<option value="2024-10-01">01-10-2024</option>' in html  # a stored peildatum
    assert 'aria-describedby="id_oekraine-uitleg"' in html
    assert "Te beoordelen" not in html  # not a reviewer


def test_submit_then_approve_puts_the_figure_on_the_dashboard_and_keeps_history(
    drenthe: Provincie, gemeente_assen: Client, secretariaat: Client
) -> None:
    voor = Realisatie.objects.actueel().get(gemeente__naam="Assen", soort="oekraine", peildatum=NOV)
    response = _post(gemeente_assen, NOV, oekraine=830, regulier=1000, toelichting="Nieuwe locatie")
    assert response.status_code == 302
    inzending = Inzending.objects.get()
    assert inzending.status == InzendingStatus.INGEDIEND
    assert {r.soort: r.aantal for r in inzending.regels.all()} == {
        "oekraine": 830,
        "regulier": 1000,
    }
    assert _assen_cel(drenthe, NOV, 0) == 822  # not on the dashboard before approval

    pagina = secretariaat.get("/inzendingen/").content.decode()
    assert "Te beoordelen" in pagina and f"/inzendingen/{inzending.pk}/" in pagina
    detail = secretariaat.get(f"/inzendingen/{inzending.pk}/").content.decode()
    assert "822" in detail and "830" in detail and "+8" in detail and "Goedkeuren" in detail

    response = secretariaat.post(f"/inzendingen/{inzending.pk}/goedkeuren/")
    assert response.status_code == 302
    inzending.refresh_from_db()
    assert inzending.status == InzendingStatus.GOEDGEKEURD
    assert inzending.beoordeeld_door == _gebruiker("secretariaat")
    assert _assen_cel(drenthe, NOV, 0) == 830
    assert "830" in secretariaat.get("/?peildatum=2025-11-01").content.decode()

    # History: the old figure is superseded, not overwritten; the new one is the approver's.
    voor.refresh_from_db()
    assert voor.aantal == 822 and voor.vervangen_op is not None
    nieuw = Realisatie.objects.actueel().get(
        gemeente__naam="Assen", soort="oekraine", peildatum=NOV
    )
    assert nieuw.aantal == 830
    assert nieuw.geregistreerd_door == _gebruiker("secretariaat")
    assert nieuw.bron.startswith("Inzending gemeente Assen van ")
    assert nieuw.toelichting == "Nieuwe locatie"
    # An unchanged figure (regulier 1000) is not duplicated.
    assert (
        Realisatie.objects.filter(gemeente__naam="Assen", soort="regulier", peildatum=NOV).count()
        == 1
    )
    # Approving twice is refused.
    assert secretariaat.post(f"/inzendingen/{inzending.pk}/goedkeuren/").status_code == 409


def test_return_with_remark_leaves_the_dashboard_unchanged_and_allows_a_new_submission(
    drenthe: Provincie, gemeente_assen: Client, secretariaat: Client
) -> None:
    _post(gemeente_assen, NOV, oekraine=9999)
    inzending = Inzending.objects.get()
    zonder = secretariaat.post(f"/inzendingen/{inzending.pk}/terugsturen/", {"opmerking": "  "})
    assert zonder.status_code == 400
    assert 'aria-describedby="id_opmerking-uitleg id_opmerking-fout"' in zonder.content.decode()
    response = secretariaat.post(
        f"/inzendingen/{inzending.pk}/terugsturen/", {"opmerking": "9999 kan niet kloppen."}
    )
    assert response.status_code == 302
    inzending.refresh_from_db()
    assert inzending.status == InzendingStatus.TERUGGESTUURD
    assert inzending.opmerking == "9999 kan niet kloppen."
    assert _assen_cel(drenthe, NOV, 0) == 822

    eigen = gemeente_assen.get("/inzendingen/").content.decode()
    assert "9999 kan niet kloppen." in eigen and "Teruggestuurd" in eigen
    opnieuw = gemeente_assen.get(f"/inzendingen/?opnieuw={inzending.pk}").content.decode()
    assert 'id="id_oekraine" value="9999"' in opnieuw
    assert _post(gemeente_assen, NOV, oekraine=832).status_code == 302
    assert Inzending.objects.count() == 2
    assert Inzending.objects.filter(status=InzendingStatus.INGEDIEND).get().pk != inzending.pk


def test_one_open_submission_per_peildatum_and_form_errors_are_linked(
    gemeente_assen: Client,
) -> None:
    assert _post(gemeente_assen, NOV, oekraine=830).status_code == 302
    dubbel = _post(gemeente_assen, NOV, oekraine=831)
    assert dubbel.status_code == 400
    assert "ligt al een inzending ter beoordeling" in dubbel.content.decode()
    leeg = _post(gemeente_assen, DEC)
    assert leeg.status_code == 400 and "ten minste één soort" in leeg.content.decode()
    fout = _post(gemeente_assen, DEC, oekraine=-3)
    html = fout.content.decode()
    assert fout.status_code == 400
    assert 'aria-describedby="id_oekraine-uitleg id_oekraine-fout"' in html
    assert 'id="id_oekraine-fout"' in html and 'aria-invalid="true"' in html
    assert _post(gemeente_assen, dt.date(2031, 1, 1), oekraine=1).status_code == 400
    assert Inzending.objects.count() == 1


def test_emmen_cannot_submit_for_assen_nor_see_or_judge_its_submission(
    assen: Gemeente, gemeente_assen: Client, gemeente_emmen: Client
) -> None:
    # The gemeente in the POST is Assen's: the service refuses (403), nothing is written.
    assert _post(gemeente_emmen, NOV, gemeente="GM0106", oekraine=1).status_code == 403
    assert _post(gemeente_emmen, NOV, gemeente="GM9999", oekraine=1).status_code == 404
    assert not Inzending.objects.exists()
    with pytest.raises(PermissionDenied):
        dien_in(
            door=_gebruiker("gemeente-emmen"),
            gemeente=assen,
            peildatum=NOV,
            aantallen={"oekraine": 1},
        )

    _post(gemeente_assen, NOV, oekraine=830)
    inzending = Inzending.objects.get()
    assert inzending.gemeente == assen
    assert gemeente_emmen.get(f"/inzendingen/{inzending.pk}/").status_code == 404
    assert gemeente_emmen.get(f"/inzendingen/?opnieuw={inzending.pk}").status_code == 404
    assert gemeente_emmen.post(f"/inzendingen/{inzending.pk}/goedkeuren/").status_code == 404
    assert (
        f"/inzendingen/{inzending.pk}/" not in gemeente_emmen.get("/inzendingen/").content.decode()
    )
    # Assen may not approve its own submission either.
    assert gemeente_assen.post(f"/inzendingen/{inzending.pk}/goedkeuren/").status_code == 403
    assert (
        gemeente_assen.post(
            f"/inzendingen/{inzending.pk}/terugsturen/", {"opmerking": "x"}
        ).status_code
        == 403
    )
    inzending.refresh_from_db()
    assert inzending.status == InzendingStatus.INGEDIEND


@pytest.mark.parametrize("persona", ["lezer", "coa"])
def test_reader_and_supplier_neither_submit_nor_judge(
    request: pytest.FixtureRequest, persona: str, assen: Gemeente, gemeente_assen: Client
) -> None:
    client: Client = request.getfixturevalue(persona)
    _post(gemeente_assen, NOV, oekraine=830)
    inzending = Inzending.objects.get()
    assert client.get("/inzendingen/").status_code == 403
    assert _post(client, DEC, oekraine=1).status_code == 403
    assert client.get(f"/inzendingen/{inzending.pk}/").status_code == 404
    assert client.post(f"/inzendingen/{inzending.pk}/goedkeuren/").status_code == 404
    assert 'href="/inzendingen/"' not in client.get("/").content.decode()
    gebruiker = _gebruiker(persona)
    with pytest.raises(PermissionDenied):
        keur_goed(door=gebruiker, inzending=inzending)
    with pytest.raises(PermissionDenied):
        stuur_terug(door=gebruiker, inzending=inzending, opmerking="nee")
    with pytest.raises(PermissionDenied):
        dien_in(door=gebruiker, gemeente=assen, peildatum=NOV, aantallen={"oekraine": 1})


def test_a_secretariaat_of_another_provincie_may_not_judge(
    drenthe: Provincie, assen: Gemeente
) -> None:
    groningen = Provincie.objects.get(naam="Groningen")
    ander = Gebruiker.objects.create(username="sec-gr", rol="secretariaat", provincie=groningen)
    inzending = dien_in(
        door=_gebruiker("gemeente-assen"), gemeente=assen, peildatum=NOV, aantallen={"amv": 3}
    )
    with pytest.raises(PermissionDenied):
        keur_goed(door=ander, inzending=inzending)


def test_the_services_record_audit_entries(assen: Gemeente) -> None:
    gemeente = _gebruiker("gemeente-assen")
    sec = _gebruiker("secretariaat")
    eerste = dien_in(
        door=gemeente, gemeente=assen, peildatum=NOV, aantallen={"oekraine": 830}, toelichting="x"
    )
    with pytest.raises(ValidationError):
        stuur_terug(door=sec, inzending=eerste, opmerking="")
    stuur_terug(door=sec, inzending=eerste, opmerking="Klopt niet")
    tweede = dien_in(door=gemeente, gemeente=assen, peildatum=NOV, aantallen={"oekraine": 831})
    keur_goed(door=sec, inzending=tweede)

    def acties(obj: Inzending) -> list[tuple[str, str | None]]:
        return [
            (a.actie, a.door.username if a.door else None)
            for a in AuditRegel.objects.filter(
                object_type="monitoring.inzending", object_id=str(obj.pk)
            ).order_by("pk")
        ]

    assert acties(eerste) == [("ingediend", "gemeente-assen"), ("teruggestuurd", "secretariaat")]
    assert acties(tweede) == [("ingediend", "gemeente-assen"), ("goedgekeurd", "secretariaat")]
    teruggestuurd = AuditRegel.objects.get(actie="teruggestuurd")
    assert teruggestuurd.wijzigingen["opmerking"] == [None, "Klopt niet"]
    figuur = AuditRegel.objects.filter(
        object_type="monitoring.realisatie", door=sec, actie="vervangen"
    ).get()
    assert figuur.wijzigingen == {"aantal": [822, 831]}
    assert figuur.bron.startswith("Inzending gemeente Assen van ")


def test_nav_links_per_role(gemeente_assen: Client, secretariaat: Client, lezer: Client) -> None:
    assert 'href="/inzendingen/"' in gemeente_assen.get("/").content.decode()
    assert 'href="/inzendingen/"' in secretariaat.get("/").content.decode()
    html = lezer.get("/").content.decode()
    assert 'href="/inzendingen/"' not in html and 'href="/trends/"' in html

"""The workbench pages: who may see and change what, the recomputed outcome, the comparison."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.gemeenten.models import Provincie
from regietafel.opgaven.models import Cyclus
from regietafel.verdeling.models import Scenario
from tests.verdeling.factories import drenthe_2024, herlaad

pytestmark = pytest.mark.django_db


def _formulier(html: str) -> dict[str, Any]:
    """The workbench form as the browser would post it unchanged (inputs, selects, textarea)."""
    form = html[html.index('<form method="post" novalidate>') :]
    form = form[: form.index("</form>")]
    data: dict[str, Any] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        naam = re.search(r'name="([^"]+)"', tag)
        if not naam or 'type="checkbox"' in tag:
            continue
        waarde = re.search(r'value="([^"]*)"', tag)
        data[naam.group(1)] = waarde.group(1) if waarde else ""
    for naam, inhoud in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        gekozen = re.search(r'<option value="([^"]*)" selected>', inhoud)
        data[naam] = gekozen.group(1) if gekozen else ""
    for naam, inhoud in re.findall(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[naam] = inhoud.strip()
    return data


def _rij(html: str, gemeente: str) -> str:
    """The row of ``gemeente`` in the outcome table."""
    tabel = html[html.index('id="verdeling-caption"') :]
    return tabel[tabel.index(f">{gemeente}</th>") :].split("</tr>")[0]


def test_anonymous_visitor_is_sent_to_login(drenthe: Provincie) -> None:
    response = Client().get("/verdeling/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


def test_nav_has_a_link_to_the_workbench(lezer: Client) -> None:
    html = lezer.get("/").content.decode()
    assert 'href="/verdeling/"' in html


def test_secretariaat_creates_a_scenario_from_the_stored_cyclus(secretariaat: Client) -> None:
    html = secretariaat.get("/verdeling/").content.decode()
    assert "Er zijn nog geen scenario&#x27;s." in html or "Er zijn nog geen scenario's." in html
    cyclus = Cyclus.objects.get(code="spreidingswet-2024")
    assert f'<option value="{cyclus.pk}" selected>' in html
    response = secretariaat.post("/verdeling/nieuw/", {"cyclus": cyclus.pk, "naam": "Verslag 2024"})
    scenario = Scenario.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/verdeling/{scenario.pk}/"
    assert scenario.aangemaakt_door is not None
    html = secretariaat.get(response["Location"]).content.decode()
    assert "Verslag 2024" in html
    assert "één op één overgenomen" in html
    assert "3.814" in html and "341" in html
    assert ">1.000<" in _rij(html, "Assen")


def test_creating_needs_a_name(secretariaat: Client) -> None:
    cyclus = Cyclus.objects.get(code="spreidingswet-2024")
    response = secretariaat.post("/verdeling/nieuw/", {"cyclus": cyclus.pk, "naam": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef het scenario een naam." in html
    assert 'aria-describedby="id_naam_error"' in html and 'id="id_naam_error"' in html
    assert not Scenario.objects.exists()


def test_lezer_can_view_everything_but_gets_403_on_every_post(lezer: Client) -> None:
    scenario = drenthe_2024()
    for pad in (
        "/verdeling/",
        f"/verdeling/{scenario.pk}/",
        f"/verdeling/vergelijk/?a={scenario.pk}&b={scenario.pk}",
        "/verdeling/oekraine/",
        f"/verdeling/{scenario.pk}/export.xlsx",
        f"/verdeling/{scenario.pk}/tabel1.docx",
        f"/verdeling/{scenario.pk}/tabel1.pdf",
    ):
        assert lezer.get(pad).status_code == 200, pad
    html = lezer.get(f"/verdeling/{scenario.pk}/").content.decode()
    assert '<form method="post" novalidate>' not in html
    assert "Alleen het secretariaat kan dit scenario wijzigen." in html
    cyclus = Cyclus.objects.get(code="spreidingswet-2024")
    for pad, data in (
        ("/verdeling/nieuw/", {"cyclus": cyclus.pk, "naam": "X"}),
        (f"/verdeling/{scenario.pk}/", {"naam": "X"}),
        (f"/verdeling/{scenario.pk}/kopieer/", {}),
        (f"/verdeling/{scenario.pk}/verwijder/", {}),
    ):
        assert lezer.post(pad, data).status_code == 403, pad
    assert lezer.get(f"/verdeling/{scenario.pk}/verwijder/").status_code == 403
    assert Scenario.objects.get().naam == "Verslag Drenthe 2024"


def test_gemeente_user_may_view_but_not_edit(drenthe: Provincie) -> None:
    scenario = drenthe_2024()
    client = Client()
    client.force_login(Gebruiker.objects.get(username="gemeente-assen"))
    assert client.get(f"/verdeling/{scenario.pk}/").status_code == 200
    assert client.post(f"/verdeling/{scenario.pk}/kopieer/").status_code == 403


def test_a_superuser_may_edit_but_staff_as_such_may_not(drenthe: Provincie) -> None:
    """One rule for a provincie's data (accounts.permissions.schrijft_provincie): its
    secretariaat or a superuser. ``is_staff`` only opens the admin site: a staff lezer or a
    staff beheerder (reads every provincie, keeps the user accounts) writes no scenario."""
    scenario = drenthe_2024()
    for naam, rol in (("staf-lezer", Rol.LEZER), ("staf-beheerder", Rol.BEHEERDER)):
        staf = Gebruiker.objects.create_user(
            naam, password="een-lang-wachtwoord", rol=rol, is_staff=True
        )
        client = Client()
        client.force_login(staf)
        assert client.get(f"/verdeling/{scenario.pk}/").status_code == 200
        assert client.post(f"/verdeling/{scenario.pk}/kopieer/").status_code == 403, naam
        assert client.post("/verdeling/nieuw/", {"naam": "x"}).status_code == 403, naam
        assert "Kopiëren" not in client.get(f"/verdeling/{scenario.pk}/").content.decode()
    assert Scenario.objects.count() == 1
    hoofd = Gebruiker.objects.create_superuser("hoofd", password="een-lang-wachtwoord")
    client = Client()
    client.force_login(hoofd)
    assert "Kopiëren" in client.get(f"/verdeling/{scenario.pk}/").content.decode()
    assert client.post(f"/verdeling/{scenario.pk}/kopieer/").status_code == 302
    assert Scenario.objects.count() == 2


def test_secretariaat_edits_a_verslag_number_and_sees_the_recomputed_result(
    secretariaat: Client,
) -> None:
    scenario = drenthe_2024()
    pad = f"/verdeling/{scenario.pk}/"
    data = _formulier(secretariaat.get(pad).content.decode())
    assert data["gemeenten-TOTAL_FORMS"] == "12"
    assen = next(
        k
        for k, v in data.items()
        if k.endswith("-gemeente")
        and v == str(herlaad(scenario).gemeenten.get(gemeente__naam="Assen").gemeente_id)
    )
    prefix = assen.removesuffix("-gemeente")
    assert data[f"{prefix}-verslag_regulier"] == "1000"
    # Assen offers 900 fewer; the opgave stays 2462 regular, the verslag now offers 2914: still
    # covered. With 1400 fewer (2414 < 2462) there is a restopgave of 48 to distribute.
    data[f"{prefix}-verslag_regulier"] = "-1"
    response = secretariaat.post(pad, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een aantal van 0 of meer in." in html
    assert f'href="#id_{prefix}-verslag_regulier"' in html
    assert f'aria-describedby="id_{prefix}-verslag_regulier_error"' in html

    data[f"{prefix}-verslag_regulier"] = "0"
    response = secretariaat.post(pad, data, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Opgeslagen (1 wijziging); de verdeling is opnieuw berekend." in html
    assert herlaad(scenario).gemeenten.get(gemeente__naam="Assen").verslag_regulier == 0
    # restopgave 2462 − 2814 < 0: still nothing to distribute. Raise the opgave:
    data = _formulier(html)
    data["opgave_regulier"] = "3000"
    html = secretariaat.post(pad, data, follow=True).content.decode()
    assert "Restopgave" in html
    rest = re.search(
        r"Restopgave</th>\s*<td[^>]*>([^<]+)</td>", html[html.index("kengetallen-caption") :]
    )
    assert rest is not None and rest.group(1) == "186"
    assert "Percentage p" in html and " %" in html
    assert "aanbod dekt het indicatieve aantal" in html
    # Assen (0 offered of 360) takes part now and gets extra places
    rij = _rij(html, "Assen")
    assert "aanbod dekt" not in rij


def test_uitruil_rows_are_saved_and_a_bad_one_is_explained(secretariaat: Client) -> None:
    scenario = drenthe_2024()
    pad = f"/verdeling/{scenario.pk}/"
    data = _formulier(secretariaat.get(pad).content.decode())
    ids = {r.gemeente.naam: r.gemeente_id for r in herlaad(scenario).gemeenten.all()}
    data.update(
        {
            "uitruil-0-van": str(ids["Aa en Hunze"]),
            "uitruil-0-voor": str(ids["Assen"]),
            "uitruil-0-regulier": "500",
        }
    )
    response = secretariaat.post(pad, data)
    assert response.status_code == 400
    assert "meer dan de 87" in response.content.decode()
    data["uitruil-0-regulier"] = "80"
    data["uitruil-1-van"] = str(ids["Emmen"])
    data["uitruil-1-voor"] = str(ids["Emmen"])
    data["uitruil-1-regulier"] = "1"
    response = secretariaat.post(pad, data)
    assert "Een gemeente kan niet met zichzelf uitruilen." in response.content.decode()
    data["uitruil-1-voor"] = ""
    data["uitruil-1-van"] = ""
    data["uitruil-1-regulier"] = ""
    data.update({"groepen-0-groep": "Noord", "groepen-0-gemeente": str(ids["Tynaarlo"])})
    data.update({"groepen-1-groep": "Noord", "groepen-1-gemeente": str(ids["Noordenveld"])})
    assert secretariaat.post(pad, data).status_code == 302
    scenario = herlaad(scenario)
    assert [(u.van.naam, u.voor.naam, u.regulier) for u in scenario.uitruil.all()] == [
        ("Aa en Hunze", "Assen", 80)
    ]
    assert scenario.uitruil_groepen.count() == 2
    html = secretariaat.get(pad).content.decode()
    assert 'name="uitruil-0-regulier" value="80"' in html
    assert _formulier(html)["uitruil-0-van"] == str(ids["Aa en Hunze"])
    assert _formulier(html)["groepen-1-groep"] == "Noord"
    # delete the agreement with its checkbox
    data = _formulier(html)
    data["uitruil-0-DELETE"] = "on"
    assert secretariaat.post(pad, data).status_code == 302
    assert not herlaad(scenario).uitruil.exists()


def test_copy_and_delete_from_the_list(secretariaat: Client) -> None:
    scenario = drenthe_2024()
    response = secretariaat.post(f"/verdeling/{scenario.pk}/kopieer/")
    kopie = Scenario.objects.exclude(pk=scenario.pk).get()
    assert response["Location"] == f"/verdeling/{kopie.pk}/"
    html = secretariaat.get("/verdeling/").content.decode()
    assert "Kopie van Verslag Drenthe 2024" in html
    bevestig = secretariaat.get(f"/verdeling/{kopie.pk}/verwijder/").content.decode()
    assert "verwijderen?" in bevestig
    assert Scenario.objects.filter(pk=kopie.pk).exists()  # GET asks, it does not delete
    response = secretariaat.post(f"/verdeling/{kopie.pk}/verwijder/")
    assert response["Location"] == "/verdeling/"
    assert not Scenario.objects.filter(pk=kopie.pk).exists()


def test_scenarios_of_another_provincie_are_not_found(secretariaat: Client) -> None:
    scenario = drenthe_2024()
    Scenario.objects.filter(pk=scenario.pk).update(provincie=Provincie.objects.get(naam="Utrecht"))
    assert secretariaat.get(f"/verdeling/{scenario.pk}/").status_code == 404
    assert secretariaat.get(f"/verdeling/{scenario.pk}/tabel1.pdf").status_code == 404


def test_page_shows_p_the_trace_the_chart_and_its_table(secretariaat: Client) -> None:
    from regietafel.verdeling.services import wijzig_scenario

    scenario = drenthe_2024()
    wijzig_scenario(
        door=Gebruiker.objects.get(username="secretariaat"),
        scenario=scenario,
        velden={"opgave_regulier": 3900},
    )
    html = secretariaat.get(f"/verdeling/{scenario.pk}/").content.decode()
    assert re.search(r"\d+,\d\d %", html)  # p as a Dutch percentage
    assert '<ol class="utrecht-ordered-list stappen">' in html
    assert "Restopgave regulier: opgave 3900" in html
    assert html.count('<svg role="img" aria-label=') == 2
    assert "<script" not in html.split('<svg role="img"')[1].split("</svg>")[0]
    assert "kozea.github.io" not in html
    assert 'id="grafiek-regulier-caption"' in html and 'id="grafiek-amv-caption"' in html


def test_compare_two_scenarios_side_by_side(secretariaat: Client) -> None:
    from regietafel.verdeling.services import wijzig_scenario

    a = drenthe_2024("A")
    b = drenthe_2024("B")
    emmen = herlaad(b).gemeenten.get(gemeente__naam="Emmen")
    wijzig_scenario(
        door=Gebruiker.objects.get(username="secretariaat"),
        scenario=b,
        gemeenten={emmen.gemeente_id: {"verslag_regulier": 600}},
    )
    html = secretariaat.get(f"/verdeling/vergelijk/?a={a.pk}&b={b.pk}").content.decode()
    assert "A: A" in html and "B: B" in html
    rij = html[html.index(">Emmen</th>") :].split("</tr>")[0]
    assert ">675<" in rij and ">600<" in rij
    assert "\u221275" in rij  # B − A with a real minus sign
    assert ">3.814<" in html and ">3.739<" in html
    html = secretariaat.get(f"/verdeling/vergelijk/?a={a.pk}&b=99999").content.decode()
    assert "Kies twee bestaande scenario" in html
    assert secretariaat.get("/verdeling/vergelijk/").status_code == 200

"""Search: grouped results with a snippet, scoped to the provincie, and the hook through which
other apps add results (``<app>/zoeken.py``)."""

from __future__ import annotations

import datetime as dt
import types

import pytest

from regietafel.gemeenten.models import Provincie
from regietafel.overleg import zoeken
from regietafel.overleg.models import Brief
from regietafel.overleg.zoeken import Treffer, fragment, verzamel

pytestmark = pytest.mark.django_db


def test_noodopvang_finds_the_letter_the_item_and_the_action(demo, drenthe) -> None:  # type: ignore[no-untyped-def]
    groepen = verzamel("noodopvang", drenthe)
    assert {t.title for t in groepen["Brieven en verzoeken"]} == {
        "Verzoek tot noodopvang (Directeur Programmadirectie Realisatie Onderdak (PRO), Ministerie van Asiel en Migratie)"
    }
    brief = groepen["Brieven en verzoeken"][0]
    assert brief.date == dt.date(2026, 1, 12)
    # The letter holds personal data: without the right to see it, the snippet is the follow-up.
    assert brief.snippet.startswith("Geagendeerd voor het PRT van 5 februari 2026")
    volledig = verzamel("noodopvang", drenthe, persoonsgegevens=True)["Brieven en verzoeken"][0]
    assert volledig.snippet.startswith("Beste [REDACTED] In vervolg op ons telefoongesprek")
    assert any(
        "5c Verzoek ministerie A&M realisatie noodopvang" in t.title
        for t in groepen["Agendapunten"]
    )
    assert len(groepen["Acties"]) == 1 and "100 reserveplaatsen" in groepen["Acties"][0].title


def test_words_in_notes_decisions_and_the_letters_text(demo, drenthe) -> None:  # type: ignore[no-untyped-def]
    groepen = verzamel("nareizigers", drenthe)
    # The 7b item, the notes of 19-11 on asielopvang, the decision about placements, the letter of 19-12.
    assert any("Versnelling huisvesting nareizigers" in t.title for t in groepen["Agendapunten"])
    notities = [t for t in groepen["Agendapunten"] if "Asielopvang en opvang" in t.title]
    assert len(notities) == 1 and "uitstroom van nareizigers" in notities[0].snippet
    assert any("nareizigers" in t.snippet for t in groepen["Besluiten"])
    assert [t.date for t in groepen["Brieven en verzoeken"]] == [dt.date(2025, 12, 19)]
    # Text only found in an attachment: the generated Stand van zaken lists the gemeenten.
    bijlagen = verzamel("Westerveld", drenthe)["Bijlagen"]
    assert len(bijlagen) == 3 and all("Stand van zaken" in t.title for t in bijlagen)


def test_search_is_scoped_to_the_provincie(demo, groningen) -> None:  # type: ignore[no-untyped-def]
    assert verzamel("noodopvang", groningen) == {}
    Brief.objects.create(
        provincie=groningen,
        afzender="Ministerie",
        ontvangen=dt.date(2026, 1, 5),
        onderwerp="Verzoek noodopvang Groningen",
        soort="verzoek",
    )
    drenthe = Provincie.objects.get(naam="Drenthe")
    assert all(
        "Groningen" not in t.title for t in verzamel("noodopvang", drenthe)["Brieven en verzoeken"]
    )


def test_the_text_of_a_personal_letter_is_found_only_by_the_secretariaat(
    demo, drenthe, lezer, secretariaat
) -> None:  # type: ignore[no-untyped-def]
    # "Rode Kruis" occurs only in the body of the noodopvang letter (marked as personal data).
    assert "Brieven en verzoeken" not in verzamel("Rode Kruis", drenthe)
    assert len(verzamel("Rode Kruis", drenthe, persoonsgegevens=True)["Brieven en verzoeken"]) == 1
    assert (
        "Verzoek tot noodopvang" not in lezer.get("/overleg/zoeken/?q=Rode+Kruis").content.decode()
    )
    assert (
        "Verzoek tot noodopvang"
        in secretariaat.get("/overleg/zoeken/?q=Rode+Kruis").content.decode()
    )
    # The letter without personal data is found by its text for everyone.
    assert verzamel("Zevenaar", drenthe)["Brieven en verzoeken"][0].date == dt.date(2025, 12, 19)


def test_too_short_or_empty_terms_find_nothing(demo, drenthe, lezer) -> None:  # type: ignore[no-untyped-def]
    assert verzamel("", drenthe) == {} and verzamel(" a ", drenthe) == {}
    assert "ten minste twee tekens" in lezer.get("/overleg/zoeken/?q=a").content.decode()


def test_other_apps_add_results_through_the_hook(demo, drenthe, lezer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    gezien = []

    def zoek(term: str, provincie: Provincie) -> list[Treffer]:
        gezien.append((term, provincie))
        return [
            Treffer(
                "Woo-verzoeken",
                "Woo-verzoek Oekraïne-opvang",
                "/woo/1/",
                "over noodopvang",
                dt.date(2025, 11, 1),
            )
        ]

    monkeypatch.setattr(zoeken, "_apps_met_zoeken", lambda: [types.SimpleNamespace(zoek=zoek)])
    groepen = verzamel("noodopvang", drenthe)
    assert gezien == [("noodopvang", drenthe)]
    assert groepen["Woo-verzoeken"][0].url == "/woo/1/"
    html = lezer.get("/overleg/zoeken/?q=noodopvang").content.decode()
    assert "Woo-verzoeken (1)" in html and 'href="/woo/1/"' in html


def test_the_hook_finds_real_app_modules() -> None:
    # Whatever apps define zoeken.py today, each module found has a callable zoek.
    for module in zoeken._apps_met_zoeken():
        assert callable(module.zoek)


def test_fragment_shows_the_text_around_the_term() -> None:
    tekst = "Begin. " + "vulling " * 40 + "Het Rode Kruis kan de locatie bemensen. " + "slot " * 40
    stuk = fragment(tekst, "Kruis")
    assert "Rode Kruis" in stuk and stuk.startswith("… ") and stuk.endswith(" …")
    assert len(stuk) <= zoeken.FRAGMENT + 4
    assert fragment("kort", "x") == "kort"


@pytest.mark.postgres
def test_postgresql_full_text_stems_dutch_words(demo, drenthe) -> None:  # type: ignore[no-untyped-def]
    assert zoeken.postgres(), "marked postgres: runs in the PostgreSQL pass of `make test`"
    # "verzoeken" occurs nowhere in the noodopvang letter (icontains would miss it); the Dutch
    # stemmer reduces it to "verzoek", which the letter uses twice.
    brief = Brief.objects.get(onderwerp="Verzoek tot noodopvang")
    assert "verzoeken" not in f"{brief.onderwerp} {brief.tekst}".lower()
    brieven = verzamel("verzoeken", drenthe)["Brieven en verzoeken"]
    assert dt.date(2026, 1, 12) in [t.date for t in brieven]

